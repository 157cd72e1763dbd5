"""`make suggestions`: every suggested target beside the paragraph it quotes, in the plan's order, with the record
to copy; a local page, never in the published site."""

from __future__ import annotations

import subprocess
import sys

import yaml
from bs4 import BeautifulSoup
from support.paths import ROOT


def test_each_suggestion_is_shown_beside_its_paragraph(imported_data_dir, tmp_path):
    out = tmp_path / "de-xuat.html"
    result = subprocess.run(
        [sys.executable, "scripts/suggestions.py", "--data", str(imported_data_dir), "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    suggested = yaml.safe_load((imported_data_dir / "chi-tieu-de-xuat.yml").read_text(encoding="utf-8"))["de_xuat"]
    assert f"Đã ghi {len(suggested)} đề xuất" in result.stdout
    page = BeautifulSoup(out.read_text(encoding="utf-8"), "lxml")
    items = page.select("section.item")
    assert [item["id"] for item in items][:2] == ["duy-tri-xa-dat-chuan-nong-thon-moi", "so-ket-hang-nam"]
    assert sorted(item["id"] for item in items) == sorted(s["id"] for s in suggested)
    for item, record in zip(
        items, sorted(suggested, key=lambda s: [i["id"] for i in items].index(s["id"])), strict=True
    ):
        assert item.select_one("mark").get_text() == record["nguyen_van"]
        assert yaml.safe_load(item.select_one("pre").get_text())[0] == record  # the record to copy, as it is


def test_the_published_site_has_no_suggestion(imported_site, imported_data_dir):
    suggested = yaml.safe_load((imported_data_dir / "chi-tieu-de-xuat.yml").read_text(encoding="utf-8"))["de_xuat"]
    assert suggested and not any((imported_site / "chi-tieu" / s["id"]).exists() for s in suggested)
    assert not list(imported_site.rglob("*de-xuat*"))
    assert (imported_site / "du-lieu" / "chi-tieu.json").read_text(encoding="utf-8").strip() == "[]"
