"""The editors' field reference, generated from the JSON Schemas.

It is committed as docs/editing/reference.md (readable on GitHub and in an editor); `make reference`
rewrites it and a test fails when it is out of step with the schemas.
"""

from __future__ import annotations

from ..model.registry import NAMES
from ..model.schema import expanded
from ..paths import ROOT
from .escape import block
from .routes import REFERENCE as PAGE
from .text import front_matter

FILE = ROOT / "docs" / PAGE


def _type(node: dict) -> str:
    if "enum" in node:
        return "one of " + ", ".join(f"`{v}`" for v in node["enum"])
    if node.get("format") == "partial-date":
        return "date"
    if "anyOf" in node:
        return "date or `undated`"
    kind = node.get("type", "")
    return {"array": "list", "object": "fields", "string": "text", "boolean": "true/false"}.get(kind, kind)


def _rows(node: dict, collection: str, prefix: str = "") -> list[str]:
    rows = []
    required = set(node.get("required", []))
    for name, sub in node.get("properties", {}).items():
        full = f"{prefix}{name}"
        meaning = block(sub.get("description", "")).replace("|", "\\|")
        rows.append(f"| `{full}` | {'yes' if name in required else ''} | {_type(sub)} | {meaning} |")
        if sub.get("type") == "object":
            rows += _rows(sub, collection, f"{full}.")
        items = sub.get("items", {})
        if sub.get("type") == "array" and items.get("type") == "object":
            rows += _rows(items, collection, f"{full}[].")
    return rows


def field_reference() -> str:
    lines = ["# Field reference", "",
             "Generated from the JSON Schemas in `schemas/`, which validation also uses, by `make reference`; "
             "a test fails when this page and the schemas differ. How to use the fields, with examples: "
             "the [editing guide](index.md).", ""]
    for collection in NAMES:
        schema = expanded(collection)
        lines += [f"## {schema['title']} (`data/{collection}/`) {{#{collection}}}", "",
                  block(schema["description"]), "",
                  f"Schema: `schemas/{collection}.schema.json`", "",
                  "| Field | Required | Type | Meaning |", "|---|---|---|---|"]
        lines += _rows(schema, collection)
        lines.append("")
    return front_matter("Field reference", "Every field of every data collection, generated from the schemas.") \
        + "\n".join(lines)
