"""load → validate in one call, used by the CLI, the MkDocs hook and the tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..load.dataset import load_dataset
from ..model.records import Dataset
from ..paths import DATA_DIR
from ..problems import DataError, Problem, errors
from .checks import check_dataset
from .editor_checks import arrange, check_editing
from .translations import check_translations, missing_translations


def validate(data_dir: Path = DATA_DIR, today: date | None = None,
             gaps: str = "") -> tuple[Dataset, list[Problem]]:
    """`gaps`: also warn about translations not yet made, per collection ("summary") or per record ("each"),
    listed after every other problem."""
    dataset, problems = load_dataset(data_dir)
    problems += check_dataset(dataset, today)
    problems += check_editing(dataset)
    problems += check_translations(dataset)
    later = missing_translations(dataset, verbose=gaps == "each") if gaps else []
    return dataset, arrange(problems, dataset) + later


def load_valid(data_dir: Path = DATA_DIR, today: date | None = None,
               gaps: str = "") -> tuple[Dataset, list[Problem]]:
    """The dataset and its warnings; raise DataError listing every problem if any is an error."""
    dataset, problems = validate(data_dir, today, gaps)
    if errors(problems):
        raise DataError(problems)
    return dataset, problems
