"""The editions: Azerbaijani pages from the same core (golden pages from the mini data with a few
translations), and a third language that is only data (a label table and translated fields)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINI, edit
from natoaz.build import write_markdown
from natoaz.check.validate import load_valid
from natoaz.model.dates import parse_date
from natoaz.paths import ROOT
from natoaz.render import SiteOptions, abbreviation_definitions, render_site
from natoaz.render.i18n import LabelError, edition, language_name, load_labels
from natoaz.render.routes import FEED

GOLDEN = Path(__file__).parent / "golden" / "mini-az"
PAGES = ("events/1994-05-04-pfp-signed.md", "events/2025-05-06-speech.md", "quotes/alex-speaker-2025-05-06-began.md",
         "people/heydar-aliyev.md", "people/alex-speaker.md", "sources/mfa-overview.md", "programmes/pfp.md")


def translated_mini(target: Path) -> Path:
    """The mini data with an event title, a quote's editors' translation and a person's name in Azerbaijani."""
    shutil.copytree(MINI, target)
    edit(target / "events/1994.yaml", "  added: 2026-01-02\n", "  added: 2026-01-02\n  translations:\n    az:\n"
         "      by: editors\n      title: Azərbaycan Sülh naminə Tərəfdaşlığın Çərçivə Sənədini imzalayır\n")
    edit(target / "quotes/2025.yaml", "  added: 2026-01-03\n", "  added: 2026-01-03\n  translations:\n    az:\n"
         "      by: editors\n      text: Tərəfdaşlıq 1994-cü ildə başladı və böyüdü.\n"
         "      role: Əlaqə Bürosunun rəhbəri\n      occasion: Universitetdə çıxış\n      place: Bakı\n")
    edit(target / "sources/mfa-overview.yaml", "added: 2026-01-02\n", "added: 2026-01-02\n"
         "note: The page gives no date.\ntranslations:\n  az:\n    by: editors\n"
         "    note: Səhifədə tarix göstərilmir.\n")
    edit(target / "people/heydar-aliyev.yaml", "added: 2026-01-02\n", "added: 2026-01-02\ntranslations:\n  az:\n"
         "    by: editors\n    name: Heydər Əliyev\n    roles:\n      - title: Azərbaycan Respublikasının Prezidenti\n"
         "        organisation: Azərbaycan Respublikası\n")
    return target


def _az_pages(tmp_path: Path) -> dict[str, str]:
    dataset, _ = load_valid(translated_mini(tmp_path / "data"))
    files = render_site(dataset, SiteOptions(language="az"))
    return {path: str(files[path]) for path in PAGES}


def test_azerbaijani_pages_match_golden_files(tmp_path: Path) -> None:
    pages = _az_pages(tmp_path)
    if os.environ.get("UPDATE_GOLDEN"):
        for path, text in pages.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(text, encoding="utf-8")
    for path, text in pages.items():
        assert text == (GOLDEN / path).read_text(encoding="utf-8"), f"{path} differs from tests/golden/mini-az/"


def test_azerbaijani_page_shows_translations_dates_and_honest_gaps(tmp_path: Path) -> None:
    pages = _az_pages(tmp_path)
    event = pages["events/1994-05-04-pfp-signed.md"]
    assert "# Azərbaycan Sülh naminə Tərəfdaşlığın Çərçivə Sənədini imzalayır\n" in event
    assert "**Tarix:** 4 may 1994" in event  # lower-case month, the record's precision
    assert "Bu mətn hələ tərcümə olunmayıb" in event and '<div lang="en" markdown="1">' in event  # summary
    assert "[Heydər Əliyev](../people/heydar-aliyev.md)" in event
    quote = pages["quotes/alex-speaker-2025-05-06-began.md"]
    # the words stay verbatim, marked with their language; the editors' translation below, labelled
    assert quote.index("The partnership began in 1994") < quote.index("**Redaksiyanın tərcüməsi**")
    assert '> {: lang="en" }' in quote and "> Tərəfdaşlıq 1994-cü ildə başladı və böyüdü." in quote
    # the speaker's role and the place translated, not marked as English; the language by its name
    assert "**Yer:** Bakı  \n" in quote and ", Əlaqə Bürosunun rəhbəri  \n" in quote
    assert "**Dil:** ingilis dili — " in quote and "Bu mətn hələ tərcümə olunmayıb" not in quote
    source = pages["sources/mfa-overview.md"]
    assert "**Dil:** ingilis dili  \n" in source and "**Qeyd:** Səhifədə tarix göstərilmir." in source
    assert "Bu mətn hələ tərcümə olunmayıb" not in source
    # a correction not translated yet: in English, marked as such, with the page's note
    person = pages["people/alex-speaker.md"]
    assert '<span lang="en">The surname was misspelt' in person and "Bu mətn hələ tərcümə olunmayıb" in person


def test_hand_written_pages_get_the_glossary_in_their_own_language(tmp_path: Path) -> None:
    """docs/az/ pages: the glossary's Azerbaijani expansions as `abbr` definitions (the hook and the
    command-line twin); English pages keep the English ones."""
    data = translated_mini(tmp_path / "data")
    edit(data / "glossary/glossary.yaml", "  added: 2026-01-03\n", "  added: 2026-01-03\n  translations:\n    az:\n"
         "      by: editors\n      expansion: Sülh Naminə Tərəfdaşlıq\n")
    dataset, _ = load_valid(data)
    assert abbreviation_definitions(dataset).strip() == "*[PfP]: Partnership for Peace"
    assert abbreviation_definitions(dataset, "az").strip() == "*[PfP]: Sülh Naminə Tərəfdaşlıq"
    out = tmp_path / "markdown"
    write_markdown(out, data_dir=data)
    assert (out / "az/editing/index.md").read_text(encoding="utf-8").endswith("*[PfP]: Sülh Naminə Tərəfdaşlıq\n")
    assert (out / "editing/index.md").read_text(encoding="utf-8").endswith("*[PfP]: Partnership for Peace\n")


RUSSIAN = """name: Русский
theme_language: ru
locale: ru_RU
months: [январь, февраль, март, апрель, май, июнь, июль, август, сентябрь, октябрь, ноябрь, декабрь]
months_day: [января, февраля, марта, апреля, мая, июня, июля, августа, сентября, октября, ноября, декабря]
labels:
  Sources: Источники
  Date: Дата
  Timeline: Хронология
"""


def test_months_day_gives_the_month_after_a_day(tmp_path: Path) -> None:
    """`months_day` (optional) is the month's form after a day; without it a day date uses `months`."""
    (tmp_path / "ru.yaml").write_text(RUSSIAN, encoding="utf-8")
    russian = load_labels("ru", tmp_path)
    with edition(russian):
        assert parse_date("1994-05-04").human() == "4 мая 1994" and parse_date("1994-05").human() == "май 1994"
    with edition(load_labels("az")):
        assert parse_date("1994-05-04").human() == "4 may 1994" and parse_date("1994-05").human() == "may 1994"
    assert parse_date("1994-05-04").human() == "4 May 1994"  # English again outside the editions
    (tmp_path / "xx.yaml").write_text(RUSSIAN.replace("months_day: [января, ", "months_day: ["), encoding="utf-8")
    with pytest.raises(LabelError, match="months_day"):
        load_labels("xx", tmp_path)


@pytest.mark.slow
def test_a_third_language_is_data_not_code(tmp_path: Path) -> None:
    """A label table (three labels) and one translated record make a Russian edition under /ru/."""
    i18n = tmp_path / "i18n"
    shutil.copytree(ROOT / "i18n", i18n)
    (i18n / "ru.yaml").write_text(RUSSIAN, encoding="utf-8")
    data = translated_mini(tmp_path / "data")
    az_title = "      title: Azərbaycan Sülh naminə Tərəfdaşlığın Çərçivə Sənədini imzalayır\n"
    edit(data / "events/1994.yaml", az_title,
         az_title + "    ru:\n      by: editors\n      title: Азербайджан подписывает Рамочный документ ПРМ\n")
    env = {**os.environ, "NATOAZ_I18N": str(i18n)}
    run = [sys.executable, "-m", "natoaz", "--data", str(data)]
    assert subprocess.run(run + ["check"], env=env, capture_output=True, text=True).returncode == 0
    refused = subprocess.run(run + ["check"], capture_output=True, text=True)  # without the Russian table
    assert refused.returncode == 1 and "`ru` is not a declared language" in refused.stdout
    site = tmp_path / "site"
    built = subprocess.run(run + ["build", "--site-dir", str(site)], env=env, capture_output=True, text=True,
                           cwd=ROOT, timeout=900)
    assert built.returncode == 0, built.stderr[-3000:]
    page = (site / "ru/events/1994-05-04-pfp-signed/index.html").read_text(encoding="utf-8")
    assert '<html lang="ru"' in page and "Азербайджан подписывает Рамочный документ ПРМ" in page
    assert "Дата" in page and "4 мая 1994" in page and "Источники" in page  # a day: the month's genitive
    person = (site / "ru/people/heydar-aliyev/index.html").read_text(encoding="utf-8")
    assert "октябрь 1993" in person and "октября 1993" not in person  # a month alone: its own name
    english = (site / "events/1994-05-04-pfp-signed/index.html").read_text(encoding="utf-8")
    assert 'href="../../ru/events/1994-05-04-pfp-signed/" hreflang="ru"' in english
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")  # one sitemap, hreflang alternates
    assert re.search(r'<loc>[^<]*/ru/events/1994-05-04-pfp-signed/</loc>.*?<xhtml:link rel="alternate" '
                     r'hreflang="en" href="[^"]*/events/1994-05-04-pfp-signed/"/>', sitemap, re.S)


def test_every_language_in_the_data_has_a_name_in_every_label_table() -> None:
    """Pages show a source's or quote's language by name (`rus dili`), never by its code: each table's
    `languages:` names every code the data uses."""
    dataset, _ = load_valid(ROOT / "data")
    used = {str(r.data["language"]) for c in ("sources", "quotes") for r in dataset[c].values()}
    for table in sorted((ROOT / "i18n").glob("*.yaml")):
        names = load_labels(table.stem).languages
        assert used <= set(names), f"{table.name} lacks names for {sorted(used - set(names))}"
    with edition(load_labels("az")):
        assert language_name("ru") == "rus dili" and language_name("xx") == "xx"
    assert language_name("ru") == "Russian"


def test_the_azerbaijani_feed_speaks_azerbaijani(tmp_path: Path) -> None:
    dataset, _ = load_valid(translated_mini(tmp_path / "data"))
    feed = str(render_site(dataset, SiteOptions(language="az"))[FEED])
    assert '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="az">' in feed
    assert "NATO–Azərbaycan əməkdaşlığı: əlavələr və düzəlişlər" in feed
    assert "Azərbaycan Sülh naminə Tərəfdaşlığın Çərçivə Sənədini imzalayır" in feed  # the translated title
    assert "Əlavə edilib (" in feed and "Added " not in feed and "Correction: " not in feed
    english = str(render_site(dataset, SiteOptions())[FEED])
    assert 'xml:lang="en"' in english and "Added event: " in english
