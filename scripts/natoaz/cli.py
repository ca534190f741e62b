"""Command line: `python -m natoaz check|build|markdown|stats`."""

from __future__ import annotations

import argparse
import json
import sys
import time
from itertools import groupby
from pathlib import Path

from .atomic import SwapError
from .links.linkcheck import register as register_link_checks
from .paths import DATA_DIR, ROOT
from .problems import DataError, errors


def _check(args: argparse.Namespace) -> int:
    from .check.validate import validate

    _dataset, problems = validate(Path(args.data))
    if args.format == "json":
        print(json.dumps({"errors": len(errors(problems)), "warnings": len(problems) - len(errors(problems)),
                          "problems": [p.as_dict() for p in problems]}, indent=2))
    else:
        for file, group in groupby(problems, key=lambda p: p.file):
            print(file)
            for p in group:
                label = "warning" if p.severity != "error" else "error"
                hint = f"  → {p.hint}" if p.hint else ""
                print(f"  {p.file}:{p.line}:{p.col}  {p.field or '-'}  {label}: {p.message}{hint}")
        found = errors(problems)
        print(f"{len(found)} error(s), {len(problems) - len(found)} warning(s).")
    return 1 if errors(problems) else 0


def _markdown(args: argparse.Namespace) -> int:
    from .build import write_markdown

    start = time.perf_counter()
    count = write_markdown(Path(args.out), Path(args.data), site_url=args.site_url)
    print(f"wrote {count} generated pages (plus docs/) to {args.out} in {time.perf_counter() - start:.2f} s")
    return 0


def _build(args: argparse.Namespace) -> int:
    from .build import build_site

    return build_site(Path(args.site_dir), data_dir=Path(args.data))


def _stats(args: argparse.Namespace) -> int:
    from .check.validate import validate
    from .tools.stats import format_stats, stats

    dataset, _ = validate(Path(args.data))
    report = stats(dataset)
    print(json.dumps(report, indent=2) if args.format == "json" else format_stats(report))
    return 0


def _new(args: argparse.Namespace) -> int:
    from .tools.scaffold import scaffold

    path, record_id = scaffold(args.collection, args.title, args.date, Path(args.data))
    print(f"added `{record_id}` to {path}; fill in the TODO fields, then run `make check-data`")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="natoaz", description="NATO–Azerbaijan reference site: data tools")
    parser.add_argument("--data", default=str(DATA_DIR), help="data folder (default: data/)")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate every data file; exit 1 on errors")
    check.add_argument("--format", choices=["text", "json"], default="text")
    check.set_defaults(run=_check)
    markdown = sub.add_parser("markdown", help="write docs/ plus the generated pages to a folder")
    markdown.add_argument("--out", required=True)
    markdown.add_argument("--site-url", default=None,
                          help="site address for permalinks, feed and downloads (default: site_url in mkdocs.yml)")
    markdown.set_defaults(run=_markdown)
    build = sub.add_parser("build", help="validate, then build the site atomically with MkDocs")
    build.add_argument("--site-dir", default=str(ROOT / "site"))
    build.set_defaults(run=_build)
    report = sub.add_parser("stats", help="counts per collection, sector and decade")
    report.add_argument("--format", choices=["text", "json"], default="text")
    report.set_defaults(run=_stats)
    new = sub.add_parser("new", help="scaffold a new record with a fresh id")
    new.add_argument("collection", choices=["event", "quote", "programme", "person", "source"])
    new.add_argument("title", help="title (event), text (quote), name (programme, person) or title (source)")
    new.add_argument("--date", default="", help="YYYY, YYYY-MM or YYYY-MM-DD")
    new.set_defaults(run=_new)
    register_link_checks(sub)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    except SwapError as exc:
        print(f"error: {exc.strerror}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"interrupted: `{args.command}` stopped; nothing was replaced", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
