"""The text model: every string field is plain text or inline Markdown (declared in its schema
with `"x-text": "plain"` or `"x-text": "markdown"`).

Inline Markdown is a small language read by this module alone: `*emphasis*`, `**strong**`,
`` `code` `` and `[text](https://…)` links to http(s) addresses or pages of the site (`/events/…/`).
`markdown_problems` says what else a text holds (images, HTML, attribute lists, reference links,
headings, lists…) for `make check-data`; the renderer (render/text.py) builds the HTML of the
allowed pieces itself, escapes everything else and passes the result through nh3's allowlist.
"""

from __future__ import annotations

import re

from .urls import url_problem

TOKEN = re.compile(r"""
    (?P<code>`(?P<code_text>[^`\n]+)`)
  | (?P<link>\[(?P<link_text>[^\[\]\n]+)\]\((?P<url>[^()\s<>"']+)\))
  | (?P<strong>\*\*(?P<strong_text>[^*\s](?:[^*\n]*[^*\s])?)\*\*)
  | (?P<em>\*(?P<em_text>[^*\s](?:[^*\n]*[^*\s])?)\*|(?<!\w)_(?P<em2_text>[^_\s](?:[^_\n]*[^_\s])?)_(?!\w))
""", re.VERBOSE)
# Inline citations `[@source-id]` or `[@a; @b]` (fields declared `"x-cites": "sources"`); read here and
# in render/text.py, checked against the sources by check/checks.py.
CITATION = re.compile(r"\[@(?P<ids>[^\[\]\n]*)\]")
CITED_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def citation_ids(match: re.Match) -> list[str]:
    """The ids of one citation (`[@a; @b]` -> [a, b]); a malformed part is kept as written for the checker."""
    return [part.strip().removeprefix("@") for part in ("@" + match.group("ids")).split(";") if part.strip()]


SITE_PAGE = re.compile(r"/(?:[a-z0-9][a-z0-9_-]*/)*(?:#[a-z0-9-]+)?")

HINT = "inline Markdown only: *emphasis*, **strong**, `code`, [text](https://…) or [text](/events/…/)"
_OUTSIDE = [  # (pattern in text outside the allowed pieces, message)
    (re.compile(r"!\["), "an image (`![…](…)`): images from data are not shown"),
    (re.compile(r"<\s*(?:https?:|mailto:|[a-z][a-z0-9+.-]*:)", re.I), "an autolink `<…>`: write [text](https://…)"),
    (re.compile(r"<\s*[/!?]?[a-zA-Z][a-zA-Z0-9-]*(?![a-zA-Z0-9:-])"), "raw HTML: tags are not allowed; write text"),
    (re.compile(r"\{\s*[:#.]|\{[^{}\n]*=[^{}\n]*\}"), "an attribute list `{: …}`: not allowed in data"),
    (re.compile(r"^ {0,3}\[[^\]\n]+\]:", re.M), "a link reference definition `[x]: …`: write [text](https://…)"),
    (re.compile(r"\]\s?\["), "a reference link `[text][ref]`: write [text](https://…)"),
    (re.compile(r"\]\("), "a link that cannot be read (spaces, quotes or brackets in its address?)"),
    (re.compile(r"^ {0,3}(?:#{1,6}(?:\s|$)|>|!!!|\?\?\?|\||[-+*]\s|\d{1,9}[.)]\s|`{3,}|~{3,}"
                r"|(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$)|^(?: {4}|\t)", re.M),
     "a heading, list, quote, table, rule, code block or admonition: inline Markdown only"),
    (re.compile(r"&#?[a-zA-Z0-9]+;"), "an HTML entity (`&…;`): type the character itself"),
]


def link_problem(url: str) -> str:
    """Why a link target from data is refused ("" when it is an http(s) address or a page of the site)."""
    if url.startswith("/"):
        return "" if SITE_PAGE.fullmatch(url) and not url.startswith("//") else (
            "a link to a page of the site looks like `/events/1994-05-04-pfp-signed/`")
    problem = url_problem(url)
    return f"the link `{url[:60]}` {problem}" if problem else ""


def markdown_problems(text: str) -> list[tuple[int, str]]:
    """(offset, message) of everything in `text` that inline Markdown does not allow."""
    found: list[tuple[int, str]] = []
    text = CITATION.sub(lambda m: "x" * len(m.group()), text)  # citations are checked against the sources
    outside = []
    pos = 0
    for match in TOKEN.finditer(text):
        outside.append((pos, text[pos:match.start()]))
        pos = match.end()
        if match.group("link") and text[match.start() - 1:match.start()] == "!":
            found.append((match.start() - 1, "an image (`![…](…)`): images from data are not shown"))
        elif match.group("link") and (problem := link_problem(match.group("url"))):
            found.append((match.start("url"), problem))
        inner = next(g for g in ("code_text", "link_text", "strong_text", "em_text", "em2_text") if match.group(g))
        if inner != "code_text":
            outside.append((match.start(inner), match.group(inner)))
    outside.append((pos, text[pos:]))
    for start, part in outside:
        for pattern, message in _OUTSIDE:
            hit = pattern.search(part)
            if hit and not (pattern.flags & re.M and not _at_line_start(text, start + hit.start())):
                found.append((start + hit.start(), message))
    return sorted(set(found))


def _at_line_start(text: str, index: int) -> bool:
    line_start = text.rfind("\n", 0, index) + 1
    return text[line_start:index].strip(" \t") == ""
