"""The Data page: licence, downloads at stable paths, the feed, how to cite the dataset."""

from __future__ import annotations

from .. import SCHEMA_VERSION
from ..model.registry import NAMES
from . import jsonld
from .changelog import PAGE as CHANGELOG
from .database import DB_FILE, METADATA_FILE
from .datapackage import FILE as PACKAGE_FILE
from .downloads import FOLDER, JSON_FILE, LIST_SEPARATOR, csv_path, schema_path
from .escape import bibtex_text, esc
from .feed import FEED, MAX_ENTRIES
from .model import Site, date_of, release_label
from .options import LICENCE, LICENCE_URL
from .spreadsheet import FILE as SPREADSHEET
from .text import front_matter, link

PAGE = "data.md"
DESCRIPTION = ("The NATO–Azerbaijan reference data as JSON and CSV under CC BY 4.0, with its JSON Schemas "
               "and an Atom feed of additions and corrections.")


def _size(content: str | bytes) -> str:
    size = len(content.encode("utf-8") if isinstance(content, str) else content)
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{size / 1024:.1f} kB" if size >= 1024 else f"{size} bytes"


def _describe(path: str) -> tuple[str, str]:
    """(format, contents) of a file under downloads/."""
    name = path.removeprefix(FOLDER + "/")
    if path == JSON_FILE:
        return "JSON", "the whole dataset in one object: every record of every collection"
    if name == PACKAGE_FILE:
        return "JSON (Frictionless Data Package)", "describes the CSV files: fields, types, keys, links"
    if name == DB_FILE:
        return "SQLite", "every collection as a table, link tables, foreign keys, full-text search"
    if name == METADATA_FILE:
        return "JSON (Datasette metadata)", f"titles, descriptions and licence for `datasette {DB_FILE}`"
    if path == SPREADSHEET:
        return "Excel (.xlsx)", "the whole dataset: a sheet per collection with readable names beside ids, " \
                                "the disagreements, and a first sheet explaining every column"
    if name.startswith("schemas/"):
        return "JSON Schema", f"the fields of {name.removeprefix('schemas/').split('.')[0]}"
    stem = name.removesuffix(".csv")
    if stem in NAMES:
        return "CSV", f"{stem}: one row per record"
    owner, _, field = stem.partition("_")
    return "CSV", f"links {owner} to their `{field}`: one row per pair"


def download_list(files: dict[str, str | bytes]) -> list[tuple[str, str, str]]:
    """(path, format, contents) of every download: the JSON, the package, the CSVs, the schemas."""
    paths = [p for p in files if p.startswith(FOLDER + "/")]
    order = {JSON_FILE: 0, SPREADSHEET: 0.5, f"{FOLDER}/{PACKAGE_FILE}": 1, f"{FOLDER}/{DB_FILE}": 1.1,
             f"{FOLDER}/{METADATA_FILE}": 1.2}
    collections = [csv_path(c) for c in NAMES]
    paths.sort(key=lambda p: (order.get(p, 3 if p.startswith(schema_path("")) else 2),
                              collections.index(p) if p in collections else len(collections), p))
    return [(p, *_describe(p)) for p in paths]


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
FRICTIONLESS_EXAMPLE = """from frictionless import Package

package = Package("{base}datapackage.json")
for row in package.get_resource("quotes").read_rows()[:3]:
    print(row["date"], row["speaker"], row["text"][:60])"""


def _code(text: str) -> str:
    return "\n".join("    " + line if line else "" for line in text.splitlines())


def examples(site: Site) -> list[str]:
    """How to use the downloads with pandas, Python's sqlite3, Datasette and frictionless."""
    base = site.options.url(FOLDER + "/")
    return [
        "## Use the data {#examples}", "",
        "### SQLite and Datasette", "",
        f"`{DB_FILE}` holds every collection as a table (a group of fields becomes `group_field` columns, lists "
        "are JSON arrays), the link tables, foreign keys between them, and full-text search (FTS5) on titles, "
        "names, summaries, descriptions and quote texts. With Python's built-in `sqlite3`, events that "
        "mention demining:", "", _code(SQLITE_EXAMPLE), "",
        "To browse, facet and query it in a web browser with [Datasette](https://datasette.io/) (the metadata "
        "file adds titles, descriptions and the licence):", "",
        _code(f"pip install datasette\ndatasette {DB_FILE} --metadata {METADATA_FILE}"), "",
        "### pandas", "",
        "The CSV files straight from this site; the link table joins events to their sectors:", "",
        _code(PANDAS_EXAMPLE.format(base=base)), "",
        "### frictionless", "",
        f"Check the CSV files against `{PACKAGE_FILE}` (types, allowed values, keys), then read them typed:", "",
        _code(f"pip install frictionless\nfrictionless validate {base}{PACKAGE_FILE}"), "", "In Python:", "",
        _code(FRICTIONLESS_EXAMPLE.format(base=base)), "",
    ]


def _cite(site: Site) -> list[str]:
    options = site.options
    url = options.url(PAGE)
    version = site.version or site.release.iso()
    key = f"natoaz:dataset-{site.version}" if site.version else "natoaz:dataset"
    plain = (f"{options.site_author}. {options.site_name}: dataset, {release_label(site)}. "
             f"{LICENCE}. {url} (accessed {site.release.human()}).")
    bibtex = "\n".join([
        f"@misc{{{key},", f"  author = {{{{{bibtex_text(options.site_author)}}}}},",
        f"  title = {{{{{bibtex_text(options.site_name)}: dataset}}}},",
        f"  year = {{{site.release.year}}},", f"  version = {{{version}}},",
        f"  url = {{{url}}},", f"  urldate = {{{site.release.iso()}}},", f"  note = {{Licence {LICENCE}}}", "}"])
    lines = ["## Cite the dataset {#cite}", ""]
    if site.version:
        lines += [f"Cite the release you used: its number ({site.version} here) names exactly one state of the data, "
                  "and the [changelog](" + link(PAGE, CHANGELOG) + ") says what each release added and corrected. "
                  "The repository's `CITATION.cff` holds the same citation for reference managers.", ""]
    return lines + ["Plain text:", "", "    " + plain, "", "BibTeX:", "",
                    "\n".join("    " + line for line in bibtex.splitlines()), ""]


def _repository(site: Site) -> list[str]:
    """Where the data and the code live (mkdocs.yml `extra.repository`, REPO_URL); nothing when unset."""
    url = site.options.repository
    if not url:
        return []
    return ["## Source repository {#repository}", "",
            f"The YAML data, the JSON Schemas and the code that builds this site live in one repository: "
            f"<{url}>. Corrections are welcome there, as an issue (with the source that shows the error) "
            "or as a change to the data file.", ""]


def data_page(site: Site, files: dict[str, str | bytes]) -> str:
    here = PAGE
    counts = site.data.counts()
    years = [date_of(e).year for e in site.events]
    span = f"{min(years)}–{max(years)}" if years else "–"
    lines = [
        "# Data and downloads", "",
        f"Everything on this site comes from open data: {sum(counts.values())} records in six collections, "
        f"covering {span}. This page offers the whole dataset for reuse, at addresses that stay the same "
        "from one release to the next.", "",
        "## Licence {#licence}", "",
        f"The data and the text of this site are published under the [Creative Commons Attribution 4.0 "
        f"International licence ({LICENCE})]({LICENCE_URL}): you may copy, adapt and republish them, also "
        f"commercially, if you credit “{esc(site.options.site_author)}” and link to this site. Quotations "
        "remain the words of their speakers, and each record names its sources, which have their own terms.", "",
        "## This release {#release}", "",
        *([f"- Release number: **{site.version}** (semantic versioning: major when a field is removed, renamed or "
           "retyped, minor when records or fields are added, patch for corrections; see the "
           f"[changelog]({link(here, CHANGELOG)}))"] if site.version else []),
        f"- Release date: **{site.release.human()}** (`{site.release.iso()}`), the newest `added` or `updated` "
        "date in the data",
        f"- Data format version (`schema_version`): **{SCHEMA_VERSION}**", "",
        "| Collection | Records | CSV |", "|---|---:|---|",
    ]
    for collection in NAMES:
        path = csv_path(collection)
        lines.append(f"| {collection} | {counts[collection]} | [{path.split('/')[-1]}]({link(here, path)}) "
                     f"({_size(files[path])}) |")
    lines += ["", "## Downloads {#downloads}", "",
              f"Every file is under the {LICENCE} licence (above) and is rebuilt from the data with each release.", "",
              "| File | Format | Size | Licence | Contents |", "|---|---|---:|---|---|"]
    # `{download}` (attribute list): the browser saves the file instead of showing JSON or CSV as raw text
    lines += [f"| [`{p.removeprefix(FOLDER + '/')}`]({link(here, p)}){{download}} | {fmt} | {_size(files[p])} "
              f"| {LICENCE} | {text} |"
              for p, fmt, text in download_list(files)]
    lines += [f"| [`{FEED}`]({link(here, FEED)}) | Atom | {_size(files[FEED])} | {LICENCE} | the {MAX_ENTRIES} "
              "newest additions and corrections |", "",
              "How to use them with sqlite3, Datasette, pandas and frictionless: [Use the data](#examples).", ""]
    lines += [
        "### JSON", "",
        f"`{JSON_FILE}` is one object: `schema_version`, `title`, `release` (the release date), `licence`, "
        "`homepage`, `counts` (records per collection) and `records`, which holds one list per collection "
        "(`sectors`, `sources`, `people`, `programmes`, `events`, `quotes`). Each record has exactly the "
        "fields of its YAML file and is valid against the JSON Schema of its collection. Dates are text with "
        "their precision: `1994`, `1994-05` or `1994-05-04`. Records refer to each other by `id`.", "",
        "### Spreadsheet", "",
        f"`{SPREADSHEET.removeprefix(FOLDER + '/')}` opens in Excel, LibreOffice or Google Sheets: its first "
        "sheet explains every sheet and column and the licence; then one sheet per collection, where each "
        "column of ids has a `_label` column beside it with the names of the records it points to; and a "
        "`disagreements` sheet with one row per reading and its sources. Every cell is text or a number, "
        "never a formula.", "",
        "### CSV", "",
        "UTF-8 with a byte-order mark (so that Excel shows ö, ə and Cyrillic correctly; most other tools "
        "skip it), comma-separated, with a header row. One row per record, one column per field in schema "
        f"order. Lists of ids or names are joined with `{LIST_SEPARATOR}` (e.g. `political-dialogue{LIST_SEPARATOR}"
        "demining`); a group of fields becomes dotted columns (`participation.start`); lists of groups "
        "(`roles`, `disagreements`) are given as JSON text. An empty cell means the field is absent. "
        "Each list of references also comes as a link table with one row per pair (e.g. `events_sectors.csv`: "
        "`event_id`, `sector_id`), ready for joins.", "",
        "A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return starts with an added `'` "
        "(an apostrophe), as [OWASP recommends](https://owasp.org/www-community/attacks/CSV_Injection), so "
        "that a spreadsheet shows the text instead of running it as a formula; remove that apostrophe to get "
        "the exact value, which the JSON file always gives unchanged.", "",
        "### Data Package", "",
        f"[`{PACKAGE_FILE}`]({link(here, FOLDER + '/' + PACKAGE_FILE)}) describes the CSV files as a "
        "[Frictionless Data Package](https://datapackage.org/): each column's type, the required columns, "
        "allowed values, primary keys and the foreign keys between files, all derived from the JSON Schemas. "
        "Tools that read data packages load the files with the right types and can check them.", "",
        "### Feed", "",
        f"[`{FEED}`]({link(here, FEED)}) lists the {MAX_ENTRIES} most recent additions and corrections, newest "
        "first, using the `added` and `updated` dates of the records. Feed readers find it from any page of "
        "this site.", "",
        "### Schemas", "",
        "The JSON Schemas (draft 2020-12) describe every field; the [field reference]"
        f"({link(here, 'editing/reference.md')}) explains them in plain words. `common.schema.json` holds the "
        "shared definitions the others refer to.", "",
    ]
    lines += examples(site)
    lines += _repository(site) + _cite(site)
    downloads = [(JSON_FILE, "application/json", "Whole dataset (JSON)")]
    downloads += [(csv_path(c), "text/csv", f"{c} (CSV)") for c in NAMES]
    description = (f"{DESCRIPTION} Release {site.release.iso()}: "
                   + ", ".join(f"{counts[c]} {c}" for c in NAMES) + ".")
    return front_matter("Data and downloads", description, og_type="website",
                        jsonld=jsonld.dataset(site, description, downloads, PAGE)) + "\n".join(lines)
