"""Markdown helpers: escaping untrusted text and relative links between pages."""

from __future__ import annotations

import html
import re

_INLINE = re.compile(r"([\\`*_\[\]|])")


def esc(text: object) -> str:
    """Plain text for inline Markdown: no markup, no raw HTML."""
    value = " ".join(str(text).split())
    return _INLINE.sub(r"\\\1", html.escape(value, quote=False))


def block(text: object) -> str:
    """Editor-written Markdown with raw HTML neutralised (`<script>` shows as text)."""
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
