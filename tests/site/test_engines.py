"""A second engine: ProperDocs, the maintained MkDocs 1.x, builds this project (hooks and all) into the same bytes as
MkDocs. README.md ("Đổi công cụ dựng trang") says how to switch to it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from support.paths import BUILD_EPOCH, ROOT


def files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def test_properdocs_builds_the_same_site_byte_for_byte(real_site, tmp_path):
    env = dict(os.environ, SOURCE_DATE_EPOCH=BUILD_EPOCH)
    command = [sys.executable, "-m", "properdocs", "build", "--strict", "--quiet", "-f", "mkdocs.yml"]
    command += ["-d", str(tmp_path / "site")]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    made, expected = files(tmp_path / "site"), files(real_site)
    assert sorted(made) == sorted(expected) and len(made) > 300
    assert [name for name in sorted(expected) if made[name] != expected[name]] == []
