"""The real plan imported from its source text, and from a Word file made from it, is today's data/ke-hoach.yml:
the same citation ids and the same words; every target of data/chi-tieu.yml is among the suggestions."""

from __future__ import annotations

import yaml
from support import docx_plan
from support.paths import ROOT, TODAY
from support.plan_text import SOURCE, source_paragraphs

from macros import pipeline
from macros.importer import bodies, plan_file, run

PUBLISHED = ROOT / "data" / "ke-hoach.yml"


def load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def words_of_the_plan(plan: dict) -> dict:
    """The plan file without `ten_ngan`: a short name staff give a section for the menu is the site's label, not a
    word of the document, so no import can give it."""
    return {**plan, "muc": [without_labels(unit) for unit in plan["muc"]]}


def without_labels(unit: dict) -> dict:
    found = {key: value for key, value in unit.items() if key != "ten_ngan"}
    return found | ({"muc": [without_labels(child) for child in unit["muc"]]} if "muc" in unit else {})


def test_the_source_text_gives_todays_plan_file(imported_data_dir):
    assert load(imported_data_dir / "ke-hoach.yml") == words_of_the_plan(load(PUBLISHED))
    written = (imported_data_dir / "ke-hoach.yml").read_text(encoding="utf-8")
    published = [line for line in PUBLISHED.read_text(encoding="utf-8").splitlines() if "ten_ngan:" not in line]
    assert written.rstrip() == "\n".join(published).rstrip()  # the file itself, line by line


def test_a_word_file_of_the_plan_gives_the_same_plan(tmp_path):
    word = docx_plan.write(tmp_path / "ke-hoach.docx", source_paragraphs(), page_break_at="đất và người xã")
    assert run.read_plan(word).plan == words_of_the_plan(load(PUBLISHED))


def test_the_imported_data_passes_the_check_and_names_the_commune(imported_data_dir):
    assert pipeline.check(imported_data_dir, imported_data_dir.parent, TODAY) == []
    assert load(imported_data_dir / "xa.yml") == {"ten": "Vĩnh Phong", "tinh": "An Giang", "giay_phep": "CC-BY-4.0"}
    assert (imported_data_dir / "nguon" / SOURCE.name).read_bytes() == SOURCE.read_bytes()
    assert load(imported_data_dir / "cap-nhat" / "2026.yml") == {"bao_cao": []}
    assert load(imported_data_dir / "chi-tieu.yml") == {"chi_tieu": []}


def test_the_registry_lists_every_published_id(imported_data_dir):
    ids = load(imported_data_dir / "id-da-cong-bo.yml")["id"]
    published = {line for line in load(ROOT / "data" / "id-da-cong-bo.yml")["id"] if line.startswith("muc/")}
    assert {i for i in ids if i.startswith("muc/")} == published
    assert {f"don-vi/{a['id']}" for a in load(imported_data_dir / "co-quan.yml")["co_quan"]} <= set(ids)


def matches(target: dict, suggestion: dict) -> bool:
    """The same paragraph, and one quote inside the other."""
    quote, other = target["nguyen_van"], suggestion["nguyen_van"]
    return target["doan"] == suggestion["doan"] and (quote in other or other in quote)


def test_every_target_of_the_real_data_is_suggested(imported_data_dir):
    targets = load(ROOT / "data" / "chi-tieu.yml")["chi_tieu"]
    suggested = load(imported_data_dir / "chi-tieu-de-xuat.yml")["de_xuat"]
    assert len(targets) >= 39
    assert [t["id"] for t in targets if not any(matches(t, s) for s in suggested)] == []
    wrong = [s["nguyen_van"] for s in suggested if not any(matches(t, s) for t in targets)]
    assert len(wrong) <= len(suggested) // 10  # precision at least 90% (BENCHMARKS.md has the figures)


def test_the_bodies_of_the_real_data_are_found(imported_data_dir):
    real = {a["id"]: a for a in load(ROOT / "data" / "co-quan.yml")["co_quan"]}
    found = {a["id"]: a for a in load(imported_data_dir / "co-quan.yml")["co_quan"]}
    assert len(set(real) & set(found)) >= 0.9 * len(real)
    assert all(a["vai_tro"] == ["chua-xet"] for a in found.values())  # roles are for staff
    for key in set(real) & set(found):
        assert set(found[key]["nguon"]) & set(real[key]["nguon"]), key


def test_places_cover_the_documents_own_parts():
    anchors = [anchor for anchor, _ in plan_file.places(load(PUBLISHED))]
    assert anchors[:2] == ["can-cu", "loi-dan"] and anchors[-2:] == ["ket-luan", "noi-nhan"]
    assert ("ubnd-tinh", "UBND tỉnh An Giang") in bodies.mentions("của UBND tỉnh An Giang về việc")
