"""Measure how the build grows with the data: 1×, 10× and 100× the real targets, tasks and agencies.

Usage: python scripts/bench.py [--scales 1,10,100] [--plan fixed|scaled] [--repeat 3]
                               [--repeat-large 1] [--profile] [--keep] [--no-write]

For each scale the script writes a synthetic data directory under .bench/ (the real data/
with every target, task and agency copied under suffixed ids, ~8.3 progress reports per
target for the periods 2026-01..2026-11, 2026-Q1..Q4 and 2026, and a regenerated id
registry), then measures:

- each stage, by calling the pure functions in this process (load, validate,
  model + status, render of every generated page, render of the macro pages);
- the real build, `python -m mkdocs build --strict` with DATA_DIR pointing at the synthetic data;
- the same MkDocs config (theme, search, Markdown extensions) building the same number
  of trivial Markdown pages without macros or hooks, to show what our layer costs;
- how many times the YAML is parsed during one real build (it must be once per file).

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
import gzip
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
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

import macros
from macros import pipeline
from macros.adapter import state
from macros.data import rules, validate, value_rules
from macros.data.load import parse_text
from macros.data.spec import FILES
from macros.domain import model, status
from macros.domain.site_data import SiteData
from macros.site import pages
from macros.vocabulary import kinds, periods

BUILD_DAY = dt.date(2026, 11, 29)
EPOCH = str(int(dt.datetime(2026, 11, 29, tzinfo=dt.UTC).timestamp()))
PERIODS = [f"2026-{m:02d}" for m in range(1, 12)] + [f"2026-Q{q}" for q in range(1, 5)] + ["2026"]
REPORTS_PER_TARGET = 25 / 3  # 24 real targets -> 200 reports at 1x, 20,000 at 100x
BENCH_DIR = ROOT / ".bench"
BENCHMARKS = ROOT / "BENCHMARKS.md"
SITE_URL = "http://127.0.0.1:8000/"
LIMIT_SECONDS = 60


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


def write_yaml(path: Path, value) -> None:
    text = yaml.dump(value, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=10**6)
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
        if not self.scale_plan or not isinstance(value, str):
            return value
        unit = self.anchor_unit.get(value, value)
        return unit + self.suffix + value[len(unit) :]

    def anchors(self, values):
        return [self.anchor(value) for value in values or []]


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
        name = Renamer(copy, scale_plan, real_index.anchor_unit)
        if scale_plan or copy == 1:
            parts += [rename_unit(part, name.suffix) for part in plan["muc"]]
        label = "" if copy == 1 else f" (bản {copy})"
        new_agencies += [
            dict(a, id=name.id(a["id"]), ten=a["ten"] + label, nguon=name.anchors(a["nguon"])) for a in agencies
        ]
        for t in targets:
            new_targets.append(
                dict(
                    t,
                    id=name.id(t["id"]),
                    ten=t["ten"] + label,
                    muc=name.unit(t["muc"]),
                    doan=name.anchor(t["doan"]),
                    chu_tri=name.id(t.get("chu_tri")),
                    phoi_hop=name.ids(t.get("phoi_hop")),
                )
            )
            new_targets[-1]["_reporter"] = name.id("phong-kinh-te")
        new_tasks += [
            dict(
                t,
                id=name.id(t["id"]),
                doan=name.anchor(t["doan"]),
                chu_tri=name.id(t.get("chu_tri")),
                phoi_hop=name.ids(t.get("phoi_hop")),
                chi_tieu=name.ids(t.get("chi_tieu")),
            )
            for t in tasks
        ]
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


class MacroEnv:
    """Just enough of mkdocs-macros' env for macros.define_env to register its macros."""

    page = None

    def __init__(self):
        self.macros = {}

    def macro(self, function, name=""):
        self.macros[name or function.__name__] = function


def macro_functions(site) -> dict:
    """Every macro the site registers, bound to `site` (each is used once, on one page)."""
    env = MacroEnv()
    macros.define_env(env)
    state.use(site)
    return env.macros


def build_env(data_dir: Path | None) -> dict:
    # Preview images drawn by these builds stay under .bench/, not in the checkout's .cache/.
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=EPOCH, CACHE_DIR=str(BENCH_DIR / "cache"))
    if data_dir is not None:
        env["DATA_DIR"] = str(data_dir)
    return env


def mkdocs_build(out: Path, data_dir: Path | None = None, config: Path | None = None) -> tuple[float, bool]:
    """Wall time of one `python -m mkdocs build`; strict first, without --strict only if strict fails."""
    for strict in (True, False):
        shutil.rmtree(out, ignore_errors=True)
        command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(out)]
        command += ["--strict"] if strict else []
        command += ["-f", str(config)] if config else []
        start = time.perf_counter()
        result = subprocess.run(command, cwd=ROOT, env=build_env(data_dir), capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if result.returncode == 0:
            return seconds, strict
        print(f"  build failed{' with --strict' if strict else ''}:\n{result.stderr[-2000:]}", file=sys.stderr)
    raise SystemExit("mkdocs build failed")


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


def nav_leaves(nav) -> int:
    if isinstance(nav, list):
        return sum(nav_leaves(item) for item in nav)
    if isinstance(nav, dict):
        return sum(nav_leaves(item) for item in nav.values())
    return 1


def plain_project(count: int, dest: Path) -> Path:
    """Our mkdocs.yml without macros, hooks and data: the same theme, search and extensions, `count` trivial pages."""
    from mkdocs.utils.yaml import yaml_load

    with (ROOT / "mkdocs.yml").open("rb") as handle:
        config = yaml_load(handle)
    config.pop("hooks", None)
    config.pop("watch", None)
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "macros" in p)]
    config["extra"] = {k: v for k, v in config.get("extra", {}).items() if k != "data_dir"}
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config["docs_dir"] = str(dest / "docs")
    shutil.copytree(ROOT / "docs" / "assets", dest / "docs" / "assets")
    names = [f"trang/{n:05d}.md" for n in range(1, count)]
    (dest / "docs" / "trang").mkdir(parents=True)
    (dest / "docs" / "index.md").write_text("# Trang chủ\n\nTrang thử.\n", encoding="utf-8")
    for n, name in enumerate(names, start=1):
        (dest / "docs" / name).write_text(f"# Trang {n}\n\nĐoạn văn ngắn của trang số {n}.\n", encoding="utf-8")
    config["nav"] = ["index.md", *names[: nav_leaves(config["nav"]) - 1]]
    path = dest / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


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


def median(values: list[float]) -> float:
    return statistics.median(values)


def measure(scale: int, work: Path, scale_plan: bool, repeat: int) -> dict:
    print(f"{scale}x: generating data", file=sys.stderr)
    data_dir = synthesize(scale, work / f"x{scale}", scale_plan)
    runs = []
    for _ in range(repeat):
        runs.append(stages(data_dir))
    result = {key: median([run[key] for run in runs]) for key in runs[0] if key != "counts"}
    result["counts"] = runs[0]["counts"]
    result["layer"] = sum(result[key] for key in ("load", "validate", "model_status", "render_pages", "render_macros"))
    print(f"{scale}x: stages {result['layer']:.2f} s; building with MkDocs", file=sys.stderr)
    out = work / f"site-x{scale}"
    builds = [mkdocs_build(out, data_dir) for _ in range(repeat)]
    result["build"] = median([seconds for seconds, _ in builds])
    result["strict"] = all(strict for _, strict in builds)
    result["site"] = site_stats(out)
    docs_md = len(list((ROOT / "docs").rglob("*.md")))
    result["md_pages"] = docs_md + result["counts"]["generated_md"]
    print(f"{scale}x: build {result['build']:.2f} s; plain build of {result['md_pages']} pages", file=sys.stderr)
    plain_dir = work / f"plain-x{scale}"
    config = plain_project(result["md_pages"], plain_dir)
    plain_out = work / f"plain-site-x{scale}"
    result["plain"] = median([mkdocs_build(plain_out, config=config)[0] for _ in range(repeat)])
    result["plain_site"] = site_stats(plain_out)
    result["repeat"] = repeat
    result["data_dir"] = data_dir
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(plain_out, ignore_errors=True)
    return result


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
        macros=version("mkdocs-macros-plugin"),
        date=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
    )


def kib(size: int) -> str:
    return f"{size / 1024:,.0f} KiB" if size < 10 * 1024**2 else f"{size / 1024**2:,.1f} MiB"


def table(results: dict[int, dict]) -> str:
    rows = [
        "| Scale | Targets | Reports | Tasks | Agencies | Plan units | Runs | Load | Validate | Model + status "
        "| Render pages | Render macro pages | Our layer (sum) | MkDocs build | Plain MkDocs, same page count "
        "| Build − plain |",
        "|---|" + "---:|" * 15,
    ]
    for scale, r in results.items():
        c = r["counts"]
        strict = "" if r["strict"] else " (not --strict)"
        rows.append(
            f"| {scale}× | {c['targets']:,} | {c['reports']:,} | {c['tasks']:,} | {c['agencies']:,} | {c['units']:,} "
            f"| {r['repeat']} | {r['load']:.2f} s | {r['validate']:.2f} s | {r['model_status']:.2f} s "
            f"| {r['render_pages']:.2f} s | {r['render_macros']:.2f} s | {r['layer']:.2f} s "
            f"| **{r['build']:.2f} s**{strict} | {r['plain']:.2f} s | {r['build'] - r['plain']:.2f} s |"
        )
    rows += [
        "",
        "| Scale | Markdown pages | HTML files (incl. /muc/ redirects) | Largest page | Site size "
        "| Search index (raw / gzip) | Plain: search index (raw / gzip) |",
        "|---|---:|---:|---|---:|---:|---:|",
    ]
    for scale, r in results.items():
        s, p = r["site"], r["plain_site"]
        rows.append(
            f"| {scale}× | {r['md_pages']:,} | {s['html_files']:,} | {kib(s['largest_bytes'])} `{s['largest_path']}` "
            f"| {kib(s['total_bytes'])} | {kib(s['search_raw'])} / {kib(s['search_gzip'])} "
            f"| {kib(p['search_raw'])} / {kib(p['search_gzip'])} |"
        )
    return "\n".join(rows)


def verdicts(results: dict[int, dict]) -> list[str]:
    lines = []
    largest = max(results)
    r = results[largest]
    under = "yes" if r["build"] < LIMIT_SECONDS else "NO"
    lines.append(f"- {largest}× build under {LIMIT_SECONDS} s on this machine: **{under}** ({r['build']:.1f} s).")
    if 10 in results and 100 in results:
        for key, label in (("build", "MkDocs build"), ("layer", "our layer (sum of stages)")):
            ratio = results[100][key] / results[10][key]
            verdict = "yes" if ratio <= 10 else "NO, super-linear"
            lines.append(
                f"- {label}: 100×/10× time ratio {ratio:.1f} for 10× the data; no faster than linear: **{verdict}**."
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
    args = parser.parse_args(argv)
    scales = sorted(int(value) for value in args.scales.split(","))

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
        f"Python {info['python']}, MkDocs {info['mkdocs']}, Material {info['material']}, "
        f"mkdocs-macros {info['macros']}. Times are medians of the runs shown; build day pinned to "
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
