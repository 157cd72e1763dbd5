"""Issue 17: every sentence the site writes about a body (its page, the link preview, the agencies table, every place
that names it as lead, partner, asked or directed) says what the plan gives it, and nothing more. A request or a
coordination is never counted as an assignment.

The expected roles and counts are read here straight from the YAML files, with this file's own map from a field to
the role it gives, so the tests do not repeat the code they check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from support.data import copy_data, messages, patch
from support.paths import ROOT, TODAY

from macros.data.spec import AGENCY_ROLES
from macros.site import bodies, pages, previews, render

# The plan's words, field by field: the role a body named in that field has (README, "06 rõ").
GIVES = {
    "chi-tieu.yml": {"chu_tri": "duoc-giao", "phoi_hop": "phoi-hop"},
    "nhiem-vu.yml": {
        "chu_tri": "duoc-giao",
        "phoi_hop": "phoi-hop",
        "chi_dao": "duoc-chi-dao",
        "de_nghi": "duoc-de-nghi",
    },
}
NOUN = {"chi-tieu.yml": "chỉ tiêu", "nhiem-vu.yml": "nhiệm vụ"}


def raw(name: str) -> dict:
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


def expected_counts() -> dict[str, dict[str, dict[str, int]]]:
    """body -> role -> {"chỉ tiêu": n, "nhiệm vụ": m}, from the targets and tasks files."""
    found: dict = {}
    for name, key in (("chi-tieu.yml", "chi_tieu"), ("nhiem-vu.yml", "nhiem_vu")):
        for record in raw(name)[key]:
            for field, role in GIVES[name].items():
                value = record.get(field)
                for body in value if isinstance(value, list) else [value] if value else []:
                    counts = found.setdefault(body, {}).setdefault(role, {})
                    counts[NOUN[name]] = counts.get(NOUN[name], 0) + 1
    return found


AGENCIES = {agency["id"]: agency for agency in raw("co-quan.yml")["co_quan"]}
COUNTS = expected_counts()
LABELS = {role.label.lower(): code for code, role in AGENCY_ROLES.items()}


def read_line(line: str) -> tuple[str, dict[str, int]]:
    """ "Được giao chủ trì 2 chỉ tiêu và 1 nhiệm vụ" -> ("duoc-giao", {"chỉ tiêu": 2, "nhiệm vụ": 1})."""
    text = re.sub(r" \([^)]*\)$", "", line.strip()).lower()
    counted = dict((noun, int(n)) for n, noun in re.findall(r"(\d+) (chỉ tiêu|nhiệm vụ)", text))
    label = re.sub(r" \d+ (chỉ tiêu|nhiệm vụ)( và \d+ (chỉ tiêu|nhiệm vụ))?$", "", text)
    assert label in LABELS, f"{line!r} is not said with a role's words"
    return LABELS[label], counted


def assert_says_the_plan(body: str, lines: list[str]) -> None:
    """The lines name exactly the body's vai_tro, each with the number of targets and tasks that give that role."""
    said = dict(read_line(line) for line in lines)
    assert set(said) == set(AGENCIES[body]["vai_tro"]), body
    for role, counted in said.items():
        assert counted == COUNTS.get(body, {}).get(role, {}), (body, role)


def test_every_role_a_record_gives_is_in_vai_tro_and_back():
    for body, agency in AGENCIES.items():
        given = set(COUNTS.get(body, {}))
        declared = set(agency["vai_tro"]) & {role for fields in GIVES.values() for role in fields.values()}
        assert given == declared, body


@pytest.mark.parametrize("body", sorted(AGENCIES))
def test_every_sentence_about_a_body_follows_its_roles(real_site_data, body):
    plan, agency = real_site_data.plan, real_site_data.plan.agency_by_id[body]
    assert_says_the_plan(body, [line.text for line in bodies.role_lines(plan, agency)])
    description = previews.agency_description(real_site_data, body)
    assert description.startswith(bodies.DESCRIPTION_LEAD + ": ") and description.endswith(".")
    assert_says_the_plan(body, description.removeprefix(bodies.DESCRIPTION_LEAD + ": ")[:-1].split("; "))
    page = BeautifulSoup(pages.AGENCIES.body(real_site_data, agency), "lxml")
    assert_says_the_plan(body, [li.get_text(" ", strip=True) for li in page.select("ul.kh-roles li")])
    table = BeautifulSoup(render.agencies_page(real_site_data, "don-vi/"), "lxml")
    row = table.find("a", href=f"../don-vi/{body}/").find_parent("tr")
    assert_says_the_plan(body, [li.get_text(" ", strip=True) for li in row.select("ul.kh-roles li")])


def test_a_request_or_a_coordination_is_never_an_assignment(real_site_data):
    for body in (
        "ubmttq",
        "to-chuc-chinh-tri-xa-hoi",
        "thuong-truc-hdnd",
        "dai-bieu-hdnd",
        "trung-tam-dich-vu-nong-nghiep",
    ):
        description = previews.agency_description(real_site_data, body)
        assert "giao chủ trì" not in description and "được giao" not in description, description
    front = previews.agency_description(real_site_data, "ubmttq")
    assert front == (
        "Trong Kế hoạch: được đề nghị 1 nhiệm vụ (kế hoạch không giao việc mà đề nghị); phối hợp thực hiện 2 nhiệm vụ."
    )
    schools = previews.agency_description(real_site_data, "truong-hoc")
    assert schools == "Trong Kế hoạch: được chỉ đạo thực hiện 1 nhiệm vụ."


def test_each_list_item_of_an_agency_page_names_the_role_of_that_record(real_site_data):
    for agency in real_site_data.plan.agencies:
        page = BeautifulSoup(pages.AGENCIES.body(real_site_data, agency), "lxml")
        items = page.select("ul.kh-list li")
        assert len(items) == len(real_site_data.plan.targets_of(agency.id)) + len(
            real_site_data.plan.tasks_of(agency.id)
        )
        for item in items:
            relation = item.select_one("span[data-role]")
            assert relation["data-role"] in agency.roles, agency.id
            assert relation.get_text() == AGENCY_ROLES[relation["data-role"]].each


def role_claims(site: Path) -> list[tuple[str, str, str]]:
    """(page, body, role) for every place of the built site that shows a body in a role."""
    found = []
    for path in site.rglob("*.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        own = re.fullmatch(r"don-vi/([a-z0-9-]+)/index\.html", str(path.relative_to(site)))
        for element in page.select("[data-role]"):
            body = _named(element) or _named(element.find_parent("tr")) or (own.group(1) if own else None)
            found.append((str(path.relative_to(site)), body, element["data-role"]))
    return found


def _named(element) -> str | None:
    """The body an element links to, or the first body a table row links to."""
    if element is None:
        return None
    link = element if element.name == "a" else element.select_one('a[href*="don-vi/"]')
    found = re.search(r"don-vi/([a-z0-9-]+)/$", link.get("href", "")) if link else None
    return found.group(1) if found else None


@pytest.mark.parametrize("build", ["real_site", "fixture_site"])
def test_no_built_page_gives_a_body_a_role_the_plan_does_not(build, request):
    site = request.getfixturevalue(build)
    claims = role_claims(site)
    assert [claim for claim in claims if claim[1] is None] == []
    wrong = [claim for claim in claims if claim[2] not in AGENCIES[claim[1]]["vai_tro"]]
    assert wrong == []
    shown = {role for _, _, role in claims}
    assert {"duoc-giao", "phoi-hop", "duoc-de-nghi", "duoc-chi-dao"} <= shown  # every kind of place was read
    for body in AGENCIES:
        head = BeautifulSoup((site / "don-vi" / body / "index.html").read_text(encoding="utf-8"), "lxml")
        for tag in (head.find("meta", attrs={"name": "description"}), head.find("meta", property="og:description")):
            assert_says_the_plan(body, tag["content"].removeprefix(bodies.DESCRIPTION_LEAD + ": ")[:-1].split("; "))


def test_the_built_site_check_can_fail(real_site, tmp_path):
    """A page that shows the Front as a lead is caught."""
    page = tmp_path / "don-vi" / "ubmttq" / "index.html"
    page.parent.mkdir(parents=True)
    original = (real_site / "don-vi" / "ubmttq" / "index.html").read_text(encoding="utf-8")
    page.write_text(original.replace('data-role="phoi-hop"', 'data-role="duoc-giao"', 1), encoding="utf-8")
    assert ("don-vi/ubmttq/index.html", "ubmttq", "duoc-giao") in role_claims(tmp_path)
    assert "duoc-giao" not in AGENCIES["ubmttq"]["vai_tro"]


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (  # a role no record gives
            "co-quan.yml",
            "  - id: cong-an-xa\n    ten: Công an xã\n    nguon: [ii-1-d4]\n    vai_tro: [duoc-neu-ten]\n",
            "  - id: cong-an-xa\n    ten: Công an xã\n    nguon: [ii-1-d4]\n    vai_tro: [duoc-giao]\n",
            "vai_tro: vai_tro có duoc-giao nhưng không chỉ tiêu hay nhiệm vụ nào ghi đơn vị này ở chu_tri",
        ),
        (  # a record that gives a role vai_tro lacks
            "nhiem-vu.yml",
            "    chu_tri: null\n    phoi_hop: []\n    chi_dao: []\n    de_nghi: [thuong-truc-hdnd",
            "    chu_tri: null\n    phoi_hop: [thuong-truc-hdnd]\n    chi_dao: []\n    de_nghi: [dai-bieu-hdnd",
            "vai_tro: đơn vị được ghi ở nv-v-4 (phoi_hop) nhưng vai_tro chưa có phoi-hop",
        ),
        (  # the body directed is not also the lead
            "nhiem-vu.yml",
            "    chu_tri: null\n    phoi_hop: []\n    chi_dao: [truong-hoc]\n",
            "    chu_tri: truong-hoc\n    phoi_hop: []\n    chi_dao: [truong-hoc]\n",
            'chi_dao: đơn vị "truong-hoc" được ghi ở cả chu_tri và chi_dao',
        ),
    ],
)
def test_the_check_keeps_roles_and_records_in_step(tmp_path, file, old, new, expected):
    data = copy_data(tmp_path)
    patch(data, file, old, new)
    found = messages(data, TODAY)
    assert any(expected in message for message in found), found
