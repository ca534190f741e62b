"""Inline citations `[@source-id]`: checked against the sources, rendered as numbered notes."""

from __future__ import annotations

from pathlib import Path

from conftest import edit, line_of, problems_of
from natoaz.check.validate import load_valid
from natoaz.problems import ERROR, WARNING
from natoaz.render import SiteOptions, render_site
from natoaz.render.escape import md_inline
from natoaz.render.text import plain_summary

SUMMARY = "    The president signs the document at NATO headquarters."


def test_unknown_cited_id_is_an_error_at_its_place_with_a_guess(mini: Path) -> None:
    edit(mini / "events/1994.yaml", SUMMARY, SUMMARY[:-1] + " [@mfa-overveiw].")
    [problem] = [p for p in problems_of(mini) if p.severity == ERROR]
    assert problem.file.endswith("events/1994.yaml") and problem.field == "summary"
    assert problem.message == "`[@mfa-overveiw]` is not a source id"
    assert problem.hint == "did you mean `[@mfa-overview]`?"
    line = line_of(mini / "events/1994.yaml", "@mfa-overveiw")
    assert (problem.line, problem.col) == (line, SUMMARY.index(" headquarters") + len(" headquarters. ["))


def test_malformed_citation_is_an_error(mini: Path) -> None:
    edit(mini / "events/1994.yaml", SUMMARY, SUMMARY + " [@mfa-overview; @Bad Id]")
    [problem] = [p for p in problems_of(mini) if p.severity == ERROR]
    assert "is not a citation of the form [@id]" in problem.message


def test_several_ids_and_markdown_around_them_are_clean(mini: Path) -> None:
    edit(mini / "events/1994.yaml", SUMMARY, "    The *president* signs it in 1994 [@mfa-overview; @news-speech]. "
         "Then [@mfa-overview] [@news-speech] more.")
    assert problems_of(mini) == []


def test_sentence_with_a_figure_and_no_citation_is_warned(mini: Path) -> None:
    edit(mini / "events/1994.yaml", SUMMARY, SUMMARY + " It has 27 signatories. Cited 1994 [@mfa-overview].")
    [problem] = problems_of(mini)
    assert problem.severity == WARNING and problem.field == "summary"
    assert "a sentence with a figure or a date without a citation" in problem.message
    assert "It has 27 signatories." in problem.message


def test_notes_render_publisher_date_original_archive_and_source_page(mini: Path) -> None:
    edit(mini / "sources/news-speech.yaml", "quality:", "archive_url: https://web.archive.org/web/2025/x\nquality:")
    edit(mini / "events/1994.yaml", SUMMARY, "    First [@news-speech]. Second [@mfa-overview; @news-speech].")
    dataset, _ = load_valid(mini)
    page = render_site(dataset, SiteOptions(site_url="https://example.org/"))["events/1994-05-04-pfp-signed.md"]
    rel = ' rel="noopener noreferrer"'
    assert (f'First<sup><a href="#note-1"{rel}>1</a></sup>. Second<sup><a href="#note-2"{rel}>2</a>,'
            f'<a href="#note-1"{rel}>1</a></sup>.') in page
    notes = page.split("## Notes", 1)[1].split("\n## ", 1)[0]
    news = dataset["sources"]["news-speech"].data
    first, second = [line for line in notes.splitlines() if line[:1].isdigit()]
    assert first.startswith('1. <span id="note-1"></span>' + news["publisher"])
    assert f'href="{news["url"]}"' in first and 'href="https://web.archive.org/web/2025/x"' in first
    assert "[about this source](../sources/news-speech.md)" in first
    assert second.startswith('2. <span id="note-2"></span>Ministry of Foreign Affairs of Azerbaijan, undated')
    assert "archived copy" not in second
    assert page.index("## Notes") < page.index("## Sources")


def test_citations_are_left_out_where_a_page_has_no_notes() -> None:
    assert md_inline("Signed in 1994 [@a; @b]. Next.") == "Signed in 1994. Next."
    assert plain_summary("Signed in 1994 [@a]. Next.") == "Signed in 1994. Next."
    assert md_inline("*x* [@a]", lambda ids: "<sup>" + "+".join(ids) + "</sup>") == "<em>x</em><sup>a</sup>"
