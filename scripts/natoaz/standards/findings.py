"""One finding of a standards check, printed as `file:line:col  level  message`."""

from __future__ import annotations

from dataclasses import dataclass

LEVELS = ("error", "warning", "info")


@dataclass(frozen=True, order=True)
class Finding:
    file: str
    line: int
    column: int
    level: str  # one of LEVELS; only errors fail a check
    message: str

    def __str__(self) -> str:
        place = self.file + (f":{self.line}" if self.line else "") + (f":{self.column}" if self.column else "")
        return f"{place}  {self.level}  {self.message}"


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.level == "error"]


def counts(findings: list[Finding]) -> dict[str, int]:
    return {level: sum(1 for f in findings if f.level == level) for level in LEVELS}
