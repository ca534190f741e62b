"""The site's languages: one label table per language in `i18n/<code>.yaml` declares it.

English (`en`) is the language of the records themselves; every other table's code is a language
that records may carry translations for (`translations: {az: …}`) and that gets its own edition.
`NATOAZ_I18N` names another folder (the tests build a third language from a folder of their own).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..paths import ROOT

BASE = "en"  # the language of the records' own fields
CODE = re.compile(r"[a-z]{2,3}")


def i18n_dir() -> Path:
    return Path(os.environ.get("NATOAZ_I18N") or ROOT / "i18n")


def declared(folder: Path | None = None) -> tuple[str, ...]:
    """Codes of every language with a label table, English first."""
    folder = folder or i18n_dir()
    codes = sorted(p.stem for p in folder.glob("*.yaml") if CODE.fullmatch(p.stem)) if folder.is_dir() else []
    return (BASE, *[c for c in codes if c != BASE])


def translated(folder: Path | None = None) -> tuple[str, ...]:
    """The languages records may be translated into (every declared one but English)."""
    return declared(folder)[1:]
