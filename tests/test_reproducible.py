"""Reproducible builds: a second build of the same commit (another time zone, hash seed and clock date)
gives a byte-identical site/; dates come from the data (SOURCE_DATE_EPOCH = the release date)."""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from natoaz.build import source_date_epoch
from natoaz.check.validate import load_valid
from natoaz.paths import ROOT
from natoaz.render import release_date

pytestmark = pytest.mark.slow


def _digests(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_of_the_same_commit_are_byte_identical(real_site: Path, tmp_path: Path) -> None:
    again = tmp_path / "site"
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(TZ="Pacific/Kiritimati", PYTHONHASHSEED="12345", PYTHONPATH=str(ROOT / "scripts"))
    result = subprocess.run([sys.executable, "-m", "natoaz", "build", "--site-dir", str(again)], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    first, second = _digests(real_site), _digests(again)
    assert sorted(first) == sorted(second)
    differing = [path for path in first if first[path] != second[path]]
    assert differing == [], f"{len(differing)} files differ, e.g. {differing[:5]}"


def test_dates_in_the_build_are_the_release_date(real_site: Path) -> None:
    dataset, _ = load_valid()
    release = release_date(dataset)
    raw = (real_site / "sitemap.xml.gz").read_bytes()
    (mtime,) = struct.unpack("<I", raw[4:8])  # the gzip header's modification time
    assert mtime == int(source_date_epoch(release))
    sitemap = gzip.decompress(raw).decode()
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) == {release}
