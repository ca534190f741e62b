"""Run Pagefind (the binary that PyPI's `pagefind[bin]` brings, pinned in requirements.lock) over a built
site: it reads the pages marked by natoaz/search/markup.py and writes the index into `<site>/pagefind/`,
one index per `<html lang>` (the English pages and the Azerbaijani edition apart).

The index is split into small chunks that the browser fetches for the words it looks up, so what a
reader downloads for a search grows with the words asked for, not with the size of the site.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ..model.fold import fold_json

BUNDLE = "pagefind"  # folder of the index in the site
FOLD_FILE = "fold.json"  # the fold table for the query side, beside the index
# Pagefind writes its own search interfaces too; the site has its own (assets/javascripts/search.js).
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


class PagefindError(RuntimeError):
    pass


@dataclass(frozen=True)
class IndexRun:
    seconds: float
    files: int
    bytes: int
    output: str


def build_index(site_dir: Path, timeout: float = 1800) -> IndexRun:
    """Index `site_dir` in place (an existing index is replaced). Raises PagefindError on failure."""
    bundle = site_dir / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind_bin", "--site", str(site_dir), "--output-subdir", BUNDLE,
               "--quiet"]
    started = time.perf_counter()
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PagefindError(f"pagefind did not run: {exc}") from None
    seconds = time.perf_counter() - started
    if run.returncode != 0 or not (bundle / "pagefind.js").is_file():
        raise PagefindError(f"pagefind failed (exit {run.returncode}): {(run.stderr or run.stdout).strip()}")
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    (bundle / FOLD_FILE).write_text(fold_json() + "\n", encoding="utf-8")
    files = [p for p in bundle.rglob("*") if p.is_file()]
    return IndexRun(seconds, len(files), sum(p.stat().st_size for p in files), (run.stdout + run.stderr).strip())
