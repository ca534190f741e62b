"""Nothing from data becomes markup: escaping, the inline-Markdown subset, the sanitizer, built pages.

Invariants checked on HTML (as Python-Markdown with the site's extensions, or MkDocs, renders it):
no element or attribute that a harmless value would not give, no `on…` handler or `style`, no
`javascript:`/`data:` address, no resource (src, srcset, link, form action…) from another host.
"""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import MINI, problems_of
from natoaz.build import build_site
from natoaz.check.validate import load_valid, validate
from natoaz.model.registry import NAMES as COLLECTIONS
from natoaz.model.schema import expanded
from natoaz.model.text_model import markdown_problems
from natoaz.problems import errors
from natoaz.render import render_site
from natoaz.render.escape import esc, md_inline, plain_paragraphs

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]
RESOURCE_ATTRS = {"src", "srcset", "action", "formaction", "poster", "data", "background", "xlink:href"}


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, tuple[str, ...]]] = []
        self.values: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, tuple(sorted(name for name, _ in attrs))))
        self.values += [(tag, name, value or "") for name, value in attrs]


def parse(html: str) -> _Collect:
    collector = _Collect()
    collector.feed(html)
    return collector


def assert_inert(html: str, allowed: set[tuple[str, tuple[str, ...]]], site_host: str = "") -> None:
    found = parse(html)
    extra = set(found.elements) - allowed
    assert not extra, f"new elements/attributes {extra} in {html[:400]!r}"
    for tag, name, value in found.values:
        assert not name.startswith("on"), (tag, name, value)
        assert name != "style" or re.fullmatch(r"text-align: (left|right|center);", value), (tag, name, value)
        url = re.sub(r"[\s\x00-\x20]", "", value).lower()
        if name in ("href", *RESOURCE_ATTRS):
            assert not url.startswith(("javascript:", "data:", "vbscript:")), (tag, name, value)
        if name in RESOURCE_ATTRS or (tag == "link" and name == "href"):
            assert not re.match(r"(https?:)?//", url) or (site_host and site_host in url), (tag, name, value)


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


# Contexts the renderer puts text in: a heading with an anchor, a list item, a table cell, an admonition.
CONTEXTS = ["# {} {{#anchor}}", "- {}", "| a | b |\n|---|---|\n| {} | x |", '!!! note "t"\n\n    {}', "{}",
            '<div class="natoaz-entry" markdown="1">\n\n{}\n\n</div>']
HOSTILE = ['<img src=x onerror=alert(1)>', '{: onclick="alert(1)" }', "title\n{: onclick=alert(1) }",
           "[x](javascript:alert(1))", "![p](https://elsewhere.example/p.png)", "<script>alert(1)</script>",
           "[x][r]\n\n[r]: javascript:alert(1)", "<https://elsewhere.example/>", "`<b>` *{: .x}*",
           '[a](https://ok.example/"onmouseover="alert(1))', "1994. # !!! note", "&lt;img src=x&gt;",
           '<a href="javascript:alert(1)">x</a>', "x <!-- y --> z", "[x](<javascript:alert(1)>)",
           "**[x](https://a.example/)** {#id .cls onclick=1}", "\\<img src=x>", "*<i>*", "| a | b |"]
PLAIN_ALLOWED = {("h1", ("id",)), ("ul", ()), ("li", ()), ("table", ()), ("thead", ()), ("tbody", ()), ("tr", ()),
                 ("th", ()), ("td", ()), ("div", ("class",)), ("p", ()), ("p", ("class",)), ("a", ("class", "href",
                 "title"))}
MARKDOWN_ALLOWED = PLAIN_ALLOWED | {("em", ()), ("strong", ()), ("code", ()), ("a", ("href", "rel"))}


@pytest.mark.parametrize("payload", HOSTILE)
@pytest.mark.parametrize("context", CONTEXTS)
def test_plain_and_markdown_fields_stay_inert(payload: str, context: str) -> None:
    assert_inert(to_html(context.format(esc(payload))), PLAIN_ALLOWED)
    assert_inert(to_html(context.format(md_inline(payload).replace("\n", "\n    " if "!!!" in context else "\n"))),
                 MARKDOWN_ALLOWED)
    assert_inert(to_html("> " + plain_paragraphs(payload).replace("\n", "\n> ")), PLAIN_ALLOWED | {("blockquote", ())})


def test_allowed_inline_markdown_is_kept() -> None:
    html = to_html(md_inline("A *b* **c** `d` [NATO](https://www.nato.int/a_b) [PfP](/programmes/pfp/)"))
    assert html == ('<p>A <em>b</em> <strong>c</strong> <code>d</code> <a href="https://www.nato.int/a_b" '
                    'rel="noopener noreferrer">NATO</a> <a href="/programmes/pfp/" rel="noopener noreferrer">PfP</a>'
                    "</p>")


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(list("<>&\"'`*_[](){}:;=#!|\\/-+. \nabcjavscript") + ["on", "src", "{:", "]("]),
                max_size=40).map("".join))
def test_random_text_never_becomes_markup(text: str) -> None:
    for context in CONTEXTS[:3]:
        assert_inert(to_html(context.format(esc(text))), PLAIN_ALLOWED)
        assert_inert(to_html(context.format(md_inline(text))), MARKDOWN_ALLOWED)


# -- every text field of every record, through the renderer -----------------------------------------

def _text_fields(node: dict, path: tuple = ()) -> list[tuple[tuple, dict]]:
    """(path, schema) of every field declared x-text in a schema; `[]` stands for list items."""
    found = []
    if "x-text" in node:
        found.append((path, node))
    for name, sub in node.get("properties", {}).items():
        found += _text_fields(sub, path + (name,))
    if isinstance(node.get("items"), dict):
        found += _text_fields(node["items"], path + ("[]",))
    return found


def _set(data, path: tuple, value: str) -> None:
    """Set `value` at `path` wherever it exists in the record (every list item for `[]`)."""
    if not path:
        return
    head, rest = path[0], path[1:]
    targets = list(range(len(data))) if head == "[]" and isinstance(data, list) else [head]
    for key in targets:
        if isinstance(data, dict) and key not in data or isinstance(data, list) and not isinstance(key, int):
            continue
        if rest:
            _set(data[key], rest, value)
        else:
            data[key] = value


def _poisoned(target: Path, text: str) -> Path:
    """The mini dataset with `text` in every text field it has."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(MINI, target)
    for collection in COLLECTIONS:
        fields = _text_fields(expanded(collection))
        for path in sorted((target / collection).glob("*.yaml")):
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
            records = doc if isinstance(doc, list) else [doc]
            for record in records:
                for field, node in fields:
                    if "pattern" in node:  # e.g. a glossary term: random text is refused (tests/test_glossary.py)
                        continue
                    value = text if node["x-text"] == "plain" or not markdown_problems(text) else "safe text"
                    value = value[: node.get("maxLength", 1000)].ljust(node.get("minLength", 0), "x")
                    _set(record, field, value)
            path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def page_html(page: str) -> str:
    """A generated page as MkDocs renders it: front matter (checked: one YAML mapping, no raw `<` in
    the values MkDocs prints into meta tags) off, the rest through Markdown."""
    if page.startswith("---\n"):
        front, page = page[4:].split("\n---\n", 1)
        meta = yaml.safe_load(front)
        assert isinstance(meta, dict)
        assert not any("<" in str(meta.get(k, "")) or '"' in str(meta.get(k, "")) for k in ("title", "description"))
    return to_html(page)


def _baseline() -> set:
    files = render_site(load_valid(MINI)[0])
    return {e for rel, text in files.items() if rel.endswith(".md") for e in parse(page_html(text)).elements}


BASELINE: set = set()


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(list("<>&\"'`*_[](){}:=#!|\\/- .\nax") + ["on", "img", "javascript:",
                                                                                  "https://e.example/", "{: ", "PfP"]),
                min_size=5, max_size=30).map("".join).filter(lambda t: len(t.strip()) >= 5))
def test_random_strings_in_every_text_field_stay_inert(tmp_path: Path, text: str) -> None:
    if not BASELINE:
        BASELINE.update(_baseline())
    data = _poisoned(tmp_path / "data", text)
    dataset, problems = validate(data)
    assume(not errors(problems))  # e.g. a title made only of spaces
    files = render_site(dataset)
    for rel, page in files.items():
        if rel.endswith(".md"):
            assert_inert(page_html(page), BASELINE | {("em", ()), ("strong", ()), ("code", ()), ("a", ("href", "rel")),
                                                      ("abbr", ("title",))})  # a glossary term in the text


# -- random mutations of valid records: reported problems, never an exception -------------------------

VALUES = st.recursive(st.none() | st.booleans() | st.integers(-10**20, 10**20) | st.text(max_size=12)
                      | st.sampled_from(["0000", "1994-02-30", "x\n", "1994", "\u202e", "quote-x", "[", "*a", "~"]),
                      lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=6), inner, max_size=3),
                      max_leaves=8)


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_mutated_records_give_problems_not_exceptions(tmp_path: Path, data: st.DataObject) -> None:
    target = tmp_path / "data"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(MINI, target)
    files = sorted(p for p in target.rglob("*.yaml"))
    path = data.draw(st.sampled_from(files))
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    record = doc[0] if isinstance(doc, list) else doc
    keys = sorted(record)
    for _ in range(data.draw(st.integers(1, 3))):
        action = data.draw(st.sampled_from(["replace", "delete", "add"]))
        key = data.draw(st.sampled_from(keys)) if action != "add" else data.draw(st.text(min_size=1, max_size=8))
        if action == "delete":
            record.pop(key, None)
        else:
            record[key] = data.draw(VALUES)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    problems_of(target)  # must not raise
    # and the YAML text itself, cut or with a byte changed
    raw = bytearray(path.read_bytes())
    if raw:
        index = data.draw(st.integers(0, len(raw) - 1))
        raw[index] = data.draw(st.integers(0, 255))
    path.write_bytes(bytes(raw[: data.draw(st.integers(0, len(raw)))]))
    problems_of(target)


# -- the built site --------------------------------------------------------------------------------

PAYLOADS = [  # (file, field line replaced, new value): plain fields a hostile editor may fill with anything
    ("events/1994.yaml", "title: Azerbaijan signs the PfP Framework Document",
     'title <img src=x onerror=alert(1)>{: onclick="alert(1)" }'),
    ("events/1994.yaml", "place: NATO Headquarters, Brussels", "[x](javascript:alert(1)) <script>alert(2)</script>"),
    ("sources/news-speech.yaml", "title: Official describes the partnership",
     '=HYPERLINK("https://evil.example") ![p](https://evil.example/p.png)'),
    ("people/heydar-aliyev.yaml", "name: Heydar Aliyev", "Heydar {: onclick=alert(1) } Aliyev <b onmouseover=x>"),
]


@pytest.mark.slow
def test_built_site_of_hostile_plain_fields_is_inert(project: Path) -> None:
    from conftest import edit

    for file, old, new in PAYLOADS:
        edit(project / "data" / file, old, old.split(":")[0] + ": " + json.dumps(new))
    assert not errors(problems_of(project / "data"))  # plain text may hold anything: it is escaped
    site = project / "site"
    assert build_site(site, project / "mkdocs.yml", project / "data") == 0
    page = (site / "events/1994-05-04-pfp-signed/index.html").read_text(encoding="utf-8")
    # the heading shows the payload as text (the search markup may add attributes to the permalink)
    shown = re.escape('title &lt;img src=x onerror=alert(1)&gt;{: onclick="alert(1)" }')
    assert re.search(shown + r'<a [^>]*class="headerlink"', page)
    for html_file in site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert "<img src=x" not in html and "<b onmouseover" not in html and "<script>alert" not in html
        assert re.search(r"<head[^>]*>\s*<meta http-equiv=\"Content-Security-Policy\"", html), html_file
        for tag, name, value in parse(html).values:
            assert not name.startswith("on") and name != "style", (html_file, tag, name)
            assert not (name in ("href", *RESOURCE_ATTRS) and value.startswith("javascript:")), (html_file, tag)
            assert not (name in RESOURCE_ATTRS and "evil.example" in value), (html_file, tag, name)


def test_csp_hashes_each_pages_own_inline_scripts() -> None:
    import base64
    import hashlib

    from natoaz.csp import add_csp

    page = ('<html><head><script>var base="../..";</script><script type="application/ld+json">{"a":1}</script>'
            '<script src="x.js"></script></head><body></body></html>')
    digest = base64.b64encode(hashlib.sha256(b'var base="../..";').digest()).decode()
    out = add_csp(page)
    policy = re.search(r'<head><meta http-equiv="Content-Security-Policy" content="([^"]+)">', out).group(1)
    assert f"script-src 'self' 'wasm-unsafe-eval' 'sha256-{digest}';" in policy  # the JSON block needs no hash
    # the one allowance: WebAssembly compilation for the site search, never JavaScript eval or inline code
    assert "style-src 'self';" in policy and "object-src 'none'" in policy
    assert policy.replace("'wasm-unsafe-eval'", "").count("unsafe") == 0
    assert add_csp(page.replace("../..", "..")) != out  # another depth, another hash


def test_serve_banner_escapes_problem_text_and_lists_a_bounded_number() -> None:
    from natoaz.problems import Problem
    from natoaz.render.banner import problems_banner

    hostile = Problem("data/events/<b>.yaml", 3, 1, "title", "bad <script>alert(1)</script> & more",
                      hint='use "<img src=x onerror=alert(1)>"')
    many = [hostile, *(Problem(f"data/sources/s{i}.yaml", i, 1, "url", "no address", severity="warning")
                       for i in range(30))]
    banner = problems_banner(many, limit=5)
    assert "<script" not in banner and "<img" not in banner and "<b>" not in banner
    assert "data/events/&lt;b&gt;.yaml:3" in banner and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in banner
    assert banner.count("<li>") == 6 and "… and 26 more" in banner and "The data has 1 error:" in banner
    assert "The data has 1 warning: <code>make check-data</code>" in problems_banner(many[1:2])
    assert "Məlumatlarda 1 xəbərdarlıq var" in problems_banner(many[1:2], language="az")
