"""The collection registry and the links declared in the schemas."""

from __future__ import annotations

from pathlib import Path

from conftest import edit, line_of, problems_of
from natoaz.model.registry import COLLECTIONS, NAMES, by_singular
from natoaz.model.schema import ANY, expanded, labels, links
from natoaz.paths import SCHEMA_DIR


def test_one_schema_per_collection_and_labels_from_its_title() -> None:
    schemas = {p.name.removesuffix(".schema.json") for p in SCHEMA_DIR.glob("*.schema.json")} - {"common"}
    assert set(NAMES) == schemas
    assert [c.singular for c in COLLECTIONS] == ["sector", "source", "person", "programme", "event", "quote",
                                                   "glossary term"]
    assert by_singular("person").name == "people"


def test_links_come_from_the_schemas() -> None:
    assert dict(links("quotes"))[("speaker",)] == "people"
    assert dict(links("programmes"))[("parent",)] == "programmes"
    assert dict(links("events"))[("disagreements", ANY, "readings", ANY, "sources", ANY)] == "sources"
    assert all(target in NAMES for c in NAMES for _, target in links(c))
    assert [path[0] for path, _ in links("sectors")] == ["translations", "corrections"]  # `by: source` names one


def test_every_id_field_is_a_declared_link() -> None:
    """A field holding ids of another collection (a slug other than the record's own `id`) must say which."""
    def slug_paths(node: dict, path: tuple) -> list[tuple]:
        own = path in (("id",), ("former_ids", ANY))  # the record's own ids, not links
        found = [path] if node.get("pattern") == "^[a-z0-9]+(-[a-z0-9]+)*$" and not own else []
        for name, sub in node.get("properties", {}).items():
            found += slug_paths(sub, path + (name,))
        if isinstance(node.get("items"), dict):
            found += slug_paths(node["items"], path + (ANY,))
        return found

    for name in NAMES:
        assert sorted(map(str, slug_paths(expanded(name), ()))) == sorted(str(p) for p, _ in links(name)), name


def test_a_reference_in_a_disagreement_reading_is_checked(mini: Path) -> None:
    path = mini / "events" / "2025.yaml"
    edit(path, "sources: [mfa-overview]", "sources: [no-such-source]")
    found = [p for p in problems_of(mini) if "no-such-source" in p.message]
    where = "disagreements[0].readings[1].sources[0]"
    assert [(p.message, p.line, p.field) for p in found] == [
        ("`no-such-source` is not a source id", line_of(path, "no-such-source"), where)]


def test_enum_labels_live_in_the_schema() -> None:
    assert labels("sources", "quality")["repost"] == "repost of another outlet's story"
    assert set(labels("programmes", "kind")) == set(expanded("programmes")["properties"]["kind"]["enum"])


def test_a_date_that_does_not_exist_is_reported_once_by_the_schema_format(mini: Path) -> None:
    """`partial-date` is a format with a checker: the schema says why the date does not exist, also
    inside `anyOf` (a source's date or `undated`), and the later checks do not repeat it."""
    source = mini / "sources" / "news-speech.yaml"
    edit(source, "date: 2025-05-06", "date: 2025-02-30")
    found = [p for p in problems_of(mini) if "2025-02-30" in p.message]
    assert [(p.file.rsplit("/", 1)[-1], p.field, p.message) for p in found] == [
        ("news-speech.yaml", "date", "date `2025-02-30` does not exist: February 2025 has 28 days")]
