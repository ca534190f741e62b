"""Where things live in a checkout."""

import os
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
    absolute = given.parent.resolve() / given.name if given.name else given.resolve()
    for base in bases:
        try:
            return absolute.relative_to(base.resolve()).as_posix() or "."
        except ValueError:
            continue
    if up and bases:
        return Path(os.path.relpath(absolute, bases[0].resolve())).as_posix()
    return given.as_posix()
