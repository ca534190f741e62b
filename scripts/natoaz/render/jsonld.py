"""schema.org JSON-LD for the pages where a type fits: Person, Quotation and Dataset.

The JSON travels in the page's front matter (`jsonld:`) and overrides/main.html prints it in a
`<script type="application/ld+json">` in the page head.
"""

from __future__ import annotations

from ..model.records import Record
from .escape import json_script
from .model import Site, date_of
from .options import LICENCE_URL

CONTEXT = "https://schema.org"


def _source_urls(site: Site, record: Record) -> list[str]:
    return [str(site.record("sources", s).data.get("url")) for s in record.cited_sources]


def person(site: Site, record: Record) -> str:
    d = record.data
    organisations = sorted({str(r["organisation"]) for r in d.get("roles") or []})
    data = {"@context": CONTEXT, "@type": "Person", "name": d["name"], "url": site.permalink("people", record.id)}
    if d.get("other_names"):
        data["alternateName"] = list(d["other_names"])
    data["jobTitle"] = [f"{r['title']}, {r['organisation']}" for r in d.get("roles") or []]
    data["affiliation"] = [{"@type": "Organization", "name": o} for o in organisations]
    return json_script(data)


def quotation(site: Site, record: Record) -> str:
    d = record.data
    data: dict = {"@context": CONTEXT, "@type": "Quotation", "text": d["text"],
                  "url": site.permalink("quotes", record.id), "dateCreated": date_of(record).iso(),
                  "inLanguage": d["language"]}
    speaker = site.data["people"].get(d["speaker"])
    creator = {"@type": "Person", "name": speaker.data["name"] if speaker else d["speaker"]}
    if speaker:
        creator["url"] = site.permalink("people", d["speaker"])
    data["creator"] = creator
    data["citation"] = _source_urls(site, record)
    return json_script(data)


# The page builders per schema.org type; the registry names each collection's type.
BUILDERS = {"Person": person, "Quotation": quotation}


def _version(site: Site) -> dict:
    return {"version": site.version} if site.version else {}


def dataset(site: Site, description: str, downloads: list[tuple[str, str, str]], data_page: str) -> str:
    """`downloads`: (docs-relative path, media type, name) for each distribution."""
    options = site.options
    years = [date_of(e).year for e in site.events]
    data: dict = {"@context": CONTEXT, "@type": "Dataset", "name": options.site_name, "description": description,
                  "url": options.url(data_page), "license": LICENCE_URL, "isAccessibleForFree": True,
                  "creator": {"@type": "Organization", "name": options.site_author},
                  "dateModified": site.release.iso(), "inLanguage": "en", **_version(site),
                  "keywords": ["NATO", "Azerbaijan", "Partnership for Peace", "defence cooperation"],
                  "spatialCoverage": {"@type": "Place", "name": "Azerbaijan"}}
    if years:
        data["temporalCoverage"] = f"{min(years)}/{max(years)}"
    data["distribution"] = [{"@type": "DataDownload", "name": name, "encodingFormat": media,
                             "contentUrl": options.url(path)} for path, media, name in downloads]
    return json_script(data)
