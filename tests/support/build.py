"""Real builds of the site (the strict MkDocs build, as `make build` runs it) and a local web server."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

from support.paths import BUILD_EPOCH, ROOT


def build_site(out_dir: Path, data_dir: Path | None = None, config: Path | None = None) -> Path:
    """Run the real strict build into out_dir, judged on the tests' day."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=BUILD_EPOCH)
    if data_dir is not None:
        env["DATA_DIR"] = str(data_dir)
    # Not --quiet: it drops warnings before --strict counts them, so a broken link would still build.
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out_dir)]
    if config is not None:
        command += ["-f", str(config)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
