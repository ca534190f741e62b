"""Problems found in the data, reported as `file:line:col: field: message`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import groupby

from .model.text_safety import shown

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    col: int
    field: str
    message: str
    severity: str = ERROR
    hint: str = ""
    extra: tuple = field(default=(), compare=False)

    def __post_init__(self) -> None:
        # data quoted in a message never reaches a terminal raw: controls and bidi overrides as <U+XXXX>
        for name in ("file", "field", "message", "hint"):
            object.__setattr__(self, name, shown(getattr(self, name)))

    @property
    def place(self) -> str:
        """The field for people, counting list items from 1: `sources[0]` -> `sources, item 1`."""
        return human_field(self.field)

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.col}: {self.place or '-'}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        if self.severity != ERROR:
            text = f"{text} [{self.severity}]"
        return text

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.col,
            "field": self.field,
            "place": self.place,
            "message": self.message,
            "hint": self.hint,
            "severity": self.severity,
        }


def human_field(name: str) -> str:
    parts = re.split(r"\[(\d+)\]", name)  # "a[0].b" -> ["a", "0", ".b"]
    out = parts[0]
    for index, rest in zip(parts[1::2], parts[2::2], strict=True):
        out += f", item {int(index) + 1}" + (", " + rest[1:] if rest.startswith(".") else rest)
    return out


def field_name(path: tuple) -> str:
    """A field path as editors write it: `roles[0].start`."""
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


class DataError(Exception):
    """Raised when the data has errors; carries every problem found in one run."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)  # in the order given: validate() puts unreadable files first
        super().__init__(format_report(self.problems))


def format_report(problems: list[Problem]) -> str:
    """The one way problems are printed (`make check-data`, `make build`, `make serve`, the hook): grouped
    by file, one line each, `file:line:col  field  error: message  → hint`, then the counts."""
    lines = []
    for file, group in groupby(problems, key=lambda p: p.file):
        lines.append(file)
        lines += [f"  {p.file}:{p.line}:{p.col}  {p.place or '-'}  {'error' if p.severity == ERROR else 'warning'}: "
                  f"{p.message}" + (f"  → {p.hint}" if p.hint else "") for p in group]
    found = errors(problems)
    lines.append(f"{len(found)} error(s), {len(problems) - len(found)} warning(s).")
    return "\n".join(lines)
