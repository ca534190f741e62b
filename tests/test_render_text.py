"""Markdown helpers: relative links and escaping."""

from __future__ import annotations

import posixpath

import pytest
import yaml

from natoaz.render.escape import block, esc, meta_text
from natoaz.render.text import front_matter_block, link

PAIRS = [("index.md", "events/x.md"), ("events/x.md", "events/y.md"), ("events/x.md", "index.md"),
         ("editing/reference.md", "editing/index.md"), ("a/b/c.md", "a/d.md"), ("a/b/c.md", "e/f/g.md"),
         ("timeline/index.md", "timeline/index.md")]


@pytest.mark.parametrize(("here", "target"), PAIRS)
def test_link_matches_relpath(here: str, target: str) -> None:
    assert link(here, target) == posixpath.relpath(target, posixpath.dirname(here) or ".")


def test_link_keeps_the_anchor() -> None:
    assert link("events/x.md", "timeline/index.md", "1994") == "../timeline/index.md#1994"


def test_escaping() -> None:
    assert esc("a *b* [c]|<i>") == r"a \*b\* \[c\]\|&lt;i&gt;"
    assert block("<script>x</script> & **y**") == "&lt;script&gt;x&lt;/script&gt; &amp; **y**"


HOSTILE_META = ["plain", "", " ", "a: b", "- x", "'q'", '"dq"', "#c", "%TAG", "!x", "&a *a", "{a: 1}", "[1]", "|",
                ">-", "---", "...", "tab\there", "line\nbreak", "nel\x85x", "ls\u2028ps\u2029", "bom\ufeff",
                "nul\x00bell\x07esc\x1b", "del\x7f", "nbsp\xa0", "\ufffe\uffff", "emoji 😀", "Ə ə ğ ı ş",
                "<script>alert(1)</script>", "a & b", "\\back\\slash", "word " * 200]


@pytest.mark.parametrize("value", HOSTILE_META)
def test_front_matter_reads_back_as_one_line_of_text(value: str) -> None:
    """Whatever emitter writes it (libyaml or PyYAML's own), the front matter parses back to the page's meta
    text: one line, every field a string, nothing from data turned into YAML structure."""
    block = front_matter_block(value, value, og_type=value)
    assert block.startswith("---\n") and block.endswith("\n---")
    read = yaml.safe_load(block.removeprefix("---\n").removesuffix("---"))
    assert read["title"] == meta_text(value) and read["description"] == meta_text(value[:300])
    assert read.get("og_type", "") == " ".join(value.split())
