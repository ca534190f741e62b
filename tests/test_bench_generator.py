"""The benchmark's synthetic-data generator: deterministic, scales by the factor, valid, references resolve."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, TODAY, edit
from natoaz.check.validate import validate
from natoaz.model.records import Dataset
from natoaz.model.registry import NAMES as COLLECTIONS
from natoaz.tools.bench.base import map_refs
from natoaz.tools.bench.generator import MANIFEST, _suffixed_ids, generate

BENCH = FIXTURES / "bench"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _generated(tmp_path: Path, factor: int, name: str = "out", seed: int = 7, source: Path = BENCH) -> Path:
    out = tmp_path / name / "data"
    generate(out, factor, data_dir=source, seed=seed, today=TODAY)
    return out


def _dataset(data_dir: Path) -> Dataset:
    dataset, problems = validate(data_dir, today=TODAY)
    assert problems == [], "\n".join(map(str, problems))
    return dataset


def test_same_seed_gives_identical_files(tmp_path: Path) -> None:
    first = _files(_generated(tmp_path, 4, "a"))
    second = _files(_generated(tmp_path, 4, "b"))
    assert first and first == second
    other_seed = _files(_generated(tmp_path, 4, "c", seed=8))
    assert other_seed.keys() == first.keys() and other_seed != first


def test_counts_scale_by_the_factor_and_sectors_and_glossary_are_shared(tmp_path: Path) -> None:
    base = _dataset(BENCH).counts()
    for factor in (1, 3):
        counts = _dataset(_generated(tmp_path, factor, f"x{factor}")).counts()
        assert counts == {c: n if c in ("sectors", "glossary") else n * factor for c, n in base.items()}


def test_generated_data_validates_and_copy_zero_is_the_input(tmp_path: Path) -> None:
    original = _dataset(BENCH)
    generated = _dataset(_generated(tmp_path, 3))
    for collection in COLLECTIONS:
        for record_id, record in original[collection].items():
            assert generated[collection][record_id].data == record.data
    # copies differ in text, not in shape: same fields, new words, one sector mix
    copy = generated["events"]["1994-05-04-pfp-signed-x2"].data
    first = original["events"]["1994-05-04-pfp-signed"].data
    assert copy.keys() == first.keys() and copy["summary"] != first["summary"]
    assert copy["summary"].count("\n\n") == first["summary"].count("\n\n")
    assert copy["sectors"] == first["sectors"] and copy["date"].startswith("1994-")


def _references(collection: str, data: dict) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    map_refs(collection, data, lambda target, ref: found.append((target, ref)) or ref)
    return found


def test_references_resolve_within_their_copy(tmp_path: Path) -> None:
    dataset = _dataset(_generated(tmp_path, 3))
    checked = 0
    for collection in COLLECTIONS:
        for record_id, record in dataset[collection].items():
            copy = record_id.rsplit("-x", 1)[1] if collection != "sectors" and "-x" in record_id else None
            for target, ref in _references(collection, record.data):
                checked += 1
                assert ref in dataset[target], f"{record_id} → {target}/{ref}"
                if copy and target != "sectors":
                    assert ref.endswith(f"-x{copy}"), f"{record_id} → {ref} leaves its copy"
    assert checked > 50


def test_unusable_input_records_are_dropped_or_stubbed(tmp_path: Path) -> None:
    source = tmp_path / "broken"
    shutil.copytree(BENCH, source)
    edit(source / "events/1994.yaml", "programmes: [pfp]", "programmes: [pfp, ipap]")  # a dangling reference
    edit(source / "quotes/1999.yaml", "  occasion: Remarks to journalists\n", "")  # a schema error
    out = _generated(tmp_path, 2, source=source)
    dataset = _dataset(out)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["stubs"] == {"programmes": 1} and "ipap-x1" in dataset["programmes"]
    assert manifest["dropped"] == ["quotes/javier-solana-1999-09-partnership: schema"]
    assert len(dataset["quotes"]) == 2


def test_quotes_are_derived_when_the_data_has_none(tmp_path: Path) -> None:
    source = tmp_path / "no-quotes"
    shutil.copytree(BENCH, source)
    shutil.rmtree(source / "quotes")
    (source / "quotes").mkdir()
    dataset = _dataset(_generated(tmp_path, 2, source=source))
    assert dataset["quotes"], "no quotes derived from events"
    assert all(q.data["event"] in dataset["events"] for q in dataset["quotes"].values())


def test_refuses_to_replace_a_folder_it_did_not_write(tmp_path: Path) -> None:
    target = tmp_path / "precious"
    target.mkdir()
    (target / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(ValueError, match="not made by the generator"):
        generate(target, 1, data_dir=BENCH, today=TODAY)
    assert (target / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_suffixed_ids_stay_within_the_schema_limit_and_unique() -> None:
    long_ids = ["a" * 98 + "-b", "a" * 98 + "-c", "short"]
    mapped = _suffixed_ids(long_ids, "-x42")
    assert all(len(new) <= 100 and new.endswith("-x42") for new in mapped.values())
    assert len(set(mapped.values())) == 3 and mapped["short"] == "short-x42"
