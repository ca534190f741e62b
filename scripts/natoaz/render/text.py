"""Markdown helpers: escaping untrusted text and relative links between pages.

Data reaches pages through three functions only: `esc` (plain text), `plain_paragraphs` (plain text
that keeps its paragraphs) and `md_inline` (fields declared `x-text: markdown`). `block` is for
the project's own hand-written text, never for data.
"""

from __future__ import annotations

import html
import re

import nh3

from ..model.text_model import TOKEN, link_problem

# The characters Python-Markdown (with attr_list and tables) gives an inline meaning and lets us escape;
# `<`, `>` and `&` become entities first.
_INLINE = re.compile(r"([\\`*_\[\]{}|#!])")
# At the start of a line, a number with a dot or a `-`/`+` starts a list: escape its dot or sign.
_LEADING = re.compile(r"^(\d+)([.)])|^([-+])")
_TAGS = {"a", "code", "em", "strong"}
_ATTRIBUTES = {"a": {"href"}}


def _escape(value: str, line_start: bool = True) -> str:
    value = _INLINE.sub(r"\\\1", html.escape(value, quote=False))
    if line_start:
        value = _LEADING.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", value)
    return value


def esc(text: object) -> str:
    """Plain text for inline Markdown, escaped completely: no markup, no raw HTML, no `{: …}` attribute list."""
    return _escape(" ".join(str(text).split()))


def plain_paragraphs(text: object) -> str:
    """Plain text (e.g. a quotation) escaped completely, its paragraphs kept apart by a blank line."""
    return "\n\n".join(esc(p) for p in re.split(r"\n\s*\n", str(text).strip()) if p.strip())


def _piece(match: re.Match) -> str:
    if match.group("code"):
        return f"<code>{_escape(match.group('code_text'), False)}</code>"
    if match.group("link"):
        url = match.group("url")
        if link_problem(url):  # refused by `make check-data`; shown as text if it ever gets here
            return _escape(match.group(), False)
        return f'<a href="{html.escape(url, quote=True)}">{_escape(match.group("link_text"), False)}</a>'
    if match.group("strong"):
        return f"<strong>{_escape(match.group('strong_text'), False)}</strong>"
    return f"<em>{_escape(match.group('em_text') or match.group('em2_text'), False)}</em>"


def md_inline(text: object) -> str:
    """A field declared `x-text: markdown`, as Markdown paragraphs whose only markup is inline HTML this
    function writes itself (`<em>`, `<strong>`, `<code>`, `<a href>` to http(s) or a site page); every
    other character is escaped, and the result passes nh3's allowlist sanitizer (defence in depth)."""
    out = []
    for paragraph in re.split(r"\n\s*\n", str(text).strip()):
        paragraph = " ".join(paragraph.split())
        if not paragraph:
            continue
        pieces, pos = [], 0
        for match in TOKEN.finditer(paragraph):
            before = paragraph[pos:match.start()]
            image = before.endswith("!") and match.group("link")
            pieces += [_escape(before, pos == 0), _escape(match.group(), False) if image else _piece(match)]
            pos = match.end()
        pieces.append(_escape(paragraph[pos:], pos == 0))
        out.append(sanitize("".join(pieces)))
    return "\n\n".join(out)


def sanitize(fragment: str) -> str:
    """nh3 (ammonia) with an allowlist: emphasis, code and http(s)/relative links; nothing else survives."""
    return nh3.clean(fragment, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes={"http", "https"},
                     link_rel="noopener noreferrer", strip_comments=True)


def url_link(url: str) -> str:
    """An address from data as an escaped `href` (never a Markdown autolink); the schema has checked it."""
    return sanitize(f'<a href="{html.escape(url, quote=True)}">{esc(url)}</a>')


def block(text: object) -> str:
    """The project's own Markdown (schema descriptions, home page text), with raw HTML neutralised.
    Never for data: see `esc`, `plain_paragraphs` and `md_inline`."""
    return html.escape(str(text).strip(), quote=False)


def attr(text: object) -> str:
    """A value for an HTML attribute."""
    return html.escape(" ".join(str(text).split()), quote=True)


def link(here: str, target: str, anchor: str = "") -> str:
    """Relative link from page `here` to page `target` (both docs-relative .md paths)."""
    # Plain string work: posixpath.relpath would look up the working directory on every call.
    folders, parts = here.split("/")[:-1], target.split("/")
    common = 0
    while common < len(folders) and common < len(parts) - 1 and folders[common] == parts[common]:
        common += 1
    rel = "/".join([".."] * (len(folders) - common) + parts[common:])
    return rel + (f"#{anchor}" if anchor else "")


def meta_text(value: str) -> str:
    """Text for page meta (title, description): MkDocs' templates print it unescaped into HTML."""
    return html.escape(" ".join(value.split()), quote=False).replace('"', "&quot;")


def yaml_str(value: str) -> str:
    """A YAML double-quoted scalar on one line."""
    return '"' + " ".join(value.split()).replace("\\", "\\\\").replace('"', '\\"') + '"'


def front_matter(title: str, description: str, search_boost: float = 0, search_exclude: bool = False,
                 **extra: str) -> str:
    """YAML front matter; `extra` keys (e.g. `og_type`, `jsonld`) are read by overrides/main.html.

    `search_boost` ranks the page higher (> 1) or lower (< 1) in Material's search; `search_exclude`
    leaves a page that repeats other pages (timeline, quotes index) out of the index.
    """
    lines = [f"title: {yaml_str(meta_text(title))}", f"description: {yaml_str(meta_text(description[:300]))}"]
    lines += [f"{key}: {yaml_str(value)}" for key, value in extra.items() if value]
    if search_exclude:
        lines += ["search:", "  exclude: true"]
    elif search_boost:
        lines += ["search:", f"  boost: {search_boost:g}"]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def plain_summary(text: object, limit: int = 160) -> str:
    """A one-line plain-text description for meta tags."""
    value = re.sub(r"[*_`\[\]()#<>\"]", "", " ".join(str(text).split()))
    return value if len(value) <= limit else value[: limit - 1].rsplit(" ", 1)[0] + "…"


def plural(count: int, word: str, many: str = "") -> str:
    """`1 event`, `2 events`; `many` for irregular plurals (`person`, `people`)."""
    return f"{count} {word if count == 1 else many or word + 's'}"
