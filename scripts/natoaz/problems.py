"""Problems found in the data, reported as `file:line:col: field: message`."""

from __future__ import annotations

from dataclasses import dataclass, field

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

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.col}: {self.field or '-'}: {self.message}"
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
            "message": self.message,
            "hint": self.hint,
            "severity": self.severity,
        }


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


class DataError(Exception):
    """Raised when the data has errors; carries every problem found in one run."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(format_report(self.problems))


def format_report(problems: list[Problem]) -> str:
    found = errors(problems)
    lines = [str(p) for p in sorted(problems)]
    lines.append(f"{len(found)} error(s), {len(problems) - len(found)} warning(s) in the data.")
    return "\n".join(lines)
