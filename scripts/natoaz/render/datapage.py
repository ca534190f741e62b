"""The Data page: licence, downloads at stable paths, the feed, how to use and cite the dataset."""

from __future__ import annotations

from markupsafe import Markup

from .. import SCHEMA_VERSION
from ..model import registry
from ..model.registry import NAMES
from . import jsonld
from .cite import bibtex
from .escape import bibtex_text
from .feed import MAX_ENTRIES
from .i18n import t
from .model import Site, date_of
from .options import LICENCE, LICENCE_URL
from .routes import (
    CHANGELOG,
    DATA,
    DATAPACKAGE_FILE,
    DATASET_JSON,
    DB_FILE,
    DB_METADATA_FILE,
    FEED,
    REFERENCE,
    SPREADSHEET,
    csv_path,
    download,
    schema_path,
)
from .tables import LIST_SEPARATOR
from .templates import render
from .text import link


def _kind(path: str) -> dict[str, str]:
    """What a file under downloads/ is (its `kind`, and the collection or field it is about): the template
    says it in words."""
    name = path.removeprefix(download(""))
    kinds = {DATASET_JSON: "json", download(DATAPACKAGE_FILE): "package", download(DB_FILE): "database",
             download(DB_METADATA_FILE): "metadata", SPREADSHEET: "spreadsheet"}
    if path in kinds:
        return {"kind": kinds[path]}
    if name.startswith("schemas/"):
        return {"kind": "schema", "subject": name.removeprefix("schemas/").split(".")[0]}
    stem = name.removesuffix(".csv")
    if stem in NAMES:
        return {"kind": "table", "subject": stem}
    owner, _, field = stem.partition("_")
    return {"kind": "links", "subject": owner, "field": field}


def download_list(files: dict[str, str | bytes]) -> list[str]:
    """The path of every download in the order the page lists them: the JSON, the spreadsheet, the package,
    the database, the CSVs, the schemas."""
    paths = [p for p in files if p.startswith(download(""))]
    order = {DATASET_JSON: 0, SPREADSHEET: 0.5, download(DATAPACKAGE_FILE): 1, download(DB_FILE): 1.1,
             download(DB_METADATA_FILE): 1.2}
    collections = [csv_path(c) for c in NAMES]
    paths.sort(key=lambda p: (order.get(p, 3 if p.startswith(schema_path("")) else 2),
                              collections.index(p) if p in collections else len(collections), p))
    return paths


SQLITE_EXAMPLE = """import sqlite3

db = sqlite3.connect("nato-azerbaijan.db")
query = \"\"\"select e.date, e.title from events_fts
           join events e on e.rowid = events_fts.rowid
           where events_fts match ? order by e.date\"\"\"
for date, title in db.execute(query, ["demining"]):
    print(date, title)"""
PANDAS_EXAMPLE = """import pandas as pd

base = "{base}"
events = pd.read_csv(base + "events.csv", dtype=str, keep_default_na=False)
pairs = pd.read_csv(base + "events_sectors.csv")
per_sector = pairs.merge(events, left_on="event_id", right_on="id").groupby("sector_id").size()
print(per_sector.sort_values(ascending=False))"""
DATASETTE_EXAMPLE = """pip install datasette
datasette {db} --metadata {metadata}"""
FRICTIONLESS_CHECK = """pip install frictionless
frictionless validate {base}{package}"""
FRICTIONLESS_EXAMPLE = """from frictionless import Package

package = Package("{base}datapackage.json")
for row in package.get_resource("quotes").read_rows()[:3]:
    print(row["date"], row["speaker"], row["text"][:60])"""


def _bytes(content: str | bytes) -> int:
    return len(content.encode("utf-8") if isinstance(content, str) else content)


def _file(here: str, path: str, files: dict[str, str | bytes]) -> dict[str, object]:
    return {"name": path.removeprefix(download("")), "href": link(here, path), "bytes": _bytes(files[path])}


def _bibtex(site: Site) -> str:
    options = site.options
    key = f"natoaz:dataset-{site.version}" if site.version else "natoaz:dataset"
    return bibtex(key, [("author", "{" + bibtex_text(t(options.site_author)) + "}"),
                        ("title", "{" + bibtex_text(t("{name}: dataset", name=t(options.site_name))) + "}"),
                        ("year", str(site.release.year)), ("version", site.version or site.release.iso()),
                        ("url", options.url(DATA)), ("urldate", site.release.iso()),
                        ("note", bibtex_text(t("Licence {licence}", licence=LICENCE)))])


def _citation(site: Site) -> str:
    """The dataset's plain-text citation (for a code block: plain text, not escaped)."""
    options, release = site.options, site.release.human()
    words = (t("release {version} of {date}", version=site.version, date=release) if site.version
             else t("release of {date}", date=release))
    return t("{author}. {name}: dataset, {release}. {licence}. {url} (accessed {date}).", author=t(options.site_author),
             name=t(options.site_name), release=words, licence=LICENCE, url=options.url(DATA), date=release)


def data_page(site: Site, files: dict[str, str | bytes]) -> str:
    """Python computes the view; templates/data.md.j2 lays it out and holds its words."""
    here = DATA
    options = site.options
    counts = site.data.counts()
    years = [date_of(e).year for e in site.events]
    base = options.url(download(""))
    downloads = [(DATASET_JSON, "application/json", t("Whole dataset (JSON)"))]
    downloads += [(csv_path(c), "text/csv", t("{collection} (CSV)", collection=t(c))) for c in NAMES]

    def dataset_jsonld(description: Markup) -> str:
        return jsonld.dataset(site, description.unescape(), downloads, DATA)

    # Names and addresses from mkdocs.yml (the project's own, checked by SiteOptions) go into code blocks
    # and an autolink as they are.
    return render(
        "data.md.j2", dataset_jsonld=dataset_jsonld, total=sum(counts.values()),
        span=f"{min(years)}–{max(years)}" if years else "–", licence=LICENCE, licence_url=LICENCE_URL,
        author=t(options.site_author), version=site.version, release=site.release.human(),
        release_iso=site.release.iso(), schema_version=SCHEMA_VERSION,
        collections=[{"collection": c, "singular": registry.collection(c).singular, "count": counts[c],
                      **_file(here, csv_path(c), files)} for c in NAMES],
        downloads=[{**_file(here, p, files), **_kind(p)} for p in download_list(files)],
        feed=_file(here, FEED, files), feed_entries=MAX_ENTRIES, json_file=DATASET_JSON,
        spreadsheet=SPREADSHEET.removeprefix(download("")), separator=LIST_SEPARATOR, package_file=DATAPACKAGE_FILE,
        db_file=DB_FILE, metadata_file=DB_METADATA_FILE, base=Markup(base), datasette_command=f"datasette {DB_FILE}",
        links={"changelog": link(here, CHANGELOG), "package": link(here, download(DATAPACKAGE_FILE)),
               "reference": link(here, REFERENCE)},
        examples={"sqlite": Markup(SQLITE_EXAMPLE), "pandas": Markup(PANDAS_EXAMPLE.format(base=base)),
                  "frictionless": Markup(FRICTIONLESS_EXAMPLE.format(base=base)),
                  "datasette": Markup(DATASETTE_EXAMPLE.format(db=DB_FILE, metadata=DB_METADATA_FILE)),
                  "frictionless_check": Markup(FRICTIONLESS_CHECK.format(base=base, package=DATAPACKAGE_FILE))},
        repository=Markup(options.repository), citation=Markup(_citation(site)), bibtex=Markup(_bibtex(site))) + "\n"
