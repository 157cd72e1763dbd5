"""`make import`: read a plan, make a whole data/ for its commune, check it as the build would, then write it.

Nothing is written when anything is wrong: the new files are made and checked in a scratch folder first, and data
that already holds progress reports is only replaced with `force` (FORCE=1).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from macros import pipeline
from macros.data import rules, value_rules
from macros.errors import DataError, Problem
from macros.importer import bodies, document, paragraphs, plan_file, source, suggestions, writer
from macros.vocabulary import periods

LICENCE = "CC-BY-4.0"  # the default of a new commune's open data; staff may choose another in xa.yml
OWNED = ("ke-hoach.yml", "xa.yml", "co-quan.yml", "chi-tieu.yml", "nhiem-vu.yml", "ap.yml", "id-da-cong-bo.yml",
         "chi-tieu-de-xuat.yml")  # fmt: skip
KEPT = ("tu-viet-tat.yml", "schemas")  # the same for every commune


@dataclass
class Imported:
    """Everything `make import` writes, and what it says it did."""

    plan: dict
    commune: dict
    agencies: list[dict]
    suggestions: list[dict]
    skipped: int = 0
    source: Path | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def span(self) -> periods.Span:
        years = self.plan["van_ban"]["giai_doan"]
        return periods.Span(years["tu"], years["den"], years.get("giua_ky"))


def refuse(name: str, field_name: str, message: str, fix: str) -> DataError:
    return DataError([Problem(name, 0, field_name, message, fix)])


def read_plan(path: Path, commune=None, province=None, span: tuple[int, int] | None = None) -> Imported:
    raw = source.read(path)
    found = paragraphs.join_lines(raw.lines, raw.hard_wrapped)
    parsed = document.parse(raw.name, found)
    full_text = "\n".join(found)
    plan = plan_file.plan(parsed, span)
    if not plan["van_ban"].get("giai_doan"):
        fix = "ghi giai đoạn khi chạy lệnh, ví dụ: make import PLAN=<tệp> GIAI_DOAN=2026-2030"
        raise refuse(raw.name, "giai đoạn", "không tìm thấy giai đoạn của Kế hoạch (“giai đoạn 2026-2030”)", fix)
    named, in_province = plan_file.commune_names(parsed, full_text)
    commune, province = (commune or named or "").strip(), (province or in_province or "").strip()
    if not commune:
        fix = 'ghi tên xã khi chạy lệnh, ví dụ: make import PLAN=<tệp> XA="Cát Vân"'
        raise refuse(raw.name, "tên xã", "không tìm thấy tên xã ở đầu văn bản hay trong tiêu đề", fix)
    if not province:
        fix = 'ghi tên tỉnh khi chạy lệnh, ví dụ: make import PLAN=<tệp> TINH="Thanh Hóa"'
        raise refuse(raw.name, "tên tỉnh", "không tìm thấy tên tỉnh trong văn bản", fix)
    imported = Imported(plan, {"ten": commune, "tinh": province, "giay_phep": LICENCE}, [], [], source=path)
    imported.agencies = bodies.agencies(plan_file.places(plan))
    imported.suggestions, imported.skipped = suggestions.suggest(paragraph_places(plan), imported.span)
    imported.notes.append("Giai đoạn của Kế hoạch đọc từ " + plan_file.span_field(parsed, span)[1] + ".")
    return imported


def span_given(name: str, text: str | None) -> tuple[int, int] | None:
    """GIAI_DOAN=2026-2030 as typed: two years, the first not after the second."""
    if not text:
        return None
    found = re.fullmatch(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*", text)
    if not found or int(found[1]) > int(found[2]):
        raise refuse(name, "giai đoạn", f"GIAI_DOAN={text} không đúng dạng", "viết năm đầu-năm cuối, ví dụ 2026-2030")
    return int(found[1]), int(found[2])


def paragraph_places(plan: dict) -> list[tuple[str, str, str]]:
    """(anchor, unit id, text) of every paragraph that can hold a commitment: units' own text and blocks."""
    found = []

    def walk(unit: dict) -> None:
        found.extend([(unit["id"], unit["id"], unit["van_ban"])] if unit.get("van_ban") else [])
        for number, block in enumerate(unit.get("noi_dung") or [], start=1):
            found.append((f"{unit['id']}-d{number}", unit["id"], next(iter(block.values()))))
        for child in unit.get("muc") or []:
            walk(child)

    for part in plan["muc"]:
        walk(part)
    return found


def holds_reports(data_dir: Path) -> bool:
    reports = data_dir / "cap-nhat"
    if any(reports.glob("*.xlsx")):
        return True
    for path in reports.glob("*.yml"):
        loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if isinstance(loaded, dict) and loaded.get("bao_cao"):
            return True
    return False


def write_all(imported: Imported, folder: Path, kept_from: Path) -> None:
    """The commune's files into `folder`: the plan, its bodies and suggestions, empty targets, tasks, hamlets and
    reports, the registry of the ids it publishes, and the plan as received in nguon/."""
    writer.write(folder / "ke-hoach.yml", "ke-hoach.yml", imported.plan)
    writer.write(folder / "xa.yml", "xa.yml", imported.commune)
    writer.write(folder / "co-quan.yml", "co-quan.yml", {"co_quan": imported.agencies})
    writer.write(folder / "chi-tieu.yml", "chi-tieu.yml", {"chi_tieu": []})
    writer.write(folder / "nhiem-vu.yml", "nhiem-vu.yml", {"nhiem_vu": []})
    writer.write(folder / "ap.yml", "ap.yml", {"day_du": False, "ap": []})
    writer.write(folder / "chi-tieu-de-xuat.yml", "chi-tieu-de-xuat.yml", {"de_xuat": imported.suggestions})
    writer.write(folder / "cap-nhat" / f"{imported.span.first}.yml", "cap-nhat", {"bao_cao": []}, folder_depth=1)
    for name in KEPT:
        if (kept_from / name).is_dir():
            shutil.copytree(kept_from / name, folder / name)
        elif (kept_from / name).is_file():
            shutil.copy2(kept_from / name, folder / name)
    (folder / "nguon").mkdir()
    shutil.copy2(imported.source, folder / "nguon" / imported.source.name)
    writer.registry(folder / "id-da-cong-bo.yml", published_ids(folder))


def published_ids(folder: Path) -> list[str]:
    sources, _ = pipeline.read_sources(folder, folder.parent)
    index, _ = rules.build_index(sources, set())
    return sorted(value_rules.published_ids(index))


def replace(data_dir: Path, scratch: Path) -> None:
    """Swap the commune's files for the new ones; what is the same for every commune stays."""
    for name in OWNED:
        (data_dir / name).unlink(missing_ok=True)
    for folder in ("cap-nhat", "nguon"):
        shutil.rmtree(data_dir / folder, ignore_errors=True)
    for path in scratch.iterdir():
        if path.name not in KEPT:
            shutil.move(str(path), data_dir / path.name)


def import_plan(path: Path, data_dir: Path, commune=None, province=None, force=False, span=None) -> Imported:
    imported = read_plan(path, commune, province, span)
    if holds_reports(data_dir) and not force:
        fix = "chạy lại với FORCE=1 nếu chắc chắn muốn thay cả dữ liệu đó (các báo cáo cũ sẽ bị xóa)"
        raise refuse(f"{data_dir.name}/cap-nhat", "báo cáo", "dữ liệu hiện có đã có báo cáo tiến độ", fix)
    with tempfile.TemporaryDirectory() as scratch_root:
        scratch = Path(scratch_root) / "data"
        scratch.mkdir()
        write_all(imported, scratch, data_dir)
        problems = pipeline.check(scratch, scratch.parent, pipeline.build_day())
        if problems:
            raise DataError(problems)
        data_dir.mkdir(parents=True, exist_ok=True)
        replace(data_dir, scratch)
    return imported
