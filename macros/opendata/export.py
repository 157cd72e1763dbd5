"""Stage 6: open data (JSON and CSV, UTF-8; CSV with a BOM so Excel reads the diacritics)."""

from __future__ import annotations

import csv
import io
import json

from macros import formats as fmt
from macros.files import VirtualFile
from macros.opendata import columns, template
from macros.pipeline import SiteData

# The columns are defined once, in columns.py, with their types and descriptions (also used by datapackage.json).
TARGET_COLUMNS = columns.TARGETS.names
TASK_COLUMNS = columns.TASKS.names
REPORT_COLUMNS = columns.REPORTS.names


def target_records(site: SiteData) -> list[dict]:
    records = []
    for t in site.plan.targets:
        a = site.assessments[t.id]
        latest = a.latest
        records.append(
            dict(
                id=t.id,
                muc=t.unit_id,
                ten=t.name,
                nguyen_van=t.wording,
                loai=t.kind,
                gia_tri=t.value,
                gia_tri_tu=t.low,
                gia_tri_den=t.high,
                don_vi=t.unit,
                han=t.deadline or "hang-nam",
                co_so=t.baseline,
                nam_co_so=t.baseline_year,
                chu_tri=t.lead,
                phoi_hop=list(t.partners),
                theo_ap=t.per_hamlet,
                gia_tri_moi_nhat=a.value,
                ngay_so_lieu=fmt.iso(latest.as_of if latest else None),
                trang_thai=a.status,
            )
        )
    return records


def task_records(site: SiteData) -> list[dict]:
    return [
        dict(
            id=t.id,
            doan=t.anchor,
            muc=site.plan.anchors[t.anchor],
            ro_viec=t.what,
            chu_tri=t.lead,
            phoi_hop=list(t.partners),
            bien_phap=t.means,
            thoi_gian=t.timing,
            tham_quyen=t.authority,
            san_pham=t.product,
            chi_tieu=list(t.target_ids),
        )
        for t in site.plan.tasks
    ]


def report_records(site: SiteData) -> list[dict]:
    return [
        dict(
            chi_tieu=r.target_id,
            ky=r.period.code,
            gia_tri=r.value,
            theo_ap=dict(r.hamlet_values),
            ngay=r.as_of.isoformat(),
            nguon=r.source,
            don_vi_bao_cao=r.agency_id,
            ghi_chu=r.note,
        )
        for r in site.plan.reports
    ]


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


def to_csv(records: list[dict], columns: tuple[str, ...]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([_cell(record.get(column)) for column in columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def files(site: SiteData) -> list[VirtualFile]:
    targets, tasks, reports = (
        target_records(site),
        task_records(site),
        report_records(site),
    )
    return [
        VirtualFile("du-lieu/chi-tieu.json", to_json(targets)),
        VirtualFile("du-lieu/chi-tieu.csv", to_csv(targets, TARGET_COLUMNS)),
        VirtualFile("du-lieu/nhiem-vu.json", to_json(tasks)),
        VirtualFile("du-lieu/nhiem-vu.csv", to_csv(tasks, TASK_COLUMNS)),
        VirtualFile("du-lieu/cap-nhat.json", to_json(reports)),
        VirtualFile("du-lieu/cap-nhat.csv", to_csv(reports, REPORT_COLUMNS)),
        *template.files(site),
    ]
