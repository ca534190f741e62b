"""Words a template shows without `t()` (render/i18n.py), which no label table can translate: the
templates' literal text (Jinja's `data` tokens) with HTML tags, attribute names, Markdown syntax and
entities stripped must hold no word; nor may an attribute a reader sees (`aria-label`, `title`,
`placeholder`, the words a script shows from `data-natoaz-*`), nor a string printed as it is
(`{{ "added" }}`). Read with Jinja's own lexer, so that `{{ … }}`, `{% … %}` and comments never count as
text. Used by tests/test_interface_words.py and by `make stats`."""

from __future__ import annotations

import bisect
import re

from .templates import FOLDER, environment

# Words the same in every language: abbreviations, formats and the names of tools.
SAME_EVERYWHERE = {"NATO", "CSV", "JSON", "YAML", "PDF", "RSS", "Atom", "BibTeX", "SQLite", "Datasette", "pandas",
                   "frictionless", "Excel", "xlsx"}
# Attributes whose value a reader sees or hears (the project's `data-natoaz-*` hold words its scripts show).
TEXT_ATTRIBUTES = re.compile(r"alt|title|placeholder|label|summary|aria-(?:label|description|roledescription|"
                             r"placeholder|valuetext)|data-natoaz-[\w-]+")
HOLE = "\x00"  # where an expression, a statement or a comment was: no word
_TAG = re.compile(r"<!--.*?-->|<[!/]?[A-Za-z][^>]*>", re.S)  # `<` inside: a tag split by `{% if %}`
# Markdown `{ #id .class key="value" }`, `{#id}`, `{download}`
_ATTR_LIST = re.compile(r"\{:?[ ]+[^{}\n]*\}|\{[#.][\w-]+\}|\{[a-z][\w-]*\}")
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>}]+))""")
_QUOTED_ATTRIBUTE = re.compile(r'[\w:-]+="[^"\n]*"')  # attributes set apart (`{% set holds %}…`)
_CODE = re.compile(r"<code>.*?</code>", re.S)  # a command or a file name: the same in every language
_ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")
_LINK_TARGET = re.compile(r"\]\([^()\s]*\)")
_WORD = re.compile(r"[^\W\d_]{2,}")
_ADMONITION = re.compile(r"[!?]{3}\+? [a-z]+")  # `!!! warning`: Markdown syntax
_PRINTED_SYNTAX = re.compile(r"\{[^{}\n]*\}")  # a printed `{#cite data-search-exclude}`: an attribute list


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
            text = _PRINTED_SYNTAX.sub(" ", value[1:-1])
            found += [(line, word) for word in _WORD.findall(text) if word not in SAME_EVERYWHERE]
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


def template_bare_words() -> dict[str, list[str]]:
    """The bare words of every page template, by template (those with none left out): `make stats`."""
    found = {p.relative_to(FOLDER).as_posix(): bare_words(p.read_text(encoding="utf-8"), p.relative_to(FOLDER)
                                                          .as_posix()) for p in sorted(FOLDER.rglob("*.j2"))}
    return {name: words for name, words in found.items() if words}
