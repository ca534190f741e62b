"""One of each: one problem format for every command, output independent of hash seeds, README vs Makefile."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINI, edit
from natoaz.cli import main
from natoaz.paths import ROOT


def test_check_data_and_build_print_problems_the_same_way(mini: Path, tmp_path: Path,
                                                         capfd: pytest.CaptureFixture[str]) -> None:
    """`make build` validates once (in the hook) and prints the report `make check-data` prints."""
    edit(mini / "events" / "2025.yaml", "sources: [mfa-overview]", "sources: [no-such-source]")
    assert main(["--data", str(mini), "check"]) == 1
    checked = capfd.readouterr().out.strip()
    assert main(["--data", str(mini), "build", "--site-dir", str(tmp_path / "site")]) == 1
    built = capfd.readouterr().err
    assert "`no-such-source` is not a source id" in checked
    assert checked in built
    assert not (tmp_path / "site").exists()


_RENDER = """
import hashlib, sys
from natoaz.check.validate import load_valid
from natoaz.render import render_site
from pathlib import Path
files = render_site(load_valid(Path(sys.argv[1]))[0])
digest = hashlib.sha256()
for path, content in sorted(files.items()):
    digest.update(path.encode() + b"\\0" + (content.encode() if isinstance(content, str) else content) + b"\\0")
print(len(files), digest.hexdigest())
"""


def test_output_is_identical_across_hash_seeds() -> None:
    """Set and dict order must never leak into the output: render in two processes with other seeds."""
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", _RENDER, str(MINI)], env=env, capture_output=True, text=True,
                              check=True)
        runs.append(done.stdout)
    assert runs[0] == runs[1] and int(runs[0].split()[0]) > 20


def test_readme_command_table_matches_the_makefile() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, re.M))
    documented = set(re.findall(r"`make ([a-z][a-z-]*)", readme))
    assert documented <= targets, f"README names targets the Makefile lacks: {sorted(documented - targets)}"
    phony = set(re.search(r"^\.PHONY:(.*)$", makefile, re.M).group(1).split())
    internal = {"lint", "browser", "clean", "java", "standards-tools"}  # set-up steps of documented commands
    missing = sorted(phony - internal - documented)
    assert not missing, f"Makefile targets missing from the README: {missing}"


def test_markup_is_escaped_in_one_module() -> None:
    """HTML escaping lives in render/escape.py (and the templates' autoescaping), nowhere else."""
    found = [f"{path.relative_to(ROOT)}:{n}" for path in sorted((ROOT / "scripts").rglob("*.py"))
             if path != ROOT / "scripts/natoaz/render/escape.py"
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"\bhtml\.escape\(|\bmarkupsafe\.escape\(|replace\([\"']<[\"']", line)]
    assert not found, found
