"""The data problems as a notice on top of every page while `make serve` runs (the hook adds it)."""

from __future__ import annotations

from ..model.languages import BASE
from ..problems import Problem, errors
from .i18n import edition, load_labels
from .templates import render

LIMIT = 20  # problems listed; `make check-data` lists every one


def problems_banner(problems: list[Problem], limit: int = LIMIT, language: str = BASE) -> str:
    """The notice as one line of HTML, in the words of the edition `language`; data text is escaped by the template."""
    found = errors(problems)
    shown = [{"file": p.file, "line": p.line, "place": p.place, "message": p.message, "hint": p.hint,
              "error": p in found} for p in problems[:limit]]
    with edition(load_labels(language)):
        return render("problems_banner.html.j2", errors=len(found), total=len(problems), shown=shown)
