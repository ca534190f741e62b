"""Markdown helpers: escaping untrusted text and relative links between pages."""

from __future__ import annotations

import html
import posixpath
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
    rel = posixpath.relpath(target, posixpath.dirname(here) or ".")
    return rel + (f"#{anchor}" if anchor else "")


def meta_text(value: str) -> str:
    """Text for page meta (title, description): MkDocs' templates print it unescaped into HTML."""
    return html.escape(" ".join(value.split()), quote=False).replace('"', "&quot;")


def yaml_str(value: str) -> str:
    """A YAML double-quoted scalar on one line."""
    return '"' + " ".join(value.split()).replace("\\", "\\\\").replace('"', '\\"') + '"'


def front_matter(title: str, description: str, **extra: str) -> str:
    """YAML front matter; `extra` keys (e.g. `og_type`, `jsonld`) are read by overrides/main.html."""
    lines = [f"title: {yaml_str(meta_text(title))}", f"description: {yaml_str(meta_text(description[:300]))}"]
    lines += [f"{key}: {yaml_str(value)}" for key, value in extra.items() if value]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def plain_summary(text: object, limit: int = 160) -> str:
    """A one-line plain-text description for meta tags."""
    value = re.sub(r"[*_`\[\]()#<>\"]", "", " ".join(str(text).split()))
    return value if len(value) <= limit else value[: limit - 1].rsplit(" ", 1)[0] + "…"
