"""Dates with honest precision: `1994`, `1994-05` or `1994-05-04`."""

from __future__ import annotations

import calendar
import re
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date

_DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_MONTHS = [calendar.month_name[m] for m in range(13)]
# The month names `human()` writes: English, or the edition's own (its label table's `months`),
# set by render/i18n.py while that edition is rendered.
MONTH_NAMES: ContextVar[tuple[str, ...]] = ContextVar("month_names", default=tuple(_MONTHS))
# The form a month takes after a day, where the language has one (Russian `4 мая 1994`, `май 1994`);
# empty: the same as MONTH_NAMES.
MONTH_DAY_NAMES: ContextVar[tuple[str, ...]] = ContextVar("month_day_names", default=())


class DateError(ValueError):
    """A date string that is not a valid partial date; the message is for editors."""


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int = 0  # 0 = unknown
    day: int = 0  # 0 = unknown

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> date:
        if self.day:
            return date(self.year, self.month, self.day)
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def human(self) -> str:
        """`4 May 1994`, `May 1994` or `1994` (in Azerbaijani `4 may 1994`, `may 1994`, `1994`)."""
        months = MONTH_NAMES.get()
        if self.day:
            return f"{self.day} {(MONTH_DAY_NAMES.get() or months)[self.month]} {self.year}"
        if self.month:
            return f"{months[self.month]} {self.year}"
        return str(self.year)

    def __str__(self) -> str:
        return self.iso()


def parse_date(text: str) -> PartialDate:
    """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raise DateError with a plain-words message."""
    match = _DATE_RE.fullmatch(text) if isinstance(text, str) else None
    if not match:
        raise DateError(
            f"`{text}` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD "
            "(write months and days with two digits, e.g. 1994-05-04)"
        )
    year, month, day = (int(g) if g else 0 for g in match.groups())
    if year < 1:
        raise DateError(f"date `{text}` does not exist: there is no year 0000")
    if match.group(2) and not 1 <= month <= 12:
        raise DateError(f"date `{text}` does not exist: month {month} is not 01–12")
    if match.group(3):
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise DateError(f"date `{text}` does not exist: {_MONTHS[month]} {year} has {last} days")
    return PartialDate(year, month, day)


def human_span(start: PartialDate, end: PartialDate | None, ongoing: str = "") -> str:
    """`1999–2008`, `May 1994 – present`."""
    if end is None:
        return f"{start.human()} – {ongoing}".rstrip(" –") if ongoing else f"{start.human()} –"
    if start == end:
        return start.human()
    return f"{start.human()} – {end.human()}"
