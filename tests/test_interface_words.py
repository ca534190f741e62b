"""Every word a template shows goes through `t()` (render/i18n.py), so that each edition has it in its
own language: the checked templates show no bare word (render/literal_words.py: literal text, attributes a
reader sees, strings printed as they are). And the Azerbaijani pages built from these templates show no
English sentence outside text marked `lang="en"`; `make stats` counts the words a build asks for."""

from __future__ import annotations

import re

import pytest

from conftest import MINI
from natoaz.check.validate import load_valid
from natoaz.render import SiteOptions, render_site
from natoaz.render.i18n import load_labels
from natoaz.render.literal_words import bare_words
from natoaz.render.templates import FOLDER
from natoaz.tools.stats import interface_report

# The templates checked; each helper adds theirs (on a merge, keep every line).
CHECKED_TEMPLATES = [
    "chart.html.j2", "chart_table.md.j2", "events_chart.html.j2", "home.md.j2", "participation_chart.html.j2",
    "parts.md.j2", "problems_banner.html.j2", "redirect.html.j2", "timeline.md.j2", "timeline_filter.html.j2",
    "timeline_pages.md.j2", "timeline_year.md.j2", "timeline_years.md.j2",
    # index pages, record pages, changelog, corrections, the Data page and the Cite block
    "indexes/glossary.md.j2", "indexes/paged.md.j2", "indexes/people.md.j2", "indexes/programmes.md.j2",
    "indexes/quotes.md.j2", "indexes/sectors.md.j2", "indexes/sources.md.j2",
    "records/event.md.j2", "records/glossary.md.j2", "records/person.md.j2", "records/programme.md.j2",
    "records/quote.md.j2", "records/record.md.j2", "records/sector.md.j2", "records/source.md.j2",
    "changelog/index.md.j2", "changelog/parts.md.j2", "changelog/release.md.j2",
    "cite.html.j2", "corrections.md.j2", "data.md.j2",
]
@pytest.mark.parametrize("name", CHECKED_TEMPLATES)
def test_every_word_of_the_template_goes_through_t(name: str) -> None:
    source = (FOLDER / name).read_text(encoding="utf-8")
    assert bare_words(source, name) == [], "words outside t(): wrap them in {{ t(\"…\") }} and translate them in i18n/"


@pytest.mark.parametrize(("template", "bare"), [
    ("<p>{{ t(\"Sources\") }} Next</p>", ["x:1: Next"]),
    ("{{ t(\"A\") }}\n\nSee the [list]({{ href }}).", ["x:3: See", "x:3: the", "x:3: list"]),
    ('<nav aria-label="Pages of {{ year }}">', ["x:1: Pages", "x:1: of"]),
    ('<input placeholder="e.g. DEEP">', ["x:1: DEEP"]),
    ("[{{ n }}]({{ h }}){ title=\"Go there\" data-part=\"\" }", ["x:1: Go", "x:1: there"]),
    ('{% if a %}{{ "corrected" if a else "added" }}{% endif %}', ["x:1: corrected", "x:1: added"]),
    ('<div class="natoaz-entry" data-type="{{ k }}" markdown="1">{# a comment #}</div>', []),
    ("**{{ t(\"Date\") }}:** NATO &amp; {{ x }} · <code>make check-data</code> {: .natoaz-lead }", []),
    ('{{ "??? info" if m else "!!! warning" }} "{{ t(w)|md }}"', []),
    ('<p data-natoaz-some="{{ t(\"{shown} of {total}\") }}" data-natoaz-all="All shown">', ["x:1: All", "x:1: shown"]),
    ('<button aria-label="Copy the citation" hidden>{{ t("Copy") }}</button>',
     ["x:1: Copy", "x:1: the", "x:1: citation"]),
    ('## {{ t("Licence") }} {{ "{#licence}" }}\n| [`{{ f }}`]({{ h }}){download} | BibTeX |', []),
])
def test_the_check_finds_bare_words_and_only_them(template: str, bare: list[str]) -> None:
    assert bare_words(template, "x") == bare


def test_a_bare_word_in_a_checked_template_fails_the_check() -> None:
    source = (FOLDER / "timeline.md.j2").read_text(encoding="utf-8")
    assert bare_words(source, "timeline.md.j2") == []
    spoilt = source.replace('{{ t("Browse by sector:") }}', "Browse by sector:")
    assert bare_words(spoilt, "timeline.md.j2") == ["timeline.md.j2:10: Browse", "timeline.md.j2:10: by",
                                                    "timeline.md.j2:10: sector"]


# The Azerbaijani pages: stripped of markup and of text marked as English, no English word is left.
ENGLISH = re.compile(r"\b(?:the|and|of|with|by|from|to|in|on|per|events?|quotes?|programmes?|sources?|"
                     r"Page|Previous|Next|Year|Years|Timeline|Search|Skip|Filter|Show|All)\b")


def _without_english_marked(page: str) -> str:
    page = re.sub(r"^---\n.*?\n---\n", lambda m: re.sub(r"^\w+:", "", m.group(), flags=re.M), page, flags=re.S)
    page = re.sub(r'<(div|span|li|option)[^>]* lang="en"[^>]*>.*?</\1>', "", page, flags=re.S)
    page = re.sub(r"\[[^\]]*\]\([^)]*\)\{ lang=en \}", "", page)  # links to records still in English
    page = re.sub(r'^> [^\n]*(?:\n> [^\n]*)*\n> \{: lang="en" \}', "", page, flags=re.M)  # quotes, verbatim
    page = re.sub(r"<[^<>]*>|\]\([^)]*\)|\{[^{}\n]*\}", " ", page)  # tags and link targets, attribute lists
    return page


def test_the_azerbaijani_home_timeline_and_charts_have_no_english_words() -> None:
    dataset, _ = load_valid(MINI)
    pages = render_site(dataset, SiteOptions(language="az"))
    home = str(pages["index.md"])
    assert "2 hadisə, 1 proqram, 1 sitat və 2 mənbə" in home  # a noun after a number stays singular
    assert "**2** hadisə" in home and "Səhifə" not in home
    for path in ("index.md", "timeline/index.md", "timeline/2025.md", "timeline/1994.md"):
        left = ENGLISH.findall(_without_english_marked(str(pages[path])))
        assert left == [], f"{path}: English words outside lang=en: {left}"


def test_stats_count_the_words_a_build_asks_for() -> None:
    """`make stats` counts what the pages ask for, also a word chosen at run time (a collection's name in
    the Cite block), not only the literal `t("…")` calls in the code."""
    dataset, _ = load_valid(MINI)
    labels = load_labels("az")
    removed = labels.words.pop("Glossary term")
    try:
        report = interface_report(dataset, "az")
    finally:
        labels.words["Glossary term"] = removed
    assert report["missing"] == ["Glossary term"]
    assert report["total"] > 150 and report["translated"] == report["total"] - 1
    assert all(isinstance(words, list) and words for words in report["literal"].values())


def _without_code(page: str) -> str:
    """Code, file names and the JSON-LD (data for machines), which stay as they are in every language; the
    meta description, in English where the record's text is not translated yet (no `lang` in a meta tag)."""
    page = re.sub(r"^(?: {4}|\t).*$|^(?:jsonld|description|title): .*$|^#.*\{ lang=en \}$", "", page, flags=re.M)
    page = re.sub(r"\[[\w.-]+\.(?:csv|json|db|xlsx)\]\([^)]*\)", "", page)  # links to files by name
    page = re.sub(r"<pre[^>]*>.*?</pre>", "", page, flags=re.S)
    return re.sub(r"`[^`\n]*`", "", page)


def test_the_azerbaijani_index_record_data_and_changelog_pages_have_no_english_words() -> None:
    dataset, _ = load_valid(MINI)
    pages = render_site(dataset, SiteOptions(language="az"))
    for path in ("data.md", "corrections/index.md", "changelog/index.md", "sources/index.md", "people/index.md",
                 "programmes/index.md", "quotes/index.md", "sectors/index.md", "glossary/index.md", "glossary/pfp.md",
                 "events/2025-05-06-speech.md", "quotes/alex-speaker-2025-05-06-began.md", "sources/news-speech.md",
                 "people/alex-speaker.md", "programmes/pfp.md", "sectors/political-dialogue.md"):
        left = ENGLISH.findall(_without_english_marked(_without_code(str(pages[path]))))
        assert left == [], f"{path}: English words outside lang=en: {left}"
