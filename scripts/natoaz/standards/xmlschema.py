"""Loading the vendored schemas and validating XML with lxml (no network: external entities and
DTD loading off)."""

from __future__ import annotations

import functools
from pathlib import Path

from lxml import etree

from ..paths import ROOT
from .findings import Finding

STANDARDS = ROOT / "tools" / "standards"
ATOM_RNG = STANDARDS / "atom" / "atom.rng"
SITEMAP_XSD = STANDARDS / "sitemap" / "sitemap.xsd"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@functools.cache
def relaxng(path: Path = ATOM_RNG) -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(path), _PARSER))


@functools.cache
def xsd(path: Path = SITEMAP_XSD) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(path), _PARSER))


def parse(data: bytes, label: str) -> tuple[etree._ElementTree | None, list[Finding]]:
    try:
        return etree.ElementTree(etree.fromstring(data, _PARSER)), []
    except etree.XMLSyntaxError as exc:
        line, column = exc.position
        return None, [Finding(label, line, column, "error", f"not well-formed XML: {exc.msg}")]


def validate(tree: etree._ElementTree, schema: etree._Validator, label: str) -> list[Finding]:
    if schema.validate(tree):
        return []
    return [Finding(label, e.line, e.column, "error", e.message) for e in schema.error_log]
