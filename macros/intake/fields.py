"""The report fields a clerk fills in, in order, with their labels: read from the report record of the spec
(macros/data/spec.py, `Field.clerk`), so the workbook, the web form, the value reader and scripts/add_report.py list
them from one place. The web form also asks whether the report is new or corrects one already sent (the spec's
`report_request` record): those answers are never stored as such, a correction's reason goes into `ghi_chu`."""

from __future__ import annotations

from macros.data.spec import RECORDS, Field

HAMLETS = "theo_ap"  # one value per hamlet: a row per hamlet in the workbook, a text area in the web form
KIND, REASON = "loai_bao_cao", "ly_do_sua"  # the web form's question "new or correction?" and the reason
CLERK_FIELDS: tuple[Field, ...] = tuple(field for field in RECORDS["report"].fields if field.clerk)
REQUEST_FIELDS: tuple[Field, ...] = tuple(field for field in RECORDS["report_request"].fields if field.clerk)
# The web form's fields in its order: whether the report is new or a correction (and why), then the report.
FORM_FIELDS: tuple[Field, ...] = (*REQUEST_FIELDS, *CLERK_FIELDS)
NAMES = tuple(field.name for field in CLERK_FIELDS)
LABELS = {field.name: field.clerk for field in CLERK_FIELDS}
FORM_LABELS = {field.name: field.clerk for field in FORM_FIELDS}
REQUIRED = tuple(field.name for field in CLERK_FIELDS if field.required)


def of(name: str) -> Field:
    return next(field for field in FORM_FIELDS if field.name == name)
