"""`downloads/datapackage.json`: a Frictionless (Tabular) Data Package describing the CSV files.

One resource per collection and per link table, each with a Table Schema derived from the JSON
Schemas: field types, required fields, enums, patterns and lengths, primary keys and foreign keys.
"""

from __future__ import annotations

import json
from typing import Any

from .. import SCHEMA_VERSION
from ..model.registry import NAMES
from .model import Site
from .options import LICENCE_URL
from .routes import csv_name
from .tables import LIST_SEPARATOR, Column, LinkTable, columns, description, link_tables, references

_TYPES = {"string": "string", "boolean": "boolean", "integer": "integer", "number": "number", "json": "array"}


def whole_match(pattern: str) -> str:
    """A JSON Schema pattern (found anywhere in the text) as a Table Schema pattern (the whole cell)."""
    start = "" if pattern.startswith("^") else ".*"
    end = "" if pattern.endswith("$") and not pattern.endswith("\\$") else ".*"
    core = pattern.removeprefix("^").removesuffix("$") if not end else pattern.removeprefix("^")
    return f"{start}(?:{core}){end}"


def _constraints(column: Column) -> dict[str, Any]:
    node, found = column.node, {}
    if column.required:
        found["required"] = True
    if column.kind == "string":
        if "enum" in node:
            found["enum"] = list(node["enum"])
        if "pattern" in node:
            found["pattern"] = whole_match(node["pattern"])
        for key in ("minLength", "maxLength"):
            if key in node:
                found[key] = node[key]
    return found


def table_field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name}
    if column.kind == "list":
        field.update(type="list", delimiter=LIST_SEPARATOR, itemType="string")
    else:
        field["type"] = _TYPES[column.kind]
    if column.kind == "boolean":
        field.update(trueValues=["true"], falseValues=["false"])
    if column.node.get("description"):
        field["description"] = column.node["description"]
    constraints = _constraints(column)
    if constraints:
        field["constraints"] = constraints
    return field


def collection_resource(collection: str) -> dict[str, Any]:
    foreign_keys = [{"fields": ref.field, "reference": {"resource": "" if ref.target == collection else ref.target,
                                                       "fields": "id"}}
                    for ref in references(collection) if not ref.many]
    schema: dict[str, Any] = {"fields": [table_field(c) for c in columns(collection)], "primaryKey": ["id"]}
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return _resource(collection, description(collection), schema)


def link_resource(link: LinkTable) -> dict[str, Any]:
    ref = link.reference
    own, other = link.columns
    text = {"type": "string", "constraints": {"required": True}}
    schema = {
        "fields": [{"name": own, "description": f"Id of the record in {ref.collection}", **text},
                   {"name": other, "description": f"Id of the record in {ref.target}", **text}],
        "primaryKey": [own, other],
        "foreignKeys": [{"fields": own, "reference": {"resource": ref.collection, "fields": "id"}},
                        {"fields": other, "reference": {"resource": ref.target, "fields": "id"}}],
    }
    return _resource(link.name, f"Links {ref.collection} to {ref.target} (the `{ref.field}` list of "
                                f"{ref.collection}.csv): one row per pair.", schema)


def _resource(name: str, text: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "path": csv_name(name), "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8-sig", "description": text, "schema": schema}


def datapackage(site: Site) -> dict[str, Any]:
    options = site.options
    return {
        "profile": "tabular-data-package",
        "name": "nato-azerbaijan",
        "title": f"{options.site_name}: dataset",
        "description": ("Sourced records of NATO–Azerbaijan cooperation since 1992: events, programmes, quotes, "
                        "people, sectors and sources. Lists of ids in the collection files are joined with "
                        f"`{LIST_SEPARATOR}`; the link tables give the same references one pair per row."),
        "version": site.version or site.release.iso(),
        "created": f"{site.release.first_day.isoformat()}T00:00:00Z",
        "homepage": options.site_url or None,
        "licenses": [{"name": "CC-BY-4.0", "path": LICENCE_URL, "title": "Creative Commons Attribution 4.0"}],
        "contributors": [{"title": options.site_author, "role": "author"}],
        "keywords": ["NATO", "Azerbaijan", "Partnership for Peace", "security cooperation"],
        "x-schema-version": SCHEMA_VERSION,
        "resources": [collection_resource(c) for c in NAMES] + [link_resource(t) for t in link_tables()],
    }


def datapackage_json(site: Site) -> str:
    package = {k: v for k, v in datapackage(site).items() if v is not None}
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"
