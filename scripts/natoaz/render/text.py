"""Markdown helpers: front matter, relative links between pages, short texts (escaping: escape.py)."""

from __future__ import annotations

import re

import yaml

from ..model.text_model import CITATION
from .escape import meta_text
from .i18n import plural as _plural


def link(here: str, target: str, anchor: str = "") -> str:
    """Relative link from page `here` to page `target` (both docs-relative .md paths)."""
    # Plain string work: posixpath.relpath would look up the working directory on every call.
    folders, parts = here.split("/")[:-1], target.split("/")
    common = 0
    while common < len(folders) and common < len(parts) - 1 and folders[common] == parts[common]:
        common += 1
    rel = "/".join([".."] * (len(folders) - common) + parts[common:])
    return rel + (f"#{anchor}" if anchor else "")


class _Quoted(str):
    """A front-matter value: written double-quoted on one line."""


# libyaml's emitter when PyYAML has it (the pure-Python one was a fifth of the render); same output.
_BaseDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_UNLIMITED = -1 if _BaseDumper is not yaml.SafeDumper else float("inf")  # libyaml reads a width < 0 as unlimited


class _FrontMatter(_BaseDumper):  # type: ignore[valid-type,misc]
    pass


_FrontMatter.add_representer(_Quoted, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", str(text),
                                                                                   style='"'))


def front_matter(title: str, description: str, search_boost: float = 0, search_exclude: bool = False,
                 search_title_only: bool = False, **extra: str) -> str:
    """YAML front matter and the blank line after it; see `front_matter_block`."""
    return front_matter_block(title, description, search_boost, search_exclude, search_title_only, **extra) + "\n\n"


def front_matter_block(title: str, description: str, search_boost: float = 0, search_exclude: bool = False,
                       search_title_only: bool = False, **extra: str) -> str:
    """YAML front matter from `---` to `---`; `extra` keys (e.g. `og_type`, `jsonld`) are read by overrides/main.html.

    `search_boost` ranks the page higher (> 1) or lower (< 1) in Material's search; `search_exclude`
    leaves a page that repeats other pages (timeline, quotes index) out of the index; with
    `search_title_only` the site search (natoaz/search/markup.py) indexes its title alone.
    """
    data: dict[str, object] = {"title": _Quoted(meta_text(title)), "description": _Quoted(meta_text(description[:300]))}
    data.update({key: _Quoted(" ".join(value.split())) for key, value in extra.items() if value})
    if search_exclude:
        data["search"] = {"exclude": True, "title_only": True} if search_title_only else {"exclude": True}
    elif search_boost:
        data["search"] = {"boost": int(search_boost) if float(search_boost).is_integer() else search_boost}
    body = yaml.dump(data, Dumper=_FrontMatter, allow_unicode=True, sort_keys=False, width=_UNLIMITED)
    return f"---\n{body}---"


_CITATION_SPACED = re.compile(r"\s*" + CITATION.pattern)


def plain_summary(text: object, limit: int = 160) -> str:
    """A one-line plain-text description for meta tags."""
    value = re.sub(r"[*_`\[\]()#<>\"]", "", " ".join(_CITATION_SPACED.sub("", str(text)).split()))
    return value if len(value) <= limit else value[: limit - 1].rsplit(" ", 1)[0] + "…"


def plural(count: int, word: str, many: str = "") -> str:
    """`1 event`, `2 events` (`185 hadisə` in Azerbaijani: i18n.plural); `many` for irregular plurals
    (`person`, `people`)."""
    return _plural(count, word, many or word + "s")
