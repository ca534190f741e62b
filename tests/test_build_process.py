"""The build process under interruption: a lock the OS releases, no leftovers, site/ never half-replaced."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import natoaz.atomic as atomic
from natoaz.atomic import SwapError, output_lock, swap, sweep
from natoaz.paths import ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}


def _snapshot(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*")}


def test_lock_is_released_when_its_holder_is_killed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from natoaz.atomic import output_lock\n"
        f"with output_lock(Path({str(site)!r})):\n    print('locked', flush=True); time.sleep(60)")],
        stdout=subprocess.PIPE, text=True, env=ENV)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with open(tmp_path / ".site.lock") as handle:
            with pytest.raises(BlockingIOError):
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            holder.send_signal(signal.SIGKILL)
            holder.wait()
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # no stale lock after kill -9
    finally:
        holder.kill()
        holder.wait()
    with output_lock(site):  # and the build's own lock is free again
        pass


def test_sweep_removes_leftovers_and_restores_a_site_caught_between_renames(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (tmp_path / ".site.old").mkdir()
    (tmp_path / ".site.old/index.html").write_text("previous", encoding="utf-8")
    (tmp_path / ".site-abc123/x").mkdir(parents=True)
    sweep(site)
    assert (site / "index.html").read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_site_that_cannot_be_replaced_stays_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site, new = tmp_path / "site", tmp_path / ".site-new"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    new.mkdir()
    real = os.replace

    def refuse_new(src, dst):
        if Path(src) == new:
            raise OSError(16, "Device or resource busy")
        real(src, dst)

    monkeypatch.setattr(atomic.os, "replace", refuse_new)
    with pytest.raises(SwapError, match="cannot replace .*site: Device or resource busy; it was left as it was"):
        swap(new, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "old"
    assert not (tmp_path / ".site.old").exists()


@pytest.mark.slow
def test_cli_reports_an_unreplaceable_site_in_one_line(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture) -> None:
    import natoaz.build as build
    from natoaz.cli import main

    site = project / "site"
    site.mkdir()
    (site / "keep").write_text("x", encoding="utf-8")

    def failing(new: Path, target: Path) -> None:
        raise SwapError(16, f"cannot replace {target}: Device or resource busy; it was left as it was")

    monkeypatch.setattr(build, "swap", failing)
    monkeypatch.chdir(project)
    assert main(["--data", str(project / "data"), "build", "--site-dir", str(site)]) == 1
    last = capsys.readouterr().err.rstrip().splitlines()[-1]
    assert last == f"error: cannot replace {site}: Device or resource busy; it was left as it was"
    assert (site / "keep").exists() and not list(project.glob(".site-*"))


def _start_build(project: Path, site: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "natoaz", "--data", str(project / "data"), "build",
                             "--site-dir", str(site)], cwd=project, env=ENV, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_temp(project: Path, process: subprocess.Popen) -> None:
    """Until this build has its own temporary folder (an earlier killed build's may still be there)."""
    deadline = time.monotonic() + 60
    before = set(project.glob(".site-*"))
    while not set(project.glob(".site-*")) - before:
        assert process.poll() is None and time.monotonic() < deadline, "the build never started"
        time.sleep(0.05)
    time.sleep(1.0)  # MkDocs is running and writing into the temporary folder


@pytest.mark.slow
def test_interrupts_leave_site_intact_and_no_leftovers(project: Path) -> None:
    site = project / "site"
    first = _start_build(project, site)
    assert first.wait(120) == 0, first.stderr.read()
    before = _snapshot(site)

    # kill -9 of the whole process group (natoaz and MkDocs): site/ intact
    killed = _start_build(project, site)
    _wait_for_temp(project, killed)
    os.killpg(killed.pid, signal.SIGKILL)
    killed.wait(30)
    assert _snapshot(site) == before

    # Ctrl-C (SIGINT to the group): one line, no traceback; the next build swept the killed one's folder
    interrupted = _start_build(project, site)
    _wait_for_temp(project, interrupted)
    os.killpg(interrupted.pid, signal.SIGINT)
    _, stderr = interrupted.communicate(timeout=30)
    assert interrupted.returncode == 130
    assert "Traceback" not in stderr and stderr.rstrip().splitlines()[-1].startswith("interrupted: `build` stopped")
    assert _snapshot(site) == before and not list(project.glob(".site-*"))

    # SIGTERM to natoaz alone: MkDocs is stopped too and the temporary folder removed
    terminated = _start_build(project, site)
    _wait_for_temp(project, terminated)
    terminated.send_signal(signal.SIGTERM)
    terminated.communicate(timeout=30)
    assert terminated.returncode == 130
    time.sleep(0.5)
    assert _snapshot(site) == before and not list(project.glob(".site-*"))


def test_copied_checkout_sets_itself_up_again(tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in ("Makefile", "requirements.lock"):
        (copy / name).write_bytes((ROOT / name).read_bytes())
    pth = copy / ".venv/lib/python3.11/site-packages/natoaz-scripts.pth"
    pth.parent.mkdir(parents=True)
    pth.write_text("/somewhere/else/scripts\n", encoding="utf-8")
    result = subprocess.run(["make", "-n", "lint"], cwd=copy, capture_output=True, text=True)
    assert "belongs to another checkout (/somewhere/else)" in result.stdout + result.stderr
    assert not (copy / ".venv").exists()
    assert "-m venv .venv" in result.stdout  # and it is created again
