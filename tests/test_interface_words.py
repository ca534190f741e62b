"""Every word a template shows goes through `t()` (render/i18n.py), so that each edition has it in its
own language: the templates' literal text (Jinja's `data` tokens), HTML tags, attribute names, Markdown
syntax and entities stripped, must hold no word; nor may an attribute a reader sees (`aria-label`,
`title`, `placeholder`, the words a script shows from `data-natoaz-*`), nor a string printed as it is
(`{{ "added" }}`). And the Azerbaijani pages built from these templates show no English sentence outside
text marked `lang="en"`."""

from __future__ import annotations

import bisect
import re

import pytest

from conftest import MINI
from natoaz.check.validate import load_valid
from natoaz.render import SiteOptions, render_site
from natoaz.render.templates import FOLDER, environment

# The templates checked; each helper adds theirs (on a merge, keep every line).
CHECKED_TEMPLATES = [
    "chart.html.j2", "chart_table.md.j2", "events_chart.html.j2", "home.md.j2", "participation_chart.html.j2",
    "parts.md.j2", "problems_banner.html.j2", "redirect.html.j2", "timeline.md.j2", "timeline_filter.html.j2",
    "timeline_pages.md.j2", "timeline_year.md.j2", "timeline_years.md.j2",
]
# Words the same in every language.
SAME_EVERYWHERE = {"NATO", "CSV", "JSON", "YAML", "PDF", "RSS", "Atom"}
# Attributes whose value a reader sees or hears (the project's `data-natoaz-*` hold words its scripts show).
TEXT_ATTRIBUTES = re.compile(r"alt|title|placeholder|label|summary|aria-(?:label|description|roledescription|"
                             r"placeholder|valuetext)|data-natoaz-[\w-]+")
HOLE = "\x00"  # where an expression, a statement or a comment was: no word
_TAG = re.compile(r"<!--.*?-->|<[!/]?[A-Za-z][^>]*>", re.S)  # `<` inside: a tag split by `{% if %}`
_ATTR_LIST = re.compile(r"\{:?[ ]+[^{}\n]*\}|\{[#.][\w-]+\}")  # Markdown `{ #id .class key="value" }`
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>}]+))""")
_QUOTED_ATTRIBUTE = re.compile(r'[\w:-]+="[^"\n]*"')  # attributes set apart (`{% set holds %}…`)
_CODE = re.compile(r"<code>.*?</code>", re.S)  # a command or a file name: the same in every language
_ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")
_LINK_TARGET = re.compile(r"\]\([^()\s]*\)")
_WORD = re.compile(r"[^\W\d_]{2,}")
_ADMONITION = re.compile(r"[!?]{3}\+? [a-z]+")  # `!!! warning`: Markdown syntax


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group())


def _keep_text_attributes(match: re.Match) -> str:
    """A tag or attribute list blanked but for the values of the attributes a reader sees."""
    text = match.group()
    kept = list(_blank(match))
    for attribute in _ATTRIBUTE.finditer(text):
        if TEXT_ATTRIBUTES.fullmatch(attribute.group(1).lower()):
            group = next(g for g in (2, 3, 4) if attribute.group(g) is not None)
            kept[attribute.start(group):attribute.end(group)] = attribute.group(group)
    return "".join(kept)


def _printed_strings(tokens: list[tuple[int, str, str]]) -> list[tuple[int, str]]:
    """String literals printed as they are: in `{{ … }}`, outside any call, subscript or parenthesis."""
    found, inside, depth = [], False, 0
    for line, kind, value in tokens:
        if kind == "variable_begin":
            inside, depth = True, 0
        elif kind == "variable_end":
            inside = False
        elif inside and kind == "operator" and value in "([{":
            depth += 1
        elif inside and kind == "operator" and value in ")]}":
            depth -= 1
        elif inside and kind == "string" and depth == 0 and not _ADMONITION.fullmatch(value[1:-1]):
            found += [(line, word) for word in _WORD.findall(value) if word not in SAME_EVERYWHERE]
    return found


def bare_words(source: str, name: str = "template") -> list[str]:
    """`file:line: word` for each word the template shows without `t()`."""
    tokens = list(environment().lex(source, name))
    starts, lines, pieces, offset = [], [], [], 0
    for line, kind, value in tokens:
        piece = value if kind == "data" else HOLE + "\n" * value.count("\n")
        starts.append(offset)
        lines.append(line)
        pieces.append(piece)
        offset += len(piece)
    text = "".join(pieces)
    text = _CODE.sub(_blank, text)
    text = _TAG.sub(lambda m: _blank(m) if m.group().startswith("<!--") else _keep_text_attributes(m), text)
    text = _ATTR_LIST.sub(_keep_text_attributes, text)
    text = _QUOTED_ATTRIBUTE.sub(_keep_text_attributes, text)
    text = _ENTITY.sub(_blank, text)
    text = _LINK_TARGET.sub(_blank, text)
    found = []
    for match in _WORD.finditer(text):
        if match.group() in SAME_EVERYWHERE:
            continue
        token = bisect.bisect_right(starts, match.start()) - 1
        line = lines[token] + text.count("\n", starts[token], match.start())
        found.append(f"{name}:{line}: {match.group()}")
    return found + [f"{name}:{line}: {word}" for line, word in _printed_strings(tokens)]


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
