"""The dataset as related tables, derived from the JSON Schemas: one table per collection plus one
link table per list of references (many-to-many). The data package and the SQLite database both
describe these tables; the CSV files hold their rows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..model.registry import NAMES, collection
from ..model.schema import ANY, expanded, links

LIST_SEPARATOR = ";"  # joins a list of ids or names in one CSV cell


@dataclass(frozen=True)
class Column:
    name: str  # CSV header: `field` or `group.field`
    node: dict  # the field's JSON Schema, $refs written out
    required: bool

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(self.name.split("."))

    @property
    def kind(self) -> str:
        """`string`, `boolean`, `integer`, `number`, `list` (of scalars) or `json` (list of groups)."""
        node = self.node
        if node.get("type") == "array":
            items = node.get("items") or {}
            return "json" if items.get("type") in ("object", "array") else "list"
        if node.get("type") in ("boolean", "integer", "number"):
            return node["type"]
        return "string"


@dataclass(frozen=True)
class Reference:
    """A field holding the id of a record of `target` (`many`: a list of ids)."""

    collection: str
    field: str
    target: str
    many: bool


@dataclass(frozen=True)
class LinkTable:
    """Rows (record id, referenced id) of one list of references, e.g. events × sectors."""

    reference: Reference

    @property
    def name(self) -> str:
        return f"{self.reference.collection}_{self.reference.field}"

    @property
    def columns(self) -> tuple[str, str]:
        own = f"{collection(self.reference.collection).singular}_id"
        other = f"{collection(self.reference.target).singular}_id"
        return (own, other if other != own else f"{self.reference.field}_id")


@cache
def columns(collection: str) -> tuple[Column, ...]:
    """Top-level fields in schema order; a group of fields (e.g. `participation`) becomes dotted columns."""
    schema = expanded(collection)
    required = set(schema.get("required", []))
    found = []
    for name, node in schema.get("properties", {}).items():
        if name == "translations":  # a column per language and field: `translations.az.title`
            found += [Column(f"{name}.{language}.{sub}", subnode, False)
                      for language, entry in node.get("properties", {}).items()
                      for sub, subnode in entry.get("properties", {}).items()]
            continue
        if node.get("type") == "object" and node.get("properties"):
            inner = set(node.get("required", []))
            found += [Column(f"{name}.{sub}", subnode, name in required and sub in inner)
                      for sub, subnode in node["properties"].items()]
        else:
            found.append(Column(name, node, name in required))
    return tuple(found)


def cell_text(value: Any) -> str:
    """A field's value as the text of one table cell (CSV, spreadsheet): nothing as empty, booleans as
    `true`/`false`, a list of ids or names joined with LIST_SEPARATOR, lists of groups as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value):
        return LIST_SEPARATOR.join(cell_text(v) for v in value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return str(value)


def references(name: str) -> list[Reference]:
    """The collection's references to other records (top-level fields only), as its schema declares them."""
    return [Reference(name, path[0], target, len(path) == 2) for path, target in links(name)
            if len(path) == 1 or (len(path) == 2 and path[1] is ANY)]


def link_tables() -> list[LinkTable]:
    return [LinkTable(ref) for c in NAMES for ref in references(c) if ref.many]


def link_rows(records: list[Any], link: LinkTable) -> list[tuple[str, str]]:
    """(record id, referenced id) pairs in record order, then list order; duplicates dropped."""
    rows: list[tuple[str, str]] = []
    for record in records:
        for ref in dict.fromkeys(record.data.get(link.reference.field) or []):
            rows.append((record.id, ref))
    return rows


def description(collection: str) -> str:
    schema = expanded(collection)
    return str(schema.get("description") or schema.get("title") or collection)
