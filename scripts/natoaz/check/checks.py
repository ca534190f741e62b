"""Checks beyond the schema: references, real dates, spans, the future, citations."""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from ..model import registry
from ..model.dates import DateError, PartialDate, parse_date
from ..model.records import Dataset, Record
from ..model.schema import cited_fields, date_fields, suggest
from ..model.text_model import CITATION, CITED_ID, citation_ids
from ..problems import WARNING, Problem


def _list(value) -> list:
    """`value` if it is a list, else nothing: checks guard their types and never crash."""
    return value if isinstance(value, list) else []


def _references(record: Record, dataset: Dataset) -> Iterator[Problem]:
    """Every reference the schema declares (`"x-refers-to"`) must name an existing record."""
    for path, target, ref in record.links():
        known = dataset[target]
        if ref in known:
            continue
        blocked = dataset.unreadable_file(target, ref)
        if blocked:  # one line instead of a misleading "did you mean"
            yield record.problem(path, f"`{ref}` is in a file that could not be read ({blocked}): fix that first")
            continue
        guess = suggest(ref, set(known)) or next((k for k in sorted(known) if k.startswith(ref)), "")
        broken = sorted(dataset.unreadable.get(target, {}))
        if broken:  # the id may be in a file that could not be read: no guessing
            hint = f"{', '.join(broken)} could not be read: fix that first"
        elif guess:
            hint = f"did you mean `{guess}`?"
        else:
            sample = ", ".join(f"`{k}`" for k in sorted(known)[:5])
            hint = f"known ids include {sample}…" if known else f"add it under data/{target}/"
        yield record.problem(path, f"`{ref}` is not a {registry.collection(target).singular} id", hint)


# A sentence: up to its full stop (and the citations right after it); a figure or a date: a digit or a month.
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"”’)]*(?:\s*\[@[^\[\]\n]*\])*|$)")
_FIGURE = re.compile(r"\d|\b(?:January|February|March|April|May|June|July|August|September|October|November"
                     r"|December)\b")


def _at(record: Record, dataset: Dataset, path: tuple, needle: str) -> tuple[int, int] | None:
    """Line and column of `needle` in the raw lines of the record's file, from the field's line on."""
    line, _ = record.where(path)
    for number, text in enumerate(dataset.lines.get(record.file, [])[line - 1:line + 60], line):
        if (col := text.find(needle)) >= 0:
            return number, col + 1
    return None


def _citations(record: Record, dataset: Dataset) -> Iterator[Problem]:
    """Inline citations `[@source-id]` (fields declared `"x-cites"`): known ids, and a warning for sentences
    with a figure or a date that cite nothing."""
    for path, target in cited_fields(record.collection):
        text = record.get(path)
        if not isinstance(text, str):
            continue
        for match in CITATION.finditer(text):
            for ref in citation_ids(match):
                well_formed = CITED_ID.fullmatch(ref) is not None
                if well_formed and ref in dataset[target]:
                    continue
                message = (f"`[@{ref}]` is not a {registry.collection(target).singular} id" if well_formed
                           else f"`{match.group()}` is not a citation of the form [@id] or [@a; @b]")
                guess = suggest(ref, set(dataset[target])) if well_formed else ""
                hint = (f"did you mean `[@{guess}]`?" if guess else "write [@source-id] or [@a; @b]" if not well_formed
                        else f"cite a source id from data/{target}/, e.g. one in this record's `sources`")
                problem = record.problem(path, message, hint)
                if place := _at(record, dataset, path, "@" + ref):
                    problem = dataclasses.replace(problem, line=place[0], col=place[1])
                yield problem
        bare = [" ".join(sentence.split()) for sentence in _SENTENCE.findall(text)
                if _FIGURE.search(CITATION.sub("", sentence)) and not CITATION.search(sentence)]
        if bare:
            many = f"{len(bare)} sentences" if len(bare) > 1 else "a sentence"
            yield record.problem(path, f"{many} with a figure or a date without a citation, e.g. “{bare[0][:70]}”",
                                 "add [@source-id] after each (a source of this record that says so)",
                                 severity=WARNING)


def _date(record: Record, path: tuple, today: date) -> PartialDate | None:
    value = record.get(path)
    if not isinstance(value, str) or value == "undated":
        return None
    try:
        parsed = parse_date(value)
    except DateError as exc:
        raise _Bad(record.problem(path, str(exc))) from None
    if parsed.first_day > today:
        raise _Bad(record.problem(path, f"date `{value}` is in the future", "check the year"))
    return parsed


class _Bad(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


def _spans(record: Record) -> list[tuple[tuple, tuple | None]]:
    """The record's dates (the schema's partial-date fields), each `date` or `start` paired with the
    `end` beside it, if any: (start, end) path pairs, end None for a single date."""
    paths = [path for pattern in date_fields(record.collection) for path, _ in record.values_at(pattern)]
    ends = [p for p in paths if p[-1] == "end"]
    spans: list[tuple[tuple, tuple | None]] = []
    for path in paths:
        end = path[:-1] + ("end",)
        if path[-1] in ("date", "start") and end in ends:
            spans.append((path, end))
            ends.remove(end)
        elif path[-1] != "end":
            spans.append((path, None))
    return spans + [(end, None) for end in ends]  # an end without a start is still a date to check


def _dates(record: Record, today: date) -> Iterator[Problem]:
    for start_path, end_path in _spans(record):
        try:
            start = _date(record, start_path, today)
            end = _date(record, end_path, today) if end_path else None
        except _Bad as bad:
            yield bad.problem
            continue
        if start and end and end.last_day < start.first_day:
            yield record.problem(end_path, f"ends ({end}) before it starts ({start})", "swap or correct the dates")
    yield from _correction_dates(record)


def _correction_dates(record: Record) -> Iterator[Problem]:
    """A corrected record carries `updated`, no older than its latest correction."""
    days = [c.get("date") for c in _list(record.data.get("corrections")) if isinstance(c, dict)]
    try:
        latest = max((parse_date(d) for d in days if isinstance(d, str)), default=None, key=lambda d: d.last_day)
        updated = parse_date(record.data["updated"]) if isinstance(record.data.get("updated"), str) else None
    except DateError:
        return  # reported with the date itself
    hint = "set `updated` to the day of the latest correction"
    if latest and updated is None:
        yield record.problem(("corrections",), "a corrected record needs `updated`", hint, at_key=True)
    elif latest and updated and updated.last_day < latest.last_day:
        yield record.problem(("updated",), f"`updated` ({updated}) is older than a correction ({latest})", hint)


def _role_dates(quote: Record, dataset: Dataset) -> Iterator[Problem]:
    """A quote whose stated role matches a dated role of the speaker must fall inside it."""
    speaker = quote.data.get("speaker")
    person = dataset.get("people", speaker) if isinstance(speaker, str) else None
    role_text = str(quote.data.get("role", "")).lower()
    try:
        said = parse_date(str(quote.data.get("date", "")))
    except DateError:
        return
    if person is None:
        return
    matching = [r for r in _list(person.data.get("roles"))
                if isinstance(r, dict) and str(r.get("title", "")).lower() in role_text and r.get("start")]
    if not matching:
        return
    for role in matching:
        try:
            start = parse_date(role["start"])
            end = parse_date(role["end"]) if role.get("end") else None
        except DateError:
            return
        if said.last_day >= start.first_day and (end is None or said.first_day <= end.last_day):
            return
    role = matching[0]
    span = f"{role['start']} – {role.get('end', 'present')}"
    yield quote.problem(("date",), f"quote dated {said} is outside {person.data.get('name')}'s role "
                                   f"`{role['title']}` ({span})", "check the quote's date or the person's roles")


def _near_duplicate_events(dataset: Dataset) -> Iterator[Problem]:
    by_date: dict[str, list[tuple[Record, str]]] = defaultdict(list)
    for event in dataset["events"].values():
        by_date[str(event.data.get("date"))].append((event, str(event.data.get("title", "")).lower()))
    matcher = difflib.SequenceMatcher(None)
    for events in by_date.values():
        for i, (first, first_title) in enumerate(events):
            matcher.set_seq2(first_title)  # difflib caches facts about the second sequence
            for second, second_title in events[i + 1:]:
                matcher.set_seq1(second_title)
                # the quick ratios are cheap upper bounds of ratio(): most pairs stop there
                if matcher.real_quick_ratio() < 0.8 or matcher.quick_ratio() < 0.8 or matcher.ratio() < 0.8:
                    continue
                yield second.problem(("title",), f"looks like a duplicate of event `{first.id}` "
                                                 f"({first.file}:{first.line}): same date, similar title",
                                     "merge them or make the titles distinct", severity=WARNING)


def _chosen_readings(record: Record) -> Iterator[Problem]:
    """A disagreement's `chosen` names one of its readings."""
    for i, item in enumerate(_list(record.data.get("disagreements"))):
        if not isinstance(item, dict) or not isinstance(item.get("chosen"), str):
            continue
        values = [str(r.get("value")) for r in _list(item.get("readings")) if isinstance(r, dict)]
        if item["chosen"] not in values:
            guess = suggest(item["chosen"], values)
            hint = f"did you mean `{guess}`?" if guess else "copy one reading's `value` exactly"
            yield record.problem(("disagreements", i, "chosen"), f"`{item['chosen']}` is not one of the readings", hint)


def _former_ids(dataset: Dataset) -> Iterator[Problem]:
    """An old id keeps its address (a redirect page): it may not be a current id, nor another record's old id."""
    for collection, records in dataset.records.items():
        owners: dict[str, Record] = {}
        for record in records.values():
            for i, old in enumerate(_list(record.data.get("former_ids"))):
                if not isinstance(old, str):
                    continue
                if old in records:
                    current = records[old]
                    yield record.problem(("former_ids", i), f"former id `{old}` is the id of a current "
                                         f"{registry.collection(collection).singular} ({current.file}:{current.line})",
                                         "an old address must not point at two records; drop one of them")
                elif old in owners:
                    first = owners[old]
                    yield record.problem(("former_ids", i), f"former id `{old}` is also a former id of "
                                         f"`{first.id}` ({first.file}:{first.line})", "keep it on one record")
                else:
                    owners[old] = record


def _uncited_sources(dataset: Dataset) -> Iterator[Problem]:
    if any(dataset.unreadable.get(c) for c in dataset.records):
        return  # a citing file could not be read: "never cited" would be misleading
    cited = {s for records in dataset.records.values() for record in records.values() for s in record.cited_sources}
    for source_id, source in sorted(dataset["sources"].items()):
        if source_id not in cited:
            yield source.problem(("id",), f"source `{source_id}` is never cited", "cite it or delete the file",
                                 severity=WARNING)


def _duplicate_urls(dataset: Dataset) -> Iterator[Problem]:
    seen: dict[str, Record] = {}
    for source in dataset["sources"].values():
        url = str(source.data.get("url", "")).rstrip("/")
        if url in seen:
            yield source.problem(("url",), f"same URL as source `{seen[url].id}`", "cite that source instead",
                                 severity=WARNING)
        else:
            seen[url] = source


# Anchors the site itself uses on the timeline: years (#1994), quotes (#quote-…), the chart and filter,
# the page title. A record id must not take one of them.
_RESERVED = re.compile(r"[0-9]+|(quote|chart|natoaz)-.*|timeline")


def _reserved_ids(dataset: Dataset) -> Iterator[Problem]:
    for collection, records in dataset.records.items():
        for record_id, record in records.items():
            if record_id.isdigit() or (collection == "events" and _RESERVED.fullmatch(record_id)):
                yield record.problem(("id",), f"id `{record_id}` is taken by an anchor of the site's own pages "
                                     "(a year, `quote-…`, `chart-…`, `natoaz-…`, `timeline`)",
                                     "add words to the id, e.g. `1994-05-04-pfp-signed`")


def check_dataset(dataset: Dataset, today: date | None = None) -> list[Problem]:
    """Every semantic problem in the dataset, errors and warnings."""
    today = today or date.today()
    problems: list[Problem] = []
    for collection, records in dataset.records.items():
        for record in records.values():
            problems += _references(record, dataset)
            problems += _citations(record, dataset)
            problems += _dates(record, today)
            if collection == "quotes":
                problems += _role_dates(record, dataset)
            problems += _chosen_readings(record)
    problems += _former_ids(dataset)
    problems += _near_duplicate_events(dataset)
    problems += _uncited_sources(dataset)
    problems += _duplicate_urls(dataset)
    problems += _reserved_ids(dataset)
    return problems
