"""Golden files: the Markdown generated from the mini dataset, diffed against committed copies.

Update after an intended change with: `make golden` (UPDATE_GOLDEN=1 pytest tests/test_golden.py).
"""

from __future__ import annotations

import os
from pathlib import Path

from conftest import MINI
from natoaz.check.validate import load_valid
from natoaz.render import render_site

GOLDEN = Path(__file__).parent / "golden" / "mini"


def _render() -> dict[str, str]:
    dataset, _ = load_valid(MINI)
    return {path: text for path, text in render_site(dataset).items() if path.endswith(".md")}


def test_generated_markdown_matches_golden_files() -> None:
    pages = _render()
    if os.environ.get("UPDATE_GOLDEN"):
        for old in GOLDEN.rglob("*.md"):
            old.unlink()
        for path, text in pages.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(text, encoding="utf-8")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*.md")}
    assert sorted(pages) == sorted(expected), "pages added or removed: run `make golden` if intended"
    for path, text in pages.items():
        assert text == expected[path], f"{path} differs from tests/golden/mini/{path}; run `make golden` if intended"


def test_rendering_is_deterministic() -> None:
    assert _render() == _render()


def test_raw_html_in_data_is_escaped() -> None:
    page = _render()["quotes/alex-speaker-2025-05-06-began.md"]
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
