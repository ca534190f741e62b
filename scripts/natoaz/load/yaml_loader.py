"""Strict YAML loading that keeps the line and column of every value.

Only plain data comes out: mappings, lists, strings, `true`/`false` and null. Numbers and
dates stay as the text the editor typed, so we parse dates ourselves rather than trusting
YAML's implicit typing. Duplicate keys, anchors/aliases (the "billion laughs" bomb), tags,
tabs, a byte-order mark, non-UTF-8 bytes, control characters, nesting deeper than
MAX_DEPTH, oversized files and YAML 1.1 traps (`no` read as false, `1.10` read as 1.1,
`012` read as 10) are reported in plain words.

Documents are built from libyaml's event stream with an explicit stack (no recursion), so
hostile nesting cannot crash the interpreter, and the walk stops at the first level too deep.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..model.text_safety import bad_characters, describe
from ..problems import WARNING, Problem

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 20  # our deepest record is 6 levels (list > record > disagreements > readings > sources)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL11 = re.compile(r"y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF")
_FLOAT = re.compile(r"[-+]?(\d[\d_]*)?\.\d+([eE][-+]?\d+)?|[-+]?\d[\d_]*[eE][-+]?\d+"
                    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")
# integers as YAML 1.1 (or 1.2) tools read them: octal 012, hex 0x1F, binary 0b101, 1_000, base 60 1:30
_INT = re.compile(r"[-+]?(0[0-7_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+|[1-9][0-9_]*(:[0-5]?[0-9])+"
                  r"|[0-9][0-9_]*_[0-9_]*)")
_NULL = {"", "~", "null", "Null", "NULL"}
# characters libyaml refuses in a stream (it would report them at line 1 without saying where)
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

Path_ = tuple  # a path inside a document: keys and list indexes


@dataclass
class Located:
    """A loaded document plus the position (1-based line, column) of every value and key."""

    value: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)  # the raw text, for checks on what YAML drops (comments)


def _field(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _yaml_int(text: str) -> str:
    """What a YAML 1.1 tool makes of an integer-looking plain scalar."""
    sign = -1 if text.startswith("-") else 1
    body = text.lstrip("+-").replace("_", "")
    try:
        if ":" in body:
            value = 0
            for part in body.split(":"):
                value = value * 60 + int(part)
        elif body.startswith(("0x", "0b", "0o")):
            value = int(body, 0)
        elif body.startswith("0") and len(body) > 1:
            value = int(body, 8)
        else:
            value = int(body)
    except ValueError:
        return text
    return str(sign * value)


class _Abort(Exception):
    """The document cannot be built any further (too deep, a complex key)."""


@dataclass
class _Frame:
    value: dict | list
    path: Path_
    discard: bool = False  # this container is the value of a refused key: built, then dropped
    key: str | None = None  # a mapping waiting for the value of this key
    skip_value: bool = False  # the pending key was refused: drop its value


class _Builder:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.doc = Located(None)

    def problem(self, event: yaml.Event, path: Path_, message: str, hint: str = "") -> None:
        mark = event.start_mark
        self.problems.append(Problem(self.file, mark.line + 1, mark.column + 1, _field(path), message, hint=hint))

    def build(self, text: str) -> None:
        stack: list[_Frame] = []
        documents = 0
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self.problem(event, (), "a second YAML document (`---`) in the file",
                                 "keep one document per file: a record or a list of records")
                    raise _Abort
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                done = stack.pop()
                self._attach(stack, done.value, done.discard)
            elif isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.SequenceStartEvent,
                                    yaml.MappingStartEvent)):
                self._node(event, stack)

    def _node(self, event: yaml.Event, stack: list[_Frame]) -> None:
        parent = stack[-1] if stack else None
        if parent is not None and isinstance(parent.value, dict) and parent.key is None:
            self._key(event, parent)
            return
        if parent is None:
            path: Path_ = ()
        elif isinstance(parent.value, list):
            path = parent.path + (len(parent.value),)
        else:
            path = parent.path + (parent.key,)
        drop = parent is not None and (parent.discard or parent.skip_value)
        if not drop:
            self.doc.positions[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
            self._check_node(event, path)
        if isinstance(event, yaml.AliasEvent):
            self._attach(stack, None, drop)
        elif isinstance(event, yaml.ScalarEvent):
            self._attach(stack, None if drop else self._scalar(event, path), drop)
        else:  # the start of a list or a mapping
            if len(stack) >= MAX_DEPTH:
                field_path = path[: 2 if path and isinstance(path[0], int) else 1]  # the field it starts in
                self.problem(event, field_path, f"the data is nested more than {MAX_DEPTH} levels deep",
                             "records are only a few levels deep; check the brackets and indentation")
                raise _Abort
            stack.append(_Frame({} if isinstance(event, yaml.MappingStartEvent) else [], path, discard=drop))

    def _attach(self, stack: list[_Frame], value: Any, drop: bool) -> None:
        if not stack:
            self.doc.value = value
            return
        parent = stack[-1]
        if isinstance(parent.value, list):
            parent.value.append(value)
            return
        if not drop and parent.key is not None:
            parent.value[parent.key] = value
        parent.key, parent.skip_value = None, False

    def _key(self, event: yaml.Event, parent: _Frame) -> None:
        if not isinstance(event, yaml.ScalarEvent):
            self.problem(event, parent.path, "only plain field names are allowed as keys", "write `name: value`")
            raise _Abort
        key = event.value
        parent.key = key
        if parent.discard:
            return
        self._check_node(event, parent.path)
        path = parent.path + (key,)
        if event.implicit[0] and key == "<<":
            self.problem(event, parent.path, "YAML merge keys (`<<`) are not allowed", "write the fields out in full")
            parent.skip_value = True
            return
        for bad in bad_characters(key):
            self.problem(event, parent.path, f"a field name contains {describe(bad)}", "retype the field name")
        if path in self.doc.key_positions:
            first = self.doc.key_positions[path]
            self.problem(event, path, f"duplicate key `{key}` (first at line {first[0]}); "
                         "YAML would silently keep only the last one", "delete one of them")
            parent.skip_value = True
            return
        self.doc.key_positions[path] = (event.start_mark.line + 1, event.start_mark.column + 1)

    def _check_node(self, event: yaml.Event, path: Path_) -> None:
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            self.problem(event, path, "YAML anchors and aliases (`&name`, `*name`) are not allowed",
                         "write the value out in full")
        tag = getattr(event, "tag", None)
        if tag:
            self.problem(event, path, f"YAML tag `{tag}` is not allowed",
                         "remove the tag; quote the value if it must stay text")

    def _scalar(self, event: yaml.ScalarEvent, path: Path_) -> Any:
        text = event.value
        for bad in bad_characters(text):
            self.problem(event, path, f"contains {describe(bad)}",
                         "delete it: invisible and control characters are refused (retype pasted text)")
        if event.style or event.tag:  # quoted or block scalar: always text
            return text
        if text in _NULL:
            return None
        if text in ("true", "True", "TRUE"):
            return True
        if text in ("false", "False", "FALSE"):
            return False
        if _BOOL11.fullmatch(text):
            self.problem(event, path, f"`{text}` would be read as true/false by many YAML tools",
                         f'write "{text}" in quotes, or true/false for a yes/no field')
            return text
        if _FLOAT.fullmatch(text):
            try:
                as_number = repr(float(text.replace("_", "")))
            except ValueError:
                as_number = text
            if as_number != text:
                self.problem(event, path, f"unquoted `{text}` would be read as the number {as_number}",
                             f'write "{text}" in quotes')
        elif _INT.fullmatch(text):
            as_number = _yaml_int(text)
            if as_number != text:
                self.problem(event, path, f"unquoted `{text}` would be read as the number {as_number} "
                             "by many YAML tools", f'write "{text}" in quotes')
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


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _unprintable(text: str, file: str) -> list[Problem]:
    found = []
    for match in _UNPRINTABLE.finditer(text):
        line, col = _line_col(text, match.start())
        found.append(Problem(file, line, col, "", f"the file contains {describe(match.group())}",
                             hint="delete it; control characters are not allowed in YAML"))
        if len(found) == 20:
            break
    return found


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
    problems = _unprintable(text, file) or _tabs(text, file)
    if problems:
        return None, problems
    builder = _Builder(file)
    builder.doc.lines = text.splitlines()
    try:
        builder.build(text)
    except _Abort:
        return None, builder.problems
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(filter(None, [exc.context, exc.problem]))
        return None, builder.problems + [Problem(
            file, line, col, "", f"YAML syntax error: {message}",
            hint="check indentation and quote values that contain `: ` or start with a symbol")]
    except yaml.YAMLError as exc:  # pragma: no cover - reader errors are caught by _unprintable first
        return None, builder.problems + [Problem(file, 1, 1, "", f"YAML error: {str(exc)}")]
    if builder.doc.value is None:
        builder.problems.append(Problem(file, 1, 1, "", "the file holds no records (it is empty or only comments)",
                                        hint="add records or delete the file", severity=WARNING))
    return builder.doc, builder.problems
