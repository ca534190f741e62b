"""The glossary: terms marked up as <abbr> in text from data (core) and on hand-written pages (hook + abbr)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import edit, problems_of
from natoaz.build import write_markdown
from natoaz.check.validate import load_valid
from natoaz.render import abbreviation_definitions, render_site
from natoaz.render.abbr import Abbreviations

PFP = '<abbr title="Partnership for Peace">PfP</abbr>'


def test_every_term_in_text_is_marked_but_never_inside_tags_links_code_or_entities() -> None:
    marks = Abbreviations([("PfP", "Partnership for Peace"), ("PAP-DIB", "Partnership Action Plan on DIB"),
                           ("PAP", "short"), ("OCC E&F", "OCC Evaluation and Feedback"), ("AElig", "entity")])
    text = ('PfP and PfP; <a href="/pfp/" title="PfP">PfP page</a> <code>PfP</code> PAP-DIB, PAP, '
            'OCC E&amp;F, PfPs, xPfP, &amp;PAP, &AElig;.')
    out = marks.mark(text)
    assert out.count(PFP) == 2  # both in the running text; none in the link, its attributes or code
    assert '<a href="/pfp/" title="PfP">PfP page</a> <code>PfP</code>' in out
    assert '<abbr title="Partnership Action Plan on DIB">PAP-DIB</abbr>' in out  # the longest term first
    assert '<abbr title="short">PAP</abbr>,' in out and '&amp;<abbr title="short">PAP</abbr>,' in out
    assert "&AElig;." in out  # never inside an entity
    assert '<abbr title="OCC Evaluation and Feedback">OCC E&amp;F</abbr>' in out
    assert "PfPs, xPfP" in out


def test_hostile_term_and_expansion_stay_escaped() -> None:
    marks = Abbreviations([('PfP', '"><script>alert(1)</script>'), ("<b>", "bold"), ("A&B", "x`y\\z")])
    out = marks.mark("PfP &lt;b&gt; A&amp;B `code`")
    assert '<abbr title="x&#96;y&#92;z">A&amp;B</abbr>' in out  # no backtick or backslash for Markdown to read
    assert "<script" not in out and "<b>" not in out
    assert '<abbr title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">PfP</abbr>' in out
    assert '<abbr title="bold">&lt;b&gt;</abbr>' in out  # matched as escaped text, written escaped


def test_a_term_in_a_summary_becomes_abbr_and_headings_stay_plain(mini: Path) -> None:
    edit(mini / "events/1994.yaml", "The president signs",
         "Azerbaijan joined PfP, see [PfP](https://www.nato.int/). The president signs")
    dataset, _ = load_valid(mini)
    pages = render_site(dataset)
    page = pages["events/1994-05-04-pfp-signed.md"]
    heading = next(line for line in page.splitlines() if line.startswith("# "))
    assert "PfP" in heading and "<abbr" not in heading  # the title (a heading) is never marked
    assert f"joined {PFP}, see <a href=\"https://www.nato.int/\"" in page  # text marked, link text not
    assert '">PfP</a>' in page
    timeline = "".join(v for k, v in pages.items() if k.startswith("timeline/") and isinstance(v, str))
    assert f"joined {PFP}" in timeline
    assert not [line for text in pages.values() if isinstance(text, str) for line in text.splitlines()
                if line.startswith("#") and "<abbr" in line]
    glossary = pages["glossary/index.md"]
    assert "## PfP — Partnership for Peace { #pfp }" in glossary
    assert "glossary/pfp.md" in pages


def test_hostile_glossary_data_is_reported_or_escaped(mini: Path) -> None:
    path = mini / "glossary/glossary.yaml"
    edit(path, "term: PfP", 'term: "<img src=x>"')
    problems = problems_of(mini)
    assert any(p.file.endswith("glossary.yaml") and "term" in p.place and p.line == 3 for p in problems)
    edit(path, 'term: "<img src=x>"', "term: PfP")
    edit(path, "expansion: Partnership for Peace", 'expansion: "<script>alert(1)</script> & \\"PfP\\""')
    dataset, _ = load_valid(mini)
    pages = render_site(dataset)
    text = pages["glossary/index.md"] + pages["glossary/pfp.md"]
    assert "<script" not in text and "&lt;script&gt;" in text
    assert "*[PfP]: <script>alert(1)</script> & \"PfP\"" in abbreviation_definitions(dataset)


def test_hand_written_pages_get_the_definitions_in_memory_only(project: Path, tmp_path: Path) -> None:
    docs_before = {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    out = tmp_path / "markdown"
    write_markdown(out, project / "data", project / "docs")
    about = (out / "about.md").read_text(encoding="utf-8")
    assert about.endswith("\n*[PfP]: Partnership for Peace\n")
    assert not (out / "events/1994-05-04-pfp-signed.md").read_text(encoding="utf-8").count("*[PfP]")
    assert {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}\
        == docs_before  # nothing written to docs/


@pytest.mark.slow
def test_built_site_marks_terms_without_breaking_headings_toc_or_search(real_site: Path) -> None:
    about = (real_site / "about/index.html").read_text(encoding="utf-8")
    assert PFP in about  # a hand-written page, through Material's abbr extension and the hook
    assert "*[PfP]" not in about
    toc = about.split('class="md-nav md-nav--secondary"', 1)[1].split("</nav>", 1)[0]
    assert "<abbr" not in toc
    found = [p for p in (real_site / "events").glob("*/index.html") if "<abbr title=" in p.read_text(encoding="utf-8")]
    assert len(found) > 20, "terms in event summaries are marked"
    for path in found[:40]:
        html = path.read_text(encoding="utf-8")
        assert not re.search(r"<h[1-6][^>]*>[^\n]*<abbr", html), path
        assert not re.search(r"<a [^>]*>[^<]*<abbr", html), path
    # what the search indexes is the page's text: the term, never the definitions' source
    text = re.sub(r"<[^>]+>", " ", about.split("<article", 1)[1].split("</article>", 1)[0])
    assert "PfP" in text and "*[" not in text and "Partnership for Peace" not in text
    assert (real_site / "glossary/index.html").exists()
