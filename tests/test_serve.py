"""Live editing: `mkdocs serve` picks up a YAML edit, and keeps serving the last good site on errors."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import edit

PAGE = "events/1994-05-04-pfp-signed/"


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(url: str, needle: str, seconds: float) -> float:
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        try:
            if needle in _get(url):
                return time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{needle!r} did not appear at {url} within {seconds} s")


@pytest.mark.slow
@pytest.mark.parametrize("mode", [[], ["--dirty", "--no-strict"]], ids=["full", "dirty"])
def test_yaml_edit_shows_up_in_the_served_page(project: Path, mode: list[str]) -> None:
    port = _free_port()
    docs_before = _tree(project / "docs")
    log = (project / "serve.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", *mode, "--dev-addr",
                               f"127.0.0.1:{port}"], cwd=project, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/{PAGE}"
    try:
        _wait_for(url, "Azerbaijan signs the PfP Framework Document", 60)
        edit(project / "data/events/1994.yaml", "Azerbaijan signs the PfP", "Azerbaijan signed the PfP")
        _wait_for(url, "Azerbaijan signed the PfP Framework Document", 30)
        # A broken file: the error is printed and the last good page stays up.
        edit(project / "data/events/1994.yaml", "programmes: [pfp]", "programmes: [nope]")
        log_text = ""
        for _ in range(150):
            log_text = (project / "serve.log").read_text()
            if "`nope` is not a programme id" in log_text:
                break
            time.sleep(0.2)
        assert "events/1994.yaml:" in log_text and "`nope` is not a programme id" in log_text
        assert server.poll() is None, "serve crashed on bad data"
        assert "Azerbaijan signed the PfP Framework Document" in _get(url)
        # ...with a banner on the served page listing the problem, gone once it is fixed
        _wait_for(url, "natoaz-data-problems", 30)
        page = _get(url)
        assert "events/1994.yaml:" in page and "`nope` is not a programme id" in page
        assert "Azerbaijan signed the PfP Framework Document" in page
        edit(project / "data/events/1994.yaml", "programmes: [nope]", "programmes: [pfp]")
        start = time.monotonic()
        while "natoaz-data-problems" in _get(url):
            assert time.monotonic() - start < 30, "the banner stayed after the data was fixed"
            time.sleep(0.2)
        assert _tree(project / "docs") == docs_before, "serve wrote into docs/"
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
