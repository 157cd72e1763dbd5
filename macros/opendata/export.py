"""Stage 6: open data (JSON and CSV, UTF-8; CSV with a BOM so Excel reads the diacritics)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from macros.domain.site_data import SiteData
from macros.files import VirtualFile
from macros.intake import template
from macros.opendata import columns
from macros.urls import Urls
from macros.vocabulary import kinds

# Model value -> open-data value, by field kind: what a tuple, a yearly deadline, a period or a date become in JSON.
PUBLIC_VALUES = {
    "refs": list,
    "deadline": lambda value: value or kinds.YEARLY,
    "period": lambda period: period.code,
    "date": lambda day: day.isoformat(),
    "hamlet_values": dict,
}


def public_values(record, columns: tuple[columns.Column, ...]) -> dict:
    """The values of a model record for the columns that publish its fields, keyed by the fields' YAML names."""
    found = {}
    for column in columns:
        if column.field is not None:
            value = getattr(record, column.field.attr)
            found[column.name] = PUBLIC_VALUES.get(column.field.kind, _same)(value)
    return found


def _same(value):
    return value


def target_records(site: SiteData) -> list[dict]:
    records = []
    for target in site.plan.targets:
        found, latest = site.assessments[target.id], site.assessments[target.id].latest
        computed = dict(
            gia_tri_moi_nhat=found.value,
            ngay_so_lieu=latest.as_of.isoformat() if latest else None,  # null in JSON, an empty cell in CSV
            trang_thai=found.status,
        )
        records.append(_ordered(columns.TARGETS, public_values(target, columns.TARGETS.columns) | computed))
    return records


def task_records(site: SiteData) -> list[dict]:
    return [
        _ordered(columns.TASKS, public_values(task, columns.TASKS.columns) | {"muc": site.plan.anchors[task.anchor]})
        for task in site.plan.tasks
    ]


def report_records(site: SiteData) -> list[dict]:
    return [public_values(report, columns.REPORTS.columns) for report in site.plan.reports]


def _ordered(dataset: columns.Dataset, values: dict) -> dict:
    """The values in the order of the dataset's columns, which is the order of the keys in the JSON file."""
    return {name: values[name] for name in dataset.names}


def to_json(records: list[dict]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(map(str, value))
    if isinstance(value, dict):
        return ";".join(f"{k}={v}" for k, v in value.items())
    return str(value)


def to_csv(records: list[dict], names: tuple[str, ...]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names)
    for record in records:
        writer.writerow([_cell(record.get(name)) for name in names])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def files(site: SiteData, cache_dir: Path | None = None) -> list[VirtualFile]:
    """Each dataset twice: du-lieu/<name>.json and du-lieu/<name>.csv; and the report template (kept in cache_dir)."""
    tables = (
        (columns.TARGETS, target_records(site)),
        (columns.TASKS, task_records(site)),
        (columns.REPORTS, report_records(site)),
    )
    return [
        file
        for dataset, records in tables
        for file in (
            VirtualFile(Urls.data_file(dataset.file_name("json")), to_json(records)),
            VirtualFile(Urls.data_file(dataset.file_name("csv")), to_csv(records, dataset.names)),
        )
    ] + template.files(site, cache_dir)
