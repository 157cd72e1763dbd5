"""data/tu-viet-tat.yml: the abbreviations search understands. Staff edit it; the check stops their mistakes."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from support.data import copy_data, messages, patch
from support.paths import ROOT

from macros import pipeline
from macros.data.schema import all_schemas

TODAY = dt.date(2026, 11, 29)


def test_the_seed_list_loads_in_alphabetical_order(real_site_data):
    found = real_site_data.plan.abbreviations
    shorts = [item.short for item in found]
    assert {"BHYT", "UBND", "HĐND", "MTTQ", "NTM", "ATTP", "TTHC", "THCS", "PCTN", "KT-XH", "QP-AN"} <= set(shorts)
    assert dict((item.short, item.full) for item in found)["HĐND"] == "Hội đồng nhân dân"
    assert shorts.index("HĐND") < shorts.index("HTX")  # "Đ" sorts as "D", not after "Z"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "viet_tat: BHYT",
            "viet_tat: bhyt",
            'data/tu-viet-tat.yml:{line}: viet_tat: chữ viết tắt "bhyt" không đúng dạng — viết chữ in hoa, không dấu '
            "cách, các phần nối bằng dấu gạch ngang, ví dụ HĐND hoặc KT-XH",
        ),
        (
            "viet_tat: HTX",
            "viet_tat: HDND",
            'data/tu-viet-tat.yml:{line}: viet_tat: chữ viết tắt "HDND" bị trùng — mỗi chữ viết tắt chỉ ghi một lần; '
            "xóa mục này hoặc gộp vào mục đã có",
        ),
        (
            "    day_du: bảo hiểm y tế\n",
            "",
            "data/tu-viet-tat.yml:{line}: day_du: thiếu trường bắt buộc (Viết đầy đủ) — thêm dòng day_du: …",
        ),
    ],
    ids=["lower-case", "same-as-HĐND-without-diacritics", "no-full-form"],
)
def test_mistakes_in_the_list_are_reported(tmp_path, old, new, expected):
    data = copy_data(tmp_path)
    lines = (data / "tu-viet-tat.yml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, start=1) if old.strip().split("\n")[0] in text)
    patch(data, "tu-viet-tat.yml", old, new)
    if "thiếu" in expected:
        line -= 1  # the record starts on the line of viet_tat, just above
    assert messages(data, TODAY) == [expected.format(line=line)]


def test_the_file_is_optional(tmp_path):
    """Another commune may start without the list: search then simply knows no abbreviation."""
    data = copy_data(tmp_path)
    (data / "tu-viet-tat.yml").unlink()
    assert pipeline.load_site(data, data.parent, TODAY).plan.abbreviations == ()


@pytest.mark.data_change
def test_the_schema_matches_the_data():
    import jsonschema
    import yaml

    schema = all_schemas()["tu-viet-tat.schema.json"]
    assert json.loads((ROOT / "data/schemas/tu-viet-tat.schema.json").read_text(encoding="utf-8")) == schema
    jsonschema.validate(yaml.safe_load((ROOT / "data/tu-viet-tat.yml").read_text(encoding="utf-8")), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"tu_viet_tat": [{"viet_tat": "kt xh", "day_du": "kinh tế - xã hội"}]}, schema)
