"""Replacing an output folder safely: one build at a time, no leftovers, never half a site.

- `output_lock`: an exclusive `flock` on `.NAME.lock` beside the folder. The operating system
  releases it when its holder exits, even after `kill -9`, so it never goes stale.
- `sweep`: under the lock, temporary folders of builds that died (`.NAME-*`) are removed, and a
  `.NAME.old` left between the two renames of a swap is put back if NAME itself is missing.
- `swap`: two renames; if the second fails, the first is undone and `SwapError` says why.
- `signals_interrupt`: SIGTERM (and SIGHUP) raise KeyboardInterrupt like Ctrl-C, so every
  `finally` that removes a temporary folder runs.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import sys
from collections.abc import Iterator
from pathlib import Path


class SwapError(OSError):
    """The output folder could not be replaced; it was left as it was."""


@contextlib.contextmanager
def output_lock(target: Path) -> Iterator[None]:
    lock_path = target.with_name(f".{target.name}.lock")
    with open(lock_path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"another build of {target.name}/ is running; waiting for it to finish…", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def temp_prefix(target: Path) -> str:
    return f".{target.name}-"


def _old(target: Path) -> Path:
    return target.with_name(f".{target.name}.old")


def sweep(target: Path) -> None:
    """Clean up after builds that were killed (call with the lock held)."""
    old = _old(target)
    if old.is_dir() and not os.path.lexists(target):
        os.replace(old, target)  # killed between the two renames of a swap: put the previous site back
    shutil.rmtree(old, ignore_errors=True)
    for leftover in target.parent.glob(temp_prefix(target) + "*"):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)


def swap(new: Path, target: Path) -> None:
    """Replace `target` by `new` with renames, so readers never see a half-written folder."""
    old = _old(target)
    shutil.rmtree(old, ignore_errors=True)
    moved = False
    try:
        if os.path.lexists(target):
            os.replace(target, old)
            moved = True
        os.replace(new, target)
    except OSError as exc:
        if moved and not os.path.lexists(target):
            os.replace(old, target)
        raise SwapError(exc.errno, f"cannot replace {target}: {exc.strerror}; it was left as it was") from None
    shutil.rmtree(old, ignore_errors=True)


def _raise_interrupt(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


@contextlib.contextmanager
def signals_interrupt() -> Iterator[None]:
    saved = {s: signal.signal(s, _raise_interrupt) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def ignore_sigint() -> None:
    """For child processes: Ctrl-C is the parent's to handle (it stops the child and prints one line)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
