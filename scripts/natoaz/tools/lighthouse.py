"""`make lighthouse`: Lighthouse scores of the built site, served on loopback (a benchmark, not a test)."""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from ..paths import ROOT

TOOL = ROOT / "tools" / "lighthouse"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed like any production host (GitHub Pages, nginx) does."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() or \
                path.suffix not in (".html", ".css", ".js", ".json", ".svg", ".xml"):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def _serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def audit(url: str, preset: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        command = [str(TOOL / "node_modules/.bin/lighthouse"), url, "--output=json", f"--output-path={report}",
                   "--quiet", f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES)]
        if preset == "desktop":
            command.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
        subprocess.run(command, check=True, env=env)
        data = json.loads(report.read_text(encoding="utf-8"))
    scores = {c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES}
    scores["bytes"] = sum(item.get("transferSize", 0) for item in
                          data["audits"]["network-requests"]["details"]["items"])
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site-dir", default=str(ROOT / "site"))
    parser.add_argument("--pages", default=",timeline/", help="comma-separated paths (default: home and timeline)")
    parser.add_argument("--preset", choices=["mobile", "desktop"], default="mobile")
    args = parser.parse_args(argv)
    server, base = _serve(Path(args.site_dir))
    failed = False
    try:
        print(f"{'page':<14} " + " ".join(f"{c:>14}" for c in CATEGORIES) + f" {'page weight':>12}")
        for path in args.pages.split(","):
            scores = audit(base + path, args.preset)
            misses = [c for c in CATEGORIES if scores[c] < TARGETS[c]]
            failed |= bool(misses)
            row = " ".join(f"{scores[c]:>14}" for c in CATEGORIES)
            note = f"  below target: {misses}" if misses else ""
            print(f"{'/' + path:<14} {row} {scores['bytes'] / 1024:>9.0f} KB{note}")
    finally:
        server.shutdown()
    print("targets: " + ", ".join(f"{c} >= {t}" for c, t in TARGETS.items()))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
