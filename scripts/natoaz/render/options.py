"""Site-wide settings the pages need (absolute URLs, names): passed in, never read from MkDocs."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..load.config import read_config

DEFAULT_NAME = "NATO–Azerbaijan cooperation"
DEFAULT_AUTHOR = "NATO–Azerbaijan reference site editors"
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
_WEB_URL = re.compile(r"https?://[^\s<>\"'`()\[\]{}\\]+")


@dataclass(frozen=True)
class SiteOptions:
    site_url: str = ""  # e.g. https://example.org/nato-azerbaijan/ ; empty: root-relative permalinks
    site_name: str = DEFAULT_NAME
    site_author: str = DEFAULT_AUTHOR
    directory_urls: bool = True  # MkDocs `use_directory_urls`
    repository: str = ""  # where the data and code live (mkdocs.yml `extra.repository`); empty: not shown
    language: str = "en"  # the edition's language: the theme's (`theme.language` in the MkDocs config)

    def __post_init__(self) -> None:
        url = (self.site_url or "").strip()
        object.__setattr__(self, "site_url", url.rstrip("/") + "/" if url else "")
        object.__setattr__(self, "site_name", self.site_name or DEFAULT_NAME)
        object.__setattr__(self, "site_author", self.site_author or DEFAULT_AUTHOR)
        repository = (self.repository or "").strip().rstrip("/")
        if repository and not _WEB_URL.fullmatch(repository):
            raise ValueError(f"repository address {repository!r} is not a plain http(s) URL (REPO_URL)")
        object.__setattr__(self, "repository", repository)

    def url(self, page: str) -> str:
        """Absolute URL of a docs-relative file (`events/x.md` → `https://…/events/x/`)."""
        return (self.site_url or "/") + url_path(page, self.directory_urls)


def url_path(page: str, directory_urls: bool = True) -> str:
    """The URL path MkDocs gives a docs-relative file, without a leading slash."""
    if not page.endswith(".md"):
        return page
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index") if directory_urls else stem + ".html"
    return stem + "/" if directory_urls else stem + ".html"


def options_from_config(config: Mapping[str, Any], site_url: str | None = None) -> SiteOptions:
    """The settings the pages need from a MkDocs configuration (as MkDocs resolved it, or `read_config`)."""
    extra = config.get("extra")
    repository = extra.get("repository") if isinstance(extra, Mapping) else None
    try:  # a dict from read_config, or MkDocs' Theme object
        language = config.get("theme")["language"]  # type: ignore[index]
    except (KeyError, TypeError):
        language = None
    return SiteOptions(site_url=site_url if site_url is not None else str(config.get("site_url") or ""),
                       language=str(language or "en"),
                       site_name=str(config.get("site_name") or ""),
                       site_author=str(config.get("site_author") or ""),
                       directory_urls=bool(config.get("use_directory_urls", True)),
                       repository=str(repository or ""))


def options_from_mkdocs_yml(path: Path, site_url: str | None = None,
                            environ: Mapping[str, str] | None = None) -> SiteOptions:
    """The settings MkDocs would pass to the hook, read from its config file (for the command-line twin)."""
    return options_from_config(read_config(path, environ), site_url)
