"""People's names in the editors' text: written as the person record gives them for the text's language
(`translations.<lang>.name`, else `name`); another spelling of `other_names` is a warning at its line."""

from __future__ import annotations

from pathlib import Path

from conftest import edit, line_of, problems_of
from natoaz.check.names import check_names, pattern, wrong_spellings
from natoaz.load.dataset import load_dataset
from natoaz.model.schema import own_words_fields

EVENT = "events/1994.yaml"
HEYDAR = "people/heydar-aliyev.yaml"


def _names(data: Path) -> list:
    return [p for p in problems_of(data) if "other spellings kept for search" in p.message]


def _misspell(mini: Path) -> None:
    """The Azerbaijani president gets his Azerbaijani name and a transliteration; the event's texts use the
    wrong spellings in English and in Azerbaijani."""
    edit(mini / HEYDAR, "added: 2026-01-02\n", "added: 2026-01-02\nother_names: [Haidar Aliev]\n"
         "translations:\n  az:\n    by: editors\n    name: Heydər Əliyev\n    roles:\n"
         "    - title: Azərbaycan Prezidenti\n      organisation: Azərbaycan Respublikası\n")
    edit(mini / EVENT, "    The president signs the document at NATO headquarters.\n",
         "    The president, Haidar Aliev, signs the document at NATO headquarters; Alex Speeker's\n"
         "    office reports it. The name is also spelt \"Alex Speeker\".\n")
    edit(mini / EVENT, "  added: 2026-01-02\n", "  added: 2026-01-02\n  translations:\n    az:\n      by: editors\n"
         "      title: Heydar Aliyev SNT sənədini imzalayır\n      summary: >-\n"
         "        Prezident Alex Speekerlə görüşür; Speekerin ofisi bunu bildirir.\n")
    edit(mini / EVENT, "  people: [heydar-aliyev]\n", "  people: [heydar-aliyev, alex-speaker]\n")


def test_the_mini_dataset_spells_every_name_as_its_record_does(mini: Path) -> None:
    # alex-speaker's correction mentions "Speeker" in quotation marks: a spelling named, not used
    assert "\"Speeker\"" in (mini / "people/alex-speaker.yaml").read_text(encoding="utf-8")
    assert _names(mini) == []


def test_another_spelling_is_a_warning_at_its_line_with_the_spelling_to_use(mini: Path) -> None:
    _misspell(mini)
    found = {(p.field, p.message.split("`")[1]): p for p in _names(mini)}
    assert set(found) == {
        ("summary", "Haidar Aliev"),  # an other_names spelling in English text
        ("summary", "Alex Speeker's"),  # with an English ending
        ("translations.az.title", "Heydar Aliyev"),  # the English name where the person has an Azerbaijani one
        ("translations.az.summary", "Alex Speekerlə"),  # with an Azerbaijani ending
        ("translations.az.summary", "Speekerin"),  # the surname alone, in a record that links the person
    }
    wrong = found[("summary", "Haidar Aliev")]
    assert wrong.severity == "warning" and wrong.file.endswith("events/1994.yaml")
    assert (wrong.line, wrong.col) == (line_of(mini / EVENT, "Haidar Aliev"), 20)
    assert "`Heydar Aliyev`" in wrong.hint
    assert "`Heydər Əliyev`" in found[("translations.az.title", "Heydar Aliyev")].hint
    assert found[("translations.az.summary", "Speekerin")].line == line_of(mini / EVENT, "Speekerin")


def test_a_surname_alone_is_flagged_only_where_the_record_links_the_person(mini: Path) -> None:
    _misspell(mini)
    assert any(p.message.startswith("`Speekerin`") for p in _names(mini))
    edit(mini / EVENT, "  people: [heydar-aliyev, alex-speaker]\n", "  people: [heydar-aliyev]\n")
    assert not any(p.message.startswith("`Speekerin`") for p in _names(mini))


def test_verbatim_fields_keep_the_spelling_their_source_prints(mini: Path) -> None:
    """A quote's words and a source's title are as published: no warning there."""
    edit(mini / "quotes/2025.yaml", "The partnership began", "Alex Speeker said the partnership began")
    edit(mini / "sources/news-speech.yaml", "title: Official describes", "title: Alex Speeker describes")
    assert _names(mini) == []
    assert (("text",), "en") not in own_words_fields("quotes")
    assert (("title",), "en") not in own_words_fields("sources")
    assert (("translations", "az", "summary"), "az") in own_words_fields("events")


def test_right_spellings_longer_words_and_lower_case_are_not_flagged(mini: Path) -> None:
    _misspell(mini)
    dataset, _ = load_dataset(mini)
    spellings = wrong_spellings(dataset, "az")
    assert "Heydər Əliyev" not in spellings and "Aliyev" in spellings  # the surname: linked records only
    compiled = pattern(spellings)
    assert compiled is not None
    assert not compiled.search("Heydər Əliyev")
    assert not compiled.search("heydar aliyev")  # case-sensitive
    assert compiled.search("Heydar   Aliyev")  # spaces as the folded YAML gives them
    assert compiled.search("XHeydar Aliyev").group() == "Aliyev"  # whole words only
    assert len([p for p in check_names(dataset) if p.field == "translations.az.title"]) == 1
    edit(mini / EVENT, "      by: editors\n", "      by: editors\n      place: XAliyev, Heydar AliyevMərkəzi\n")
    assert not [p for p in check_names(load_dataset(mini)[0]) if p.field == "translations.az.place"]
