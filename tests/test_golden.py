"""Golden files: the Markdown generated from the mini dataset, diffed against committed copies.

Update after an intended change with: `make golden` (UPDATE_GOLDEN=1 pytest tests/test_golden.py).
"""

from __future__ import annotations

import json
import os
import re
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
    # Indented code blocks (the Cite block's plain text) show text literally: Markdown escapes them itself.
    assert not [line for line in page.splitlines() if "<script>" in line and not line.startswith("    ")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


FILES = Path(__file__).parent / "golden" / "mini-files"


def _other_outputs() -> dict[str, str]:
    """Every output that is not a Markdown page (the feed, CSV, JSON) plus each page's JSON-LD, pretty-printed.
    The schema copies are left out: they are the files in schemas/, byte for byte."""
    dataset, _ = load_valid(MINI)
    files = render_site(dataset)
    found = {path: text for path, text in files.items()
             if not path.endswith(".md") and "/schemas/" not in path and isinstance(text, str)}
    for path, text in files.items():
        match = re.search(r'^jsonld: "(.*)"$', text, re.M) if path.endswith(".md") else None
        if match:
            data = json.loads(json.loads(f'"{match.group(1)}"'))
            found[f"jsonld/{path.removesuffix('.md')}.json"] = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return found


def test_feed_csv_json_and_jsonld_match_golden_files() -> None:
    outputs = _other_outputs()
    assert {"feed.xml", "downloads/nato-azerbaijan.json", "downloads/events.csv"} <= set(outputs)
    assert any(p.startswith("jsonld/people/") for p in outputs) and any(p.startswith("jsonld/quotes/") for p in outputs)
    if os.environ.get("UPDATE_GOLDEN"):
        for old in FILES.rglob("*"):
            if old.is_file():
                old.unlink()
        for path, text in outputs.items():
            (FILES / path).parent.mkdir(parents=True, exist_ok=True)
            (FILES / path).write_bytes(text.encode("utf-8"))
    expected = {p.relative_to(FILES).as_posix(): p.read_bytes().decode("utf-8")
                for p in FILES.rglob("*") if p.is_file()}
    assert sorted(outputs) == sorted(expected), "outputs added or removed: run `make golden` if intended"
    for path, text in outputs.items():
        assert text == expected[path], f"{path} differs from tests/golden/mini-files/{path}"
