"""The intake core: values, periods, dates and yes/no words the way Vietnamese clerks write them."""

from __future__ import annotations

import datetime as dt

import pytest

from macros.intake import clerk
from macros.vocabulary import periods


@pytest.mark.parametrize(
    ("written", "value", "percent"),
    [
        ("81,82", 81.82, False),
        ("81,82%", 81.82, True),
        ("81,82 %", 81.82, True),
        ("81.82", 81.82, False),
        ("1.234.567", 1234567, False),
        ("1.234.567,5", 1234567.5, False),
        ("1,234,567", 1234567, False),
        ("1 234 567", 1234567, False),
        ("5", 5, False),
        ("0,125", 0.125, False),
        (" 93,5 ", 93.5, False),
        (12, 12, False),
        (81.82, 81.82, False),
        (5.0, 5, False),
        ("Đạt", True, False),
        ("Chưa đạt", False, False),
        ("Có", True, False),
        ("Không", False, False),
        ("chưa  ĐẠT", False, False),
        (True, True, False),
    ],
)
def test_reads_what_clerks_write(written, value, percent):
    read, had_percent = clerk.read_value(written)
    assert read == value and type(read) is type(value)
    assert had_percent is percent


@pytest.mark.parametrize("written", ["1.234", "1,234", "12.500", "100,000"])
def test_a_value_with_two_readings_is_refused_naming_both(written):
    with pytest.raises(clerk.Refused) as refused:
        clerk.read_value(written)
    whole = written.replace(".", "").replace(",", "")
    decimal = written.replace(".", ",")
    assert "hai cách" in refused.value.message
    assert whole in refused.value.message and decimal in refused.value.message


@pytest.mark.parametrize(
    "written", ["tám mươi", "81,8,2", "12 3", "5 người", dt.date(2026, 5, 6), dt.datetime(2026, 5, 6), "N/A"]
)
def test_anything_else_is_refused_never_guessed(written):
    with pytest.raises(clerk.Refused) as refused:
        clerk.read_value(written)
    assert refused.value.message and refused.value.fix


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Tháng 11/2026", "2026-11"),
        ("tháng 3/2027", "2027-03"),
        ("Thang 11/2026", "2026-11"),
        ("11/2026", "2026-11"),
        ("Quý 4/2026", "2026-Q4"),
        ("Quý IV/2026", "2026-Q4"),
        ("quý ii / 2027", "2027-Q2"),
        ("Năm 2026", "2026"),
        ("Đánh giá giữa nhiệm kỳ 2028", "2028-GK"),
        ("2026-11", "2026-11"),
        ("2026-Q4", "2026-Q4"),
        ("2026", "2026"),
        (2026, "2026"),
        ("2028-GK", "2028-GK"),
        ("Quý 3 năm 2026", "2026-Q3"),
        ("Quý III năm 2026", "2026-Q3"),
        ("tháng 11 năm 2026", "2026-11"),
        (dt.datetime(2026, 11, 1), "2026-11"),  # what Excel makes of "11/2026" typed in a General cell
    ],
)
def test_reads_periods(written, code):
    assert clerk.read_period(written) == code


@pytest.mark.parametrize("written", ["Quý 5/2026", "13/2026", "Quý V/2026", "cuối năm", dt.date(2026, 11, 30)])
def test_refuses_periods_that_do_not_exist(written):
    with pytest.raises(clerk.Refused):
        clerk.read_period(written)


@pytest.mark.parametrize(
    "written",
    [
        "30/11/2026",
        "30-11-2026",
        "30.11.2026",
        "2026-11-30",
        "2026/11/30",
        dt.datetime(2026, 11, 30),
        dt.date(2026, 11, 30),
    ],
)
def test_reads_dates(written):
    assert clerk.read_date(written) == dt.date(2026, 11, 30)


@pytest.mark.parametrize("written", ["31/11/2026", "11/30/2026", "30/11", "hôm qua", 46356])
def test_refuses_dates_that_are_not_days(written):
    with pytest.raises(clerk.Refused):
        clerk.read_date(written)


def test_a_report_keeps_blank_cells_out_and_reports_each_refusal():
    reading = clerk.read_report(
        {
            "chi_tieu": "Bảo hiểm y tế (bao-hiem-y-te)",
            "ky": "Quý 3/2026",
            "gia_tri": "1.234",
            "ngay": "31/09/2026",
            "nguon": "Báo cáo 12/BC-UBND",
            "don_vi_bao_cao": "Phòng Kinh tế (phong-kinh-te)",
            "ghi_chu": "  ",
        }
    )
    assert reading.record == {
        "chi_tieu": "bao-hiem-y-te",
        "ky": "2026-Q3",
        "nguon": "Báo cáo 12/BC-UBND",
        "don_vi_bao_cao": "phong-kinh-te",
    }
    assert {refusal.field for refusal in reading.refusals} == {"gia_tri", "ngay"}


def test_a_blank_value_is_no_value_not_zero():
    reading = clerk.read_report({"chi_tieu": "bao-hiem-y-te", "ky": "2026-Q3", "gia_tri": ""})
    assert "gia_tri" not in reading.record and not reading.refusals


def test_per_hamlet_values_are_read_one_by_one():
    reading = clerk.read_report({"chi_tieu": "to-hop-tac-tung-ap"}, {"vinh-thanh": "3", "vinh-hoa": None})
    assert reading.record["theo_ap"] == {"vinh-thanh": 3}


def test_a_percent_sign_is_only_for_targets_counted_in_percent():
    assert clerk.percent_refusal("%") is None
    assert clerk.percent_refusal("% dự toán") is None
    assert "hợp tác xã" in clerk.percent_refusal("hợp tác xã").message


def test_every_period_offered_in_the_template_and_the_form_reads_back_to_its_code():
    span = periods.Span(2026, 2030, midterm=2028)
    codes = span.codes()
    assert len(codes) == 6 * 17 + 1 and "2028-GK" in codes and "2025" in codes
    assert [clerk.read_period(label) for label in span.labels()] == codes


@pytest.mark.parametrize("stored", [1e308, -1e308, 1e20, 10**30])
@pytest.mark.parametrize("percent", [False, True])
def test_a_huge_number_cell_is_refused_not_raised(stored, percent):
    """1E+308 in a percent cell overflowed once scaled to the percentage it shows (OverflowError, a traceback)."""
    reading = clerk.read_report({"gia_tri": clerk.Cell(stored, percent=percent)})
    assert "gia_tri" not in reading.record
    assert [refusal.field for refusal in reading.refusals] == ["gia_tri"]
    assert "quá lớn" in reading.refusals[0].message
