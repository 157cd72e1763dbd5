"""/du-lieu/datapackage.json: a valid Frictionless Data Package describing every open data file, from one definition."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.opendata import columns, datapackage, export

FRICTIONLESS = Path(sys.executable).parent / "frictionless"


def validate(package: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(FRICTIONLESS), "validate", str(package)], capture_output=True, text=True)


def descriptor(site: Path) -> dict:
    return json.loads((site / "du-lieu" / "datapackage.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("build", ["real_site", "fixture_site"])
def test_frictionless_validates_the_built_package(build, request):
    result = validate(request.getfixturevalue(build) / "du-lieu" / "datapackage.json")
    assert result.returncode == 0, result.stdout + result.stderr


def test_validation_catches_a_bad_cell(fixture_site, tmp_path):
    """The check above can fail: a status that is not one of the five is rejected."""
    copy = tmp_path / "du-lieu"
    shutil.copytree(fixture_site / "du-lieu", copy)
    path = copy / "chi-tieu.csv"
    path.write_bytes(path.read_bytes().replace(b",chua-co-so-lieu\r\n", b",sai\r\n", 1))
    assert validate(copy / "datapackage.json").returncode != 0


def test_every_csv_and_json_file_is_described(real_site):
    files = {p.name for p in (real_site / "du-lieu").iterdir() if p.suffix in (".csv", ".json")}
    described = {r["path"] for r in descriptor(real_site)["resources"]}
    assert described == files - {"datapackage.json"}


def test_csv_header_and_json_keys_match_the_schema(fixture_site):
    for resource in descriptor(fixture_site)["resources"]:
        names = [field["name"] for field in resource["schema"]["fields"]]
        path = fixture_site / "du-lieu" / resource["path"]
        if resource["format"] == "csv":
            assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM Excel needs; frictionless skips it
            assert next(csv.reader(path.read_text(encoding="utf-8-sig").splitlines())) == names
        else:
            assert all(list(record) == names for record in json.loads(path.read_text(encoding="utf-8")))


def test_published_fields_take_their_description_from_their_declaration():
    """A column that publishes a data field is derived from the field in spec.py: name, title, description."""
    for dataset in columns.DATASETS:
        derived = [column for column in dataset.columns if column.field is not None]
        assert derived, dataset.name
        for column in derived:
            assert (column.name, column.title) == (column.field.name, column.field.title)
            assert column.description.startswith(column.field.public)


def test_the_export_writes_every_column_of_each_dataset(real_site_data):
    records = {"chi-tieu": export.target_records, "nhiem-vu": export.task_records, "cap-nhat": export.report_records}
    for dataset in columns.DATASETS:
        for record in records[dataset.name](real_site_data):
            assert tuple(record) == dataset.names


def test_every_field_has_a_vietnamese_title_and_description(real_site):
    for resource in descriptor(real_site)["resources"]:
        assert resource["title"] and resource["description"]
        for field in resource["schema"]["fields"]:
            assert field["title"] and field["description"], field["name"]


def test_licence_matches_the_copyright_line_of_every_page(real_site, real_site_data):
    package = descriptor(real_site)
    assert [licence["name"] for licence in package["licenses"]] == ["CC-BY-4.0"]
    footer = (real_site / "index.html").read_text(encoding="utf-8")
    copyright_line = re.search(r'md-copyright__highlight">\s*(.*?)\s*</div>', footer, re.S)[1]
    assert datapackage.licence_name(real_site_data.plan) in copyright_line  # "CC BY 4.0", from data/xa.yml


def test_sources_and_homepage_come_from_site_url(real_site):
    package = descriptor(real_site)
    assert package["sources"][0]["path"] == package["homepage"] + "van-ban-goc/"


def test_open_data_page_explains_each_file_the_licence_and_how_to_cite(real_site):
    article = BeautifulSoup((real_site / "du-lieu" / "index.html").read_text(encoding="utf-8"), "lxml")
    article = article.select_one("article")
    hrefs = {a["href"] for a in article.select("a[href]")}
    for dataset in columns.DATASETS:
        assert {f"../du-lieu/{dataset.name}.csv", f"../du-lieu/{dataset.name}.json"} <= hrefs
        assert all(article.find("code", string=column.name) for column in dataset.columns)
    assert "datapackage.json" in hrefs
    text = article.get_text(" ")
    assert "CC BY 4.0" in text and "Cách trích dẫn" in text
