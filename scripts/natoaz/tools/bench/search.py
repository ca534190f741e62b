"""`python -m natoaz.tools.bench.search [--scales 1,10]` (`make bench-search`): Material's built-in search
(lunr) against Pagefind, the site's search, on the same built site.

For each scale (synthetic data from the benchmark generator) one build carries both indexes: Material's
search plugin is switched on for it (its time measured by two bracketing hooks, search_clock_*.py) and
Pagefind runs over the result (natoaz.search.pagefind.build_index). Then, in headless Chromium, with a
fresh cache, over a gzip-compressing loopback server, a reader opens the home page and types a query
into the header search box: bytes transferred from the page load until the first results show, and
milliseconds from the first key to the first results (median of --repeat runs). For Pagefind the page is
served with the site's own search dialog (the attribute names it uses without the plugin), so the same
box and the same result list are measured for both engines.

On the real data it also runs the query set of search_queries.py through both engines and counts
the queries whose expected page is in the top 3. Figures go to bench-results/search-latest.json.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import shutil
import statistics
import sys
import threading
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from ...build import build_site
from ...paths import DATA_DIR, ROOT
from ...search.pagefind import BUNDLE, build_index
from ..lighthouse import _Quiet
from .base import load_base
from .generator import SEED, write
from .measure import timed
from .search_queries import QUERIES, Query

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
ENGINES = ("lunr", "pagefind")
RESULT = ".md-search-result__item"
# Records, in the page, when the query went in and when the first result appeared (ms since navigation).
WATCH = """
window.__firstKey = null; window.__firstResult = null;
const typed = () => { if (window.__firstKey === null) window.__firstKey = performance.now(); };
document.addEventListener('keydown', typed, true);
document.addEventListener('input', typed, true);
new MutationObserver(() => {
  if (window.__firstResult === null && document.querySelector('.md-search-result__item'))
    window.__firstResult = performance.now();
}).observe(document, {subtree: true, childList: true});
"""


class _Counting(_Quiet):
    """The benchmark's server (gzip like a production host) that notes the bytes of each response body:
    requests of the search's Web Worker included, which the page's own network events do not show."""

    def copyfile(self, source, outputfile) -> None:  # noqa: ANN001
        data = source.read()
        outputfile.write(data)
        self.server.sent.append((time.monotonic(), self.path, len(data)))  # type: ignore[attr-defined]


def _serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Counting, directory=str(site)))
    server.sent = []  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def _is_search(path: str) -> bool:
    return any(part in path for part in ("/search/", f"/{BUNDLE}/", "search.js", "workers/search"))


def search_config(clock: Path) -> Path:
    """mkdocs.yml with Material's search plugin on and its clock: the comparison build's configuration."""
    path = ROOT / ".mkdocs-build-search-bench.yml"
    hooks = Path(__file__).parent
    path.write_text(
        "INHERIT: mkdocs.yml\n"
        "plugins:\n  - search\n"
        # INHERIT replaces lists: the site's own hook first, then the clock's two
        f"hooks:\n  - scripts/mkdocs_hook.py\n  - {json.dumps(str(hooks / 'search_clock_start.py'))}\n"
        f"  - {json.dumps(str(hooks / 'search_clock_end.py'))}\n"
        f"extra:\n  natoaz_search_clock: {json.dumps(str(clock))}\n", encoding="utf-8")
    return path


def build_both(data_dir: Path, site_dir: Path) -> dict[str, Any]:
    clock = site_dir.parent / "search-clock.json"
    clock.unlink(missing_ok=True)
    config = search_config(clock)
    try:
        code, build_s = timed(partial(build_site, site_dir=site_dir, config=config, data_dir=data_dir))
    finally:
        config.unlink(missing_ok=True)
    if code != 0:
        raise RuntimeError(f"the build of {data_dir} failed (exit {code})")
    lunr = json.loads(clock.read_text(encoding="utf-8")) if clock.is_file() else {}
    run = build_index(site_dir)
    index = site_dir / "search" / "search_index.json"
    raw = index.read_bytes()
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    return {"build_s": round(build_s, 2), "pages": pages,
            "lunr": {"index_s": lunr.get("seconds"), "index_bytes": len(raw),
                     "index_gzip_bytes": len(gzip.compress(raw, 6))},
            "pagefind": {"index_s": round(run.seconds, 2), "index_bytes": run.bytes, "index_files": run.files}}


def _own_dialog(route) -> None:  # noqa: ANN001
    """The page as the Pagefind build serves it: the site's dialog names, so Material's search stays off."""
    body = route.fetch().text()
    body = body.replace('data-md-component="search', 'data-natoaz-search="search')
    body = body.replace('<form class="md-search__form" name="search">',
                        '<form class="md-search__form" name="natoaz-search">')
    route.fulfill(body=body, content_type="text/html; charset=utf-8")


@dataclass
class Visit:
    bytes_total: int
    bytes_search: int
    ms_from_key: float
    ms_from_navigation: float
    top: list[str]


def visit(browser, server, engine: str, query: str, timeout_ms: float = 120_000) -> Visit:  # noqa: ANN001
    """A reader with an empty cache opens the home page and types `query` into the header search box;
    the bytes are the response bodies the server sent until the first results showed."""
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    context = browser.new_context()  # a new profile: empty cache
    page = context.new_page()
    try:
        page.add_init_script(WATCH)
        if engine == "pagefind":
            page.route(lambda u: u.startswith(url) and not u.rsplit("/", 1)[-1].count("."), _own_dialog)
        server.sent.clear()
        page.goto(url, wait_until="load")
        page.locator(".md-search__input").first.focus()
        # The whole query in one input event (as a paste), then a key that Material's box reads the value on:
        # typed letter by letter, the first results would be those of the first letter.
        page.keyboard.insert_text(query)
        page.keyboard.press("End")
        page.locator(RESULT).first.wait_for(timeout=timeout_ms)
        shown = time.monotonic()
        sent = [(path, size) for at, path, size in list(server.sent) if at <= shown]
        marks = page.evaluate("[window.__firstKey, window.__firstResult]")
        top = page.evaluate(f"Array.from(document.querySelectorAll('{RESULT}')).slice(0, 10)"
                            ".map(li => li.querySelector('a').getAttribute('href'))")
        return Visit(sum(size for _, size in sent), sum(size for path, size in sent if _is_search(path)),
                     marks[1] - marks[0], marks[1], top)
    finally:
        context.close()


def speed(browser, server, query: str, repeat: int, engines: tuple[str, ...] = ENGINES) -> dict[str, Any]:  # noqa: ANN001
    out: dict[str, Any] = {}
    for engine in engines:
        visits = [visit(browser, server, engine, query) for _ in range(repeat)]
        out[engine] = {"bytes_to_first_results": int(statistics.median(v.bytes_total for v in visits)),
                       "search_bytes": int(statistics.median(v.bytes_search for v in visits)),
                       "ms_from_first_key": round(statistics.median(v.ms_from_key for v in visits)),
                       "ms_from_navigation": round(statistics.median(v.ms_from_navigation for v in visits))}
    return out


def _path(href: str, url: str) -> str:
    """A result link as a site path (`programmes/deep/`), whatever form the engine wrote it in."""
    from urllib.parse import urljoin, urlparse

    path = urlparse(urljoin(url, href)).path
    return path.removeprefix(urlparse(url).path).removesuffix("index.html")


def quality(browser, server, queries: tuple[Query, ...] = QUERIES) -> dict[str, Any]:  # noqa: ANN001
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    out: dict[str, Any] = {}
    for engine in ENGINES:
        found = []
        for query in queries:
            try:
                top = [_path(h, url) for h in visit(browser, server, engine, query.text, timeout_ms=15_000).top[:3]]
            except Exception:  # noqa: BLE001 - no result at all is a miss, not a crash
                top = []
            found.append({"query": query.text, "expected": query.expected, "top3": top,
                          "hit": query.expected in top})
        out[engine] = {"hits": sum(f["hit"] for f in found), "of": len(found), "queries": found}
    return out


def _add_missing_collections(real: Path, synthetic: Path) -> None:
    """Collections the generator does not multiply yet (e.g. a new one) are copied as they are, so the
    synthetic data still builds; the search figures are about the multiplied ones."""
    from ...model.registry import NAMES

    for name in NAMES:
        if (real / name).is_dir() and not (synthetic / name).exists():
            shutil.copytree(real / name, synthetic / name)


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m natoaz.tools.bench.search", description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,10", help="synthetic data factors, e.g. 1,10,100 (default 1,10)")
    parser.add_argument("--repeat", type=int, default=3, help="browser visits per engine and scale (median)")
    parser.add_argument("--query", default="DEEP", help="the query typed for the speed figures")
    parser.add_argument("--no-quality", action="store_true", help="skip the query set on the real data")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results")
    parser.add_argument("--data", type=Path, default=DATA_DIR)
    parser.add_argument("--site", type=Path, default=None,
                        help="only measure Pagefind on this already built site (e.g. make bench-full's "
                             "bench-results/work/x100/site): index size, bytes and ms to first results")
    return parser.parse_args(argv)


def pagefind_on_built_site(browser, site: Path, query: str, repeat: int) -> dict[str, Any]:  # noqa: ANN001
    """Pagefind's figures on a site built as `make build` builds it (its index already in place)."""
    bundle = site / BUNDLE
    files = [p for p in bundle.rglob("*") if p.is_file()]
    server, _url = _serve(site)
    try:
        measured = speed(browser, server, query, repeat, engines=("pagefind",))
    finally:
        server.shutdown()
    return {"site": str(site), "pages": sum(1 for _ in site.rglob("*.html")),
            "index": {"pagefind": {"index_bytes": sum(p.stat().st_size for p in files), "index_files": len(files)}},
            "speed": measured}


def _print_table(results: dict[str, Any]) -> None:
    print("\nscale  engine    index bytes  index s  bytes to 1st results (search part)  ms from key  ms from nav")
    for scale, row in results["scales"].items():
        for engine in ENGINES:
            index, seen = row["index"][engine], row["speed"][engine]
            print(f"{scale:>5}  {engine:<8} {index['index_bytes']:>12,} {index['index_s'] or 0:>8.1f} "
                  f"{seen['bytes_to_first_results']:>14,} ({seen['search_bytes']:>11,}) "
                  f"{seen['ms_from_first_key']:>12} {seen['ms_from_navigation']:>12}")
    if "quality" in results:
        for engine in ENGINES:
            q = results["quality"][engine]
            misses = [f"{f['query']!r} (top 3: {', '.join(f['top3']) or 'none'})" for f in q["queries"] if not f["hit"]]
            print(f"quality {engine}: {q['hits']}/{q['of']} in the top 3" + (f"; missed {'; '.join(misses)}"
                                                                             if misses else ""))


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    args = _arguments(argv)
    scales = sorted({int(s) for s in args.scales.split(",") if s.strip()})
    work = args.out / "work" / "search"
    results: dict[str, Any] = {"meta": {"started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                                        "query": args.query, "repeat": args.repeat}, "scales": {}}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        if args.site:
            try:
                found = pagefind_on_built_site(browser, args.site, args.query, args.repeat)
            finally:
                browser.close()
            print(json.dumps(found, indent=2))
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / "search-site-latest.json").write_text(json.dumps(found, indent=2) + "\n", encoding="utf-8")
            return 0
        try:
            if not args.no_quality:
                site = work / "real" / "site"
                results["real"] = build_both(args.data, site)
                server, _url = _serve(site)
                try:
                    results["quality"] = quality(browser, server)
                finally:
                    server.shutdown()
                print(f"[real] quality: lunr {results['quality']['lunr']['hits']}, pagefind "
                      f"{results['quality']['pagefind']['hits']} of {len(QUERIES)}", flush=True)
            base = load_base(args.data)
            for scale in scales:
                folder = work / f"x{scale}"
                write(base, folder / "data", scale, SEED)
                _add_missing_collections(args.data, folder / "data")
                index = build_both(folder / "data", folder / "site")
                print(f"[{scale}x] built {index['pages']} pages in {index['build_s']} s; lunr index "
                      f"{index['lunr']['index_s']} s, pagefind {index['pagefind']['index_s']} s", flush=True)
                server, _url = _serve(folder / "site")
                try:
                    measured = speed(browser, server, args.query, args.repeat)
                finally:
                    server.shutdown()
                results["scales"][str(scale)] = {"pages": index["pages"], "build_s": index["build_s"],
                                                 "index": {e: index[e] for e in ENGINES}, "speed": measured}
                print(f"[{scale}x] {json.dumps(measured)}", flush=True)
                args.out.mkdir(parents=True, exist_ok=True)
                (args.out / "search-latest.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        finally:
            browser.close()
    _print_table(results)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "search-latest.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
