"""Markdown helpers: relative links and escaping."""

from __future__ import annotations

import posixpath

import pytest

from natoaz.render.escape import block, esc
from natoaz.render.text import link

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
