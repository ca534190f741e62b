"""Every generated path, in one place: pages (docs-relative `.md` paths, and their paged parts), the feed,
the downloads and the redirect files at renamed records' old addresses. Other modules ask here instead of
formatting paths themselves. Record ids and release numbers are slugs (schema-checked): safe in paths."""

from __future__ import annotations

from .options import url_path

HOME = "index.md"
TIMELINE = "timeline/index.md"
DATA = "data.md"
CORRECTIONS = "corrections/index.md"
CHANGELOG = "changelog/index.md"
EDITING = "editing/index.md"  # hand-written (docs/), linked from generated pages
REFERENCE = "editing/reference.md"  # written by `make reference` into docs/
FEED = "feed.xml"
ROBOTS = "robots.txt"
SITEMAP = "sitemap.xml"  # written by MkDocs

DOWNLOADS = "downloads"
DATASET = "nato-azerbaijan"  # the stem of the whole-dataset files
DATAPACKAGE_FILE = "datapackage.json"
DB_FILE = f"{DATASET}.db"
DB_METADATA_FILE = f"{DATASET}.metadata.json"


def download(name: str) -> str:
    """A file in the downloads folder."""
    return f"{DOWNLOADS}/{name}"


DATASET_JSON = download(f"{DATASET}.json")
SPREADSHEET = download(f"{DATASET}.xlsx")


def csv_name(table: str) -> str:
    """The CSV file of a collection or a link table (`events_sectors`), in the downloads folder."""
    return f"{table}.csv"


def csv_path(table: str) -> str:
    return download(csv_name(table))


def schema_path(name: str) -> str:
    """The published copy of a JSON Schema file (`events.schema.json`)."""
    return download(f"schemas/{name}")


def page_of(collection: str, record_id: str) -> str:
    """A record's page."""
    return f"{collection}/{record_id}.md"


def index_of(collection: str) -> str:
    """A collection's index page (its first page when paged)."""
    return f"{collection}/index.md"


def page_path(index: str, number: int) -> str:
    """Page `number` of a paged overview: `people/index.md` for page 1, `people/page-2.md` for page 2."""
    return index if number == 1 else index.removesuffix("index.md") + f"page-{number}.md"


def timeline_part(year: int, number: int = 1) -> str:
    """The timeline's page for one year, or page `number` of a year split in pages (the overview is TIMELINE)."""
    return f"timeline/{year}.md" if number == 1 else f"timeline/{year}-page-{number}.md"


def corrections_page(number: int) -> str:
    return page_path(CORRECTIONS, number)


def release_page(version: str, number: int = 1) -> str:
    """A release's page in the changelog, and its paged parts."""
    return f"changelog/{version}.md" if number == 1 else f"changelog/{version}-page-{number}.md"


def redirect_file(collection: str, old_id: str, directory_urls: bool) -> str:
    """The built file behind the URL a renamed record's page had (`people/x/index.html` or `people/x.html`)."""
    path = url_path(page_of(collection, old_id), directory_urls)
    return path + "index.html" if path.endswith("/") else path
