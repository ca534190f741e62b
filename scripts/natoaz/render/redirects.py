"""Redirect pages at the old address of every record whose id changed (`former_ids`).

A plain HTML file at the URL the old page had: a relative link and a same-site meta refresh to the
record's page, and a canonical link to it; a Content Security Policy that allows nothing to load.
Ids are slugs (schema-checked), so they are safe in paths.
"""

from __future__ import annotations

from .model import Site, page_of
from .options import url_path
from .text import attr

TEMPLATE = """<!doctype html>
<html lang="en">
<head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; base-uri 'none'; form-action 'none'">
<meta charset="utf-8">
<title>Moved: {title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p>This record has a new address: <a href="{target}">{title}</a>.</p>
</body>
</html>
"""


def _old_file(collection: str, old_id: str, directory_urls: bool) -> str:
    """The built file behind the old page's URL (`people/x/index.html` or `people/x.html`)."""
    path = url_path(page_of(collection, old_id), directory_urls)
    return path + "index.html" if path.endswith("/") else path


def _relative(from_file: str, to_path: str) -> str:
    depth = from_file.count("/")
    return "../" * depth + to_path


def redirects(site: Site) -> dict[str, str]:
    directory_urls = site.options.directory_urls
    files = {}
    for collection in site.data.records:
        for record in site.sorted(collection):
            for old in record.data.get("former_ids") or []:
                here = _old_file(collection, old, directory_urls)
                target = _relative(here, url_path(page_of(collection, record.id), directory_urls))
                files[here] = TEMPLATE.format(title=attr(site.label(collection, record.id)),
                                              canonical=attr(site.permalink(collection, record.id)),
                                              target=attr(target))
    return files
