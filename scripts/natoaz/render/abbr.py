"""Glossary terms as abbreviations: `<abbr title="Partnership for Peace">PfP</abbr>` wherever a term appears.

Two paths, one glossary (data/glossary/):
- text from data that the core renders (summaries, descriptions, quotations): `Abbreviations.mark` rewrites
  the escaped fragment, in text only: never inside a tag or an attribute, never inside a link, code or an
  existing `<abbr>`, never inside an entity (`&amp;`); headings and link texts are never passed to it;
- hand-written pages in docs/: `definitions` writes Python-Markdown `abbr` definitions (`*[PfP]: …`), which
  the hook (and the command-line twin) append to each page's Markdown in memory; nothing is written to docs/.
Every occurrence is marked (as Python-Markdown's `abbr` does on hand-written pages), matched case-sensitively
as a whole word, the longest term first (`PAP-DIB` before a shorter `PAP`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .escape import _escape, attr

# A tag or a comment: passed through untouched (a term never starts right after `&` or `#`: no entity is cut).
_MARKUP = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
_SKIP = {"a", "abbr", "code"}  # text inside these elements is never marked


def _title(expansion: str) -> str:
    """The expansion as a `title` value that Markdown leaves alone: the tag is inline HTML, and Markdown reads
    backticks and backslashes before it sets tags aside, so those two become character references."""
    return attr(expansion).replace("`", "&#96;").replace("\\", "&#92;")


class Abbreviations:
    """The marker for one glossary: (term, expansion) pairs from the data."""

    def __init__(self, terms: Iterable[tuple[str, str]]) -> None:
        # Escaped as the text around it is (`&` → `&amp;`, `*` → `\*`) so that it matches the escaped text.
        self.titles: dict[str, str] = {}
        for term, expansion in terms:
            if term and expansion:
                self.titles[_escape(" ".join(term.split()), False)] = _title(expansion)
        keys = sorted(self.titles, key=lambda k: (-len(k), k))
        self.pattern = re.compile(r"(?<![\w&#])(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)") if keys else None

    def _text(self, text: str) -> str:
        return self.pattern.sub(lambda m: f'<abbr title="{self.titles[m.group()]}">{m.group()}</abbr>', text)

    def mark(self, fragment: str) -> str:
        """The fragment (escaped text with the core's own inline HTML) with every term wrapped in `<abbr>`."""
        if not self.pattern or not fragment:
            return fragment
        out, pos, inside = [], 0, 0
        for match in _MARKUP.finditer(fragment):
            out.append(self._text(fragment[pos:match.start()]) if not inside else fragment[pos:match.start()])
            token = match.group()
            name = re.match(r"</?([A-Za-z]+)", token)
            if name and name.group(1).lower() in _SKIP and not token.endswith("/>"):
                inside += -1 if token.startswith("</") else 1
                inside = max(inside, 0)
            out.append(token)
            pos = match.end()
        out.append(self._text(fragment[pos:]) if not inside else fragment[pos:])
        return "".join(out)


def definitions(terms: Iterable[tuple[str, str]]) -> str:
    """Python-Markdown `abbr` definitions for hand-written pages, one a line, sorted; empty without terms.
    The expansion is one line of plain text (the `abbr` extension escapes it into the `title` attribute)."""
    lines = sorted({f"*[{' '.join(t.split())}]: {' '.join(e.split())}" for t, e in terms
                    if t and e and "]" not in t and "\\" not in t})
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""
