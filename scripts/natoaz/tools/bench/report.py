"""Ratios, targets (PASS/FAIL) and the printed table of a benchmark run."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .site_metrics import OVERVIEW_KINDS

STAGES = {"validate": "load+validate", "render": "render Markdown", "build": "full build (build_site)",
          "links": "internal link check"}
LINEAR_MAX = 12.0
SHARE_MAX = 0.10
LINKS_SHARE_MAX = 0.10  # the internal link check, of the full build at 10x and 100x (issue 11)
OVERVIEW_MAX = 1.5  # the largest overview page of each kind at 10x / 100x, of its size at 1x (issue 11)
SEARCH_INDEX_MAX = 1_000_000  # bytes: what a first search loads (lunr fetched its whole index: 36 MB at 100x)
REBUILD_MAX_S = 5.0


@dataclass
class Target:
    name: str
    value: str
    limit: str
    status: str  # PASS | FAIL | n/a

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "value": self.value, "limit": self.limit, "status": self.status}


def _median(results: dict, scale: int, stage: str) -> float:
    return results["scales"].get(str(scale), {}).get("stages", {}).get(stage, {}).get("median_s", math.nan)


def _check(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


def ratios(results: dict) -> dict[str, dict[str, float]]:
    """t(bigger)/t(smaller) for each stage and each pair of consecutive scales."""
    scales = sorted(int(s) for s in results["scales"])
    out: dict[str, dict[str, float]] = {}
    for small, big in zip(scales, scales[1:], strict=False):
        pair = f"{big}x/{small}x"
        out[pair] = {stage: round(_median(results, big, stage) / _median(results, small, stage), 2)
                     for stage in STAGES}
    return out


def shares(results: dict) -> dict[str, float]:
    """(load+validate + render) / full build, per scale."""
    return {scale: round((_median(results, int(scale), "validate") + _median(results, int(scale), "render"))
                         / _median(results, int(scale), "build"), 4)
            for scale in sorted(results["scales"], key=int)}


def targets(results: dict) -> list[Target]:
    scales = sorted(int(s) for s in results["scales"])
    found: list[Target] = []
    pair = "100x/10x" if {10, 100} <= set(scales) else None
    for stage, label in STAGES.items():
        value = results["ratios"].get(pair, {}).get(stage) if pair else None
        ok = None if value is None or math.isnan(value) else value <= LINEAR_MAX
        found.append(Target(f"linear growth, {label}: t(100x)/t(10x)",
                            f"{value:.2f}" if ok is not None else "needs 10x and 100x (make bench-full)",
                            f"≤ {LINEAR_MAX:g}", _check(ok)))
    for scale, share in results["shares"].items():
        ok = None if math.isnan(share) else share <= SHARE_MAX
        found.append(Target(f"load+validate+render share of full build at {scale}x", f"{share:.1%}",
                            f"≤ {SHARE_MAX:.0%}", _check(ok)))
    for scale in (10, 100):
        share = _median(results, scale, "links") / _median(results, scale, "build")
        ok = None if math.isnan(share) else share <= LINKS_SHARE_MAX
        value = f"needs {scale}x" if ok is None else f"{share:.1%}"
        found.append(Target(f"internal link check of {scale}x site vs its build", value, f"≤ {LINKS_SHARE_MAX:.0%}",
                            _check(ok)))
    found += overview_targets(results)
    scales_run = sorted(int(s) for s in results["scales"])
    largest = str(scales_run[-1]) if scales_run else "1"
    index = results["scales"].get(largest, {}).get("site", {}).get("search_first_load_bytes")
    found.append(Target(f"search: what the first search loads before index chunks at {largest}x (Pagefind)",
                        "not measured" if index is None else f"{index / 1000:.0f} KB",
                        f"≤ {SEARCH_INDEX_MAX / 1000:.0f} KB",
                        _check(None if index is None else index <= SEARCH_INDEX_MAX)))
    rebuild = results.get("rebuild") or {}
    hook = (rebuild.get("hook_10x") or {}).get("warm_median_s")
    found.append(Target("serve rebuild at 10x, one-file edit (hook work: load+validate+render, warm cache)",
                        "needs 10x" if hook is None else f"{hook:.2f} s", f"< {REBUILD_MAX_S:g} s",
                        _check(None if hook is None else hook < REBUILD_MAX_S)))
    serve = (rebuild.get("serve", {}).get("10") or {}).get("edit_to_reload_median_s")
    found.append(Target("serve rebuild at 10x, one-file edit (real `make serve`, edit → reload)",
                        "not measured" if serve is None else f"{serve:.2f} s", f"< {REBUILD_MAX_S:g} s",
                        _check(None if serve is None else serve < REBUILD_MAX_S)))
    return found


def _largest(results: dict, scale: int) -> dict[str, dict]:
    return results["scales"].get(str(scale), {}).get("site", {}).get("largest") or {}


def overview_targets(results: dict) -> list[Target]:
    """At the largest scale run (10x or 100x), the largest overview page of each kind against 1x: one target
    per kind present at both scales (a kind at 1x only, or new at the large scale, is reported as such)."""
    scales = sorted(int(s) for s in results["scales"])
    big = max((s for s in scales if s >= 10), default=None)
    if 1 not in scales or big is None:
        return [Target("largest overview page of each kind vs 1x", "needs 1x and 10x or 100x",
                       f"≤ {OVERVIEW_MAX:g}x", "n/a")]
    small, large = _largest(results, 1), _largest(results, big)
    found = []
    for kind in OVERVIEW_KINDS:
        if kind not in large:
            continue
        base = small.get(kind) or small.get(kind.removesuffix(", page ≥ 2"))  # page 2 exists only when larger
        if not base:
            found.append(Target(f"largest {kind} page at {big}x vs 1x", f"{_size(large[kind]['bytes'])} (no 1x page)",
                                f"≤ {OVERVIEW_MAX:g}x", "n/a"))
            continue
        ratio = large[kind]["bytes"] / base["bytes"]
        found.append(Target(f"largest {kind} page at {big}x vs 1x",
                            f"{ratio:.2f}x ({_size(large[kind]['bytes'])} / {_size(base['bytes'])})",
                            f"≤ {OVERVIEW_MAX:g}x", _check(ratio <= OVERVIEW_MAX)))
    return found


def _kind_lines(results: dict) -> list[str]:
    """The largest HTML page of each kind at each scale (overview kinds marked *), with the growth from 1x."""
    scales = sorted(results["scales"], key=int)
    per_scale = {s: _largest(results, int(s)) for s in scales}
    kinds = sorted({k for found in per_scale.values() for k in found},
                   key=lambda k: (k not in OVERVIEW_KINDS, OVERVIEW_KINDS.index(k) if k in OVERVIEW_KINDS else 0, k))
    rows = []
    for kind in kinds:
        cells = [("* " if kind in OVERVIEW_KINDS else "  ") + kind]
        for s in scales:
            entry = per_scale[s].get(kind)
            cells.append(f"{_size(entry['bytes'])} ({entry['pages']} p.)" if entry else "–")
        first, last = per_scale[scales[0]].get(kind), per_scale[scales[-1]].get(kind)
        cells.append(f"{last['bytes'] / first['bytes']:.2f}" if first and last and len(scales) > 1 else "–")
        cells.append(last["page"] if last else "")
        rows.append(cells)
    header = ["page kind (* overview)", *(f"{s}x" for s in scales), f"{scales[-1]}x/{scales[0]}x", "largest page"]
    return ["", "Largest HTML page of each kind (size, pages of that kind):",
            *_table(header, rows, left=1)]


def _size(n: float | None) -> str:
    if n is None:
        return "–"
    for unit in ("B", "KB", "MB", "GB"):
        if abs(n) < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return str(n)


def _row(cells: list[str], widths: list[int], left: int = 1) -> str:
    """Cells padded to their column; the first `left` columns are text (left-aligned), the rest figures."""
    return "  ".join(c.ljust(w) if i < left else c.rjust(w)
                     for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()


def _table(header: list[str], rows: list[list[str]], left: int = 1) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return [_row(header, widths, left), _row(["-" * w for w in widths], widths, left),
            *(_row(r, widths, left) for r in rows)]


def _rebuild_lines(results: dict, rebuild: dict) -> list[str]:
    lines = ["", "Serve rebuild after a one-file edit (an event's title):"] if rebuild else []
    hook = rebuild.get("hook_10x")
    if hook:
        build = results["scales"]["10"]["stages"]["build"]["median_s"]
        lines += [f"  10x hook work (load_valid + render_site), cold cache:  {hook['cold_median_s']:.2f} s",
                  f"  10x hook work after the edit, warm parse cache:        {hook['warm_median_s']:.2f} s",
                  f"  10x full build (build_site, fresh process):            {build:.2f} s"]
    for mode in ("serve", "serve-full"):
        for scale, found in sorted(rebuild.get(mode, {}).items(), key=lambda kv: int(kv[0])):
            label = f"  {scale}x `make {mode}`{' (--dirty)' if mode == 'serve' else ''}: edit → reload"
            lines.append(f"{label.ljust(57)}{found.get('edit_to_reload_median_s', math.nan):.2f} s "
                         f"(MkDocs' own rebuild {found.get('mkdocs_build_median_s', math.nan):.2f} s, "
                         f"first build {found.get('initial_build_s') or math.nan:.2f} s)")
    return lines


def format_report(results: dict, previous: dict | None = None) -> str:
    scales = sorted(results["scales"], key=int)
    data = results["scales"]
    lines = ["", "Records per scale:"]
    collections = sorted(data[scales[0]]["manifest"]["counts"])
    lines += _table(["collection", *(f"{s}x" for s in scales)],
                    [[c, *(str(data[s]["manifest"]["counts"][c]) for s in scales)] for c in collections])
    lines += ["", "Stage medians (seconds, n samples) and peak memory:"]
    rows = []
    for stage, label in STAGES.items():
        cells = [label]
        for s in scales:
            entry = data[s]["stages"][stage]
            peak = f"{entry['peak_mb']:.0f} MB {'py' if entry['memory'] == 'tracemalloc' else 'rss'}" \
                if entry.get("peak_mb") is not None else "–"
            cells.append(f"{entry['median_s']:.3f} s (n={len(entry['samples_s'])}), {peak}")
        rows.append(cells)
    rows.append(["  of which MkDocs' own build", *(
        f"{data[s]['stages']['build'].get('mkdocs_build_s') or math.nan:.3f} s" for s in scales)])
    lines += _table(["stage", *(f"{s}x" for s in scales)], rows)
    lines += ["", "Site:"]
    metric_rows = [
        ["generated pages (render)", *(str(data[s]["stages"]["render"].get("pages", "–")) for s in scales)],
        ["HTML pages in site/", *(str(data[s]["site"].get("html_pages", "–")) for s in scales)],
        ["size of site/", *(_size(data[s]["site"].get("site_bytes")) for s in scales)],
        ["Pagefind bundle (all files)", *(_size(data[s]["site"].get("search_index_bytes")) for s in scales)],
        ["Pagefind, first search before chunks", *(_size(data[s]["site"].get("search_first_load_bytes"))
                                                    for s in scales)],
        ["home: index.html", *(_size(data[s]["site"].get("home", {}).get("html")) for s in scales)],
        ["home: + CSS + JS raw", *(_size(data[s]["site"].get("home", {}).get("total")) for s in scales)],
        ["home: + CSS + JS gzip", *(_size(data[s]["site"].get("home", {}).get("total_gzip")) for s in scales)],
        ["data errors / warnings", *(f"{data[s]['problems']['errors']} / {data[s]['problems']['warnings']}"
                                     for s in scales)],
        ["link check: breaks", *(str(data[s]["stages"]["links"].get("breaks", "–")) for s in scales)],
    ]
    lines += _table(["metric", *(f"{s}x" for s in scales)], metric_rows)
    lines += _kind_lines(results)
    if results["ratios"]:
        lines += ["", "Growth ratios t(bigger)/t(smaller) (linear ≈ the scale ratio, 10):"]
        pairs = list(results["ratios"])
        lines += _table(["stage", *pairs], [[label, *(f"{results['ratios'][p][stage]:.2f}" for p in pairs)]
                                            for stage, label in STAGES.items()])
    lines += ["", "Share of load+validate+render in the full build: "
              + ", ".join(f"{s}x {v:.1%}" for s, v in results["shares"].items())]
    lines += ["Share of the internal link check in the full build: "
              + ", ".join(f"{s}x {_median(results, int(s), 'links') / _median(results, int(s), 'build'):.1%}"
                          for s in scales)]
    rebuild = results.get("rebuild") or {}
    lines += _rebuild_lines(results, rebuild)
    if previous:
        lines += ["", f"Compared with the previous run ({previous.get('meta', {}).get('started', '?')}):"]
        rows = []
        for s in scales:
            for stage, label in STAGES.items():
                before = previous.get("scales", {}).get(s, {}).get("stages", {}).get(stage, {}).get("median_s")
                now = data[s]["stages"][stage]["median_s"]
                if before:
                    rows.append([f"{s}x {label}", f"{before:.3f} s", f"{now:.3f} s", f"{(now / before - 1):+.0%}"])
        lines += _table(["stage", "before", "now", "change"], rows) if rows else ["  (no common scales)"]
    lines += ["", "Targets:"]
    lines += _table(["status", "target", "value", "limit"],
                    [[t["status"], t["name"], t["value"], t["limit"]] for t in results["targets"]], left=2)
    return "\n".join(lines)


def summary(results: dict[str, Any]) -> str:
    counts = {}
    for t in results["targets"]:
        counts[t["status"]] = counts.get(t["status"], 0) + 1
    return ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
