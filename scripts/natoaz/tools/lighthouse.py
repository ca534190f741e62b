"""`make lighthouse`: Lighthouse scores of the built site, served on loopback (a benchmark, not a test).

One page of each kind (home, timeline overview, a timeline part, an event, a programme, a person, the quotes
and sources indexes, the data page): the largest page of its kind in the English edition (`--edition az` for
the Azerbaijani one), as the benchmark names kinds. Each page is audited RUNS times and the median of each
score and of the key metrics (total blocking time, largest contentful paint, layout shift) is reported: a
busy machine moves performance by points, so the metrics say what costs time. `--reports DIR` keeps every
Lighthouse JSON report (audits such as bootup-time and mainthread-work-breakdown say where the time goes).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from ..paths import ROOT
from .bench.site_metrics import page_kind

TOOL = ROOT / "tools" / "lighthouse"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
KINDS = ("home", "timeline overview", "timeline part", "event", "programme", "person", "quotes index",
         "sources index", "data page")
RUNS = 3


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


def audit(url: str, preset: str, keep: Path | None = None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        report = keep or Path(tmp) / "report.json"
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
    scores["failed"] = sorted(a["id"] for c in CATEGORIES for a in data["categories"][c]["auditRefs"]
                              if a.get("weight") and (data["audits"][a["id"]].get("score") is not None)
                              and data["audits"][a["id"]]["score"] < 1 and c != "performance")
    metrics = data["audits"]
    scores["lcp_ms"] = round(metrics["largest-contentful-paint"]["numericValue"])
    scores["tbt_ms"] = round(metrics["total-blocking-time"]["numericValue"])
    scores["cls"] = round(metrics["cumulative-layout-shift"]["numericValue"], 3)
    return scores


def median_audit(url: str, preset: str, runs: int, reports: Path | None = None, name: str = "") -> dict:
    """Each score, the page weight and the timings as the median of `runs` audits."""
    found = [audit(url, preset, reports / f"{name}-{i + 1}.json" if reports else None) for i in range(runs)]
    out: dict = {key: statistics.median(r[key] for r in found)
                 for key in (*CATEGORIES, "bytes", "lcp_ms", "tbt_ms", "cls")}
    out["runs"] = {c: [r[c] for r in found] for c in CATEGORIES}
    out["failed"] = sorted({a for r in found for a in r["failed"]})
    return out


def edition_of(rel: str) -> str:
    """The edition of a built page from its path in site/: `az/…` is "az", anything else "en"."""
    head = rel.split("/", 1)[0]
    return head if len(head) == 2 and head.isalpha() and head.islower() and "/" in rel else "en"


def pages_of_each_kind(site: Path, edition: str = "en") -> dict[str, str]:
    """{kind: URL path} for the largest page of each kind in KINDS within one edition (kinds the edition lacks
    are left out). The largest page of a kind is often the Azerbaijani one (longer words), so the edition is
    chosen first: the English edition by default."""
    best: dict[str, tuple[int, str]] = {}
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        kind = page_kind(rel)
        if kind not in KINDS or edition_of(rel) != edition:
            continue
        size = path.stat().st_size
        if size > best.get(kind, (-1, ""))[0]:
            best[kind] = (size, rel)
    return {kind: best[kind][1].removesuffix("index.html") for kind in KINDS if kind in best}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", default=str(ROOT / "site"))
    parser.add_argument("--pages", default="", help="comma-separated paths (default: one page of each kind)")
    parser.add_argument("--preset", choices=["mobile", "desktop"], default="mobile")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"audits per page, median reported (default {RUNS})")
    parser.add_argument("--edition", default="en", help="the edition whose pages are chosen: en (default) or az")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    parser.add_argument("--reports", type=Path, default=None, help="keep every Lighthouse JSON report in this folder")
    args = parser.parse_args(argv)
    site = Path(args.site_dir)
    pages = {p or "/": p for p in args.pages.split(",")} if args.pages else pages_of_each_kind(site, args.edition)
    if args.reports:
        args.reports.mkdir(parents=True, exist_ok=True)
    server, base = _serve(site)
    failed = False
    results = {}
    try:
        print(f"median of {args.runs} run(s), {args.preset}; load average {os.getloadavg()[0]:.1f} at the start")
        print(f"{'page kind':<18} " + " ".join(f"{c:>14}" for c in CATEGORIES)
              + f" {'weight':>9} {'TBT':>7} {'LCP':>7} {'CLS':>6}  page")
        for kind, path in pages.items():
            scores = median_audit(base + path, args.preset, max(1, args.runs), args.reports, kind.replace(" ", "-"))
            results[kind] = {"page": path, **scores}
            misses = [c for c in CATEGORIES if scores[c] < TARGETS[c]]
            failed |= bool(misses)
            row = " ".join(f"{scores[c]:>14g}" for c in CATEGORIES)
            note = f"  below target: {misses} {scores['failed'] or ''}" if misses else ""
            weight = (f"{scores['bytes'] / 1024:>6.0f} KB {scores['tbt_ms']:>4.0f} ms {scores['lcp_ms'] / 1000:>5.2f} s"
                      f" {scores['cls']:>6.3f}")
            print(f"{kind:<18} {row} {weight}  /{path}{note}", flush=True)
    finally:
        server.shutdown()
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    print("targets: " + ", ".join(f"{c} >= {t}" for c, t in TARGETS.items()))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
