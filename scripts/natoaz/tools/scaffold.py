"""`new`: add a record skeleton with a fresh slug id to the right data file."""

from __future__ import annotations

import re
import unicodedata
from datetime import date as _date
from pathlib import Path

from ..model.dates import parse_date

SCHEMA_HEADER = "# yaml-language-server: $schema=../../schemas/{collection}.schema.json\n"
FOLDERS = {"event": "events", "quote": "quotes", "programme": "programmes", "person": "people", "source": "sources"}


def slugify(text: str, limit: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "record"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _existing_ids(folder: Path) -> set[str]:
    found: set[str] = set()
    for path in folder.glob("*.yaml"):
        found.update(re.findall(r"^-? ?id: *([a-z0-9-]+)", path.read_text(encoding="utf-8"), re.M))
    return found


def scaffold(kind: str, title: str, when: str, data_dir: Path, today: _date | None = None) -> tuple[Path, str]:
    collection = FOLDERS[kind]
    folder = data_dir / collection
    added = (today or _date.today()).isoformat()
    if when:
        parse_date(when)  # raises DateError with a plain message
    base = slugify(f"{when}-{title}" if when and kind in ("event", "quote") else title)
    record_id, n = base, 2
    taken = _existing_ids(folder)
    while record_id in taken:
        record_id, n = f"{base}-{n}", n + 1
    fields = {
        "event": [("id", record_id), ("date", when or "TODO"), ("title", _quote(title)),
                  ("summary", '"TODO: what happened, in your own words"'), ("sectors", "[political-dialogue]"),
                  ("sources", "[]  # TODO: add source ids")],
        "quote": [("id", record_id), ("text", _quote(title)), ("speaker", "TODO-person-id"),
                  ("role", '"TODO: role at the time"'), ("date", when or "TODO"), ("occasion", '"TODO"'),
                  ("language", "en"), ("sources", "[]  # TODO: add source ids")],
        "programme": [("id", record_id), ("name", _quote(title)), ("kind", "programme"),
                      ("summary", '"TODO: one sentence"'), ("participation", f"{{start: \"{when or 'TODO'}\"}}"),
                      ("sectors", "[political-dialogue]"), ("sources", "[]  # TODO: add source ids")],
        "person": [("id", record_id), ("name", _quote(title)),
                   ("roles", '[{title: "TODO", organisation: "TODO"}]'), ("sources", "[]  # TODO: add source ids")],
        "source": [("id", record_id), ("title", _quote(title)), ("publisher", '"TODO"'),
                   ("url", "https://TODO"), ("date", when or "undated"), ("language", "en"), ("quality", "official")],
    }[kind] + [("added", added)]
    if kind in ("event", "quote"):
        year = when[:4] if when else str(today or _date.today())[:4]
        path = folder / f"{year}.yaml"
        lines = [f"- {k}: {v}" if i == 0 else f"  {k}: {v}" for i, (k, v) in enumerate(fields)]
    else:
        path = folder / f"{record_id}.yaml"
        lines = [f"{k}: {v}" for k, v in fields]
    folder.mkdir(parents=True, exist_ok=True)
    existing = path.read_text(encoding="utf-8") if path.exists() else SCHEMA_HEADER.format(collection=collection)
    if existing and not existing.endswith("\n"):
        existing += "\n"
    path.write_text(existing + "\n".join(lines) + "\n", encoding="utf-8")
    return path, record_id
