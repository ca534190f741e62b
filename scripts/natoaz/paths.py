"""Where things live in a checkout."""

import os
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "data"
SCHEMA_DIR = ROOT / "schemas"
DOCS_DIR = ROOT / "docs"


def display_path(path: Path | str, *bases: Path, up: bool = False) -> str:
    """A path as people read it in reports: relative to the first of `bases` that holds it (for a
    symlink, the link itself, not its target), else as given; with `up`, relative to the first base
    even outside it (`../x`, for a configuration file that names folders beside it). The one helper
    for this."""
    given = Path(path)
    absolute = _resolved(given.parent) / given.name if given.name else _resolved(given)
    for base in bases:
        try:
            return absolute.relative_to(_resolved(base)).as_posix() or "."
        except ValueError:
            continue
    if up and bases:
        return Path(os.path.relpath(absolute, _resolved(bases[0]))).as_posix()
    return given.as_posix()


def _resolved(folder: Path) -> Path:
    """A folder's real path, asked of the file system once per folder (a load names thousands of files in a
    few folders); a relative path once per working directory."""
    return _resolve(folder, "" if folder.is_absolute() else os.getcwd())


@lru_cache(maxsize=4096)
def _resolve(folder: Path, _cwd: str) -> Path:
    return folder.resolve()
