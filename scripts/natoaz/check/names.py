"""People's names in the editors' own text: one spelling per person and language.

A person is written, in every language, as the person record gives the name for that language:
`translations.<lang>.name` where the record has one (Heydər Əliyev in Azerbaijani), otherwise `name`
(Jens Stoltenberg). Its `other_names` (transliterations such as "Yens Stoltenberq") are for search
only. A warning names each other spelling found in a field the editors write (`x-text` and not
`x-verbatim` in the schema: titles, summaries, notes, roles; not a quote's words nor a source's title)
and the spelling to use. A surname alone ("Stoltenberq") is flagged only in a record that links the
person (a common word that happens to be a surname elsewhere stays quiet).

One compiled pattern per language: the cost grows with the text, not with people x records.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model.languages import declared
from ..model.records import Dataset, Record
from ..model.schema import own_words_fields
from ..problems import WARNING, Problem, field_name


@dataclass(frozen=True)
class Wrong:
    """A spelling that is not the one to use in a language: whose it is, and what to write instead."""
    person: str
    use: str
    surname: bool  # a surname alone: reported only in records that link the person


def _last(name: str) -> str:
    return name.split()[-1] if name.split() else name


def name_in(person: Record, language: str) -> str:
    """The spelling of the person's name to use in `language`."""
    translations = person.data.get("translations")
    entry = translations.get(language) if isinstance(translations, dict) else None
    given = entry.get("name") if isinstance(entry, dict) else None
    return given if isinstance(given, str) and given.strip() else str(person.data.get("name", ""))


def _variants(person: Record) -> Iterator[str]:
    """Every spelling the record knows: `name`, its translations, `other_names`."""
    yield str(person.data.get("name", ""))
    translations = person.data.get("translations")
    for entry in translations.values() if isinstance(translations, dict) else []:
        if isinstance(entry, dict) and isinstance(entry.get("name"), str):
            yield entry["name"]
    for other in person.data.get("other_names") or []:
        if isinstance(other, str):
            yield other


def wrong_spellings(dataset: Dataset, language: str) -> dict[str, list[Wrong]]:
    """Spelling -> the people it is a wrong spelling of, in `language`. A spelling that is some person's
    right one (in full, or as a surname) is never wrong."""
    people = dataset.records.get("people", {})
    use = {pid: name_in(person, language) for pid, person in people.items()}
    right = set(use.values()) | {_last(name) for name in use.values()}
    found: dict[str, list[Wrong]] = {}
    for pid, person in people.items():
        for variant in dict.fromkeys(" ".join(v.split()) for v in _variants(person)):
            if len(variant) < 2 or variant in right or set(use[pid].split()) <= set(variant.split()):
                continue  # the right spelling, or a fuller form of it ("Robert F. Simmons")
            found.setdefault(variant, []).append(Wrong(pid, use[pid], surname=False))
            surname, proper = _last(variant), _last(use[pid])
            if " " in variant and surname != proper and surname not in right and len(surname) > 2:
                found.setdefault(surname, []).append(Wrong(pid, proper, surname=True))
    return found


def pattern(spellings: dict[str, list[Wrong]]) -> re.Pattern | None:
    """One pattern for every spelling, longest first, as whole words (Unicode letters), case-sensitive;
    a suffix of lower-case letters may follow (Azerbaijani `Stoltenberqlə`, English `Robertson's`)."""
    if not spellings:
        return None
    longest_first = sorted(spellings, key=lambda s: (-len(s), s))
    alternatives = "|".join(r"\s+".join(map(re.escape, s.split())) for s in longest_first)
    return re.compile(rf"(?<!\w)(?P<name>{alternatives})(?P<suffix>['’-]?[^\W\d_]*)(?![\w'’-])")


def _where(record: Record, path: tuple, value: str, start: int, lines: list[str]) -> tuple[int, int]:
    """Line and column in the file of the word at `start` in the field's text (a summary spans lines),
    else the field's own position."""
    line, col = record.where(path)
    word = value[start:].split()[0]
    skip = len(re.findall(rf"(?<!\w){re.escape(word)}", value[:start]))  # earlier occurrences in the field
    span = value.count("\n") + len(value) // 30 + 3  # enough lines for a folded paragraph
    for number in range(line, min(line + span, len(lines) + 1)):
        for found in re.finditer(rf"(?<!\w){re.escape(word)}", lines[number - 1][col - 1 if number == line else 0:]):
            if skip == 0:
                return number, found.start() + (col if number == line else 1)
            skip -= 1
    return line, col


_QUOTES = (('"', '"'), ("“", "”"), ("«", "»"), ("`", "`"))


def _quoted(text: str) -> bool:
    """Whether the end of `text` is inside quotation marks: a spelling mentioned ("spelt \"Simons\""), not used."""
    return any(text.count(a) % 2 if a == b else text.count(a) > text.count(b) for a, b in _QUOTES)


def _linked(record: Record) -> set[str]:
    linked = set(record.links_to("people"))
    if record.collection == "people":
        linked.add(record.id)
    return linked


def check_names(dataset: Dataset) -> list[Problem]:
    problems: list[Problem] = []
    for language in declared():
        spellings = wrong_spellings(dataset, language)
        compiled = pattern(spellings)
        if compiled is None:
            continue
        for collection, records in dataset.records.items():
            fields = [path for path, lang in own_words_fields(collection) if lang == language]
            for record in records.values():
                linked = _linked(record)
                lines = dataset.lines.get(record.file, [])
                for field in fields:
                    for path, value in record.values_at(field):
                        if isinstance(value, str):
                            problems += _matches(record, path, value, compiled, spellings, linked, lines)
    return problems


def _matches(record: Record, path: tuple, value: str, compiled: re.Pattern, spellings: dict[str, list[Wrong]],
             linked: set[str], lines: list[str]) -> Iterator[Problem]:
    for match in compiled.finditer(value):
        suffix = match["suffix"].lstrip("'’-")
        if suffix != suffix.lower() or _quoted(value[:match.start()]):
            continue  # a longer capitalised word, or a spelling quoted as such
        name = " ".join(match["name"].split())
        wrong = [w for w in spellings[name] if not w.surname or w.person in linked]
        if not wrong:
            continue
        uses = " or ".join(f"`{u}`" for u in dict.fromkeys(w.use for w in wrong))
        whose = ", ".join(dict.fromkeys(w.person for w in wrong))
        line, col = _where(record, path, value, match.start(), lines)
        yield Problem(record.file, line, col, field_name(path),
                      f"`{match.group()}`: {whose} is written {uses} here (`{name}` is one of the other spellings "
                      "kept for search)", hint=f"write {uses}; the editing guide's Translations section says how "
                      "endings attach", severity=WARNING)
