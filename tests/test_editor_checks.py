"""The slips editors make: each one is a fixture the check now fails, with a message that says what to do."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import TODAY, edit, line_of, problems_of
from natoaz.paths import ROOT
from natoaz.problems import ERROR, WARNING
from natoaz.tools.scaffold import ScaffoldError, scaffold


def _hits(problems, file_end: str, text: str):
    found = [p for p in problems if p.file.endswith(file_end) and text in p.message + p.hint]
    assert found, f"no problem {file_end} {text!r} in:\n" + "\n".join(map(str, problems))
    return found


def test_scaffold_placeholders_are_errors_and_alone(mini: Path) -> None:
    path, _ = scaffold("source", "NATO press release", "2024-03-17", mini, TODAY, publisher="NATO")
    problems = problems_of(mini)
    quality = _hits(problems, path.name, "still holds the placeholder `TODO: choose one of official")[0]
    assert quality.severity == ERROR and quality.field == "quality"
    assert quality.line == line_of(path, "quality:")
    _hits(problems, path.name, "placeholder `TODO: the address")
    _hits(problems, path.name, "placeholder `TODO: language code")
    # no second message (enum, pattern) at a placeholder's position
    assert not [p for p in problems if p.file.endswith(path.name) and "placeholder" not in p.message
                and p.severity == ERROR]


def test_every_scaffolded_kind_is_refused_until_filled_in(mini: Path) -> None:
    made = [scaffold("event", "Alex Speaker visits Baku", "2025-06-01", mini, TODAY),
            scaffold("quote", "We value the partnership.", "2025-06-01", mini, TODAY, speaker="alex-speaker"),
            scaffold("programme", "Defence Education Enhancement Programme", "2007", mini, TODAY),
            scaffold("person", "Jens Stoltenberg", "", mini, TODAY),
            scaffold("source", "Press release", "", mini, TODAY, publisher="NATO")]
    problems = problems_of(mini)
    for path, record_id in made:
        mine = [p for p in problems if p.file.endswith(path.relative_to(mini).as_posix())
                and p.line >= line_of(path, f"id: {record_id}") and p.severity == ERROR]
        assert mine and all("placeholder" in p.message for p in mine), mine


def test_syntax_error_comes_first_and_references_get_one_line(mini: Path) -> None:
    edit(mini / "sources/news-speech.yaml", "title: Official describes the partnership",
         "title: Official describes: the partnership")
    problems = problems_of(mini)
    assert problems[0].file.endswith("sources/news-speech.yaml") and "YAML syntax error" in problems[0].message
    cited = _hits(problems, "events/2025.yaml", "`news-speech` is in a file that could not be read")
    assert "fix that first" in cited[0].message
    assert not [p for p in problems if "did you mean" in p.hint or "never cited" in p.message]


def test_value_cut_by_a_comment_is_a_warning(mini: Path) -> None:
    edit(mini / "sources/news-speech.yaml", "title: Official describes the partnership",
         "title: Test source #2 on the visit")
    p = _hits(problems_of(mini), "sources/news-speech.yaml", "only `Test source` is read")[0]
    assert p.severity == WARNING and p.field == "title"
    assert '"Test source #2 on the visit"' in p.hint


def test_quoted_value_with_hash_and_colon_is_fine(mini: Path) -> None:
    edit(mini / "sources/news-speech.yaml", "title: Official describes the partnership",
         'title: "Test source #2: on the visit"  # a deliberate comment')
    assert problems_of(mini) == []


def test_missing_added_is_an_error(mini: Path) -> None:
    edit(mini / "events/1994.yaml", "  added: 2026-01-02\n", "")
    p = _hits(problems_of(mini), "events/1994.yaml", "missing required field `added`")[0]
    assert p.severity == ERROR and "latest additions and the feed" in p.hint


@pytest.mark.parametrize(("extra", "message"), [
    ("name: Alex Speaker\n", "`Alex Speaker` is also the name of person `alex-speaker`"),
    ("name: A. Speaker\nother_names: [Alex  Speaker]\n", "`Alex  Speaker` is also the name of person"),
    ("name: Heydar Aliyev\n", "is also the name of person `heydar-aliyev`"),
])
def test_people_with_the_same_name_are_a_warning(mini: Path, extra: str, message: str) -> None:
    (mini / "people/zz-twin.yaml").write_text(
        "id: zz-twin\n" + extra + "roles: [{title: Official, organisation: NATO}]\nsources: [news-speech]\n"
        "added: 2026-01-02\n", encoding="utf-8")
    p = _hits(problems_of(mini), "people/zz-twin.yaml", message)[0]
    assert p.severity == WARNING


def test_record_in_another_years_file_is_a_warning(mini: Path) -> None:
    edit(mini / "events/1994.yaml", "date: 1994-05-04", "date: 1995-05-04")
    p = _hits(problems_of(mini), "events/1994.yaml", "dated 1995 but kept in the 1994 file")[0]
    assert p.severity == WARNING and "events/1995.yaml" in p.hint


def test_positions_count_from_one(mini: Path) -> None:
    edit(mini / "events/1994.yaml", "sources: [mfa-overview]", "sources: [mfa-overvew]")
    p = _hits(problems_of(mini), "events/1994.yaml", "not a source id")[0]
    assert p.field == "sources[0]" and p.place == "sources, item 1" and ": sources, item 1:" in str(p)


def test_make_check_data_ends_without_makes_error_line(mini: Path) -> None:
    edit(mini / "events/1994.yaml", "  programmes: [pfp]", "  programms: [pfp]")
    run = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "check-data", f"DATA={mini}"],
                         capture_output=True, text=True)
    assert run.returncode != 0
    assert "unknown field `programms`" in run.stdout and "1 error(s)" in run.stdout
    assert "make:" not in run.stderr and "Error" not in run.stderr, run.stderr


def test_new_refuses_a_second_record_for_the_same_name(mini: Path) -> None:
    with pytest.raises(ScaffoldError, match="Alex Speaker is already in the data as `alex-speaker`"):
        scaffold("person", "Alex Speaker", "", mini, TODAY)
    edit(mini / "people/heydar-aliyev.yaml", "name: Heydar Aliyev", "name: Heydar Aliyev\nother_names: [Heydar Aliev]")
    with pytest.raises(ScaffoldError, match="Heydar Aliev is already in the data as `heydar-aliyev`"):
        scaffold("person", "Heydar Aliev", "", mini, TODAY)
    scaffold("event", "Talk in Baku", "2025-05-06", mini, TODAY)
    with pytest.raises(ScaffoldError, match="`2025-05-06-talk-in-baku` already exists"):
        scaffold("event", "Talk in Baku", "2025-05-06", mini, TODAY)
    with pytest.raises(ScaffoldError, match="no person `nobody`"):
        scaffold("quote", "Words.", "2025-05-06", mini, TODAY, speaker="nobody")
    with pytest.raises(ScaffoldError, match="in the future"):
        scaffold("event", "Talks", "2027-01", mini, TODAY)
    with pytest.raises(ScaffoldError, match="needs its publisher"):
        scaffold("source", "A report", "2025", mini, TODAY)


def test_new_follows_each_id_convention_and_starts_a_year_file(mini: Path) -> None:
    path, event = scaffold("event", "NATO delegation visits Baku", "2023-09-14", mini, TODAY)
    assert event == "2023-09-14-nato-delegation-visits-baku" and path == mini / "events/2023.yaml"
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../../schemas/events")
    _, quote = scaffold("quote", "Azerbaijan is a valued partner of NATO today", "2025-05-06", mini, TODAY,
                        speaker="alex-speaker")
    assert quote == "alex-speaker-2025-05-06-azerbaijan-is-a-valued-partner-of"
    _, source = scaffold("source", "Deputy Secretary General visits Baku", "2023-09-14", mini, TODAY,
                         publisher="NATO")
    assert source == "nato-2023-09-14-deputy-secretary-general-visits-baku"
    _, person = scaffold("person", "Mircea Geoană", "", mini, TODAY)
    assert person == "mircea-geoana"
    assert "added: 2026-11-27" in (mini / "people/mircea-geoana.yaml").read_text(encoding="utf-8")


def test_make_new_says_why_it_refuses_and_fills_in_what_it_knows(mini: Path) -> None:
    make = ["make", "--no-print-directory", "-C", str(ROOT), "new", f"DATA={mini}"]
    refused = subprocess.run(make + ["KIND=person", "TITLE=Alex Speaker"], capture_output=True, text=True,
                             stdin=subprocess.DEVNULL)
    assert refused.returncode != 0 and "make:" not in refused.stderr
    assert "nothing added: Alex Speaker is already in the data as `alex-speaker`" in refused.stderr
    missing = subprocess.run(make + ["KIND=source", "TITLE=A report", "DATE=2025"], capture_output=True, text=True,
                             stdin=subprocess.DEVNULL)
    assert missing.returncode != 0 and "needs its publisher: PUBLISHER=" in missing.stderr
    made = subprocess.run(make + ["KIND=event", "TITLE=Talks in Baku", "DATE=2023-03"], capture_output=True,
                          text=True, stdin=subprocess.DEVNULL)
    assert made.returncode == 0, made.stderr
    assert "created" in made.stdout and "2023-03-talks-in-baku" in made.stdout
    text = (mini / "events/2023.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/events.schema.json\n")
    assert "  date: 2023-03\n" in text and "  added: 20" in text
