"""Translations in the records: `translations: {az: {by, source, <field>: …}}`, derived from the schema's
`"x-translate"` marks; checked like the English fields; gaps reported as warnings when asked."""

from __future__ import annotations

from pathlib import Path

from conftest import TODAY, edit, line_of, problems_of
from natoaz.check.translations import coverage
from natoaz.check.validate import validate
from natoaz.model.schema import translatable_fields
from natoaz.problems import ERROR, WARNING

EVENT = "events/1994.yaml"
ANCHOR = "  added: 2026-01-02\n"


def _translate(mini: Path, block: str, file: str = EVENT, anchor: str = ANCHOR) -> None:
    edit(mini / file, anchor, anchor + block)


def _errors(mini: Path) -> list:
    return [p for p in problems_of(mini) if p.severity == ERROR]


def test_translatable_fields_come_from_the_schema_marks() -> None:
    assert [p for p, _ in translatable_fields("events")] == [
        ("title",), ("summary",), ("place",), ("disagreements", None, "note"), ("corrections", None, "change")]
    assert [p for p, _ in translatable_fields("quotes")][:4] == [("text",), ("role",), ("occasion",), ("place",)]
    assert [p for p, _ in translatable_fields("sources")] == [("note",), ("corrections", None, "change")]
    assert dict(translatable_fields("people"))[("name",)] is False  # translated only where it differs


def test_a_translation_by_the_editors_or_by_a_source_is_valid(mini: Path) -> None:
    _translate(mini, "  translations:\n    az:\n      by: editors\n      title: Azərbaycan sənədi imzalayır\n"
                     "      summary: Prezident sənədi NATO-nun qərargahında imzalayır.\n")
    _translate(mini, "  translations:\n    az:\n      by: source\n      source: news-speech\n"
                     "      text: Tərəfdaşlıq 1994-cü ildə başladı.\n",
               "quotes/2025.yaml", "  added: 2026-01-03\n")
    [p] = problems_of(mini)
    assert p.severity == WARNING and "source `news-speech` is in `en`, not `az`" in p.message
    edit(mini / "sources/news-speech.yaml", "language: en", "language: az")
    assert problems_of(mini) == []


def test_a_translated_field_the_record_cannot_have_is_an_error_at_its_line(mini: Path) -> None:
    _translate(mini, "  translations:\n    az:\n      by: editors\n      acronym: PfP\n")
    [p] = _errors(mini)
    assert (p.field, p.line) == ("translations.az.acronym", line_of(mini / EVENT, "acronym: PfP"))
    assert "unknown field `acronym`" in p.message and "title" in p.hint


def test_a_language_without_a_label_table_is_an_error(mini: Path) -> None:
    _translate(mini, "  translations:\n    fr:\n      by: editors\n      title: L'Azerbaïdjan signe le document\n")
    [p] = _errors(mini)
    assert p.field == "translations.fr" and "`fr` is not a declared language" in p.message and "az" in p.hint


def test_by_source_names_a_known_source(mini: Path) -> None:
    _translate(mini, "  translations:\n    az:\n      by: source\n      title: Azərbaycan sənədi imzalayır\n")
    [p] = _errors(mini)
    assert p.field == "translations.az" and "missing required field `source`" in p.message
    edit(mini / EVENT, "      by: source\n", "      by: source\n      source: news-speeech\n")
    [p] = _errors(mini)
    assert p.field == "translations.az.source" and "did you mean `news-speech`?" in p.hint


def test_translated_text_keeps_the_english_fields_rules(mini: Path) -> None:
    _translate(mini, "  translations:\n    az:\n      by: editors\n      title: \"Bir\\nİki sətir\"\n"
                     "      summary: \"Şəkil ![x](https://example.org/x.png) və \\u202e\"\n")
    found = {p.field: p.message for p in _errors(mini)}
    assert "line break" in found["translations.az.title"]
    assert "translations.az.summary" in found


def test_translated_lists_follow_the_english_ones(mini: Path) -> None:
    person = mini / "people/heydar-aliyev.yaml"
    edit(person, "added: 2026-01-02\n", "added: 2026-01-02\ntranslations:\n  az:\n    by: editors\n"
                 "    name: Heydər Əliyev\n    roles:\n      - title: Azərbaycan Prezidenti\n      - title: Artıq\n")
    [p] = _errors(mini)
    assert p.field == "translations.az.roles" and "2 item(s) of `roles`, which has 1" in p.message


def test_a_quote_is_not_translated_into_its_own_language(mini: Path) -> None:
    edit(mini / "quotes/2025.yaml", "  language: en\n", "  language: az\n")
    _translate(mini, "  translations:\n    az:\n      by: editors\n      text: Tərəfdaşlıq başladı.\n",
               "quotes/2025.yaml", "  added: 2026-01-03\n")
    [p] = _errors(mini)
    assert p.field == "translations.az.text" and "already in `az`" in p.message


def test_missing_translations_are_one_warning_per_collection_or_one_per_record(mini: Path) -> None:
    _translate(mini, "  translations:\n    az:\n      by: editors\n      title: Azərbaycan sənədi imzalayır\n")
    summary = [p for p in validate(mini, TODAY, gaps="summary")[1] if "translations missing" in p.message]
    assert len(summary) == len({p.file.split("/")[-2] for p in summary})  # one per collection
    events = next(p for p in summary if "events" in p.message)
    assert events.severity == WARNING and "summary in 2" in events.message and "title in 1" in events.message
    each = [p for p in validate(mini, TODAY, gaps="each")[1] if p.message.startswith("no Azerbaijani translation")]
    assert len(each) > len(summary) and all(p.severity == WARNING for p in each)
    assert problems_of(mini) == []  # the build's own check does not list gaps


def test_coverage_counts_values_per_field(mini: Path) -> None:
    _translate(mini, "  translations:\n    az:\n      by: editors\n      title: Azərbaycan sənədi imzalayır\n")
    events = coverage(validate(mini, TODAY)[0])["az"]["events"]
    assert events["title"] == (1, 2) and events["summary"] == (0, 2)


def test_a_quote_already_in_the_language_is_no_gap(mini: Path) -> None:
    quotes = coverage(validate(mini, TODAY)[0])["az"]["quotes"]
    assert quotes["text"] == (0, 1)
    edit(mini / "quotes/2025.yaml", "  language: en\n", "  language: az\n")
    dataset, problems = validate(mini, TODAY, gaps="each")
    assert coverage(dataset)["az"]["quotes"]["text"] == (0, 0)
    assert not any(p.message.startswith("no Azerbaijani translation") and "text" in p.message and "quotes" in p.file
                   for p in problems)


def test_editors_names_the_fields_the_editors_wrote_beside_a_sources_text(mini: Path) -> None:
    """A quote's text from a source with role and place by the editors: `editors` says so; it must name
    fields of the entry, and only beside `by: source`."""
    block = ("  translations:\n    az:\n      by: source\n      source: mfa-overview\n"
             "      editors: [role, place]\n      role: Rəhbər\n      place: Bakı\n")
    edit(mini / "quotes/2025.yaml", "  added: 2026-01-03\n", "  added: 2026-01-03\n" + block)
    assert not [p for p in problems_of(mini) if "editors" in p.message]
    edit(mini / "quotes/2025.yaml", "editors: [role, place]", "editors: [role, occasion]")
    found = [p for p in problems_of(mini) if "`occasion` is not a translated field" in p.message]
    assert len(found) == 1 and found[0].line == line_of(mini / "quotes/2025.yaml", "editors: [role, occasion]")
    edit(mini / "quotes/2025.yaml", "by: source\n      source: mfa-overview\n", "by: editors\n")
    edit(mini / "quotes/2025.yaml", "editors: [role, occasion]", "editors: [role]")
    assert any("`editors` is only for an entry whose text a source gives" in p.message for p in problems_of(mini))
