"""The dataset as files at stable paths: one JSON envelope, one CSV per collection, the JSON Schemas."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from .. import SCHEMA_VERSION
from ..model.schema import expanded
from ..paths import COLLECTIONS, SCHEMA_DIR
from .model import Site
from .options import LICENCE, LICENCE_URL

FOLDER = "downloads"
JSON_FILE = f"{FOLDER}/nato-azerbaijan.json"
LIST_SEPARATOR = ";"


def csv_path(collection: str) -> str:
    return f"{FOLDER}/{collection}.csv"


def schema_path(name: str) -> str:
    return f"{FOLDER}/schemas/{name}"


def envelope(site: Site) -> dict[str, Any]:
    """The whole dataset: every record as in the YAML (valid against the schemas), in the site's order."""
    return {
        "schema_version": SCHEMA_VERSION,
        "title": site.options.site_name,
        "release": site.release.iso(),
        "licence": {"name": LICENCE, "url": LICENCE_URL},
        "homepage": site.options.site_url,
        "counts": site.data.counts(),
        "records": {c: [record.data for record in site.sorted(c)] for c in COLLECTIONS},
    }


def dataset_json(site: Site) -> str:
    return json.dumps(envelope(site), ensure_ascii=False, indent=2, default=str) + "\n"


def csv_columns(collection: str) -> list[str]:
    """Top-level fields in schema order; a group of fields (e.g. `participation`) becomes dotted columns."""
    columns = []
    for name, node in expanded(collection).get("properties", {}).items():
        if node.get("type") == "object" and node.get("properties"):
            columns += [f"{name}.{sub}" for sub in node["properties"]]
        else:
            columns.append(name)
    return columns


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            return LIST_SEPARATOR.join(_cell(v) for v in value)
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return str(value)


def _lookup(data: dict, column: str) -> Any:
    value: Any = data
    for part in column.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def collection_csv(site: Site, collection: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    columns = csv_columns(collection)
    writer.writerow(columns)
    for record in site.sorted(collection):
        writer.writerow([_cell(_lookup(record.data, column)) for column in columns])
    return buffer.getvalue()


def schema_files(schema_dir: Path = SCHEMA_DIR) -> dict[str, bytes]:
    return {schema_path(p.name): p.read_bytes() for p in sorted(schema_dir.glob("*.schema.json"))}


def downloads(site: Site) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {JSON_FILE: dataset_json(site)}
    files.update({csv_path(c): collection_csv(site, c) for c in COLLECTIONS})
    files.update(schema_files())
    return files
