"""Real builds of the site (the strict MkDocs build, as `make build` runs it) and a local web server."""

from __future__ import annotations

import fcntl
import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from support.paths import BUILD_EPOCH, ROOT


def build_site(
    out_dir: Path, data_dir: Path | None = None, config: Path | None = None, cache_dir: Path | None = None
) -> Path:
    """Run the real strict build into out_dir, judged on the tests' day (preview images: cache_dir, else .cache/)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=BUILD_EPOCH)
    if data_dir is not None:
        env["DATA_DIR"] = str(data_dir)
    if cache_dir is not None:
        env["CACHE_DIR"] = str(cache_dir)
    # Not --quiet: it drops warnings before --strict counts them, so a broken link would still build.
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out_dir)]
    if config is not None:
        command += ["-f", str(config)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out_dir


def shared(tmp_path_factory, name: str, make: Callable[[Path], object]) -> Path:
    """A folder made once per test run, even when pytest-xdist runs the tests in several processes: their temporary
    folders share a parent, the first process to get here makes it under a lock, the others wait and reuse it."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent
    folder, done = root / name, root / f"{name}.done"
    with (root / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, also if `make` fails
        if not done.exists():
            make(folder)
            done.touch()
    return folder


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
