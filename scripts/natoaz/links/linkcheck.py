"""Command line for the link checks:

    python -m natoaz.links.linkcheck check-links      the built site/, offline: internal links and #fragments
                                                      (our own one-pass checker, `site_links`)
    python -m natoaz.links.linkcheck check-external   URLs cited in data/ and docs/*.md, over the network (lychee)

`register(subparsers)` adds the same two commands to `python -m natoaz`.
Exit codes: 0 fine, 1 broken links, 2 cannot check (no site, bad exceptions file, lychee failed),
3 (check-external only) no network.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..paths import DATA_DIR, DOCS_DIR, ROOT, display_path
from ..problems import DataError
from .external_links import (
    EXCEPTIONS_FILE,
    LYCHEE_CONFIG,
    USAGE,
    check_external,
    exit_code,
    format_external_report,
    load_exceptions,
)
from .lychee import LycheeError
from .site_links import check_site, format_site_report, site_url_from_config, site_url_of_build


def run_check_links(args: argparse.Namespace) -> int:
    site = Path(args.site_dir)
    if not (site / "index.html").is_file():
        print(f"no built site in {display_path(site, Path.cwd())}/: run `make build` first", file=sys.stderr)
        return USAGE
    site_url = args.site_url
    if site_url is None:  # the address the site was built with, else the one it will be built with
        site_url = site_url_of_build(site) or site_url_from_config(Path(args.config))
    check = check_site(site, site_url or None)
    print(format_site_report(check, display_path(site, Path.cwd())))
    return 1 if check.breaks else 0


def run_check_external(args: argparse.Namespace) -> int:
    try:
        exceptions = load_exceptions(Path(args.exceptions))
        check = check_external(Path(args.data), Path(args.docs), exceptions, Path(args.lychee_config),
                               cache_dir=Path(args.cache_dir))
    except (DataError, LycheeError) as exc:
        print(exc, file=sys.stderr)
        return USAGE
    print(format_external_report(check))
    return exit_code(check)


def register(sub: argparse._SubParsersAction) -> None:
    """Add `check-links` and `check-external` to a parser whose top level has `--data`."""
    links = sub.add_parser("check-links", help="check the built site offline: internal links and #anchors")
    links.add_argument("--site-dir", default=str(ROOT / "site"), help="the built site (default: site/)")
    links.add_argument("--config", default=str(ROOT / "mkdocs.yml"), help="mkdocs.yml, for site_url")
    links.add_argument("--site-url", default=None,
                       help="the address it is published at (default: read from its sitemap.xml, else --config)")
    links.set_defaults(run=run_check_links)
    external = sub.add_parser("check-external", help="check the URLs cited in data/ and docs/ (needs network)")
    external.add_argument("--docs", default=str(DOCS_DIR), help="hand-written pages (default: docs/)")
    external.add_argument("--exceptions", default=str(EXCEPTIONS_FILE), help="known exceptions (YAML)")
    external.add_argument("--lychee-config", default=str(LYCHEE_CONFIG), help="lychee settings (TOML)")
    external.add_argument("--cache-dir", default=str(ROOT), help="where lychee keeps .lycheecache")
    external.set_defaults(run=run_check_external)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m natoaz.links.linkcheck", description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DATA_DIR), help="data folder (default: data/)")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
