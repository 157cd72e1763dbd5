"""The guide "Hướng dẫn cập nhật số liệu" (and CONTRIBUTING.md): every template they show passes the check, every
example the guide quotes is what the check really prints, and its screenshot is there."""

from __future__ import annotations

import re

import pytest
from support.data import check_data, copy_data
from support.paths import ROOT, TODAY
from support.workbooks import fill, save, template_bytes

from macros import pipeline
from macros.intake import issue_form

GUIDE = ROOT / "docs" / "huong-dan-cap-nhat.md"
TEXT = GUIDE.read_text(encoding="utf-8")
CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
YAML_BLOCKS = [
    block
    for text in (TEXT, CONTRIBUTING)
    for block in re.findall(r"^ *```yaml\n(.*?)^ *```", text, flags=re.MULTILINE | re.DOTALL)
]
HEADER = "# yaml-language-server: $schema=../schemas/cap-nhat.schema.json\n"


def test_the_guide_and_contributing_show_yaml_templates():
    assert len(YAML_BLOCKS) >= 3


@pytest.mark.parametrize("block", YAML_BLOCKS, ids=lambda b: b.split("\n")[1].strip())
def test_every_yaml_template_of_the_guide_passes_the_check(tmp_path, block):
    data = copy_data(tmp_path)
    (data / "cap-nhat" / "2026.yml").write_text(HEADER + block, encoding="utf-8")
    assert pipeline.check(data, data.parent, TODAY) == []
    assert pipeline.load_site(data, data.parent, TODAY).plan.reports  # the template is a real report, not empty


def test_the_workbook_error_the_guide_quotes_is_what_the_check_prints(tmp_path):
    quoted = re.search(r'^ *(data/cap-nhat/\S+\.xlsx: trang tính "Báo cáo", dòng (\d+), .*)$', TEXT, flags=re.MULTILINE)
    line, row = quoted[1], int(quoted[2])
    name = line.split(":")[0].split("/")[-1]
    content = template_bytes()
    book = fill(content, {})
    target = book["Báo cáo"].cell(row, 1).value
    cells = {
        "Kỳ báo cáo": "Năm 2026",
        "Giá trị": "1.234",
        "Ngày số liệu": "20/11/2026",
        "Nguồn số liệu": "Báo cáo số 1",
        "Đơn vị báo cáo": "Phòng Kinh tế (phong-kinh-te)",
    }
    data = copy_data(tmp_path)
    save(fill(content, {target: cells}), data / "cap-nhat" / name)
    result = check_data(data)
    assert result.stdout.splitlines()[0] == line


def test_the_hamlet_line_the_guide_shows_is_read():
    example = re.search(r"`(ấp [^`]+: \d+)`", TEXT)[1]
    values, unreadable = issue_form.hamlet_values(example, {"vinh-thanh": "ấp Vĩnh Thạnh"})
    assert values == {"vinh-thanh": "2"} and unreadable == []
    by_name = re.search(r"`(Vĩnh Thạnh: \d+)`", TEXT)[1]
    assert issue_form.hamlet_values(by_name, {"vinh-thanh": "ấp Vĩnh Thạnh"}) == ({"vinh-thanh": "2"}, [])


def test_the_screenshots_exist():
    pictures = re.findall(r"\]\((assets/huong-dan/[^)]+)\)", TEXT)
    assert len(pictures) >= 2  # the workbook, shown; the built page, linked (the page stays under its size budget)
    assert pictures
    for picture in pictures:
        assert (ROOT / "docs" / picture).stat().st_size > 5000
