"""Open data: every target with its section and values, UTF-8 JSON and CSV with a BOM for Excel."""

from __future__ import annotations

import csv
import io
import json

from macros.opendata import columns, export


def test_every_target_is_exported_with_its_section_and_values(real_site_data):
    records = {r["id"]: r for r in export.target_records(real_site_data)}
    assert set(records) == {t.id for t in real_site_data.plan.targets}
    for target in real_site_data.plan.targets:
        record = records[target.id]
        assert record["muc"] == target.unit_id and record["nguyen_van"] == target.wording
        assert (record["gia_tri"], record["gia_tri_tu"], record["gia_tri_den"]) == (
            target.value,
            target.low,
            target.high,
        )
        assert record["trang_thai"] == "chua-co-so-lieu" and record["gia_tri_moi_nhat"] is None


def test_csv_has_a_bom_and_reads_back(real_site_data):
    data = export.to_csv(export.target_records(real_site_data), columns.TARGETS.names)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == len(real_site_data.plan.targets)
    ocop = next(row for row in rows if row["id"] == "san-pham-ocop-3-sao")
    assert ocop["gia_tri"] == "5" and ocop["muc"] == "iii-2-1" and ocop["co_so"] == ""


def test_built_files_match(real_site):
    targets = json.loads((real_site / "du-lieu" / "chi-tieu.json").read_text(encoding="utf-8"))
    tasks = json.loads((real_site / "du-lieu" / "nhiem-vu.json").read_text(encoding="utf-8"))
    assert {t["id"] for t in targets} >= {"bao-hiem-y-te", "xa-khong-ma-tuy", "to-hop-tac-tung-ap"}
    assert all(task["muc"] and task["doan"] for task in tasks)
    reports = (real_site / "du-lieu" / "cap-nhat.csv").read_bytes()
    assert reports.decode("utf-8-sig").splitlines() == [",".join(columns.REPORTS.names)]


def test_fixture_reports_are_exported(fixture_site):
    rows = list(csv.DictReader(io.StringIO((fixture_site / "du-lieu" / "cap-nhat.csv").read_text("utf-8-sig"))))
    assert {(r["chi_tieu"], r["ky"], r["gia_tri"]) for r in rows} >= {("bao-hiem-y-te", "2026-Q3", "91.5")}
    hamlets = next(r for r in rows if r["chi_tieu"] == "to-hop-tac-tung-ap")
    assert hamlets["theo_ap"] == "vinh-thanh=2" and hamlets["gia_tri"] == ""
