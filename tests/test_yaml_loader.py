"""The strict loader: positions, duplicate keys, hostile and malformed input."""

from __future__ import annotations

from natoaz.load.yaml_loader import MAX_FILE_BYTES, load_yaml


def test_positions_are_kept_for_every_value() -> None:
    doc, problems = load_yaml(b"- id: a\n  sectors:\n    - x1\n    - y2\n", "f.yaml")
    assert problems == []
    assert doc.value == [{"id": "a", "sectors": ["x1", "y2"]}]
    assert doc.positions[(0, "sectors", 1)] == (4, 7)
    assert doc.key_positions[(0, "sectors")] == (2, 3)


def test_dates_and_numbers_stay_as_typed() -> None:
    doc, problems = load_yaml(b"date: 1994-05-04\nyear: 1994\nkey: true\nnothing: ~\n", "f.yaml")
    assert problems == []
    assert doc.value == {"date": "1994-05-04", "year": "1994", "key": True, "nothing": None}


def test_duplicate_key_is_an_error_with_both_lines() -> None:
    _, problems = load_yaml(b"id: a\ntitle: one\ntitle: two\n", "f.yaml")
    assert [(p.line, p.field) for p in problems] == [(3, "title")]
    assert "duplicate key `title` (first at line 2)" in problems[0].message


def test_alias_bomb_is_refused_quickly() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
    for level in "bcdefghij":
        previous = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [" + ", ".join([f"*{previous}"] * 9) + "]\n"
    doc, problems = load_yaml(bomb.encode(), "bomb.yaml")
    assert problems and all("aliases" in p.message for p in problems)
    # a work bound, not a stopwatch: nothing is expanded, so the document holds one value per alias
    # (9**9 strings if the aliases had been followed) and there is at most one problem per anchor or alias
    values = [v for items in doc.value.values() for v in items]
    assert len(values) == 10 * 9 and len(problems) <= bomb.count("*") + bomb.count("&")


def test_oversized_file_is_refused() -> None:
    _, problems = load_yaml(b"#" * (MAX_FILE_BYTES + 1), "big.yaml")
    assert len(problems) == 1 and "limit" in problems[0].message


def test_tab_indentation_names_the_line() -> None:
    _, problems = load_yaml(b"id: a\nroles:\n\t- x\n", "f.yaml")
    assert [(p.line, p.col) for p in problems] == [(3, 1)]
    assert "tab" in problems[0].message


def test_bom_and_non_utf8_are_explained() -> None:
    _, bom = load_yaml(b"\xef\xbb\xbfid: a\n", "f.yaml")
    assert "byte-order mark" in bom[0].message
    _, latin = load_yaml(b"id: a\ntitle: caf\xe9\n", "f.yaml")
    assert (latin[0].line, "UTF-8" in latin[0].message) == (2, True)


def test_yaml_11_booleans_and_lossy_numbers_are_flagged() -> None:
    _, problems = load_yaml(b"country: no\nversion: 1.10\nratio: 2.5\n", "f.yaml")
    by_line = {p.line: p.message for p in problems}
    assert "true/false" in by_line[1]
    assert "number 1.1" in by_line[2]
    assert 3 not in by_line  # 2.5 reads back unchanged


def test_syntax_error_has_a_position() -> None:
    _, problems = load_yaml(b"id: a\ntitle: [unclosed\n", "f.yaml")
    assert problems[0].message.startswith("YAML syntax error") and problems[0].line >= 2
