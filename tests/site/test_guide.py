"""The guide "Hướng dẫn cập nhật số liệu" (and CONTRIBUTING.md): every template they show passes the check, every
example the guide quotes is what the check really prints, and its screenshot is there.

The guide's examples are the commune's own (its records, its years: macros/site/views.py, `examples`), so the guide is
read as rendered for a commune's data, and its templates pass that commune's check: the real one and "Xã Mẫu"."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from support.data import check_data, copy_data
from support.paths import ROOT, TODAY, XA_MAU
from support.workbooks import fill, save, template_bytes

from macros import pipeline
from macros.intake import issue_form
from macros.publish import hand_written
from macros.site import views

GUIDE = ROOT / "docs" / "huong-dan-cap-nhat.md"
CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
COMMUNES = {"real": ROOT / "data", "xa-mau": XA_MAU / "data"}
HEADER = "# yaml-language-server: $schema=../schemas/cap-nhat.schema.json\n"


def yaml_blocks(text: str) -> list[str]:
    return re.findall(r"^ *```yaml\n(.*?)^ *```", text, flags=re.MULTILINE | re.DOTALL)


def rendered(data: Path) -> tuple[str, views.Examples]:
    """The guide as a commune's site publishes it, and the examples it drew from that commune's data."""
    site = pipeline.load_site(data, data.parent, TODAY)
    page = GUIDE.read_text(encoding="utf-8")
    _, _, body = hand_written.render_page(site, GUIDE.name, page, {"site_url": "", "repo_url": "https://example.org"})
    return body, views.examples(site, "huong-dan-cap-nhat/")


TEXT, EXAMPLES = rendered(ROOT / "data")


def test_the_guide_and_contributing_show_yaml_templates():
    assert len(yaml_blocks(TEXT)) >= 2 and len(yaml_blocks(CONTRIBUTING)) >= 1


def passes_the_check(data: Path, year: int, block: str) -> None:
    (data / "cap-nhat" / f"{year}.yml").write_text(HEADER + block, encoding="utf-8")
    assert pipeline.check(data, data.parent, TODAY) == []
    assert pipeline.load_site(data, data.parent, TODAY).plan.reports  # the template is a real report, not empty


@pytest.mark.parametrize("commune", sorted(COMMUNES))
def test_every_yaml_template_of_the_guide_passes_that_communes_check(tmp_path, commune):
    text, examples = rendered(COMMUNES[commune])
    blocks = yaml_blocks(text)
    assert len(blocks) >= 2 and "{" not in "".join(blocks)
    for number, block in enumerate(blocks):
        data = tmp_path / str(number) / "data"
        shutil.copytree(COMMUNES[commune], data)
        passes_the_check(data, examples.nam, block)


@pytest.mark.parametrize("block", yaml_blocks(CONTRIBUTING), ids=lambda b: b.split("\n")[1].strip())
def test_every_yaml_template_of_contributing_passes_the_check(tmp_path, block):
    passes_the_check(copy_data(tmp_path), 2026, block)


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


@pytest.mark.parametrize("commune", sorted(COMMUNES))
def test_the_hamlet_lines_the_guide_shows_are_read(commune):
    """The form's hamlet line, with the commune's own first hamlet, by name and id and by name alone."""
    text, examples = rendered(COMMUNES[commune])
    hamlets = {hamlet.id: hamlet.name for hamlet in pipeline.load_site(COMMUNES[commune], ROOT, TODAY).plan.hamlets}
    with_id = re.search(r"`([^`]+ \([a-z0-9-]+\): \d+)`", text)[1]
    assert with_id == f"{examples.ten_ap} ({examples.ap}): 2"
    by_name = re.search(r"viết tên ấp không kèm mã, `([^`]+: \d+)`", text)[1]
    for line in (with_id, by_name):
        assert issue_form.hamlet_values(line, hamlets) == ({examples.ap: "2"}, [])


def test_the_screenshots_exist():
    pictures = re.findall(r"\]\((assets/huong-dan/[^)]+)\)", TEXT)
    assert len(pictures) >= 2  # the workbook, shown; the built page, linked (the page stays under its size budget)
    assert pictures
    for picture in pictures:
        assert (ROOT / "docs" / picture).stat().st_size > 5000
