"""Redirect pages at the old address of every record whose id changed (`former_ids`).

A plain HTML file at the URL the old page had: a relative link and a same-site meta refresh to the
record's page, and a canonical link to it; a Content Security Policy that allows nothing to load.
Ids are slugs (schema-checked), so they are safe in paths.
"""

from __future__ import annotations

from .model import Site
from .options import url_path
from .routes import page_of, redirect_file
from .templates import render


def _relative(from_file: str, to_path: str) -> str:
    depth = from_file.count("/")
    return "../" * depth + to_path


def redirects(site: Site) -> dict[str, str]:
    directory_urls = site.options.directory_urls
    files = {}
    for collection in site.data.records:
        for record in site.sorted(collection):
            for old in record.data.get("former_ids") or []:
                here = redirect_file(collection, old, directory_urls)
                target = _relative(here, url_path(page_of(collection, record.id), directory_urls))
                files[here] = render("redirect.html.j2", title=site.label(collection, record.id),
                                     canonical=site.permalink(collection, record.id), target=target,
                                     language=site.options.language) + "\n"
    return files
