"""Command line: `python -m natoaz check|build|markdown|stats`."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from .atomic import SwapError
from .links.linkcheck import register as register_link_checks
from .paths import DATA_DIR, ROOT
from .problems import DataError, errors, format_report


def _check(args: argparse.Namespace) -> int:
    from .check.validate import validate

    _dataset, problems = validate(Path(args.data), gaps="each" if args.verbose else "summary")
    if args.format == "json":
        print(json.dumps({"errors": len(errors(problems)), "warnings": len(problems) - len(errors(problems)),
                          "problems": [p.as_dict() for p in problems]}, indent=2))
    else:
        print(format_report(problems))
    return 1 if errors(problems) else 0


def _markdown(args: argparse.Namespace) -> int:
    from .build import write_markdown

    start = time.perf_counter()
    count = write_markdown(Path(args.out), Path(args.data), site_url=args.site_url)
    print(f"wrote {count} generated pages (plus docs/) to {args.out} in {time.perf_counter() - start:.2f} s")
    return 0


def _build(args: argparse.Namespace) -> int:
    from .build import build_site

    return build_site(Path(args.site_dir), data_dir=Path(args.data), engine=args.engine)


def _stats(args: argparse.Namespace) -> int:
    from .check.validate import validate
    from .tools.stats import format_stats, stats

    dataset, _ = validate(Path(args.data))
    report = stats(dataset)
    print(json.dumps(report, indent=2) if args.format == "json" else format_stats(report))
    return 0


def _ask(label: str, value: str) -> str:
    """The value given, or (in a terminal) the editor's answer to a question."""
    if value.strip() or not sys.stdin.isatty():
        return value
    return input(f"{label}: ").strip()


def _new(args: argparse.Namespace) -> int:
    from .model.dates import DateError
    from .model.registry import by_singular
    from .tools.scaffold import ScaffoldError, kinds, needs, scaffold

    kind = _ask(f"kind of record ({', '.join(kinds())})", args.collection or "")
    if kind not in kinds():
        print(f"KIND must be one of {', '.join(kinds())}, e.g. make new KIND=event TITLE=\"…\" DATE=2025-05-06",
              file=sys.stderr)
        return 2
    label = {"person": "name", "programme": "name", "quote": "the words, exactly as the source prints them"}
    title = _ask(label.get(kind, "title"), args.title or "")
    asked = {need: _ask(need if need != "date" else "date (YYYY-MM-DD, YYYY-MM or YYYY)", getattr(args, need))
             for need in needs(kind)}
    when = asked.get("date", args.date)
    if kind in ("source", "programme"):  # optional, but part of a source's id: ask in a terminal
        what = "date of publication" if kind == "source" else "date Azerbaijan joined"
        when = _ask(f"{what} (YYYY-MM-DD, YYYY-MM or YYYY; empty if unknown)", when)
    new_file = False
    try:
        target = Path(args.data) / by_singular(kind).name / f"{when[:4]}.yaml"
        new_file = kind in ("event", "quote") and not target.exists()
        path, record_id = scaffold(kind, title, when, Path(args.data), publisher=asked.get("publisher", ""),
                                   speaker=asked.get("speaker", ""))
    except (ScaffoldError, DateError) as exc:
        print(f"nothing added: {exc}", file=sys.stderr)
        return 1
    if new_file:
        print(f"created {path} (with its schema line)")
    print(f"added `{record_id}` to {path}\nreplace every TODO (the check refuses them), then run `make check-data`")
    return 0


def _reference(args: argparse.Namespace) -> int:
    from .render.reference import FILE, field_reference

    FILE.write_text(field_reference(), encoding="utf-8")
    print(f"wrote {FILE.relative_to(ROOT)}")
    return 0


def _release(args: argparse.Namespace) -> int:
    from .tools.release import cut, report

    if args.cut:
        print(f"cut release {cut(Path(args.data))}: data/release.yaml, data/releases/, CITATION.cff; commit them")
        return 0
    return report(Path(args.data))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="natoaz", description="NATO–Azerbaijan reference site: data tools")
    parser.add_argument("--data", default=str(DATA_DIR), help="data folder (default: data/)")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate every data file; exit 1 on errors")
    check.add_argument("--format", choices=["text", "json"], default="text")
    check.add_argument("--verbose", action="store_true",
                       help="a warning for each record lacking a translation (default: one line per collection)")
    check.set_defaults(run=_check)
    markdown = sub.add_parser("markdown", help="write docs/ plus the generated pages to a folder")
    markdown.add_argument("--out", required=True)
    markdown.add_argument("--site-url", default=None,
                          help="site address for permalinks, feed and downloads (default: site_url in mkdocs.yml)")
    markdown.set_defaults(run=_markdown)
    build = sub.add_parser("build", help="validate, then build the site atomically with MkDocs")
    build.add_argument("--site-dir", default=str(ROOT / "site"))
    build.add_argument("--engine", choices=["mkdocs", "properdocs"], default="mkdocs",
                       help="MkDocs 1.6 (default) or ProperDocs, its maintained fork")
    build.set_defaults(run=_build)
    report = sub.add_parser("stats", help="counts per collection, sector and decade")
    report.add_argument("--format", choices=["text", "json"], default="text")
    report.set_defaults(run=_stats)
    new = sub.add_parser("new", help="scaffold a new record with a fresh id")
    new.add_argument("collection", nargs="?", default="", help="event, quote, programme, person or source")
    new.add_argument("title", nargs="?", default="",
                     help="title (event, source), the words (quote), name (programme, person)")
    new.add_argument("--date", default="", help="YYYY, YYYY-MM or YYYY-MM-DD")
    new.add_argument("--publisher", default="", help="a source's publisher, e.g. NATO (part of its id)")
    new.add_argument("--speaker", default="", help="a quote's speaker: a person id from data/people/")
    new.set_defaults(run=_new)
    reference = sub.add_parser("reference", help="rewrite docs/editing/reference.md from the schemas")
    reference.set_defaults(run=_reference)
    release = sub.add_parser("release", help="which release bump the changes call for; --cut cuts it")
    release.add_argument("--cut", action="store_true",
                         help="write data/releases/<version>.json, the number in data/release.yaml and CITATION.cff")
    release.set_defaults(run=_release)
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
