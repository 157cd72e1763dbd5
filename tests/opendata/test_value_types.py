"""Issue 17: what the open data says its values are comes from the kind of the field they publish (declared once), and
every exported value is one of them, so the description on the page "Dữ liệu mở" cannot drift from the data."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from macros.data.spec import RECORDS
from macros.opendata import columns
from macros.site import views


@pytest.mark.parametrize("build", ["real_site", "fixture_site"])
def test_every_exported_value_is_what_its_column_says(build, request):
    site = request.getfixturevalue(build)
    for dataset in columns.DATASETS:
        records = json.loads((site / "du-lieu" / f"{dataset.name}.json").read_text(encoding="utf-8"))
        assert records or dataset is columns.REPORTS
        for record in records:
            wrong = {c.name: record[c.name] for c in dataset.columns if not c.accepts(record[c.name])}
            assert wrong == {}, (dataset.name, record.get("id"))


def test_a_published_field_takes_its_value_type_from_its_kind():
    for dataset in columns.DATASETS:
        for column in dataset.columns:
            if column.field is not None:
                assert column.value_type is columns.VALUE_TYPES[column.field.kind], column.name
    kinds = {field.kind for record in RECORDS.values() for field in record.public}
    assert kinds <= set(columns.VALUE_TYPES)


def test_the_open_data_page_describes_each_column_by_its_value_type(real_site_data):
    page = BeautifulSoup(views.open_data(real_site_data, "du-lieu/"), "lxml")
    for dataset in columns.DATASETS:
        table = page.find("caption", string=f"Các cột của {dataset.name}.csv và {dataset.name}.json").parent
        shown = {
            row.code.get_text(): row.select_one('td[data-label="Kiểu"]').get_text() for row in table.select("tbody tr")
        }
        assert shown == {column.name: column.value_type.text for column in dataset.columns}
    deadline = columns.TARGETS.columns[columns.TARGETS.names.index("han")]
    assert "hang-nam" in deadline.value_type.text and "true" not in deadline.value_type.text


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("han", True),  # what the page used to say a deadline could be
        ("han", 30),  # not a year
        ("han", "2030"),  # a year written as text
        ("trang_thai", "sai"),
        ("id", None),  # a column that is always there
        ("phoi_hop", "ubmttq"),  # a list written as one text
        ("gia_tri_theo_ke_hoach", "true"),
    ],
)
def test_a_value_of_the_wrong_type_is_refused(column, value):
    assert not columns.TARGETS.columns[columns.TARGETS.names.index(column)].accepts(value)
