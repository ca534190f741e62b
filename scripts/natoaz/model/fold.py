"""Folding for search: the form in which a word is indexed and looked up, without case or diacritics.

One explicit table, used on both sides: the site search adds the folded form of every word that folding
changes to the index (natoaz/search/markup.py), and the browser folds the reader's query with the
same table, exported as JSON (`fold_json`, read by docs/assets/javascripts/search.js). A table, not only
Unicode decomposition: the Azerbaijani ə and ı have no decomposition at all, and "İ".lower() is "i̇"
(i and a combining dot), not "i". Characters outside the table are lower-cased and lose any combining
mark after canonical decomposition (NFD), so the table lists what decomposition gets wrong or misses.
"""

from __future__ import annotations

import json
import re
import unicodedata

# Letters by their plain form; each letter stands for itself and, where it has one, its capital.
_GROUPS: dict[str, str] = {
    # Azerbaijani (and Turkish): ə ı have no decomposition; İ must not become "i̇"
    "e": "əéèêëēėęěẹ",
    "i": "ıİíìîïīįǐị",
    "g": "ğģǧ",
    "o": "öóòôõōőøǒọ",
    "u": "üúùûūůűųǔụ",
    "c": "çćčĉċ",
    "s": "şśšŝș",
    # the rest of Latin-1 and Latin Extended-A that appears in names and place names
    "a": "àáâãäåāăąǎạ",
    "d": "ďđð",
    "h": "ĥħ",
    "k": "ķ",
    "l": "ĺļľłŀ",
    "n": "ñńņňŋ",
    "r": "ŕŗř",
    "t": "ţťțŧ",
    "y": "ýÿŷ",
    "z": "źżž",
    "ae": "æ",
    "oe": "œ",
    "ss": "ß",
    "th": "þ",
}


def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for plain, letters in _GROUPS.items():
        for letter in letters:
            table[letter] = plain
            upper = letter.upper()
            if len(upper) == 1 and upper != letter:
                table.setdefault(upper, plain)
    table["İ"] = "i"  # the capital of ı is I, of i is İ: both fold to i
    table["I"] = "i"
    return dict(sorted(table.items()))


TABLE: dict[str, str] = _table()
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """`text` as the search indexes and looks it up: lower case, no diacritics, by the table first."""
    mapped = "".join(TABLE.get(char, char) for char in text).lower()
    decomposed = unicodedata.normalize("NFD", mapped)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def folded_variants(text: str) -> list[str]:
    """The folded forms of the words of `text` that folding changes beyond lower case, sorted, once each:
    what the index needs besides the words themselves so that unaccented queries find them. Words of
    one or two letters are left out: as index words they would match the start of any query word."""
    found = {fold(word) for word in _WORD.findall(text) if len(word) > 2 and fold(word) != word.lower()}
    return sorted(found)


def fold_json() -> str:
    """The table for the query side (the browser), as compact, sorted JSON."""
    return json.dumps(TABLE, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
