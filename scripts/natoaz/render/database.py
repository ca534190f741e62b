"""`downloads/nato-azerbaijan.db`: the dataset as an SQLite database (built with sqlite-utils), and
`downloads/nato-azerbaijan.metadata.json` for Datasette.

One table per collection (columns as in the CSV files, a group's fields as `group_field`; lists as JSON
arrays), one link table per list of references, foreign keys, and full-text search (FTS5) on titles,
names, summaries, descriptions and quote texts. The bytes are deterministic: same data, same file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import sqlite_utils

from ..model.records import Record
from ..model.registry import NAMES
from .model import Site, release_label
from .options import LICENCE, LICENCE_URL
from .routes import DATASET as NAME
from .routes import DB_FILE as DB_FILE
from .routes import DB_METADATA_FILE
from .tables import Column, columns, description, link_rows, link_tables, references

METADATA_FILE = DB_METADATA_FILE  # the name the Data page imports

SEARCHABLE = ("title", "name", "summary", "description", "text")  # full-text search on these columns
LABELS = ("title", "name", "id")  # the first present labels a record in Datasette
_JSON = json.JSONEncoder(ensure_ascii=False, default=str).encode  # one encoder (json.dumps makes one per call)
_TYPES = {"string": str, "boolean": int, "integer": int, "number": float, "list": str, "json": str}


def column_name(column: Column) -> str:
    return column.name.replace(".", "_")


def _value(column: Column, record: Record) -> Any:
    value = record.get(column.path)
    if value is None:
        return None
    if column.kind in ("list", "json"):
        return _JSON(value)
    if column.kind == "boolean":
        return int(bool(value))
    return value if isinstance(value, (int, float)) else str(value)


def _create(db: sqlite_utils.Database, collection: str) -> None:
    cols = columns(collection)
    db[collection].create(
        {column_name(c): _TYPES[c.kind] for c in cols}, pk="id",
        not_null={column_name(c) for c in cols if c.required},
        foreign_keys=[(ref.field, ref.target, "id") for ref in references(collection) if not ref.many])


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _insert(db: sqlite_utils.Database, table: str, names: list[str], rows: Iterable[Sequence[Any]]) -> None:
    """Rows into a table made by `_create`, in one statement run by SQLite's own loop (sqlite-utils'
    insert_all handles each row in Python: most of the database's build time)."""
    sql = f"INSERT INTO {_quoted(table)} ({', '.join(map(_quoted, names))}) VALUES ({', '.join('?' * len(names))})"
    with db.conn:  # committed, as insert_all does (VACUUM refuses to run inside a transaction)
        db.conn.executemany(sql, rows)


def build_database(site: Site) -> bytes:
    """The database file's bytes."""
    db = sqlite_utils.Database(memory=True)
    for collection in NAMES:
        _create(db, collection)
        cols = columns(collection)
        _insert(db, collection, [column_name(c) for c in cols],
                ([_value(c, r) for c in cols] for r in site.sorted(collection)))
        searchable = [column_name(c) for c in cols if c.name in SEARCHABLE]
        if searchable:
            db[collection].enable_fts(searchable, fts_version="FTS5", tokenize="porter")
    for link in link_tables():
        ref = link.reference
        own, other = link.columns
        table = db[link.name]
        table.create({own: str, other: str}, pk=(own, other), not_null={own, other},
                     foreign_keys=[(own, ref.collection, "id"), (other, ref.target, "id")])
        _insert(db, link.name, [own, other], link_rows(site.sorted(ref.collection), link))
        table.create_index([other])
    db.execute("VACUUM")
    return db.conn.serialize()


def _label(collection: str) -> str:
    names = [c.name for c in columns(collection)]
    return next(name for name in LABELS if name in names)


def datasette_metadata(site: Site) -> dict[str, Any]:
    """Titles, descriptions, licence and source for `datasette nato-azerbaijan.db -m <this file>`."""
    options = site.options
    tables: dict[str, Any] = {}
    for collection in NAMES:
        tables[collection] = {
            "description": description(collection),
            "label_column": _label(collection),
            "columns": {column_name(c): c.node["description"] for c in columns(collection)
                        if c.node.get("description")},
        }
    for link in link_tables():
        ref = link.reference
        tables[link.name] = {"description": f"Links {ref.collection} to {ref.target} "
                                            f"(the `{ref.field}` list): one row per pair."}
    return {
        "title": f"{options.site_name}: dataset",
        "description": (f"Sourced records of NATO–Azerbaijan cooperation, {release_label(site)}. "
                        "Lists are JSON arrays; link tables give the same references one pair per row."),
        "license": LICENCE,
        "license_url": LICENCE_URL,
        "source": options.site_name,
        "source_url": options.site_url or "/",
        "databases": {NAME: {"tables": tables}},
    }


def metadata_json(site: Site) -> str:
    return json.dumps(datasette_metadata(site), ensure_ascii=False, indent=2) + "\n"
