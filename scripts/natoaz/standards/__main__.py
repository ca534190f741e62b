"""`python -m natoaz.standards` (`make validate`): every standards check on the built site/.

Prints each error and warning as `file:line:col  level  message`, infos grouped by message, then
one line per check with its counts and time. Exit 0 no errors, 1 errors, 2 cannot check."""

from __future__ import annotations

import argparse
import collections
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ..links.site_links import site_url_from_config, site_url_of_build
from ..paths import ROOT
from . import atom, html, jsonld, sitemap
from .findings import Finding, counts

CHECKS = ("html", "atom", "sitemap", "jsonld")
_QUOTED = re.compile(r"“[^”]*”")


def _run(name: str, site: Path, site_url: str) -> tuple[list[Finding], str]:
    if name == "html":
        pages = sum(1 for _ in site.rglob("*.html"))
        return html.check([site], site), f"W3C Nu Html Checker on {pages} pages"
    if name == "atom":
        found, entries = atom.check_site(site)
        return found, f"feed.xml against RFC 4287 ({entries} entries)"
    if name == "sitemap":
        found, urls = sitemap.check_site(site, site_url)
        return found, f"sitemap.xml against sitemaps.org 0.9 ({urls} addresses)"
    found, per_type = jsonld.check_site(site)
    return found, "JSON-LD against schema.org (" + ", ".join(f"{n} {t}" for t, n in per_type.items()) + ")"


def report(name: str, findings: list[Finding], what: str, seconds: float, out: Callable[[str], None]) -> None:
    for finding in findings:
        if finding.level == "error":
            out(str(finding))
    for level in ("warning", "info"):  # grouped by message (quoted names aside): count and first example
        group: collections.Counter[str] = collections.Counter()
        first: dict[str, Finding] = {}
        for f in findings:
            if f.level == level:
                key = _QUOTED.sub("“…”", f.message)
                group[key] += 1
                first.setdefault(key, f)
        for key, count in group.most_common():
            out(f"({name}: {count} {level}, e.g. {first[key]})")
    c = counts(findings)
    out(f"{name:<8} {c['error']:>5} errors {c['warning']:>5} warnings {c['info']:>6} infos "
        f"{seconds:>6.1f} s  {what}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site-dir", default=str(ROOT / "site"))
    parser.add_argument("--site-url", help="default: the one the site was built with (its sitemap), else mkdocs.yml")
    parser.add_argument("--only", default=",".join(CHECKS), help=f"comma-separated, of {', '.join(CHECKS)}")
    args = parser.parse_args(argv)
    site = Path(args.site_dir)
    site_url = args.site_url or site_url_of_build(site) or site_url_from_config(ROOT / "mkdocs.yml") or ""
    if not (site / "index.html").is_file():
        print(f"{site} has no built site: run `make build` first", file=sys.stderr)
        return 2
    names = [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = set(names) - set(CHECKS)
    if unknown:
        parser.error(f"unknown check(s): {', '.join(sorted(unknown))}")
    failed = False
    for name in names:
        start = time.perf_counter()
        try:
            findings, what = _run(name, site, site_url)
        except html.CheckerMissing as exc:
            print(f"{name}: cannot check: {exc}", file=sys.stderr)
            return 2
        report(name, findings, what, time.perf_counter() - start, print)
        failed |= any(f.level == "error" for f in findings)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
