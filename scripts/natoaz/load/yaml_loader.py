"""Strict YAML loading that keeps the line and column of every value.

Only plain data comes out: mappings, lists, strings, `true`/`false` and null. Numbers and
dates stay as the text the editor typed, so we parse dates ourselves rather than trusting
YAML's implicit typing. Duplicate keys, anchors/aliases (the "billion laughs" bomb), tabs,
a byte-order mark, non-UTF-8 bytes, oversized files and YAML 1.1 traps (`no` read as false,
`1.10` read as 1.1) are reported in plain words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..problems import Problem

MAX_FILE_BYTES = 1_000_000
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL11 = re.compile(r"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")
_FLOAT = re.compile(r"^[-+]?(\d[\d_]*)?\.\d+([eE][-+]?\d+)?$|^[-+]?\d[\d_]*[eE][-+]?\d+$")
_NULL = {"", "~", "null", "Null", "NULL"}

Path_ = tuple  # a path inside a document: keys and list indexes


@dataclass
class Located:
    """A loaded document plus the position (1-based line, column) of every value and key."""

    value: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _field(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Builder:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.doc = Located(None)
        self._seen: set[int] = set()

    def problem(self, node: yaml.Node, path: Path_, message: str, hint: str = "") -> None:
        line, col = _pos(node)
        self.problems.append(Problem(self.file, line, col, _field(path), message, hint=hint))

    def build(self, node: yaml.Node, path: Path_ = ()) -> Any:
        if id(node) in self._seen:
            self.problem(node, path, "YAML anchors and aliases (`&name`, `*name`) are not allowed",
                         "write the value out in full")
            return None
        self._seen.add(id(node))
        self.doc.positions[path] = _pos(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node, path, "only plain field names are allowed as keys (no `<<` merges)")
                continue
            key = key_node.value
            if key in result:
                first = self.doc.key_positions[path + (key,)]
                self.problem(key_node, path + (key,),
                             f"duplicate key `{key}` (first at line {first[0]}); "
                             "YAML would silently keep only the last one",
                             "delete one of them")
                continue
            self.doc.key_positions[path + (key,)] = _pos(key_node)
            result[key] = self.build(value_node, path + (key,))
        return result

    def _scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        text = node.value
        if node.style:  # quoted or block scalar: always text (libyaml gives "" for plain)
            return text
        if node.tag not in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
                            "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp"):
            self.problem(node, path, f"YAML tag `{node.tag}` is not allowed")
            return None
        if text in _NULL:
            return None
        if text in ("true", "True", "TRUE"):
            return True
        if text in ("false", "False", "FALSE"):
            return False
        if _BOOL11.match(text):
            self.problem(node, path, f"`{text}` would be read as true/false by many YAML tools",
                         f'write "{text}" in quotes, or true/false for a yes/no field')
            return text
        if _FLOAT.match(text):
            try:
                as_number = repr(float(text.replace("_", "")))
            except ValueError:
                as_number = text
            if as_number != text:
                self.problem(node, path, f"unquoted `{text}` would be read as the number {as_number}",
                             f'write "{text}" in quotes')
        return text


def _decode(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Problem(file, 1, 1, "", "the file starts with a byte-order mark (BOM)",
                              hint="save it as UTF-8 without BOM")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(file, line, col, "", f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                              hint="save it as UTF-8")]


def _tabs(text: str, file: str) -> list[Problem]:
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            found.append(Problem(file, number, indent.index("\t") + 1, "", "a tab is used for indentation",
                                 hint="YAML needs spaces; replace the tab with spaces"))
    return found


def load_yaml(raw: bytes, file: str) -> tuple[Located | None, list[Problem]]:
    """Parse one YAML file; return the located document (None if unreadable) and the problems."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(file, 1, 1, "", f"the file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}",
                              hint="split it into smaller files")]
    text, problems = _decode(raw, file)
    if text is None:
        return None, problems
    problems = _tabs(text, file)
    if problems:
        return None, problems
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(filter(None, [exc.context, exc.problem]))
        return None, [Problem(file, line, col, "", f"YAML syntax error: {message}",
                              hint="check indentation and quote values that contain `: ` or start with a symbol")]
    except yaml.YAMLError as exc:  # pragma: no cover - other reader errors
        return None, [Problem(file, 1, 1, "", f"YAML error: {exc}")]
    builder = _Builder(file)
    if node is not None:
        builder.doc.value = builder.build(node)
    return builder.doc, builder.problems
