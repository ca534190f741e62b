"""Time spent by Material's search plugin in a MkDocs build (the benchmark's comparison of search engines).

Two MkDocs hooks bracket the plugin's events: `search_clock_start.py` runs first (priority 100) and
`search_clock_end.py` last (priority -100) on `page_context` (where the plugin indexes each page) and
`post_build` (where it writes search/search_index.json). The natoaz hook has neither event, so the time
between them is the plugin's own. The total goes to the file named by `extra.natoaz_search_clock`.
No MkDocs import: a hook is a plain module, and its priority a plain attribute.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

_state = {"started": 0.0, "total": 0.0, "pages": 0}


def start() -> None:
    _state["started"] = time.perf_counter()


def stop(pages: int = 0) -> None:
    _state["total"] += time.perf_counter() - _state["started"]
    _state["pages"] += pages


def write(config: Any) -> None:
    target = (config.extra or {}).get("natoaz_search_clock")
    if target:
        Path(target).write_text(json.dumps({"seconds": round(_state["total"], 3), "pages": _state["pages"]}),
                                encoding="utf-8")
