"""JSON-LD in the built pages: every `<script type="application/ld+json">` block parses, every type
and property exists in schema.org's own definitions and applies where it is used, no superseded
term is used, and each type carries the properties that required.py asks of it."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from .findings import Finding
from .required import REQUIRED
from .vocabulary import Vocabulary, load

MEDIA_TYPE = "application/ld+json"
CONTEXTS = ("https://schema.org", "https://schema.org/")


class _Blocks(HTMLParser):
    """(line, column, text) of each JSON-LD script element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.blocks: list[tuple[int, int, str]] = []
        self._open: tuple[int, int] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and (dict(attrs).get("type") or "").strip().lower() == MEDIA_TYPE:
            line, column = self.getpos()
            self._open, self._text = (line, column + 1), []

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open:
            self.blocks.append((*self._open, "".join(self._text)))
            self._open = None


def blocks(html: str) -> list[tuple[int, int, str]]:
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    return parser.blocks


def _present(value: object) -> bool:
    return value not in (None, "", [], {})


def _types(node: dict) -> list[str]:
    value = node.get("@type")
    return [value] if isinstance(value, str) else [t for t in value if isinstance(t, str)] if isinstance(
        value, list) else []


def _type_problems(node: dict, types: list[str], known: list[str], vocab: Vocabulary, top: bool,
                   here: str) -> list[str]:
    """Each @type exists, is current, has an entry in required.py, and the node has its required properties."""
    problems = []
    for name in types:
        if name not in known:
            problems.append(f"{here}: type {name!r} does not exist in schema.org")
            continue
        if name in vocab.superseded:
            problems.append(f"{here}: type {name!r} is superseded by {vocab.superseded[name]}")
        rule = REQUIRED.get(name)
        if rule is None:
            problems.append(f"{here}: type {name!r} has no entry in natoaz/standards/required.py; "
                            "decide which properties it needs")
            continue
        missing = [p for p in rule.always + (rule.page if top else ()) if not _present(node.get(p))]
        if missing:
            problems.append(f"{here}: {name} lacks {', '.join(map(repr, missing))}; required because: {rule.reason}")
    return problems


def _property_problem(prop: str, path: str, types: list[str], known: list[str], vocab: Vocabulary) -> str:
    """Why a property is wrong on this node ("" when it is fine)."""
    if not vocab.is_property(prop):
        return f"{path}: property {prop!r} does not exist in schema.org"
    if prop in vocab.superseded:
        return f"{path}: property {prop!r} is superseded by {vocab.superseded[prop]}"
    if known and not any(vocab.applies(prop, t) for t in known):
        return (f"{path}: property {prop!r} is not defined for {'/'.join(types)} "
                f"(schema.org defines it on {', '.join(sorted(vocab.domains[prop])) or 'nothing'})")
    return ""


def check_node(node: dict, vocab: Vocabulary, top: bool = True, where: str = "") -> list[str]:
    """Problems of one node and the nodes inside it, as messages (`where` is the path to the node)."""
    here = where or "the block"
    types = _types(node)
    if not types:
        return [f"{here}: an object without @type"]
    known = [name for name in types if vocab.is_type(name)]
    problems = _type_problems(node, types, known, vocab, top, here)
    for prop, value in node.items():
        if prop.startswith("@"):
            continue
        path = f"{where}.{prop}" if where else prop
        problems += filter(None, [_property_problem(prop, path, types, known, vocab)])
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            if isinstance(item, dict):
                sub = f"{path}[{index}]" if isinstance(value, list) else path
                problems.extend(check_node(item, vocab, top=False, where=sub))
    return problems


def check_block(text: str, vocab: Vocabulary) -> list[str]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return [f"does not parse as JSON: {exc.msg} (line {exc.lineno}, column {exc.colno} of the block)"]
    nodes = data if isinstance(data, list) else [data]
    problems = []
    for node in nodes:
        if not isinstance(node, dict):
            problems.append("a block holds something other than an object")
            continue
        if node.get("@context") not in CONTEXTS:
            problems.append(f"@context is {node.get('@context')!r}, not 'https://schema.org'")
        problems.extend(check_node(node, vocab))
    return problems


def check_page(html: str, label: str, vocab: Vocabulary) -> tuple[list[Finding], list[str]]:
    """Findings of one page and the types of its blocks' top nodes."""
    findings, types = [], []
    for line, column, text in blocks(html):
        findings.extend(Finding(label, line, column, "error", m) for m in check_block(text, vocab))
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            continue
        for node in data if isinstance(data, list) else [data]:
            if isinstance(node, dict):
                types.extend(_types(node))
    return findings, types


def check_site(site: Path, pages: list[Path] | None = None) -> tuple[list[Finding], dict[str, int]]:
    """Every page's JSON-LD (or only `pages`); also how many blocks of each top-level type."""
    vocab = load()
    findings: list[Finding] = []
    per_type: dict[str, int] = {}
    for page in pages if pages is not None else sorted(site.rglob("*.html")):
        label = page.relative_to(site).as_posix()
        page_findings, types = check_page(page.read_text(encoding="utf-8"), label, vocab)
        findings.extend(page_findings)
        for name in types:
            per_type[name] = per_type.get(name, 0) + 1
    return findings, dict(sorted(per_type.items()))
