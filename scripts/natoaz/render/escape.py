"""The one escaping path: every value from the data reaches an output through a function here.

One function per output context:
- `attr`: HTML attribute values, and the default of every `{{ value }}` in the templates;
- `html_text`: HTML or SVG element text (quotes kept: they are harmless there);
- data in Markdown pages: `esc` (plain text, escaped completely), `plain_paragraphs` (plain text that
  keeps its paragraphs), `md_inline` (fields declared `x-text: markdown`; cleaned by nh3), `url_link`
  (an address as an escaped href); `block` is for the project's own text, never for data;
- `meta_text`: page title and description (MkDocs' templates print them unescaped);
- `json_script`: JSON inside `<script>`; `bibtex_text`: BibTeX field values; `csv_cell`: CSV cells;
- YAML front matter is written by a YAML dumper (`text.front_matter`), never by hand.
All of them fold runs of whitespace into single spaces except `block`, which keeps the editor's lines.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable

import nh3
from markupsafe import Markup

from ..model.text_model import CITATION, TOKEN, citation_ids, link_problem

# The characters Python-Markdown (with attr_list and tables) gives an inline meaning and lets us escape;
# `<`, `>` and `&` become entities first.
_INLINE = re.compile(r"([\\`*_\[\]{}|#!])")
# At the start of a line, a number with a dot or a `-`/`+` starts a list: escape its dot or sign.
_LEADING = re.compile(r"^(\d+)([.)])|^([-+])")
_TAGS = {"a", "code", "em", "strong", "sup"}
_ATTRIBUTES = {"a": {"href"}}


def _escape(value: str, line_start: bool = True) -> str:
    value = _INLINE.sub(r"\\\1", html.escape(value, quote=False))
    if line_start:
        value = _LEADING.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", value)
    return value


def esc(text: object) -> str:
    """Plain text for inline Markdown, escaped completely: no markup, no raw HTML, no `{: …}` attribute list."""
    return _escape(" ".join(str(text).split()))


def plain_paragraphs(text: object) -> str:
    """Plain text (e.g. a quotation) escaped completely, its paragraphs kept apart by a blank line."""
    return "\n\n".join(esc(p) for p in re.split(r"\n\s*\n", str(text).strip()) if p.strip())


def _piece(match: re.Match) -> str:
    if match.group("code"):
        return f"<code>{_escape(match.group('code_text'), False)}</code>"
    if match.group("link"):
        url = match.group("url")
        if link_problem(url):  # refused by `make check-data`; shown as text if it ever gets here
            return _escape(match.group(), False)
        return f'<a href="{html.escape(url, quote=True)}">{_escape(match.group("link_text"), False)}</a>'
    if match.group("strong"):
        return f"<strong>{_escape(match.group('strong_text'), False)}</strong>"
    return f"<em>{_escape(match.group('em_text') or match.group('em2_text'), False)}</em>"


def _with_citations(paragraph: str, cite: Callable[[list[str]], str] | None) -> list[tuple[str, str]]:
    """A paragraph as (text, note marks) pieces: each inline citation `[@a; @b]` becomes the HTML that
    `cite` writes for its ids (numbered note marks, see render/notes.py), or nothing where a page has no notes."""
    pieces, pos = [], 0
    for match in CITATION.finditer(paragraph):
        pieces.append((paragraph[pos:match.start()].rstrip(), cite(citation_ids(match)) if cite else ""))
        pos = match.end()
    pieces.append((paragraph[pos:], ""))
    return pieces


def md_inline(text: object, cite: Callable[[list[str]], str] | None = None) -> str:
    """A field declared `x-text: markdown`, as Markdown paragraphs whose only markup is inline HTML this
    function writes itself (`<em>`, `<strong>`, `<code>`, `<a href>` to http(s) or a site page); every
    other character is escaped, and the result passes nh3's allowlist sanitizer (defence in depth)."""
    out = []
    for paragraph in re.split(r"\n\s*\n", str(text).strip()):
        paragraph = " ".join(paragraph.split())
        if not paragraph:
            continue
        pieces: list[str] = []
        for part, marks in _with_citations(paragraph, cite):
            pos = 0
            for match in TOKEN.finditer(part):
                before = part[pos:match.start()]
                image = before.endswith("!") and match.group("link")
                start = pos == 0 and not pieces
                pieces += [_escape(before, start), _escape(match.group(), False) if image else _piece(match)]
                pos = match.end()
            pieces += [_escape(part[pos:], pos == 0 and not pieces), marks]
        out.append(sanitize("".join(pieces)))
    return "\n\n".join(out)


def sanitize(fragment: str) -> str:
    """nh3 (ammonia) with an allowlist: emphasis, code and http(s)/relative links; nothing else survives."""
    return nh3.clean(fragment, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes={"http", "https"},
                     link_rel="noopener noreferrer", strip_comments=True)


def url_link(url: str, text: str | None = None) -> str:
    """An address from data as an escaped `href` (never a Markdown autolink); the schema has checked it.
    The link text is the address itself unless `text` is given."""
    return sanitize(f'<a href="{html.escape(str(url), quote=True)}">{esc(url if text is None else text)}</a>')


def blockquote(text: object) -> str:
    """Plain text (a quotation) as the lines of a Markdown block quote after its first `> `."""
    return plain_paragraphs(text).replace("\n", "\n> ")


def admonition_title(text: object) -> str:
    """Plain text for the quoted title of an admonition (`!!! warning "…"`)."""
    return esc(text).replace('"', "&quot;")


def block(text: object) -> str:
    """The project's own Markdown (schema descriptions, home page text), with raw HTML neutralised.
    Never for data: see `esc`, `plain_paragraphs` and `md_inline`."""
    return html.escape(str(text).strip(), quote=False)


def attr(text: object) -> str:
    """A value for an HTML attribute."""
    return html.escape(" ".join(str(text).split()), quote=True)


_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
                   "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_BIBTEX_RE = re.compile("|".join(re.escape(c) for c in _BIBTEX_SPECIAL))


def _one_line(value: object) -> str:
    return " ".join(str(value).split())


def html_text(value: object) -> str:
    """Text content of an HTML or SVG element."""
    return html.escape(_one_line(value), quote=False)


def label_text(value: str) -> str:
    """A label of the site's own (i18n/ tables) in a template: `&`, `<`, `>` and `"` escaped, apostrophes
    kept as written."""
    return html.escape(value, quote=False).replace('"', "&quot;")


def meta_text(value: str) -> str:
    """Text for page meta (title, description): MkDocs' templates print it unescaped into HTML."""
    return html.escape(_one_line(value), quote=False).replace('"', "&quot;")


def json_script(data: dict) -> str:
    """Compact JSON that is safe inside a `<script>` element: no `<`, `>` or `&` (so no `</`), ASCII only."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def bibtex_text(value: str) -> str:
    return _BIBTEX_RE.sub(lambda m: _BIBTEX_SPECIAL[m.group()], _one_line(value))


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula (OWASP "CSV injection"): one starting with
    `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`. The JSON keeps the exact text."""
    return "'" + text if text.startswith(FORMULA_START) else text


def template_default(value: object) -> Markup:
    """What `{{ value }}` prints in a template: the value escaped for an attribute (safe in text too);
    values already marked safe (a filter's result, a rendered fragment) pass as they are."""
    return value if isinstance(value, Markup) else Markup(attr(value))


def pre_text(value: object) -> str:
    """Text for a `<pre>` element: escaped, its line breaks kept."""
    return html.escape(str(value), quote=False)


FILTERS = {"text": lambda v: Markup(html_text(v)), "md": lambda v: Markup(esc(v)), "pre": lambda v: Markup(pre_text(v)),
           "url_link": lambda v, text=None: Markup(url_link(v, text)), "blockquote": lambda v: Markup(blockquote(v)),
           "admonition_title": lambda v: Markup(admonition_title(v))}
