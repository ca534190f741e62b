"""The W3C Nu Html Checker (vnu.jar, locked in tools/vnu/) over built pages, in one Java run.

vnu reports errors, warnings (type "info", subType "warning") and plain infos; each becomes a
Finding. Nothing is filtered out: an error is fixed where the markup is made (overrides/, the
renderer, or natoaz/standards/theme.py for the theme's markup outside any template block)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..paths import ROOT
from .findings import Finding

VNU_JAR = ROOT / "tools" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
MIN_JAVA = 11


class CheckerMissing(RuntimeError):
    """Java or vnu.jar is not installed (`make validate` installs both)."""


def java_version(java: str) -> int:
    result = subprocess.run([java, "-version"], capture_output=True, text=True)
    match = re.search(r'version "(\d+)(?:\.(\d+))?', result.stderr)
    if not match:
        return 0
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def command(jar: Path = VNU_JAR) -> list[str]:
    java = shutil.which("java")
    if java is None:
        raise CheckerMissing("no `java` on PATH: `make validate` installs Debian's default-jre-headless")
    if java_version(java) < MIN_JAVA:
        raise CheckerMissing(f"vnu.jar needs Java {MIN_JAVA} or newer; `java -version` says otherwise")
    if not jar.is_file():
        raise CheckerMissing(f"{jar} is missing: run `make validate` (npm ci in tools/vnu)")
    return [java, "-Xss4m", "-jar", str(jar), "--format", "json", "--skip-non-html", "--exit-zero-always"]


def _label(url: str, base: Path) -> str:
    path = Path(unquote(urlsplit(url).path))
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return str(path)


def parse_report(text: str, base: Path) -> list[Finding]:
    findings = []
    for message in json.loads(text).get("messages", []):
        kind = message.get("type")
        if kind == "error" or kind == "non-document-error":
            level = "error"
        elif kind == "info" and message.get("subType") == "warning":
            level = "warning"
        else:
            level = "info"
        findings.append(Finding(_label(message.get("url", ""), base), message.get("lastLine", 0),
                                message.get("firstColumn", message.get("lastColumn", 0)), level,
                                message.get("message", "").strip()))
    return sorted(findings)


def check(targets: list[Path], base: Path, jar: Path = VNU_JAR) -> list[Finding]:
    """Check the HTML files (or folders of them) in `targets` in one run; labels relative to `base`."""
    result = subprocess.run([*command(jar), *map(str, targets)], capture_output=True, text=True)
    if not result.stderr.strip().startswith("{"):
        raise RuntimeError(f"vnu.jar failed (exit {result.returncode}): {result.stderr.strip()[:2000]}")
    return parse_report(result.stderr, base.resolve())
