"""Issue 11: the record says what the plan says. How a target compares (>= or >), year-to-date numbers, the
baseline year, and every sentence the progress rule can write, for every kind and status, in natural Vietnamese."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from support.factories import make_report, make_scope, make_target

from macros.domain import status
from macros.domain.model import Report, Target
from macros.vocabulary import kinds

TODAY = dt.date(2026, 11, 29)
D = dt.date


def target(kind="tich-luy", value=None, unit="%", deadline=2030, **extra) -> Target:
    """A target of the kind; numbers compare as "đạt" (>=) unless the test says otherwise."""
    comparison = {} if kinds.KINDS[kind].yes_no else {"comparison": ">="}
    return make_target(kind=kind, value=value, unit=unit, deadline=deadline, **comparison | extra)


def report(period: str, value, as_of: dt.date, hamlets=()) -> Report:
    return make_report(period, value, as_of, hamlet_values=tuple(hamlets))


def judge(t: Target, *reports: Report, today=TODAY, hamlets=(), complete=True) -> status.Assessment:
    return status.assess(t, tuple(reports), today, make_scope(hamlets, complete))


REVENUE = dict(kind="ty-le-hang-nam", value=100, unit="% dự toán", deadline=None, comparison=">", in_year="cong-don")
CLEARANCE = dict(kind="ty-le-hang-nam", value=75, unit="%", deadline=None, comparison=">=", in_year="ty-le")


# --- "vượt" is more than, "đạt" is at least -------------------------------------------------------------------


def test_revenue_exactly_at_the_estimate_is_not_above_it():
    year_over = judge(target(**REVENUE), report("2025", 100, D(2025, 12, 31)), today=D(2026, 3, 1))
    assert year_over.status == status.NO_DATA  # 2025 is the baseline year: never judged alone
    found = judge(target(**REVENUE), report("2026", 100, D(2026, 12, 31)), today=D(2027, 2, 1))
    assert found.status == status.MISSED
    assert found.reason == (
        "Năm 2026 đã kết thúc; số mới nhất (Năm 2026) là 100% dự toán, chưa vượt mục tiêu 100% dự toán."
    )


def test_revenue_above_the_estimate_is_met():
    found = judge(target(**REVENUE), report("2026", 100.5, D(2026, 12, 31)), today=D(2027, 2, 1))
    assert found.status == status.ACHIEVED
    assert found.reason == "Năm 2026: 100,5% dự toán, vượt mục tiêu 100% dự toán."


def test_at_least_is_met_exactly_at_the_goal():
    found = judge(target(**CLEARANCE), report("2026", 75, D(2026, 12, 31)), today=D(2027, 1, 15))
    assert found.status == status.ACHIEVED and found.reason == "Năm 2026: 75%, đạt mục tiêu 75%."


def test_real_revenue_target_says_more_than_the_estimate(real_site_data):
    revenue = real_site_data.plan.target_by_id["thu-ngan-sach-vuot-du-toan"]
    assert (revenue.comparison, revenue.goal, revenue.in_year) == (">", 100, "cong-don")
    assert not status.is_met(revenue, 100) and status.is_met(revenue, 100.01)
    assert kinds.of(revenue).goal_text(revenue) == "trên 100% dự toán"


# --- year-to-date: a number that adds up over the year, or a rate ---------------------------------------------


def test_year_to_date_revenue_is_held_to_the_share_of_the_year_gone_by():
    found = judge(target(**REVENUE), report("2026-Q3", 78.4, D(2026, 9, 30)))
    assert found.status == status.ON_TRACK
    assert found.expected == round(100 * 273 / 365, 2)  # read to the decimals the page shows
    assert "đã qua 74,79% thời gian của năm, nên mức cần có là 74,79% dự toán" in found.reason
    assert "số cộng dồn đến ngày 30/09/2026 (Quý 3/2026) là 78,4% dự toán" in found.reason


def test_year_to_date_revenue_below_the_share_is_behind():
    found = judge(target(**REVENUE), report("2026-Q3", 60, D(2026, 9, 30)))
    assert found.status == status.BEHIND and "số báo cáo thấp hơn mức này" in found.reason


def test_year_to_date_revenue_already_above_the_year_is_met():
    found = judge(target(**REVENUE), report("2026-Q3", 101, D(2026, 9, 30)))
    assert found.status == status.ACHIEVED


def test_a_rate_reported_during_the_year_is_compared_with_the_goal_itself():
    found = judge(target(**CLEARANCE), report("2026-Q3", 70, D(2026, 9, 30)))
    assert found.status == status.BEHIND
    assert found.reason == ("Năm 2026 chưa kết thúc; báo cáo mới nhất (Quý 3/2026) là 70%, chưa đạt mục tiêu 75%.")


def test_a_year_report_of_a_cumulative_target_is_judged_on_the_whole_year():
    found = judge(target(**REVENUE), report("2026", 99, D(2026, 12, 31)), today=D(2026, 12, 31))
    assert found.status == status.BEHIND  # the year report is the year: no share


def test_year_share():
    assert status.year_share(D(2026, 12, 31)) == 1
    assert status.year_share(D(2028, 2, 29)) == pytest.approx(60 / 366)


# --- the baseline year 2025 -----------------------------------------------------------------------------------


def test_a_2025_report_alone_is_a_starting_point_not_a_verdict():
    found = judge(target(value=100), report("2025", 91, D(2025, 12, 31)))
    assert found.status == status.NO_DATA
    assert found.reason == (
        "Mới có số của năm gốc 2025, trước khi kế hoạch bắt đầu (Năm 2025: 91%). "
        "Số này là điểm xuất phát, chưa dùng để đánh giá."
    )


def test_a_2025_report_starts_the_line():
    found = judge(target(value=100), report("2025", 90, D(2025, 12, 31)), report("2026-Q3", 92, D(2026, 9, 30)))
    assert found.start == (D(2025, 12, 31), 90) and found.status in (status.ON_TRACK, status.BEHIND)


def test_a_2025_report_is_accepted_by_the_check(tmp_path):
    from support.data import copy_data, messages

    data = copy_data(tmp_path)
    (data / "cap-nhat" / "2025.yml").write_text(
        "bao_cao:\n"
        "  - chi_tieu: bao-hiem-y-te\n    ky: 2025\n    gia_tri: 91\n    ngay: 2025-12-31\n"
        '    nguon: "Báo cáo số 1"\n    don_vi_bao_cao: phong-kinh-te\n',
        encoding="utf-8",
    )
    assert messages(data, TODAY) == []


# --- every sentence the rule writes, for every kind and every status ------------------------------------------


def _every_reason() -> dict[tuple[str, str], list[str]]:
    """(kind, status) -> the reasons the rule writes, from cases that reach each status."""
    yes_no_dated = dict(deadline=2030)
    cases = {
        "tich-luy": [
            (target(value=5, unit="sản phẩm"), [report("2026-Q3", 5, D(2026, 9, 30))], TODAY),
            (target(value=100), [report("2026-Q1", 50, D(2026, 3, 31)), report("2026-Q3", 95, D(2026, 9, 30))], TODAY),
            (target(value=100), [report("2026-Q1", 50, D(2026, 3, 31)), report("2026-Q3", 50, D(2026, 9, 30))], TODAY),
            (target(value=100, deadline=2026), [report("2026", 90, D(2026, 12, 31))], D(2027, 1, 5)),
            (target(value=100), [], TODAY),
            (target(value=100), [report("2025", 80, D(2025, 12, 31))], TODAY),
        ],
        "ty-le-hang-nam": [
            (target(**CLEARANCE), [report("2026-Q3", 80, D(2026, 9, 30))], TODAY),
            (target(**REVENUE), [report("2026-Q3", 78.4, D(2026, 9, 30))], TODAY),
            (target(**REVENUE), [report("2026-Q3", 50, D(2026, 9, 30))], TODAY),
            (target(**CLEARANCE), [report("2026-Q3", 70, D(2026, 9, 30))], TODAY),
            (target(**REVENUE), [report("2026", 100, D(2026, 12, 31))], D(2027, 1, 5)),
            (target(**CLEARANCE), [report("2026", 70, D(2026, 12, 31))], D(2028, 1, 5)),
            (target(**CLEARANCE), [], TODAY),
        ],
        "dat-chuan": [
            (target("dat-chuan", deadline=None, unit=None), [report("2026", True, D(2026, 12, 31))], D(2027, 1, 5)),
            (target("dat-chuan", deadline=None, unit=None), [report("2026-Q3", False, D(2026, 9, 30))], TODAY),
            (target("dat-chuan", deadline=None, unit=None), [report("2026", False, D(2026, 12, 31))], D(2027, 1, 5)),
            (target("dat-chuan", unit=None, **yes_no_dated), [report("2026-Q3", False, D(2026, 9, 30))], TODAY),
            (target("dat-chuan", unit=None, **yes_no_dated), [report("2026-Q3", True, D(2026, 9, 30))], TODAY),
            (target("dat-chuan", unit=None, deadline=2026), [report("2026", False, D(2026, 12, 31))], D(2027, 1, 5)),
            (target("dat-chuan", unit=None, deadline=None), [report("2025", True, D(2025, 12, 31))], TODAY),
        ],
        "khoang": [
            (
                target("khoang", low=1, unit="tổ hợp tác", per_hamlet=True),
                [report("2026-Q3", None, D(2026, 9, 30), [("a", 1), ("b", 2)])],
                TODAY,
            ),
            (
                target("khoang", low=1, unit="tổ hợp tác", per_hamlet=True),
                [report("2026-Q3", None, D(2026, 9, 30), [("a", 1)])],
                TODAY,
            ),
            (
                target("khoang", low=2, high=3, unit="khách sạn"),
                [report("2026-Q1", 0, D(2026, 3, 31)), report("2026-Q3", 1, D(2026, 9, 30))],
                TODAY,
            ),
            (
                target("khoang", low=2, high=3, unit="khách sạn", deadline=2026),
                [report("2026", 1, D(2026, 12, 31))],
                D(2027, 1, 5),
            ),
            (
                target("khoang", low=2, high=3, unit="khách sạn", deadline=2027),
                [report("2026-Q1", 1, D(2026, 3, 31)), report("2026-Q3", 1, D(2026, 9, 30))],
                TODAY,
            ),
        ],
        "moc": [
            (target("moc", unit=None, deadline=2028), [report("2026", True, D(2026, 12, 31))], D(2027, 1, 5)),
            (target("moc", unit=None, deadline=2028), [report("2026", False, D(2026, 12, 31))], D(2027, 1, 5)),
            (target("moc", unit=None, deadline=2026), [report("2026", False, D(2026, 12, 31))], D(2027, 1, 5)),
        ],
    }
    found: dict[tuple[str, str], list[str]] = {}
    for kind, items in cases.items():
        for t, reports, today in items:
            a = judge(t, *reports, today=today, hamlets=("a", "b"))
            found.setdefault((kind, a.status), []).append(a.reason)
    return found


REASONS = _every_reason()
# Each kind reaches these statuses (yes/no kinds with a deadline go from "on track" straight to "achieved"/"missed").
EXPECTED = {
    "tich-luy": set(status.ORDER),
    "ty-le-hang-nam": {status.ACHIEVED, status.ON_TRACK, status.BEHIND, status.MISSED, status.NO_DATA},
    "dat-chuan": set(status.ORDER),
    "khoang": {status.ACHIEVED, status.ON_TRACK, status.BEHIND, status.MISSED},
    "moc": {status.ACHIEVED, status.ON_TRACK, status.MISSED},
}
# Phrases a Vietnamese reader stumbles on (issue 11), and signs of a sentence built from the wrong pieces.
STUMBLES = (
    re.compile(r"chưa mục tiêu"),  # "chưa mục tiêu 75%": a verb is missing
    re.compile(r"đúng đạt|Đạt, đúng"),  # "Năm 2026: Đạt, đúng đạt."
    re.compile(r"\d trở lên [a-zà-ỹ]"),  # "1 trở lên tổ hợp tác": the unit belongs before "trở lên"
    re.compile(r", [A-ZĐ][a-zà-ỹ]"),  # a capitalised word after a comma ("…: 80%, Đạt")
    re.compile(r"\s[.,;]|\.\."),  # space before punctuation, doubled full stop
    re.compile(r"None|True|False|nan"),
)


def test_every_kind_reaches_every_status_it_can():
    for kind, statuses in EXPECTED.items():
        assert {s for k, s in REASONS if k == kind} == statuses, kind


@pytest.mark.parametrize("key", sorted(REASONS), ids=lambda k: f"{k[0]}-{k[1]}")
def test_every_reason_reads_as_a_sentence(key):
    for reason in REASONS[key]:
        assert reason[0].isupper() and reason.endswith("."), reason
        assert not any(p.search(reason) for p in STUMBLES), reason


def test_the_reviewed_sentences():
    """The sentences, as reviewed for natural Vietnamese (issue 11). A change to the wording shows up here."""
    assert REASONS[("dat-chuan", status.ACHIEVED)][0] == "Năm 2026: báo cáo mới nhất (Năm 2026) ghi: đạt."
    assert REASONS[("dat-chuan", status.BEHIND)][0] == (
        "Năm 2026 chưa kết thúc; báo cáo mới nhất (Quý 3/2026) ghi: chưa đạt."
    )
    assert REASONS[("tich-luy", status.ACHIEVED)][0] == "Số mới nhất là 5 sản phẩm, đạt mục tiêu 5 sản phẩm."
    assert REASONS[("khoang", status.ACHIEVED)][0] == (
        "Số mới nhất ở ấp thấp nhất là 1 tổ hợp tác, đạt mục tiêu từ 1 tổ hợp tác trở lên."
    )
    caveat = " Chưa thể ghi nhận đạt vì danh sách ấp chưa đủ hoặc có ấp chưa báo cáo."
    assert any(reason.endswith(caveat) for reason in REASONS[("khoang", status.ON_TRACK)])
    assert REASONS[("khoang", status.MISSED)][0] == (
        "Đã qua hạn 31/12/2026; số mới nhất là 1 khách sạn, chưa đạt mục tiêu 2 khách sạn."
    )


def test_range_goals_read_naturally():
    open_ended = target("khoang", low=1, unit="tổ hợp tác")
    closed = target("khoang", low=1, high=2, unit="điểm du lịch")
    assert kinds.of(open_ended).goal_text(open_ended) == "từ 1 tổ hợp tác trở lên"
    assert kinds.of(closed).goal_text(closed) == "1–2 điểm du lịch"


if __name__ == "__main__":  # print every sentence, for a person to read: python tests/domain/test_wording.py
    for (kind, key), reasons in sorted(REASONS.items()):
        for reason in reasons:
            print(f"{kind:15} {key:16} {reason}")


def test_midterm_review_holds_a_yearly_target_to_its_comparison():
    from macros.domain import progress

    day = D(2028, 6, 30)
    at_estimate = progress.halfway(target(**REVENUE), (report("2027", 100, D(2027, 12, 31)),), day)
    above = progress.halfway(target(**REVENUE), (report("2027", 101, D(2027, 12, 31)),), day)
    assert (at_estimate.verdict, above.verdict) == (progress.NOT_REACHED, progress.REACHED)
