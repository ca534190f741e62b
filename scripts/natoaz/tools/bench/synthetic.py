"""Seeded synthetic content: text with the shape of a real text, names, jittered dates."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from datetime import date, timedelta

from ...model.dates import DateError, parse_date

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Used when the real data has too few words to vary texts convincingly.
_FALLBACK_WORDS = (
    "alliance partnership cooperation defence reform programme planning review exercise training officers "
    "ministry foreign affairs security council meeting summit visit delegation agreement document signed "
    "brussels baku headquarters representative secretary general president minister forces contingent "
    "peacekeeping kosovo afghanistan demining clearance science project workshop emergency disaster relief "
    "parliamentary assembly seminar information centre interoperability standards education academy"
).split()
_FIRST_NAMES = ("Aydin", "Leyla", "Rashad", "Nigar", "Elchin", "Sevinj", "Tural", "Gunay", "Anders", "Claire",
                "Jonas", "Marta", "Pieter", "Ilse", "Tomas", "Elena", "Marco", "Sofia", "Henrik", "Agnes")
_SURNAMES = ("Aliyeva", "Huseynov", "Mammadli", "Karimov", "Guliyeva", "Hasanov", "Ibrahimova", "Rzayev",
             "Lindqvist", "Moreau", "Visser", "Novak", "Kowalski", "Rossi", "Jensen", "Dubois", "Horvat",
             "Petrescu", "Schmidt", "Andersen")


_MONTH = re.compile(r"January|February|March|April|May|June|July|August|September|October|November|December")


def vocabulary(texts: Iterable[str]) -> list[str]:
    """Every word of the real texts, repeats included and in order, so that sampling from it keeps the
    real word frequencies (and so word lengths and index sizes) deterministic."""
    # month names left out: a sentence naming a date asks for an inline citation (check/checks.py)
    words = [w for text in texts for w in _WORD.findall(text) if len(w) > 1 and not _MONTH.fullmatch(w)]
    return words if len(set(words)) >= 200 else words + list(_FALLBACK_WORDS)


def _sentences(rng: random.Random, vocab: list[str], count: int) -> str:
    """`count` words cut into sentences of 8–20 words, capitalised and full-stopped."""
    out: list[str] = []
    while count > 0:
        size = min(count, rng.randint(8, 20))
        words = [rng.choice(vocab) for _ in range(size)]
        out.append(words[0][:1].upper() + words[0][1:] + (" " + " ".join(words[1:]) if size > 1 else "") + ".")
        count -= size
    return " ".join(out)


def text_like(rng: random.Random, vocab: list[str], original: str) -> str:
    """New words, same paragraphs and word counts as `original` (keeps the long/short mix)."""
    paragraphs = [p for p in re.split(r"\n\s*\n", str(original).strip()) if p.strip()] or ["x"]
    return "\n\n".join(_sentences(rng, vocab, len(p.split())) for p in paragraphs)


def title_like(rng: random.Random, vocab: list[str], original: str, min_len: int = 5, max_len: int = 160) -> str:
    """A headline with as many words as `original`, within the schema's length limits."""
    words = [rng.choice(vocab) for _ in range(max(2, len(str(original).split())))]
    title = " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])
    while len(title) < min_len:
        title += " " + rng.choice(vocab)
    return title if len(title) <= max_len else title[:max_len].rsplit(" ", 1)[0]


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST_NAMES)} {rng.choice(_SURNAMES)}"


def jitter_dates(rng: random.Random, data: dict, latest_year: int) -> None:
    """Move an event's `date` (and `end`, keeping the duration) within its year, never past `latest_year`'s
    original date, so copies spread over the calendar like real events instead of piling onto one day."""
    try:
        start = parse_date(str(data.get("date")))
        end = parse_date(str(data["end"])) if data.get("end") else None
    except DateError:
        return
    if start.precision == "year" or (end and (start.precision != "day" or end.precision != "day")):
        return
    if start.precision == "month":
        top = start.month if start.year >= latest_year else 12
        data["date"] = f"{start.year:04d}-{rng.randint(1, top):02d}"
        return
    first = date(start.year, 1, 1)
    last = start.first_day if start.year >= latest_year else date(start.year, 12, 31)
    moved = first + timedelta(days=rng.randint(0, (last - first).days))
    data["date"] = moved.isoformat()
    if end:
        data["end"] = (end.first_day + (moved - start.first_day)).isoformat()
