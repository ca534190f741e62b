"""The editing guide's examples, followed literally: each YAML block put where it says gives a clean check."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from markdown.extensions.toc import slugify

from natoaz.check.editor_checks import cut_by_comment
from natoaz.check.validate import validate
from natoaz.load.yaml_loader import load_yaml
from natoaz.model.records import Record
from natoaz.paths import DATA_DIR, ROOT

GUIDE = ROOT / "docs/editing/index.md"
TARGET = re.compile(r"^# (data/[a-z]+/[a-z0-9-]+\.yaml)\n")


def _blocks() -> list[str]:
    return re.findall(r"^```yaml\n(.*?)^```$", GUIDE.read_text(encoding="utf-8"), re.M | re.S)


def _records(blocks: list[str]) -> list[tuple[str, str]]:
    """(data file, YAML text) for every block that names the file it belongs in."""
    return [(m[1], block[m.end():]) for block in blocks if (m := TARGET.match(block))]


def _without(project: Path, ids: set[str]) -> None:
    """The copy of the real data minus the records the guide shows (they come back from the guide)."""
    dataset, _ = validate(project / "data")
    for records in dataset.records.values():
        for record in records.values():
            if record.id not in ids:
                continue
            path = project / record.file
            if not record.file.split("/")[-1][:4].isdigit():
                path.unlink()
                continue
            lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
            starts = sorted(r.line for c in dataset.records.values() for r in c.values() if r.file == record.file)
            end = next((s for s in starts if s > record.line), len(lines) + 1)
            path.write_text("".join(lines[: record.line - 1]) + "#\n" * (end - record.line)
                            + "".join(lines[end - 1:]), encoding="utf-8")


def test_guide_has_an_example_of_every_kind() -> None:
    files = [file for file, _ in _records(_blocks())]
    for folder in ("sources", "people", "programmes", "events", "quotes"):
        assert any(f.startswith(f"data/{folder}/") for f in files), f"no {folder} example in the guide"
    text = GUIDE.read_text(encoding="utf-8")
    for needed in ("  end: ", "disagreements:", "corrections:", "updated:", "quality: media", "quality: official"):
        assert any(needed in block for _, block in _records(_blocks())), needed
    assert "](reference.md)" in text and (GUIDE.parent / "reference.md").is_file()


def test_guide_examples_give_a_clean_check(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(DATA_DIR, project / "data")
    real, _ = validate(project / "data")
    examples = _records(_blocks())
    ids = {m for _, block in examples for m in re.findall(r"^-? ?id: ([a-z0-9-]+)$", block, re.M)}
    known = {i for records in real.records.values() for i in records}
    assert ids and ids <= known, f"guide examples that are not real records: {sorted(ids - known)}"
    # follow the guide: the root of the copy stands in for the project, so paths read as in the guide
    data = project / "data"
    _without(project, ids)
    for file, block in examples:
        path = project / file
        if path.name[:4].isdigit():  # a year file: the example's records are added at its end
            items = "".join(line for line in block.splitlines(keepends=True) if not line.startswith("# "))
            old = path.read_text(encoding="utf-8") if path.exists() else ""
            path.write_text(old + items, encoding="utf-8")
        else:
            path.write_text(block, encoding="utf-8")
    _, problems = validate(data)
    # the year files' other summaries get their inline citations gradually (test_inline_citations.py)
    mine = [str(p) for p in problems if any(p.file.endswith(file) for file, _ in examples)
            and "without a citation" not in p.message]
    assert not mine, "the editing guide's examples no longer check clean; update docs/editing/index.md:\n" + \
        "\n".join(mine)
    assert not [p for p in problems if p.severity == "error"], "\n".join(map(str, problems))


def test_guide_value_examples_read_whole() -> None:
    fragments = [block for block in _blocks() if not TARGET.match(block)]
    assert fragments, "the guide shows how to write values with `:` and `#`"
    for block in fragments:
        doc, problems = load_yaml(block.encode(), "guide")
        assert doc is not None and not problems, problems
        record = Record("events", doc.value, "guide", doc.positions, doc.key_positions)
        assert not list(cut_by_comment(record, doc.lines))
        assert any("#" in str(v) for v in doc.value.values()) and any(": " in str(v) for v in doc.value.values())


GUIDE_AZ = ROOT / "docs/az/editing/index.md"
_HEADING_ID = re.compile(r"^#{1,3} .*\{ #([a-z0-9-]+) \}$", re.M)


def _code(text: str) -> list[str]:
    """Every fenced block, YAML comment lines aside (a translation may translate a comment)."""
    return ["".join(line for line in block.splitlines(keepends=True) if not line.startswith("# "))
            for block in re.findall(r"^```[a-z]*\n(.*?)^```$", text, re.M | re.S)]


def test_the_azerbaijani_guide_shows_the_english_guides_examples() -> None:
    """docs/az/editing/index.md translates the prose only: the same real records (checked above), in
    the same order, so the Azerbaijani guide cannot drift from the data."""
    english, azerbaijani = GUIDE.read_text(encoding="utf-8"), GUIDE_AZ.read_text(encoding="utf-8")
    assert _code(azerbaijani) == _code(english)


def test_the_azerbaijani_guide_keeps_the_english_anchors() -> None:
    """Each Azerbaijani heading carries the English heading's anchor, so a link to a section (and the
    language switch) lands on the same section in both languages."""
    fences = re.compile(r"^```.*?^```$", re.M | re.S)  # `# data/…` lines in examples are no headings
    azerbaijani = fences.sub("", GUIDE_AZ.read_text(encoding="utf-8"))
    english = fences.sub("", GUIDE.read_text(encoding="utf-8"))
    ids = _HEADING_ID.findall(azerbaijani)
    headings = re.compile(r"^#{1,3} ", re.M)
    assert len(ids) == len(headings.findall(english)) == len(headings.findall(azerbaijani))
    english_ids = [m[2] or slugify(m[1].replace("`", ""), "-")
                   for m in re.finditer(r"^#{1,3} (.*?)(?: \{ #([a-z0-9-]+) \})?$", english, re.M)]
    assert ids == english_ids
    for anchor in re.findall(r"\]\(#([a-z0-9-]+)\)", azerbaijani):
        assert anchor in ids, anchor
    for anchor in re.findall(r"\]\(#([a-z0-9-]+)\)", english):
        assert anchor in ids, f"the English guide links to #{anchor}, which the Azerbaijani one lacks"
