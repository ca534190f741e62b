"""Timing and memory: wall time with perf_counter, Python peak with tracemalloc, child peak RSS with wait4."""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MB = 1024 * 1024


@dataclass
class Stage:
    """Repeated measurements of one stage at one scale."""

    seconds: list[float] = field(default_factory=list)
    peak_mb: float | None = None
    memory: str = ""  # what peak_mb measures: `tracemalloc` (Python heap) or `rss` (child's peak RSS)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")

    def as_dict(self) -> dict[str, Any]:
        return {"median_s": round(self.median, 4), "samples_s": [round(s, 4) for s in self.seconds],
                "peak_mb": None if self.peak_mb is None else round(self.peak_mb, 1), "memory": self.memory,
                **self.extra}


def timed(run: Callable[[], Any]) -> tuple[Any, float]:
    gc.collect()  # do not bill this stage for the garbage of the previous one
    start = time.perf_counter()
    result = run()
    return result, time.perf_counter() - start


def python_peak_mb(run: Callable[[], Any]) -> float:
    """Peak Python allocation while `run` runs (a separate, untimed run: tracemalloc slows code down)."""
    gc.collect()
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1] / MB
    finally:
        tracemalloc.stop()


@dataclass
class ChildRun:
    returncode: int
    seconds: float
    peak_rss_mb: float  # the largest of the child and its own children (Linux ru_maxrss, in KiB)


def run_child(command: list[str], log: Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> ChildRun:
    """Run a command to completion; its wall time and peak RSS are its own (os.wait4 on that child)."""
    with log.open("a", encoding="utf-8") as out:
        out.write(f"$ {' '.join(command)}\n")
        out.flush()
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return ChildRun(process.returncode, seconds, usage.ru_maxrss / 1024)
