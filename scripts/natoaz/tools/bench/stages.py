"""The measured stages. Each one is timed on its own; none includes another's work."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import yaml

from ...build import copy_project
from ...check.validate import load_valid, validate
from ...load.dataset import LOADER
from ...model.records import Dataset
from ...paths import ROOT
from ...render import render_site
from .measure import ChildRun, run_child

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_BUILT_IN = re.compile(r"Documentation built in ([0-9.]+) seconds")


def cold_cache() -> None:
    """Forget what `load_dataset` cached for `serve`, which would turn every repetition after the first
    into a warm-cache measurement."""
    LOADER.clear()


def load_and_validate(data_dir: Path) -> tuple[Dataset, int, int]:
    """natoaz.check.validate.validate from a cold cache: (dataset, errors, warnings)."""
    cold_cache()
    dataset, problems = validate(data_dir)
    found = sum(1 for p in problems if p.severity == "error")
    return dataset, found, len(problems) - found


def render(dataset: Dataset) -> dict[str, str]:
    return render_site(dataset)


def _probe(args: list[str], log: Path) -> tuple[ChildRun, dict]:
    result = log.with_suffix(".result.json")
    result.unlink(missing_ok=True)
    run = run_child([sys.executable, "-m", "natoaz.tools.bench.probe", *args, str(result)], log, cwd=ROOT)
    outcome = json.loads(result.read_text(encoding="utf-8")) if result.is_file() else {}
    return run, outcome


def full_build(data_dir: Path, site_dir: Path, log: Path) -> tuple[ChildRun, float | None]:
    """natoaz.build.build_site in a fresh process (as `make build`); also MkDocs' own build time."""
    size = log.stat().st_size if log.exists() else 0
    run, _outcome = _probe(["build", str(site_dir), str(data_dir)], log)
    with log.open(encoding="utf-8", errors="replace") as text:
        text.seek(size)
        found = _BUILT_IN.findall(text.read())
    return run, float(found[-1]) if found else None


def link_check(site_dir: Path, log: Path) -> tuple[ChildRun, dict]:
    return _probe(["links", str(site_dir)], log)


def edit_title(path: Path, round_: int) -> None:
    """A one-file edit as an editor makes it: the first record's title changes (new content, new mtime).
    The file is written back in the generator's own YAML style, so nothing else in it changes."""
    text = path.read_text(encoding="utf-8")
    header = "".join(line for line in text.splitlines(keepends=True) if line.startswith("#"))
    value = yaml.safe_load(text)
    record = value[0] if isinstance(value, list) else value
    record["title"] = f"{str(record['title'])[:150].rstrip()} (edit {round_})"
    path.write_text(header + yaml.dump(value, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100),
                    encoding="utf-8")


def hook_rebuild(data_dir: Path, edited: Path, rounds: int) -> tuple[list[float], list[float]]:
    """What the MkDocs hook does on each `serve` rebuild (load_valid + render_site), timed twice in one
    process: cold, then after a one-file edit (`edit_title`) with the parse cache warm for every other
    file. Returns (cold, warm) samples."""
    original = edited.read_bytes()
    cold, warm = [], []
    try:
        for round_ in range(rounds):
            cold_cache()
            start = time.perf_counter()
            render_site(load_valid(data_dir)[0])
            cold.append(time.perf_counter() - start)
            edit_title(edited, round_)
            start = time.perf_counter()
            render_site(load_valid(data_dir)[0])
            warm.append(time.perf_counter() - start)
    finally:
        edited.write_bytes(original)
        cold_cache()
    return cold, warm


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_in_log(log: Path, start: int, needles: tuple[str, ...], seconds: float) -> str:
    """Log text written after byte `start` once it holds one of `needles` (raises after `seconds`)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text = log.read_bytes()[start:].decode("utf-8", errors="replace")
        if any(n in text for n in needles):
            return text
        time.sleep(0.02)
    raise TimeoutError(f"none of {needles} in {log} within {seconds:.0f} s")


# `make serve` (dirty: only generated pages whose Markdown changed are rebuilt) and `make serve-full`.
SERVE_FLAGS = {"serve": ("--dirty", "--no-strict"), "serve-full": ()}


def serve_rebuild(data_dir: Path, work: Path, rounds: int, mode: str = "serve") -> dict:
    """A real `mkdocs serve --livereload` (flags as `make <mode>`) on a copy of the project: wall time
    from a one-file edit until the server reloads browsers, and MkDocs' own time for that rebuild."""
    project = copy_project(work / f"{mode}-project", data_dir)
    log = work / f"{mode}.log"
    edited = sorted((project / "data" / "events").glob("*.yaml"))[0]
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", *SERVE_FLAGS[mode], "--dev-addr",
               f"127.0.0.1:{_free_port()}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(command, cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env)
    walls, builds = [], []
    try:
        first = _wait_in_log(log, 0, ("Serving on",), 3600)
        initial = _BUILT_IN.findall(first)
        for round_ in range(rounds):
            time.sleep(1.0)  # let the watcher settle
            mark = log.stat().st_size
            start = time.perf_counter()
            edit_title(edited, round_)
            text = _wait_in_log(log, mark, ("Reloading browsers", "error happened"), 900)
            walls.append(time.perf_counter() - start)
            found = _BUILT_IN.findall(text)
            if found:
                builds.append(float(found[-1]))
            if "error happened" in text:
                raise RuntimeError(f"`mkdocs serve` failed to rebuild; see {log}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    return {"mode": mode, "flags": list(SERVE_FLAGS[mode]), "edit_to_reload_s": [round(w, 3) for w in walls],
            "mkdocs_build_s": builds, "initial_build_s": float(initial[-1]) if initial else None}
