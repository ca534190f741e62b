"""Counted nouns are data: each label table names its `plural_rule` and gives the nouns' forms
(render/i18n.py); English "1 event, 2 events", Azerbaijani "185 hadisə", Russian one/few/many."""

from __future__ import annotations

from pathlib import Path

import pytest

from natoaz.render.i18n import PLURAL_RULES, LabelError, edition, load_labels
from natoaz.render.templates import environment
from natoaz.render.text import plural

RUSSIAN = """name: Русский
plural_rule: ru
labels:
  event: {one: событие, few: события, many: событий}
  Sources: Источники
"""


def _table(folder: Path, code: str, text: str):
    (folder / f"{code}.yaml").write_text(text, encoding="utf-8")
    load_labels.cache_clear()
    try:
        return load_labels(code, folder)
    finally:
        load_labels.cache_clear()


def test_english_counts_one_and_other() -> None:
    english = load_labels("en")
    assert (english.plural_rule, english.plural(1, "event", "events"), english.plural(2, "event", "events"),
            english.plural(0, "person", "people")) == ("en", "1 event", "2 events", "0 people")
    assert plural(1, "correction") == "1 correction" and plural(3, "correction") == "3 corrections"


def test_azerbaijani_keeps_the_noun_singular_after_a_number() -> None:
    az = load_labels("az")
    assert az.plural_rule == "az"
    assert [az.plural(n, "event", "events") for n in (1, 2, 185)] == ["1 hadisə", "2 hadisə", "185 hadisə"]
    assert az.plural(7, "person", "people") == "7 şəxs"
    assert az.plural(3, "no such noun", "no such nouns") == "3 no such nouns"  # not translated: English
    with edition(az):  # Python's text.plural and the templates' plural() follow the edition
        assert plural(185, "event", "events") == "185 hadisə"
        template = environment().from_string(
            '{{ plural(n, "event", "events") }}; **{{ n }}** {{ noun(n, "quote", "quotes") }}')
        assert template.render(n=185) == "185 hadisə; **185** sitat"


@pytest.mark.parametrize(("count", "form"), [(1, "событие"), (21, "событие"), (2, "события"), (4, "события"),
                                             (22, "события"), (5, "событий"), (11, "событий"), (12, "событий"),
                                             (14, "событий"), (0, "событий"), (111, "событий"), (101, "событие")])
def test_a_russian_table_gives_one_few_and_many(tmp_path: Path, count: int, form: str) -> None:
    russian = _table(tmp_path, "ru", RUSSIAN)
    assert russian.plural(count, "event", "events") == f"{count} {form}"
    assert russian("event") == "событие"  # the word alone: the `one` form


def test_polish_and_french_rules() -> None:
    _, polish = PLURAL_RULES["pl"]
    assert [polish(n) for n in (1, 2, 5, 21, 22, 112)] == ["one", "few", "many", "many", "few", "many"]
    _, french = PLURAL_RULES["fr"]
    assert [french(n) for n in (0, 1, 2)] == ["one", "one", "other"]


def test_two_forms_by_the_english_keys_under_a_two_category_rule(tmp_path: Path) -> None:
    german = _table(tmp_path, "de", "plural_rule: en\nlabels:\n  event: Ereignis\n  events: Ereignisse\n")
    assert (german.plural(1, "event", "events"), german.plural(3, "event", "events")) == ("1 Ereignis", "3 Ereignisse")


@pytest.mark.parametrize(("text", "message"), [
    ("plural_rule: xx\n", "`plural_rule: xx` is not one of en, az, fr, ru, pl"),
    ("plural_rule: ru\nlabels:\n  event: {one: событие, many: событий}\n",
     "`event` must give a form for each of one, few, many"),
    ("plural_rule: ru\nlabels:\n  event: {one: событие, few: '', many: событий}\n", "`event` must give a form"),
    ("labels:\n  event: [a, b]\n", "`labels` must map English texts to texts"),
])
def test_a_bad_plural_table_is_an_error_naming_the_file(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(LabelError, match="ru.yaml") as error:
        _table(tmp_path, "ru", text)
    assert message in str(error.value)
