"""Pictures drawn at build time as inline, accessible SVG (no chart library), each with a text alternative.

Every chart is a `<figure>` holding an `<svg role="img">` labelled by its `<title>` and `<desc>`, a
legend in the caption, and a table with the same numbers right after it.
"""

from __future__ import annotations

import calendar
from collections import Counter
from datetime import date
from typing import Any

from ..model.dates import PartialDate, parse_date
from ..model.schema import enum, labels
from .blocks import label_in_english
from .i18n import t
from .model import Site, date_of
from .templates import render

# Colours with at least 3:1 contrast against white (WCAG 1.4.11); segments are also separated by white gaps.
SECTOR_COLOURS = ("#1f4e9c", "#b3261e", "#1b7a3d", "#9a5b00", "#6a3d9a", "#00707a", "#a0146b", "#5b6300",
                  "#5c4033", "#0b6e99", "#c2410c", "#3b4a5a", "#7a1f3d", "#2e5e4e")
# One colour per programme kind, in the order of the kinds in the schema.
KIND_COLOURS = dict(zip(enum("programmes", "kind"), ("#1f4e9c", "#1b7a3d", "#b3261e", "#6a3d9a", "#9a5b00", "#00707a",
                                                     "#3b4a5a"), strict=True))
WIDTH = 720


def _n(value: float) -> str:
    """A coordinate with at most one decimal, without trailing zeros (stable output)."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _nice_step(maximum: int, ticks: int = 5) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000):
        if maximum / step <= ticks:
            return step
    return max(1, maximum // ticks)


def _label_every(band: float, minimum: float = 34) -> int:
    return next((k for k in (1, 2, 5, 10, 20, 50) if band * k >= minimum), 100)


def _legend(items: list[tuple[str, str]], english: set[str] = frozenset()) -> list[dict[str, Any]]:
    """(colour, label) items for the legend in the caption; `english`: labels still in English."""
    return [{"colour": colour, "label": label, "english": label in english} for colour, label in items]


def _english_sectors(site: Site) -> set[str]:
    """Names of the sectors still in English in another language's edition."""
    return {site.label("sectors", s.id) for s in site.sorted("sectors") if label_in_english(s)}


def sector_colours(site: Site) -> dict[str, str]:
    return {s.id: SECTOR_COLOURS[i % len(SECTOR_COLOURS)] for i, s in enumerate(site.sorted("sectors"))}


def events_per_year(site: Site) -> dict[int, Counter]:
    """Events per year, each counted once under its first sector."""
    counts: dict[int, Counter] = {}
    for event in site.events:
        year = date_of(event).year
        first = (event.data.get("sectors") or [""])[0]
        counts.setdefault(year, Counter())[first] += 1
    return counts


def events_chart(site: Site, chart_id: str) -> str:
    """Stacked bars: events per year by first sector, then the same numbers as a table."""
    counts = events_per_year(site)
    if not counts:
        return ""
    colours = sector_colours(site)
    order = [s.id for s in site.sorted("sectors")]
    years = list(range(min(counts), max(counts) + 1))
    totals = {y: sum(counts.get(y, Counter()).values()) for y in years}
    busiest = max(years, key=lambda y: (totals[y], -y))
    step = _nice_step(max(totals.values()))
    top = -(-max(totals.values()) // step) * step
    height, left, right, up, bottom = 240, 34, 8, 10, 24
    plot_w, plot_h = WIDTH - left - right, height - up - bottom
    band = plot_w / len(years)
    scale = plot_h / top
    ticks = [{"y": _n(up + plot_h - tick * scale), "label_y": _n(up + plot_h - tick * scale + 4), "value": tick,
              "stroke": "1" if tick == 0 else "0.5"} for tick in range(0, top + 1, step)]
    every = _label_every(band)
    bars_of_year = []
    for i, year in enumerate(years):
        bars, y = [], up + plot_h
        for sector in [s for s in order + [""] if counts.get(year, Counter()).get(s, 0)]:
            value = counts[year][sector]
            y -= value * scale
            bars.append({"x": _n(left + i * band + band * 0.1), "y": _n(y), "width": _n(band * 0.8),
                         "height": _n(value * scale), "colour": colours.get(sector, "#3b4a5a"), "value": value,
                         "name": site.label("sectors", sector) if sector else "", "sector": sector})
        label_x = _n(left + (i + 0.5) * band) if year % every == 0 or len(years) <= 12 else ""
        bars_of_year.append({"year": year, "bars": bars, "label_x": label_x})
    used = [s for s in order if any(c.get(s) for c in counts.values())]
    words = {"first": years[0], "last": years[-1]}  # the templates hold the words around these figures
    figure = render("events_chart.html.j2", id=chart_id, width=WIDTH, height=height, events=len(site.events),
                    busiest=busiest, busiest_count=totals[busiest], ticks=ticks, left=left, right=WIDTH - right,
                    tick_x=left - 6, years=bars_of_year, year_label_y=height - 6,
                    legend=_legend([(colours[s], site.label("sectors", s)) for s in used], _english_sectors(site)),
                    **words)
    rows = [{"year": year, "total": totals[year],
             "parts": [{"label": site.label("sectors", s), "count": counts[year][s],
                        "english": site.label("sectors", s) in _english_sectors(site)} for s in order
                       if counts[year].get(s)]} for year in years if totals[year]]
    return figure + "\n\n" + render("chart_table.md.j2", rows=rows, **words) + "\n"


def _year_fraction(day: date) -> float:
    days = 366 if calendar.isleap(day.year) else 365
    return day.year + (day.timetuple().tm_yday - 1) / days


def _span(programme_data: dict) -> tuple[PartialDate, PartialDate | None] | None:
    span = programme_data.get("participation") or {}
    try:
        start = parse_date(str(span.get("start")))
        end = parse_date(str(span["end"])) if span.get("end") else None
    except ValueError:
        return None
    return start, end


def _short_label(data: dict, label: str, limit: int = 34) -> str:
    """A label that fits the left column, keeping the acronym: `North Atlantic Cooperat… (NACC)`."""
    if len(label) <= limit:
        return label
    tail = f" ({data['acronym']})" if data.get("acronym") else ""
    return str(data["name"])[: limit - len(tail) - 1].rstrip() + "…" + tail


def participation_chart(site: Site, chart_id: str, programmes: list | None = None) -> str:
    """Gantt-style bars: Azerbaijan's participation span in each programme (default: all), mechanism and operation."""
    rows = []
    for programme in site.programmes if programmes is None else programmes:
        span = _span(programme.data)
        if span:
            rows.append((span[0], site.label("programmes", programme.id), programme, span[1]))
    if not rows:
        return ""
    rows.sort(key=lambda r: (r[0], r[1].lower(), r[2].id))
    release = site.release
    first = min(r[0].year for r in rows)
    last = max([release.year] + [r[3].year for r in rows if r[3]]) + 1
    label_w, right, up, bottom, row_h = 230, 14, 8, 26, 22
    height = up + row_h * len(rows) + bottom
    plot_w = WIDTH - label_w - right
    per_year = plot_w / (last - first)

    def x_of(value: float) -> float:
        return label_w + (value - first) * per_year

    every = _label_every(per_year)
    years = [{"year": year, "x": _n(x_of(year))} for year in range(first, last + 1) if not year % every]
    bars = []
    for i, (start, label, programme, end) in enumerate(rows):
        y = up + i * row_h
        colour = KIND_COLOURS.get(programme.data.get("kind", ""), "#3b4a5a")
        x0 = x_of(_year_fraction(start.first_day))
        x1 = x_of(_year_fraction(end.last_day if end else release.first_day) + 1 / 365)
        width = max(x1 - x0, 3)
        tip = x0 + width
        bars.append({"label_y": y + 15, "short": _short_label(programme.data, label), "x": _n(x0), "y": y + 4,
                     "width": _n(width), "colour": colour, "label": label, "start": start.human(),
                     "end": end.human() if end else "",
                     "arrow": "" if end else f"M{_n(tip)} {y + 2} L{_n(tip + 9)} {y + 11} L{_n(tip)} {y + 20} Z"})
    kinds = [k for k in KIND_COLOURS if any(r[2].data.get("kind") == k for r in rows)]
    legend = _legend([(KIND_COLOURS[k], t(labels("programmes", "kind")[k])) for k in kinds])
    return render("participation_chart.html.j2", id=chart_id, width=WIDTH, height=height,
                  ongoing=sum(1 for r in rows if r[3] is None), release=release.human(), first=first,
                  years=years, top=up, bottom=height - bottom, year_label_y=height - 8, rows=bars,
                  label_x=label_w - 8, axis_x=label_w, legend=legend, arrow_colour="#3b4a5a") + "\n"
