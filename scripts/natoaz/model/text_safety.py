"""Characters that never belong in data: controls, bidirectional overrides, invisible ones.

They are refused in every field (newline and tab aside) and never echoed raw in a message: a
report names them by code point, e.g. `U+202E (RIGHT-TO-LEFT OVERRIDE)`.
"""

from __future__ import annotations

import re
import unicodedata

# C0/C1 controls (tab and newline aside), soft hyphen, every format character (Cf: bidi marks,
# overrides and isolates, zero-width space/joiners, word joiner, BOM, tag characters), line and
# paragraph separators and lone surrogates (which a double-quoted "\ud800" can produce).
_BAD = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
_SHOWN_ESCAPED = re.compile(_BAD.pattern[:-1] + "\n\t]")


def bad_characters(text: str) -> list[str]:
    """The distinct refused characters in `text`, in order of appearance."""
    if not _BAD.search(text):
        return []
    return list(dict.fromkeys(_BAD.findall(text)))


def describe(char: str) -> str:
    """`U+202E (RIGHT-TO-LEFT OVERRIDE)`."""
    name = unicodedata.name(char, "") or {0: "NULL", 7: "BELL"}.get(ord(char), "a control character")
    return f"U+{ord(char):04X} ({name})"


def shown(text: str) -> str:
    """`text` safe to print in a one-line report: refused characters, newlines and tabs as <U+XXXX>."""
    return _SHOWN_ESCAPED.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)
