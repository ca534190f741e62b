"""The dataset as files at stable paths: one JSON envelope, one CSV per collection, the JSON Schemas."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from .. import SCHEMA_VERSION
from ..model.registry import NAMES
from ..paths import SCHEMA_DIR
from .database import build_database, metadata_json
from .datapackage import datapackage_json
from .escape import csv_cell
from .model import Site
from .options import LICENCE, LICENCE_URL
from .routes import DATAPACKAGE_FILE, DB_FILE, DB_METADATA_FILE, SPREADSHEET, csv_path, download, schema_path
from .routes import DATASET_JSON as JSON_FILE
from .routes import DOWNLOADS as FOLDER
from .spreadsheet import workbook
from .tables import LIST_SEPARATOR, LinkTable, cell_text, columns, link_rows, link_tables

__all__ = ["FOLDER", "JSON_FILE", "LIST_SEPARATOR", "csv_path", "downloads", "schema_path"]


def envelope(site: Site) -> dict[str, Any]:
    """The whole dataset: every record as in the YAML (valid against the schemas), in the site's order."""
    return {
        "schema_version": SCHEMA_VERSION,
        "title": site.options.site_name,
        "release": site.release.iso(),
        "version": site.version,
        "licence": {"name": LICENCE, "url": LICENCE_URL},
        "homepage": site.options.site_url,
        "counts": site.data.counts(),
        "records": {c: [record.data for record in site.sorted(c)] for c in NAMES},
    }


def dataset_json(site: Site) -> str:
    return json.dumps(envelope(site), ensure_ascii=False, indent=2, default=str) + "\n"


BOM = "\ufeff"  # a byte-order mark: Excel then reads the files as UTF-8 (ö, ə, Cyrillic)


def _csv(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def collection_csv(site: Site, collection: str) -> str:
    cols = columns(collection)
    return _csv([c.name for c in cols], [[cell_text(r.get(c.path)) for c in cols] for r in site.sorted(collection)])


def link_csv(site: Site, link: LinkTable) -> str:
    """One row per (record, referenced record) pair of a list of references, e.g. events_sectors.csv."""
    return _csv(list(link.columns), [list(row) for row in link_rows(site.sorted(link.reference.collection), link)])


def schema_files(schema_dir: Path = SCHEMA_DIR) -> dict[str, bytes]:
    return {schema_path(p.name): p.read_bytes() for p in sorted(schema_dir.glob("*.schema.json"))}


def downloads(site: Site) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {JSON_FILE: dataset_json(site)}
    files.update({csv_path(c): collection_csv(site, c) for c in NAMES})
    files.update({csv_path(t.name): link_csv(site, t) for t in link_tables()})
    files[download(DATAPACKAGE_FILE)] = datapackage_json(site)
    files[download(DB_FILE)] = build_database(site)
    files[download(DB_METADATA_FILE)] = metadata_json(site)
    files[SPREADSHEET] = workbook(site)
    files.update(schema_files())
    return files
