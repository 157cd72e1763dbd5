"""The benchmark's synthetic data (scripts/bench.py) is data our loader accepts: written out in full, without YAML
anchors or aliases, and passing every check, so `make bench` measures builds that succeed at every scale."""

from __future__ import annotations

import subprocess
import sys

import pytest
from support.paths import ROOT, TODAY

from macros import pipeline


@pytest.mark.parametrize("plan", ["fixed", "scaled"])
def test_the_synthetic_data_loads_through_the_projects_loader(tmp_path, plan):
    command = [sys.executable, str(ROOT / "scripts" / "bench.py"), "--scales", "2", "--plan", plan]
    result = subprocess.run([*command, "--data-only", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    data = tmp_path / "x2" / "data"
    for path in data.rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        assert "&id" not in text and "*id" not in text, f"{path.name} has YAML anchors"
    assert pipeline.check(data, data.parent, TODAY) == []
    site = pipeline.load_site(data, data.parent, TODAY)
    real = pipeline.load_site(ROOT / "data", ROOT, TODAY)
    assert len(site.plan.targets) == 2 * len(real.plan.targets)
    assert len(site.plan.tasks) == 2 * len(real.plan.tasks) and len(site.plan.reports) > len(site.plan.targets)


def test_the_twin_holds_every_page_with_its_html_in_place_and_builds(tmp_path):
    """scripts/bench_twin.py as `make bench` runs it: one real build that copies each page's final Markdown, then
    plain MkDocs + Material building those copies."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench_twin.py"), str(tmp_path / "twin")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    target = (tmp_path / "twin" / "docs" / "chi-tieu" / "bao-hiem-y-te.md").read_text(encoding="utf-8")
    assert "kh-html" not in target and "<table" in target
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(tmp_path / "twin" / "mkdocs.yml")],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    assert (tmp_path / "twin" / "site" / "chi-tieu" / "bao-hiem-y-te" / "index.html").is_file()
