"""Issue 11: the data says exactly what the plan says. Stated versus inferred, every checkable commitment a target,
task fields only from the text, requests kept apart from assignments, every named body with its role."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from support.data import copy_data, messages, patch

from macros.opendata import columns, export

TODAY = dt.date(2026, 11, 29)
# The commitments the plan states with a level, a count, a date or a recurring product, by their section (README).
COMMITMENTS = {
    "so-ket-hang-nam": "iii-1",
    "tong-ket-cuoi-nhiem-ky": "iii-1",
    "giu-vung-dien-tich-rau-mau": "iii-2-1",
    "tiem-phong-vac-xin-gia-suc": "iii-2-1",
    "thu-ngan-sach-vuot-du-toan": "iii-2-3",
    "du-toan-ke-hoach-hang-nam": "iii-2-3",
    "thong-ke-dat-dai-hang-nam": "iii-2-4",
    "ke-hoach-su-dung-dat-hang-nam": "iii-2-4",
    "huy-dong-hoc-sinh": "iii-3-1",
    "khong-de-dich-benh-lon": "iii-3-3",
    "duy-tri-muc-sinh-hop-ly": "iii-3-3",
    "ty-le-gioi-tinh-khi-sinh": "iii-3-3",
    "giu-vung-an-ninh-trat-tu": "iii-4",
    "ke-hoach-phong-chong-tham-nhung": "iii-5",
    "ke-hoach-cua-co-quan-don-vi": "v-2",
    "bao-cao-tien-do-dinh-ky": "v-2",
    "bao-cao-thang-quy-nam": "v-5",
    "ke-hoach-cu-the-hang-nam": "v-5",
}
# Deadlines the plan does not state: the site infers them, and says why.
INFERRED_DEADLINES = {
    "san-pham-ocop-3-sao",
    "diem-du-lich",
    "co-so-mua-sam-du-lich",
    "co-so-an-uong-du-lich",
    "khach-san-moi",
    "nha-may-nuoc-vinh-thanh",
    "to-hop-tac-tung-ap",
    "tiep-can-phap-luat",
    "bau-cu-nhiem-ky-2026-2031",
    "ke-hoach-cua-co-quan-don-vi",
    "duy-tri-muc-sinh-hop-ly",
}


def test_recurring_and_keep_commitments_are_targets_with_their_sections(real_site_data):
    targets = real_site_data.plan.target_by_id
    assert {key: targets[key].unit_id for key in COMMITMENTS if key in targets} == COMMITMENTS


def test_inferred_deadlines_are_marked_and_explained(real_site_data):
    for target in real_site_data.plan.targets:
        if target.id in INFERRED_DEADLINES:
            assert not target.deadline_stated, target.id
        if not target.deadline_stated or not target.value_stated:
            assert target.note and "suy ra" in target.note, target.id


def test_numbers_say_how_they_compare_and_yes_no_targets_do_not(real_site_data):
    for target in real_site_data.plan.targets:
        yes_no = target.kind in ("dat-chuan", "moc")
        assert (target.comparison is None) == yes_no, target.id
        yearly_number = not yes_no and target.deadline is None
        assert (target.in_year is not None) == yearly_number, target.id
    compared = {t.id: t.comparison for t in real_site_data.plan.targets if t.comparison == ">"}
    assert compared == {"thu-ngan-sach-vuot-du-toan": ">"}


def test_json_and_csv_carry_comparison_stated_deadline_and_note(real_site_data):
    records = export.target_records(real_site_data)
    by_id = {r["id"]: r for r in json.loads(export.to_json(records))}
    for target in real_site_data.plan.targets:
        record = by_id[target.id]
        assert {"so_sanh", "han_theo_ke_hoach", "gia_tri_theo_ke_hoach", "trong_nam", "ghi_chu"} <= set(record)
        assert record["han_theo_ke_hoach"] is target.deadline_stated and record["ghi_chu"] == target.note
    assert by_id["thu-ngan-sach-vuot-du-toan"]["so_sanh"] == ">"
    assert by_id["khach-san-moi"]["han_theo_ke_hoach"] is False
    rows = list(csv.DictReader(io.StringIO(export.to_csv(records, columns.TARGETS.names).decode("utf-8-sig"))))
    assert {row["han_theo_ke_hoach"] for row in rows} == {"true", "false"}
    assert next(r for r in rows if r["id"] == "thu-ngan-sach-vuot-du-toan")["so_sanh"] == ">"


# Text that is the title or span of another programme, not this task's time (issue 11).
NOT_A_DEADLINE = ("2022- 2025", "2021- 2030", "giai đoạn 2025-2030", "giai đoạn 2026-2030")


def test_task_fields_hold_no_programme_titles_and_requests_are_requests(real_site_data):
    tasks = {task.id: task for task in real_site_data.plan.tasks}
    assert len(tasks) == 68
    assert not [t.id for t in tasks.values() if t.timing and any(s in t.timing for s in NOT_A_DEADLINE)]
    for key, asked in (
        ("nv-v-3", ("ubmttq", "to-chuc-chinh-tri-xa-hoi")),
        ("nv-v-4", ("thuong-truc-hdnd", "dai-bieu-hdnd")),
    ):
        assert tasks[key].requested == asked and tasks[key].lead is None and tasks[key].partners == ()
    assert not [t.id for t in tasks.values() if t.requested and not t.what.startswith("Đề nghị")]


# A responsibility to raise, strengthen or clarify is a task, not who holds authority (README, "06 rõ").
ACTIONS = ("nâng cao", "tăng cường", "xác định rõ", "phân công", "thực hiện", "chỉ đạo")


def test_task_fields_say_who_leads_who_is_directed_and_each_product_its_time(real_site_data):
    tasks = {task.id: task for task in real_site_data.plan.tasks}
    schools, licences = tasks["nv-iii-3-1-d4"], tasks["nv-iii-2-5-d1"]
    assert (schools.lead, schools.directed) == (None, ("truong-hoc",))
    assert (licences.lead, licences.directed) == (None, ("co-quan-chuyen-mon",))
    assert (tasks["nv-iii-4-d2"].timing, tasks["nv-iii-4-d2"].product) == ("đến năm 2030", "xã không ma túy")
    assert tasks["nv-v-1"].timing is None
    assert [t.id for t in tasks.values() if t.authority and t.authority.lower().startswith(ACTIONS)] == []
    own_plan = tasks["nv-v-2"]
    assert own_plan.authority.startswith("Thủ trưởng") and "ke-hoach-cua-co-quan-don-vi" in own_plan.target_ids
    vaccination = real_site_data.plan.target_by_id["tiem-phong-vac-xin-gia-suc"]
    assert (vaccination.lead, vaccination.partners) == (None, ("trung-tam-dich-vu-nong-nghiep",))


def test_targets_keep_the_whole_promise(real_site_data):
    targets = real_site_data.plan.target_by_id
    budget = targets["du-toan-ke-hoach-hang-nam"]
    assert (
        budget.name.startswith("Tổ chức lập và thực hiện") and "đã được lập và đã được tổ chức thực hiện" in budget.note
    )
    assert targets["ke-hoach-phong-chong-tham-nhung"].wording.endswith("gắn với thực hành tiết kiệm, chống lãng phí")
    assert "thực hành tiết kiệm, chống lãng phí" in targets["ke-hoach-phong-chong-tham-nhung"].name
    assert "an ninh kinh tế, an ninh văn hóa, tư tưởng" in targets["giu-vung-an-ninh-trat-tu"].name
    assert targets["bau-cu-nhiem-ky-2026-2031"].wording.endswith("đảm bảo đúng tiến độ, dân chủ, an toàn, thành công")
    fertility, own_plans = targets["duy-tri-muc-sinh-hop-ly"], targets["ke-hoach-cua-co-quan-don-vi"]
    assert (fertility.kind, fertility.deadline, fertility.deadline_stated) == ("dat-chuan", None, False)
    assert (own_plans.kind, own_plans.deadline, own_plans.deadline_stated, own_plans.lead) == (
        "moc",
        2026,
        False,
        "co-quan-chuyen-mon",
    )


BODIES = {
    "hdnd-xa": {"ban-hanh-can-cu"},
    "dai-bieu-hdnd": {"duoc-de-nghi"},
    "thuong-truc-hdnd": {"duoc-de-nghi", "noi-nhan"},
    "dang-uy-xa": {"ban-hanh-can-cu", "noi-nhan"},
    "ubnd-tinh": {"ban-hanh-can-cu", "noi-nhan"},
    "so-tai-chinh": {"noi-nhan"},
    "truong-hoc": {"duoc-chi-dao"},
    "quoc-hoi": {"duoc-neu-ten"},
    "truong-giao-duong-co-so-giao-duc-bat-buoc": {"duoc-neu-ten"},
    "ubmttq": {"phoi-hop", "duoc-de-nghi"},
    "ubnd-xa": {"ban-hanh"},
}


def test_every_named_body_has_its_role(real_site_data):
    agencies = real_site_data.plan.agency_by_id
    for key, roles in BODIES.items():
        assert roles <= set(agencies[key].roles), key
    assert all(agency.roles for agency in agencies.values())


def test_agency_page_shows_a_request_as_a_request(real_site_data):
    from bs4 import BeautifulSoup

    from macros.site import pages

    agency = real_site_data.plan.agency_by_id["thuong-truc-hdnd"]
    page = BeautifulSoup(pages.AGENCIES.body(real_site_data, agency), "lxml")
    assert [span.get_text() for span in page.select("ul.kh-list span[data-role]")] == ["được đề nghị"]
    assert "được giao" not in page.get_text(" ", strip=True)
    assert "phần nơi nhận của văn bản" in page.get_text(" ", strip=True)


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "chi-tieu.yml",
            '    so_sanh: ">"\n',
            "    so_sanh: null\n",
            "so_sanh: chỉ tiêu có số cần ghi cách so với mục tiêu",
        ),
        (
            "chi-tieu.yml",
            "    trong_nam: cong-don\n",
            "    trong_nam: null\n",
            "trong_nam: chỉ tiêu xét hằng năm có số cần ghi số trong năm là gì",
        ),
        (
            "chi-tieu.yml",
            "    so_sanh: null\n",  # the first target, "Duy trì xã đạt chuẩn nông thôn mới", is yes/no
            '    so_sanh: ">="\n',
            "so_sanh: chỉ tiêu đạt/chưa đạt không so số — xóa dòng so_sanh",
        ),
        (
            "co-quan.yml",
            "    vai_tro: [noi-nhan]\n",
            "    vai_tro: [nhan-ban-sao]\n",
            'vai_tro: giá trị "nhan-ban-sao" không được dùng',
        ),
    ],
)
def test_wording_mistakes_are_reported(tmp_path, file, old, new, expected):
    data = copy_data(tmp_path)
    patch(data, file, old, new)
    assert any(expected in message for message in messages(data, TODAY))


def test_an_inferred_deadline_needs_its_reason(tmp_path):
    data = copy_data(tmp_path)
    text = (data / "chi-tieu.yml").read_text(encoding="utf-8")
    start = text.index("  - id: nha-may-nuoc-vinh-thanh")
    note = text.index("    ghi_chu:", start)
    end = text.index("\n", note)
    (data / "chi-tieu.yml").write_text(text[:note] + "    ghi_chu: null" + text[end:], encoding="utf-8")
    assert any("chưa ghi lý do" in m and "ghi_chu" in m for m in messages(data, TODAY))


def test_a_request_is_not_also_an_assignment(tmp_path):
    data = copy_data(tmp_path)
    patch(
        data,
        "nhiem-vu.yml",
        "    chu_tri: null\n    phoi_hop: []\n    chi_dao: []\n    de_nghi: [thuong-truc-hdnd",
        "    chu_tri: thuong-truc-hdnd\n    phoi_hop: []\n    chi_dao: []\n    de_nghi: [thuong-truc-hdnd",
    )
    assert any("lời đề nghị (de_nghi) nhưng lại ghi đơn vị chủ trì" in m for m in messages(data, TODAY))
