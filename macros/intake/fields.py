"""The report fields a clerk fills in, in order, with their labels: read from the report record of the spec
(macros/data/spec.py, `Field.clerk`), so the workbook, the web form, the value reader and scripts/add_report.py list
them from one place."""

from __future__ import annotations

from macros.data.spec import RECORDS, Field

HAMLETS = "theo_ap"  # one value per hamlet: a row per hamlet in the workbook, a text area in the web form
CLERK_FIELDS: tuple[Field, ...] = tuple(field for field in RECORDS["report"].fields if field.clerk)
NAMES = tuple(field.name for field in CLERK_FIELDS)
LABELS = {field.name: field.clerk for field in CLERK_FIELDS}
REQUIRED = tuple(field.name for field in CLERK_FIELDS if field.required)


def of(name: str) -> Field:
    return next(field for field in CLERK_FIELDS if field.name == name)
