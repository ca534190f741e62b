"""schema.org's own definitions (a release's schemaorg-current-https.jsonld): which types and
properties exist, which type each property applies to, and which terms are superseded."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from ..paths import ROOT

DEFINITIONS = ROOT / "tools" / "standards" / "schemaorg" / "schemaorg-current-https.jsonld"
PREFIX = "schema:"


def _ids(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value] if value else []
    return [item["@id"] for item in items if isinstance(item, dict) and "@id" in item]


def _names(value: object) -> set[str]:
    return {i[len(PREFIX):] for i in _ids(value) if i.startswith(PREFIX)}


@dataclass(frozen=True)
class Vocabulary:
    parents: dict[str, frozenset[str]]   # type -> its direct supertypes
    domains: dict[str, frozenset[str]]   # property -> types it is defined on (schema:domainIncludes)
    superseded: dict[str, str]           # term -> the term that replaces it

    def is_type(self, name: str) -> bool:
        return name in self.parents

    def is_property(self, name: str) -> bool:
        return name in self.domains

    def ancestors(self, name: str) -> frozenset[str]:
        """The type and every type it inherits from."""
        found = {name}
        for parent in self.parents.get(name, ()):
            found |= self.ancestors(parent)
        return frozenset(found)

    def applies(self, prop: str, type_name: str) -> bool:
        """Is `prop` defined on `type_name` or on one of its supertypes?"""
        return bool(self.domains.get(prop, frozenset()) & self.ancestors(type_name))


def parse(graph: list[dict]) -> Vocabulary:
    parents: dict[str, frozenset[str]] = {}
    domains: dict[str, frozenset[str]] = {}
    superseded: dict[str, str] = {}
    for node in graph:
        node_id = node.get("@id", "")
        if not node_id.startswith(PREFIX):
            continue
        name = node_id[len(PREFIX):]
        kinds = node.get("@type")
        kinds = set(kinds) if isinstance(kinds, list) else {kinds}
        if "rdfs:Class" in kinds:
            parents[name] = frozenset(_names(node.get("rdfs:subClassOf")))
        if "rdf:Property" in kinds:
            domains[name] = frozenset(_names(node.get("schema:domainIncludes")))
        replacement = _names(node.get("schema:supersededBy"))
        if replacement:
            superseded[name] = ", ".join(sorted(replacement))
    return Vocabulary(parents, domains, superseded)


@functools.cache
def load(path: Path = DEFINITIONS) -> Vocabulary:
    return parse(json.loads(path.read_text(encoding="utf-8"))["@graph"])
