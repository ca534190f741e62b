"""Permalinks and the "Cite this record" block: plain text and BibTeX, accessed on the data release date."""

from __future__ import annotations

import re

from ..model import registry
from ..model.records import Record
from .escape import bibtex_text
from .model import Site, stamp_of


def bibtex_key(collection: str, record_id: str) -> str:
    return "natoaz:" + re.sub(r"[^a-z0-9-]", "-", f"{collection}-{record_id}")


def plain_citation(site: Site, collection: str, record: Record, title: str) -> str:
    options = site.options
    stamp = stamp_of(record)
    version = f", version of {stamp.human()}" if stamp else ""
    kind = registry.collection(collection).label
    return (f"{options.site_author}. “{' '.join(title.split())}.” {kind} record {record.id}"
            f"{version}. {options.site_name}{_release(site)}. {site.permalink(collection, record.id)} "
            f"(accessed {site.release.human()}).")


def _release(site: Site) -> str:
    return f", dataset release {site.version}" if site.version else ""


def _when(site: Site) -> str:
    return f"{site.version}, {site.release.human()}" if site.version else site.release.human()


def bibtex_entry(site: Site, collection: str, record: Record, title: str) -> str:
    options = site.options
    stamp = stamp_of(record) or site.release
    fields = [("author", "{" + bibtex_text(options.site_author) + "}"), ("title", "{" + bibtex_text(title) + "}"),
              ("howpublished", bibtex_text(options.site_name + _release(site))), ("year", str(stamp.year)),
              ("url", site.permalink(collection, record.id)), ("urldate", site.release.iso()),
              ("note", bibtex_text(f"{registry.collection(collection).label} record {record.id}, licence CC BY 4.0"))]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{bibtex_key(collection, record.id)},\n{body}\n}}"


def _code(text: str) -> str:
    """An indented Markdown code block (copied verbatim, no Markdown or HTML inside)."""
    return "\n".join("    " + line for line in text.splitlines())


def cite_section(site: Site, collection: str, record: Record, title: str) -> str:
    url = site.permalink(collection, record.id)
    return "\n".join([
        "## Cite this record {#cite data-search-exclude}", "",
        f"**Permalink:** {f'<{url}>' if url.startswith('http') else f'`{url}`'}", "",
        "Plain text:", "", _code(plain_citation(site, collection, record, title)), "",
        "BibTeX:", "", _code(bibtex_entry(site, collection, record, title)), "",
        f"The access date is the date of this data release ({_when(site)}).", "",
    ])
