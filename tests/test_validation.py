"""One broken fixture per rule: each problem names the file, line and field, all in one run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import edit, line_of, problems_of
from natoaz.problems import ERROR, WARNING


def only(problems, severity=ERROR):
    return [p for p in problems if p.severity == severity]


def find(problems, file_end: str, field: str, text: str):
    hits = [p for p in problems if p.file.endswith(file_end) and p.field == field and text in p.message + p.hint]
    assert hits, f"no problem {file_end} {field} {text!r} in:\n" + "\n".join(map(str, problems))
    return hits[0]


def test_mini_dataset_is_clean(mini: Path) -> None:
    assert problems_of(mini) == []


def test_unknown_field_suggests_the_right_name(mini: Path) -> None:
    edit(mini / "events/1994.yaml", "  programmes: [pfp]", "  programms: [pfp]")
    p = find(problems_of(mini), "events/1994.yaml", "programms", "unknown field `programms`")
    assert "did you mean `programmes`?" in p.hint
    assert p.line == line_of(mini / "events/1994.yaml", "programms")


def test_missing_source_says_what_to_add(mini: Path) -> None:
    edit(mini / "quotes/2025.yaml", "  sources: [news-speech]\n", "")
    p = find(problems_of(mini), "quotes/2025.yaml", "", "missing required field `sources`")
    assert "add `sources: [source-id]`" in p.hint


def test_dangling_reference_lists_known_ids(mini: Path) -> None:
    edit(mini / "events/1994.yaml", "programmes: [pfp]", "programmes: [deep]")
    p = find(problems_of(mini), "events/1994.yaml", "programmes[0]", "`deep` is not a programme id")
    assert "`pfp`" in p.hint


def test_reference_typo_gets_a_did_you_mean(mini: Path) -> None:
    edit(mini / "quotes/2025.yaml", "speaker: alex-speaker", "speaker: alex-speakr")
    p = find(problems_of(mini), "quotes/2025.yaml", "speaker", "not a person id")
    assert "did you mean `alex-speaker`?" in p.hint


def test_impossible_date(mini: Path) -> None:
    edit(mini / "events/2025.yaml", "date: 2025-05-06", "date: 2025-02-30")
    p = find(problems_of(mini), "events/2025.yaml", "date", "date `2025-02-30` does not exist")
    assert p.line == line_of(mini / "events/2025.yaml", "2025-02-30")


# One mistake each: (file, text replaced, replacement, field reported, words of the message).
SIMPLE_MISTAKES = [
    ('events/1994.yaml', 'date: 1994-05-04', 'date: 1994-5-4', 'date',
     'not a date of the form YYYY, YYYY-MM or YYYY-MM-DD'),
    ('events/2025.yaml', 'date: 2025-05-06', 'date: 2027-01', 'date', 'in the future'),
    ('people/heydar-aliyev.yaml', 'end: 2003-10', 'end: 1990', 'roles[0].end',
     'ends (1990) before it starts (1993-10)'),
    ('programmes/pfp.yaml', 'id: pfp', 'id: PfP Programme', 'id', 'not a valid id'),
    ('sources/news-speech.yaml', 'url: https://', 'url: ftp://', 'url', 'http:// or https://'),
    ('programmes/pfp.yaml', 'sectors: [political-dialogue]', 'sectors: [diplomacy]', 'sectors[0]',
     '`diplomacy` is not a sector id'),
    ('people/alex-speaker.yaml', '    sources: [news-speech]', '    sources: []', 'corrections[0].sources',
     'no source given'),
    ('people/alex-speaker.yaml', '    sources: [news-speech]', '    sources: [news-speeches]',
     'corrections[0].sources[0]', '`news-speeches` is not a source id'),
    ('people/alex-speaker.yaml', 'updated: 2026-01-05', 'updated: 2026-01-04', 'updated',
     'is older than a correction'),
    ('people/alex-speaker.yaml', 'former_ids: [alex-speeker]', 'former_ids: [alex-speaker]', 'former_ids[0]',
     'is the id of a current person'),
    ('events/2025.yaml', 'chosen: Head of the Liaison Office', 'chosen: Head of Liaison', 'disagreements[0].chosen',
     'is not one of the readings'),
]


@pytest.mark.parametrize(("file", "old", "new", "field", "text"), SIMPLE_MISTAKES,
                         ids=['malformed_date_that_yaml_would_read_differently', 'future_date', 'end_before_start',
                              'id_must_be_a_slug', 'url_must_be_http', 'sector_outside_vocabulary',
                              'correction_without_source', 'correction_source_unknown',
                              'updated_older_than_correction', 'former_id_is_a_current_id', 'chosen_not_a_reading'])
def test_single_mistake_is_reported_with_file_line_and_field(mini: Path, file: str, old: str, new: str,
                                                             field: str, text: str) -> None:
    edit(mini / file, old, new)
    p = find(problems_of(mini), file, field, text)
    assert p.line == line_of(mini / file, new.splitlines()[-1].strip())


def test_corrected_record_without_updated(mini: Path) -> None:
    edit(mini / "people/alex-speaker.yaml", "updated: 2026-01-05\n", "")
    find(problems_of(mini), "people/alex-speaker.yaml", "corrections", "a corrected record needs `updated`")


def test_chosen_reading_needs_a_reason(mini: Path) -> None:
    reason = "      reason: The news report quotes the speech itself; the overview is undated.\n"
    edit(mini / "events/2025.yaml", reason, "")
    find(problems_of(mini), "events/2025.yaml", "disagreements[0]", "`chosen` needs `reason`")


def test_former_id_shared_by_two_records(mini: Path) -> None:
    edit(mini / "people/heydar-aliyev.yaml", "name: Heydar Aliyev", "name: Heydar Aliyev\nformer_ids: [alex-speeker]")
    find(problems_of(mini), "people/heydar-aliyev.yaml", "former_ids[0]", "also a former id of `alex-speaker`")


def test_duplicate_ids_across_files(mini: Path) -> None:
    edit(mini / "events/2025.yaml", "id: 2025-05-06-speech", "id: 1994-05-04-pfp-signed")
    p = find(problems_of(mini), "events/2025.yaml", "id", "duplicate id `1994-05-04-pfp-signed`")
    assert "events/1994.yaml:2" in p.hint


def test_quote_outside_speakers_role(mini: Path) -> None:
    edit(mini / "people/alex-speaker.yaml", "start: 2022-05", "start: 2022-05\n    end: 2024")
    find(problems_of(mini), "quotes/2025.yaml", "date", "outside Alex Speaker's role")


def test_near_duplicate_event_is_a_warning(mini: Path) -> None:
    text = (mini / "events/1994.yaml").read_text(encoding="utf-8")
    twin = text.split("\n", 1)[1].replace("id: 1994-05-04-pfp-signed", "id: 1994-05-04-pfp-signed-again")
    twin = twin.replace("signs the PfP", "signed the PfP")
    (mini / "events/1994.yaml").write_text(text + twin, encoding="utf-8")
    p = find(problems_of(mini), "events/1994.yaml", "title", "looks like a duplicate")
    assert p.severity == WARNING


def test_uncited_source_is_a_warning(mini: Path) -> None:
    (mini / "sources/orphan.yaml").write_text(
        "id: orphan\ntitle: Unused\npublisher: Nobody\nurl: https://example.org/x\ndate: 2020\nlanguage: en\n"
        "quality: weak\nadded: 2026-01-02\n", encoding="utf-8")
    p = find(problems_of(mini), "sources/orphan.yaml", "id", "never cited")
    assert p.severity == WARNING and only(problems_of(mini)) == []


def test_disagreement_sources_must_resolve(mini: Path) -> None:
    edit(mini / "events/2025.yaml", "          sources: [mfa-overview]", "          sources: [mfa-overvew]")
    find(problems_of(mini), "events/2025.yaml", "disagreements[0].readings[1].sources[0]", "did you mean")


def test_every_problem_is_reported_in_one_run(mini: Path) -> None:
    edit(mini / "events/1994.yaml", "  programmes: [pfp]", "  programms: [pfp]")
    edit(mini / "events/2025.yaml", "date: 2025-05-06", "date: 2025-02-30")
    edit(mini / "quotes/2025.yaml", "speaker: alex-speaker", "speaker: nobody")
    edit(mini / "sources/news-speech.yaml", "quality: media", "quality: media\nquality: official")
    files = {p.file.rsplit("/", 2)[-2] + "/" + p.file.rsplit("/", 1)[-1] for p in only(problems_of(mini))}
    assert files == {"events/1994.yaml", "events/2025.yaml", "quotes/2025.yaml", "sources/news-speech.yaml"}


def test_cli_check_exit_codes_and_json(mini: Path) -> None:
    run = [sys.executable, "-m", "natoaz", "--data", str(mini), "check"]
    assert subprocess.run(run, capture_output=True).returncode == 0
    edit(mini / "events/1994.yaml", "  programmes: [pfp]", "  programms: [pfp]")
    text = subprocess.run(run, capture_output=True, text=True)
    assert text.returncode == 1
    assert "events/1994.yaml:" in text.stdout and "did you mean `programmes`?" in text.stdout
    as_json = subprocess.run(run + ["--format", "json"], capture_output=True, text=True)
    report = json.loads(as_json.stdout)
    assert as_json.returncode == 1 and report["errors"] == 1
    assert report["problems"][0]["field"] == "programms"


def test_one_copy_with_every_kind_of_mistake_reports_each_in_one_run(mini: Path) -> None:
    """One mistake of each kind in one dataset: a single run names each with its file and line."""
    events, quotes, people = mini / "events/1994.yaml", mini / "quotes/2025.yaml", mini / "people/alex-speaker.yaml"
    edit(events, "  programmes: [pfp]", "  programms: [pfp]")                       # unknown field
    edit(mini / "events/2025.yaml", "date: 2025-05-06", "date: 2025-02-30")         # impossible date
    edit(quotes, "programmes: [pfp]", "programmes: [deep]")                          # dangling reference
    edit(quotes, "  sources: [news-speech]\n", "")                                   # unsourced quote
    edit(people, "start: 2022-05", "start: 2022-05\n    end: 2021")                  # end before start
    edit(mini / "sources/news-speech.yaml", "url: https://", "url: ftp://")          # not http(s)
    edit(mini / "programmes/pfp.yaml", "sectors: [political-dialogue]", "sectors: [diplomacy]")  # vocabulary
    edit(mini / "sources/mfa-overview.yaml", "quality: official", "quality: official\nquality: media")  # dup key
    (mini / "sources/tabbed.yaml").write_text("id: tabbed\n\ttitle: x\n", encoding="utf-8")  # tab
    (mini / "sources/bom.yaml").write_bytes(b"\xef\xbb\xbfid: bom\n")                 # byte-order mark
    (mini / "sources/latin1.yaml").write_bytes(b"id: latin\ntitle: caf\xe9\n")       # not UTF-8
    (mini / "people/yes-no.yaml").write_text(
        "id: yes-no\nname: Norway\nroles:\n  - title: no\n    organisation: NATO\nsources: [mfa-overview]\n",
        encoding="utf-8")                                                            # `no` read as false
    (mini / "people/Bad_Id.yaml").write_text(
        "id: Bad_Id\nname: Someone\nroles: [{title: x1, organisation: NATO}]\nsources: [mfa-overview]\n"
        "other_names: [1.10]\n", encoding="utf-8")                                   # slug + lossy number
    problems = problems_of(mini)
    expected = [
        ("events/1994.yaml", "unknown field `programms`"),
        ("events/2025.yaml", "date `2025-02-30` does not exist"),
        ("quotes/2025.yaml", "`deep` is not a programme id"),
        ("quotes/2025.yaml", "missing required field `sources`"),
        ("people/alex-speaker.yaml", "before it starts"),
        ("sources/news-speech.yaml", "http:// or https://"),
        ("programmes/pfp.yaml", "`diplomacy` is not a sector id"),
        ("sources/mfa-overview.yaml", "duplicate key `quality`"),
        ("sources/tabbed.yaml", "tab is used for indentation"),
        ("sources/bom.yaml", "byte-order mark"),
        ("sources/latin1.yaml", "not valid UTF-8"),
        ("people/yes-no.yaml", "would be read as true/false"),
        ("people/Bad_Id.yaml", "not a valid id"),
        ("people/Bad_Id.yaml", "would be read as the number 1.1"),
    ]
    for file_end, text in expected:
        hits = [p for p in problems if p.file.endswith(file_end) and text in p.message and p.line >= 1]
        assert hits, f"{file_end}: {text!r} not reported"
