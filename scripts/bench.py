"""Measure how the build grows with the data, side by side with a same-text twin: 1×, 10× and 100× the real targets,
tasks and agencies.

Usage: python scripts/bench.py [--scales 1,10,100] [--plan fixed|scaled] [--repeat 3]
                               [--repeat-large 1] [--profile] [--keep] [--no-write] [--data-only DIR]

For each scale the script writes a synthetic data directory under .bench/ (the real data/
with every target, task and agency copied under suffixed ids, ~8.3 progress reports per
target for the periods 2026-01..2026-11, 2026-Q1..Q4 and 2026, and a regenerated id
registry; written out without YAML anchors, since our loader refuses them), then measures:

- each stage, by calling the pure functions in this process (load, validate,
  model + status, render of every generated page, render of the macro pages);
- three whole processes, in turn, --repeat times: the real build, `python -m mkdocs build --strict` with
  DATA_DIR pointing at the synthetic data, with an empty preview-image cache (cold) and a full one (warm), and
  the twin (scripts/bench_twin.py: the final Markdown of every page and the same files, built by plain MkDocs +
  Material, no macros, no hooks). CPU seconds and peak memory are the operating system's accounting of each
  process, as /usr/bin/time gives them; ratios are taken run by run;
- at 1×, what a first visit downloads (headless Chromium, empty cache) on four page types, ours and the twin's;
- how many times the YAML is parsed during one real build (it must be once per file).

--data-only DIR writes the synthetic data of each scale to DIR/x<N>/data and stops (tests/test_bench.py loads it).

`--plan fixed` (the default) keeps the real plan text, so at 100× every paragraph of the
plan carries 100 times as many targets and tasks; `--plan scaled` copies the plan's parts
too, so the targets per paragraph stay as in the real data.

The build day is pinned (SOURCE_DATE_EPOCH, 29/11/2026) so every run judges the same reports.
Results are printed as Markdown and written into BENCHMARKS.md between the markers of the
plan mode, unless --no-write. The checks at the end are information only: exit status is 0.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import functools
import gzip
import http.server
import io
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent

from macros import pipeline
from macros.data import rules, validate, value_rules
from macros.data.load import parse_text
from macros.data.spec import FILES, RECORDS
from macros.domain import model, status
from macros.domain.site_data import SiteData
from macros.publish import hand_written
from macros.site import pages
from macros.vocabulary import kinds, periods, units

BUILD_DAY = dt.date(2026, 11, 29)
EPOCH = str(int(dt.datetime(2026, 11, 29, tzinfo=dt.UTC).timestamp()))
PERIODS = [f"2026-{m:02d}" for m in range(1, 12)] + [f"2026-Q{q}" for q in range(1, 5)] + ["2026"]
REPORTS_PER_TARGET = 25 / 3  # 24 real targets -> 200 reports at 1x, 20,000 at 100x
BENCH_DIR = ROOT / ".bench"
BENCHMARKS = ROOT / "BENCHMARKS.md"
SITE_URL = "http://127.0.0.1:8000/"
LIMIT_SECONDS = 60
TIME = "/usr/bin/time"  # GNU time (Debian package `time`)


# --- synthetic data ---------------------------------------------------------------------------


def plain(value):
    """Located values back to plain dicts and lists, for yaml.safe_dump."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def read_yaml(path: Path):
    value, problems = parse_text(path.read_text(encoding="utf-8"), path.name)
    if problems:
        raise SystemExit(f"{path}: {problems[0]}")
    return plain(value)


class NoAliasDumper(yaml.CSafeDumper):
    """Copies share lists (a copied target keeps its original's list of hamlets); PyYAML would write the second one as
    an alias (&id001 … *id001), which our loader rightly refuses. Written out in full, as a clerk would."""

    def ignore_aliases(self, data) -> bool:
        return True


def write_yaml(path: Path, value) -> None:
    text = yaml.dump(value, Dumper=NoAliasDumper, allow_unicode=True, sort_keys=False, width=10**6)
    path.write_text(text, encoding="utf-8")


class Renamer:
    """Ids of copy number `copy`: copy 1 keeps the real ids, copy n gets the suffix -s<n>."""

    def __init__(self, copy: int, scale_plan: bool, anchor_unit: dict[str, str]):
        self.suffix = "" if copy == 1 else f"-s{copy}"
        self.scale_plan = scale_plan
        self.anchor_unit = anchor_unit

    def id(self, value):
        return value + self.suffix if isinstance(value, str) else value

    def ids(self, values):
        return [self.id(value) for value in values or []]

    def unit(self, value):
        return self.id(value) if self.scale_plan else value

    def anchor(self, value):
        """A section or paragraph of the copied plan; the document's own parts (căn cứ, nơi nhận…) are not copied."""
        if not self.scale_plan or value not in self.anchor_unit:
            return value
        unit = self.anchor_unit[value]
        return unit + self.suffix + value[len(unit) :]

    def anchors(self, values):
        return [self.anchor(value) for value in values or []]


def copied(record: str, item: dict, name: Renamer) -> dict:
    """A copy of a target or task whose references (every field the spec declares as one) name the same copy's
    agencies, targets and sections."""
    changed = {"id": name.id(item["id"])}
    for field in RECORDS[record].references:
        value = item.get(field.name)
        if value is None:
            continue
        if field.refers_to == "anchor":
            changed[field.name] = name.anchors(value) if field.kind == "anchors" else name.anchor(value)
        elif field.refers_to == "unit":
            changed[field.name] = name.unit(value)
        elif field.refers_to in ("agency", "target"):
            changed[field.name] = name.ids(value) if field.kind == "refs" else name.id(value)
    return dict(item, **changed)


def unit_ids(units: list[dict]) -> list[str]:
    return [id for unit in units for id in (unit["id"], *unit_ids(unit.get("muc") or []))]


def rename_unit(unit: dict, suffix: str) -> dict:
    copy = dict(unit, id=unit["id"] + suffix)
    if unit.get("muc"):
        copy["muc"] = [rename_unit(child, suffix) for child in unit["muc"]]
    return copy


def report_value(target: dict, step: int, count: int):
    """A plausible value for report `step` of `count`: rising towards the goal, never negative or above 100%."""
    if kinds.KINDS[target["loai"]].yes_no:
        return step == count - 1 and step % 2 == 0
    goal = target.get("gia_tri") if target.get("gia_tri") is not None else target.get("gia_tri_tu")
    value = round((goal or 10) * (0.4 + 0.65 * (step + 1) / count), 1)
    if units.counts_things(target.get("don_vi")):
        return round(value)  # a count of products, cooperatives…: whole numbers only
    return min(value, 100) if str(target.get("don_vi") or "").startswith("%") else value


def quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def reports_yaml(targets: list[dict]) -> tuple[str, int]:
    lines, count = ["# Dữ liệu tổng hợp cho đo tốc độ (scripts/bench.py), không phải số liệu thật.", "bao_cao:"], 0
    for index, target in enumerate(targets):
        wanted = int(REPORTS_PER_TARGET * (index + 1)) - int(REPORTS_PER_TARGET * index)
        for step in range(wanted):
            code = PERIODS[(index + step) % len(PERIODS)]
            period_end = min(periods.parse(code).end, BUILD_DAY)
            agency = target.get("chu_tri") or target["_reporter"]
            lines += [f"  - chi_tieu: {target['id']}", f"    ky: {quoted(code)}"]
            value = report_value(target, step, wanted)
            if target.get("theo_ap"):
                lines += ["    theo_ap:", f"      vinh-thanh: {value}"]
            else:
                lines.append(f"    gia_tri: {str(value).lower() if isinstance(value, bool) else value}")
            lines += [
                f"    ngay: {period_end.isoformat()}",
                f"    nguon: {quoted(f'Báo cáo số {count + 1}/BC-UBND (tổng hợp)')}",
                f"    don_vi_bao_cao: {agency}",
            ]
            if step % 4 == 3:
                lines.append(f"    ghi_chu: {quoted('Số liệu tổng hợp từ các ấp, có đối chiếu với báo cáo quý.')}")
            count += 1
    return "\n".join(lines) + "\n", count


def write_registry(data_dir: Path) -> int:
    sources, _ = pipeline.read_sources(data_dir, data_dir.parent)
    index, _ = rules.build_index(sources, set())
    ids = sorted(value_rules.published_ids(index))
    text = "chuyen_huong: {}\nid:\n" + "".join(f"  - {value}\n" for value in ids)
    (data_dir / "id-da-cong-bo.yml").write_text(text, encoding="utf-8")
    return len(ids)


def synthesize(scale: int, dest: Path, scale_plan: bool) -> Path:
    """Copy data/ into dest/data and multiply it; the result passes every check of the validator."""
    data = dest / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("schemas", "nguon"))
    sources, _ = pipeline.read_sources(ROOT / "data", ROOT)
    real_index, _ = rules.build_index(sources, set())
    plan = read_yaml(data / "ke-hoach.yml")
    agencies = read_yaml(data / "co-quan.yml")["co_quan"]
    targets = read_yaml(data / "chi-tieu.yml")["chi_tieu"]
    tasks = read_yaml(data / "nhiem-vu.yml")["nhiem_vu"]
    parts, new_agencies, new_targets, new_tasks = [], [], [], []
    for copy in range(1, scale + 1):
        name = Renamer(copy, scale_plan, real_index.anchor_unit | {unit: unit for unit in unit_ids(plan["muc"])})
        if scale_plan or copy == 1:
            parts += [rename_unit(part, name.suffix) for part in plan["muc"]]
        label = "" if copy == 1 else f" (bản {copy})"
        new_agencies += [
            dict(a, id=name.id(a["id"]), ten=a["ten"] + label, nguon=name.anchors(a["nguon"])) for a in agencies
        ]
        for t in targets:
            new_targets.append(dict(copied("target", t, name), ten=t["ten"] + label))
            new_targets[-1]["_reporter"] = name.id("phong-kinh-te")
        new_tasks += [copied("task", t, name) for t in tasks]
    write_yaml(data / "ke-hoach.yml", dict(plan, muc=parts))
    write_yaml(data / "co-quan.yml", {"co_quan": new_agencies})
    public = [{key: value for key, value in t.items() if key != "_reporter"} for t in new_targets]
    write_yaml(data / "chi-tieu.yml", {"chi_tieu": public})
    write_yaml(data / "nhiem-vu.yml", {"nhiem_vu": new_tasks})
    shutil.rmtree(data / "cap-nhat")
    (data / "cap-nhat").mkdir()
    text, _ = reports_yaml(new_targets)
    (data / "cap-nhat" / "2026.yml").write_text(text, encoding="utf-8")
    write_registry(data)
    return data  # checked by the first run of stages()


# --- measurements -----------------------------------------------------------------------------


def stages(data_dir: Path) -> dict:
    """Time each pure stage once, in this process."""
    clock, times = time.perf_counter, {}
    start = clock()
    sources, problems = pipeline.read_sources(data_dir, data_dir.parent)
    times["load"] = clock() - start

    start = clock()
    problems += validate.validate(sources, BUILD_DAY)
    times["validate"] = clock() - start
    if problems:
        shown = "\n".join(map(str, problems[:10]))
        raise SystemExit(f"{data_dir} has {len(problems)} problems:\n{shown}")

    start = clock()
    plan = model.build(sources)
    site = SiteData(plan, status.assess_all(plan, BUILD_DAY), BUILD_DAY)
    times["model_status"] = clock() - start

    start = clock()
    files = pages.all_files(site, SITE_URL)
    times["render_pages"] = clock() - start

    start = clock()
    for render_macro in macro_functions(site).values():
        render_macro()
    times["render_macros"] = clock() - start

    times["counts"] = dict(
        targets=len(plan.targets),
        tasks=len(plan.tasks),
        agencies=len(plan.agencies),
        reports=len(plan.reports),
        units=len(plan.units),
        generated_md=sum(f.path.endswith(".md") for f in files),
        generated_other=sum(not f.path.endswith(".md") for f in files),
    )
    return times


def macro_functions(site) -> dict:
    """Every macro a hand-written page may call, bound to `site` (each is used once, on one page)."""
    return hand_written.bound(site, "", hand_written.same)


def build_env(data_dir: Path | None, cache_dir: Path | None = None) -> dict:
    # Preview images drawn by these builds stay under .bench/, not in the checkout's .cache/.
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=EPOCH)
    env["CACHE_DIR"] = str(cache_dir or BENCH_DIR / "cache")
    if data_dir is not None:
        env["DATA_DIR"] = str(data_dir)
    return env


@dataclass(frozen=True)
class Run:
    """One whole process, from outside: wall seconds, CPU seconds (its own and its helpers'), peak memory."""

    wall: float
    cpu: float
    peak_mib: float


def timed(command: list[str], env: dict) -> Run:
    """Run a command to its end under /usr/bin/time, which reports the operating system's own accounting of it. Not
    os.wait4 from here: a child forked from this large process would count this process's memory as its own peak."""
    with tempfile.TemporaryDirectory() as scratch:
        report, errors = Path(scratch) / "time", Path(scratch) / "stderr"
        start = time.perf_counter()
        with errors.open("wb") as stderr:
            result = subprocess.run(
                [TIME, "-o", str(report), "-f", "%U %S %M", *command],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
        wall = time.perf_counter() - start
        if result.returncode:
            raise SystemExit(f"{' '.join(command)} failed:\n{errors.read_text(errors='replace')[-3000:]}")
        user, system, peak_kib = report.read_text().split()[-3:]
    return Run(wall, float(user) + float(system), int(peak_kib) / 1024)


def mkdocs(out: Path, config: Path | None = None) -> list[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)]
    return command + (["-f", str(config)] if config else [])


def site_stats(out: Path) -> dict:
    html = list(out.rglob("*.html"))
    largest = max(html, key=lambda path: path.stat().st_size)
    index = (out / "search" / "search_index.json").read_bytes()
    return dict(
        html_files=len(html),
        largest_bytes=largest.stat().st_size,
        largest_path=largest.relative_to(out).as_posix(),
        search_raw=len(index),
        search_gzip=len(gzip.compress(index, compresslevel=6)),
        total_bytes=sum(path.stat().st_size for path in out.rglob("*") if path.is_file()),
    )


def make_twin(data_dir: Path, cache_dir: Path, dest: Path) -> Path:
    """The same-text twin of the site built from data_dir (scripts/bench_twin.py); the path of its mkdocs.yml."""
    command = [sys.executable, str(ROOT / "scripts" / "bench_twin.py"), str(dest)]
    result = subprocess.run(command, cwd=ROOT, env=build_env(data_dir, cache_dir), capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"the twin could not be made:\n{result.stderr[-3000:]}")
    return dest / "mkdocs.yml"


def side_by_side(data_dir: Path, work: Path, repeat: int) -> dict:
    """In turn, `repeat` times: our build with an empty cache (cold: every image drawn, the report template written,
    every template compiled), with a full cache but for the preview images (images), with a full cache (warm), and
    the twin. Ratios are taken run by run, so a machine that slows down during the runs does not tilt them."""
    warm_cache, cold_cache, images_cache = work / "cache-warm", work / "cache-cold", work / "cache-images"
    twin = make_twin(data_dir, warm_cache, work / "twin")  # also fills the warm cache
    runs: dict[str, list[Run]] = {"cold": [], "images": [], "warm": [], "twin": []}
    for _ in range(repeat):
        shutil.rmtree(cold_cache, ignore_errors=True)
        shutil.rmtree(images_cache, ignore_errors=True)
        shutil.copytree(warm_cache, images_cache, ignore=shutil.ignore_patterns("previews"))
        runs["cold"].append(timed(mkdocs(work / "site-cold"), build_env(data_dir, cold_cache)))
        runs["images"].append(timed(mkdocs(work / "site-cold"), build_env(data_dir, images_cache)))
        runs["warm"].append(timed(mkdocs(work / "site"), build_env(data_dir, warm_cache)))
        runs["twin"].append(timed(mkdocs(work / "site-twin", twin), build_env(None)))
    ratios = {
        "build": paired(runs["warm"], runs["twin"], "wall"),
        "cold": paired(runs["cold"], runs["warm"], "wall"),
        "images": paired(runs["images"], runs["warm"], "wall"),
        "peak": paired(runs["warm"], runs["twin"], "peak_mib"),
    }
    medians = {
        kind: {key: median([getattr(run, key) for run in found]) for key in ("wall", "cpu", "peak_mib")}
        for kind, found in runs.items()
    }
    return {"runs": medians, "ratios": ratios, "site": work / "site", "twin_site": work / "site-twin"}


def median(values: list[float]) -> float:
    return statistics.median(values)


def paired(first: list[Run], second: list[Run], key: str) -> float:
    """The median of the ratios of runs made one after the other."""
    return median([getattr(a, key) / getattr(b, key) for a, b in zip(first, second, strict=True)])


def measure(scale: int, work: Path, scale_plan: bool, repeat: int) -> dict:
    print(f"{scale}x: generating data", file=sys.stderr)
    data_dir = synthesize(scale, work / f"x{scale}", scale_plan)
    runs = [stages(data_dir) for _ in range(repeat)]
    result = {key: median([run[key] for run in runs]) for key in runs[0] if key != "counts"}
    result["counts"] = runs[0]["counts"]
    result["layer"] = sum(result[key] for key in ("load", "validate", "model_status", "render_pages", "render_macros"))
    print(f"{scale}x: stages {result['layer']:.2f} s; our build (cold, warm) and the twin, {repeat}×", file=sys.stderr)
    compared = side_by_side(data_dir, work / f"x{scale}", repeat)
    result |= compared | {"repeat": repeat, "data_dir": data_dir}
    result["site"], result["twin_site"] = site_stats(compared["site"]), site_stats(compared["twin_site"])
    result["md_pages"] = len(list((work / f"x{scale}" / "twin" / "docs").rglob("*.md")))
    if scale == 1:
        result["first_view"] = {"ours": first_views(compared["site"]), "twin": first_views(compared["twin_site"])}
    for kept in ("site", "site-cold", "site-twin", "twin"):
        shutil.rmtree(work / f"x{scale}" / kept, ignore_errors=True)
    return result


# --- first view -------------------------------------------------------------------------------

FIRST_VIEW_PAGES = {
    "Home": "",
    "Plan section": "ke-hoach/iii-3/",
    "Targets": "chi-tieu/",
    "Target": "chi-tieu/bao-hiem-y-te/",
}
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def sizes(site: Path, urls: list[str]) -> tuple[int, int, int]:
    """(requests, raw bytes, gzip bytes) of the site's files behind these URLs."""
    raw = packed = 0
    for url in urls:
        path = site / urlsplit(url).path.lstrip("/")
        body = (path / "index.html" if path.is_dir() else path).read_bytes()
        raw, packed = raw + len(body), packed + len(gzip.compress(body, compresslevel=6))
    return len(urls), raw, packed


def first_views(site: Path) -> dict[str, tuple[tuple[int, int, int], tuple[int, int, int]]]:
    """Per page type: what loading it with an empty cache downloads, and what focusing the search box adds."""
    from playwright.sync_api import sync_playwright

    server = static_server(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for name, path in FIRST_VIEW_PAGES.items():
            context = browser.new_context()  # an empty cache: a first visit
            page, seen = context.new_page(), []
            page.on("requestfinished", lambda request, seen=seen: seen.append(request.url))
            page.goto(base + path, wait_until="networkidle")
            loaded = list(seen)
            page.keyboard.press("/")
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1000)
            found[name] = (sizes(site, loaded), sizes(site, seen[len(loaded) :]))
            context.close()
        browser.close()
    server.shutdown()
    return found


def static_server(site: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


INSTRUMENT = """
import collections, json
import macros.data.load as load
calls = collections.Counter()
def counted(name, function):
    def wrapper(*args, **kwargs):
        calls[name] += 1
        return function(*args, **kwargs)
    return wrapper
for name in ("load_all", "load_file", "parse_text"):
    setattr(load, name, counted(name, getattr(load, name)))
from mkdocs.__main__ import cli
cli.main(args=["build", "--quiet", "-d", {out!r}], standalone_mode=False)
print("CALLS " + json.dumps(calls))
"""


def parse_count(data_dir: Path, out: Path) -> dict:
    """Run one real build with load_all, load_file and parse_text counted."""
    code = INSTRUMENT.format(out=str(out))
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=build_env(data_dir), capture_output=True, text=True
    )
    line = next((line for line in result.stdout.splitlines() if line.startswith("CALLS ")), None)
    if line is None:
        raise SystemExit("instrumented build failed:\n" + result.stderr[-2000:])
    files = sum(len(list(data_dir.glob(spec.pattern))) for spec in FILES)
    return dict(json.loads(line[6:]), data_files=files)


def profile(data_dir: Path, limit: int = 25) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    stages(data_dir)
    profiler.disable()
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer).strip_dirs().sort_stats("tottime")
    stats.print_stats(limit)
    return buffer.getvalue()


# --- report -----------------------------------------------------------------------------------


def machine() -> dict:
    cpu = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.M)
    mem = re.search(r"^MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text(), re.M)
    from importlib.metadata import version

    return dict(
        nproc=os.cpu_count(),
        cpu=cpu.group(1) if cpu else platform.processor(),
        ram=f"{int(mem.group(1)) / 1024**2:.1f} GiB" if mem else "?",
        python=platform.python_version(),
        system=f"{platform.system()} {platform.release()}",
        mkdocs=version("mkdocs"),
        material=version("mkdocs-material"),
        date=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
    )


def kib(size: int) -> str:
    return f"{size / 1024:,.0f} KiB" if size < 10 * 1024**2 else f"{size / 1024**2:,.1f} MiB"


def ratio(value: float) -> str:
    return f"{value:.2f}×"


def table(results: dict[int, dict]) -> str:
    rows = [
        "| Scale | Targets | Reports | Tasks | Agencies | Plan units | Runs | Load | Validate | Model + status "
        "| Render pages | Render macro pages | Our layer (sum) |",
        "|---|" + "---:|" * 12,
    ]
    for scale, r in results.items():
        c = r["counts"]
        rows.append(
            f"| {scale}× | {c['targets']:,} | {c['reports']:,} | {c['tasks']:,} | {c['agencies']:,} | {c['units']:,} "
            f"| {r['repeat']} | {r['load']:.2f} s | {r['validate']:.2f} s | {r['model_status']:.2f} s "
            f"| {r['render_pages']:.2f} s | {r['render_macros']:.2f} s | {r['layer']:.2f} s |"
        )
    rows += [
        "",
        "| Scale | Pages | Our build (warm) | Twin | **Ours / twin** | Cold: empty cache | **Cold / warm** "
        "| Only the images cold | **Images cold / warm** | Peak memory: ours | Twin | **Ours / twin** "
        "| CPU: ours (warm, cold) | Twin |",
        "|---|" + "---:|" * 13,
    ]
    for scale, r in results.items():
        ours, cold, twin, x = r["runs"]["warm"], r["runs"]["cold"], r["runs"]["twin"], r["ratios"]
        rows.append(
            f"| {scale}× | {r['md_pages']:,} | {ours['wall']:.2f} s | {twin['wall']:.2f} s | **{ratio(x['build'])}** "
            f"| {cold['wall']:.2f} s | **{ratio(x['cold'])}** | {r['runs']['images']['wall']:.2f} s "
            f"| **{ratio(x['images'])}** | {ours['peak_mib']:.0f} MiB | {twin['peak_mib']:.0f} MiB "
            f"| **{ratio(x['peak'])}** | {ours['cpu']:.2f} s, {cold['cpu']:.2f} s | {twin['cpu']:.2f} s |"
        )
    rows += [
        "",
        "| Scale | HTML files (incl. /muc/ redirects) | Largest page | Site size | Search index (raw / gzip) "
        "| Twin: search index (raw / gzip) |",
        "|---|---:|---|---:|---:|---:|",
    ]
    for scale, r in results.items():
        s, t = r["site"], r["twin_site"]
        rows.append(
            f"| {scale}× | {s['html_files']:,} | {kib(s['largest_bytes'])} `{s['largest_path']}` "
            f"| {kib(s['total_bytes'])} | {kib(s['search_raw'])} / {kib(s['search_gzip'])} "
            f"| {kib(t['search_raw'])} / {kib(t['search_gzip'])} |"
        )
    return "\n".join(rows + first_view_table(results))


def first_view_table(results: dict[int, dict]) -> list[str]:
    views = next((r["first_view"] for r in results.values() if "first_view" in r), None)
    if views is None:
        return []
    rows = [
        "",
        "| First view at 1× (empty cache) | Requests: ours / twin | Ours (gzip) | Twin (gzip) | **Ours / twin** "
        "| Ours on the first search focus (gzip) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, ((count, _, ours), (_, _, later)) in views["ours"].items():
        (twin_count, _, twin), _ = views["twin"][name]
        rows.append(
            f"| {name} | {count} / {twin_count} | {kib(ours)} | {kib(twin)} | **{ratio(ours / twin)}** | {kib(later)} |"
        )
    return rows


GOALS = (
    ("build", 1, 1.25, "build at 1× against the twin"),
    ("cold", 1, 1.5, "cold build (empty cache) against a warm one at 1×"),
    ("cold", 10, 1.5, "cold build (empty cache) against a warm one at 10×"),
    ("images", 1, 1.5, "build with only the preview images to draw against a warm one at 1×"),
    ("images", 10, 1.5, "build with only the preview images to draw against a warm one at 10×"),
    ("peak", 10, 1.4, "peak memory at 10× against the twin"),
)


def verdicts(results: dict[int, dict]) -> list[str]:
    lines = []
    for key, scale, limit, label in GOALS:
        if scale in results:
            found = results[scale]["ratios"][key]
            lines.append(f"- {label}: {ratio(found)} (goal ≤ {ratio(limit)}): **{'yes' if found <= limit else 'NO'}**.")
    largest = max(results)
    seconds = results[largest]["runs"]["warm"]["wall"]
    under = "yes" if seconds < LIMIT_SECONDS else "NO"
    lines.append(f"- {largest}× build under {LIMIT_SECONDS} s on this machine: **{under}** ({seconds:.1f} s).")
    if 10 in results and 100 in results:
        for label, value in (
            ("our build", lambda r: r["runs"]["warm"]["wall"]),
            ("the twin's build", lambda r: r["runs"]["twin"]["wall"]),
            ("our layer (sum of stages)", lambda r: r["layer"]),
        ):
            growth = value(results[100]) / value(results[10])
            verdict = "yes" if growth <= 10 else "NO, super-linear"
            lines.append(
                f"- {label}: 100×/10× time ratio {growth:.1f} for 10× the data; linear or better: **{verdict}**."
            )
    return lines


def write_benchmarks(section: str, mode: str) -> bool:
    if not BENCHMARKS.exists():
        return False
    start, end = f"<!-- bench:{mode}:start -->", f"<!-- bench:{mode}:end -->"
    text = BENCHMARKS.read_text(encoding="utf-8")
    if start not in text or end not in text:  # a mode never recorded yet: its section goes at the end
        text = text.rstrip("\n") + f"\n\n## Results: `--plan {mode}`\n\n{start}\n{end}\n"
    head, rest = text.split(start, 1)
    BENCHMARKS.write_text(head + start + "\n" + section + "\n" + end + rest.split(end, 1)[1], encoding="utf-8")
    return True


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="1,10,100", help="comma-separated multiples of the real data")
    parser.add_argument("--plan", choices=("fixed", "scaled"), default="fixed", help="keep or multiply the plan text")
    parser.add_argument("--repeat", type=int, default=3, help="runs per scale up to 10x (median is reported)")
    parser.add_argument("--repeat-large", type=int, default=1, help="runs per scale above 10x")
    parser.add_argument("--profile", action="store_true", help="cProfile the stages at the largest scale")
    parser.add_argument("--keep", action="store_true", help="keep the synthetic data under .bench/")
    parser.add_argument("--no-write", action="store_true", help="do not update BENCHMARKS.md")
    parser.add_argument("--data-only", type=Path, metavar="DIR", help="only write the data of each scale to DIR/x<N>")
    args = parser.parse_args(argv)
    scales = sorted(int(value) for value in args.scales.split(","))
    if args.data_only:
        for scale in scales:
            print(synthesize(scale, args.data_only / f"x{scale}", args.plan == "scaled"))
        return 0

    BENCH_DIR.mkdir(exist_ok=True)
    load_before = os.getloadavg()[0]
    work = Path(tempfile.mkdtemp(prefix=f"{args.plan}-", dir=BENCH_DIR))
    try:
        results = {
            scale: measure(scale, work, args.plan == "scaled", args.repeat if scale <= 10 else args.repeat_large)
            for scale in scales
        }
        calls = parse_count(results[scales[0]]["data_dir"], work / "site-count")
        hot = profile(results[scales[-1]]["data_dir"]) if args.profile else ""
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    info = machine()
    load_after = os.getloadavg()[0]
    once = calls.get("load_all") == 1 and calls.get("load_file") == calls["data_files"]
    lines = [
        f"Plan mode: `{args.plan}` "
        + (
            "(the real plan text; targets, tasks and agencies multiplied)."
            if args.plan == "fixed"
            else "(plan parts multiplied too, with targets, tasks and agencies)."
        ),
        f"Measured {info['date']} on {info['nproc']} × {info['cpu']}, {info['ram']} RAM, {info['system']}, "
        f"Python {info['python']}, MkDocs {info['mkdocs']}, Material {info['material']}. "
        f"Times are medians of the runs shown; build day pinned to "
        f"{BUILD_DAY:%Y-%m-%d}. Load average (1 min) {load_before:.1f} before and {load_after:.1f} after the runs"
        + (
            ": above the core count, so other processes competed for the CPU and the times are inflated."
            if max(load_before, load_after) > info["nproc"]
            else "."
        ),
        "",
        table(results),
        "",
        f"- YAML parsed during one real `mkdocs build` at {scales[0]}×: load_all {calls.get('load_all', 0)}×, "
        f"load_file {calls.get('load_file', 0)}× and parse_text {calls.get('parse_text', 0)}× "
        f"for {calls['data_files']} data files: **{'once per build' if once else 'MORE THAN ONCE'}**.",
        *verdicts(results),
    ]
    section = "\n".join(lines)
    print(section)
    if hot:
        print(f"\ncProfile of the stages at {scales[-1]}× (by own time):\n{hot}")
    if not args.no_write:
        written = write_benchmarks(section, args.plan)
        print(f"\n{'Updated' if written else 'Did not update'} {BENCHMARKS.name} (section bench:{args.plan}).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
