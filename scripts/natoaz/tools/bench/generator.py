"""Deterministic synthetic data: the real dataset multiplied by a factor, written as a complete data folder.

Copy 0 is the (repaired) real data, verbatim. Copy k ≥ 1 gets ids with the suffix `-xk`, references to
the same copy's records (sectors are shared, so the sector mix stays the same), new seeded texts with
the same paragraph and word counts as the originals, event dates moved within their year and unique
source URLs. The same seed and input always give byte-identical files.

    python -m natoaz.tools.bench.generator --factor 10 --out bench-results/data-x10
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import random
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

import yaml

from ...model.dates import DateError, parse_date
from ...model.registry import NAMES as COLLECTIONS
from ...paths import DATA_DIR
from .base import Base, load_base, map_refs
from .synthetic import jitter_dates, person_name, text_like, title_like, vocabulary

SEED = 19940504
MANIFEST = "bench-manifest.json"  # marks a folder as generated (safe to replace); the loader ignores it
MAX_ID = 100
SHARED = ("sectors", "glossary")  # copied once, not multiplied
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass
class Manifest:
    seed: int
    factor: int
    base: dict[str, int]
    counts: dict[str, int]
    files: int
    dropped: list[str] = field(default_factory=list)
    stubs: dict[str, int] = field(default_factory=dict)
    synthesised: dict[str, int] = field(default_factory=dict)


def _suffixed_ids(ids: list[str], suffix: str) -> dict[str, str]:
    """id → id + suffix, shortened to the schema's 100 characters without creating clashes."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for record_id in ids:
        new = record_id[: MAX_ID - len(suffix)].rstrip("-") + suffix
        if new in taken:
            digest = hashlib.sha1(record_id.encode()).hexdigest()[:6]
            new = f"{record_id[: MAX_ID - len(suffix) - 7].rstrip('-')}-{digest}{suffix}"
        taken.add(new)
        out[record_id] = new
    return out


def _same_copy(ids: dict[str, dict[str, str]]) -> Callable[[str, str], str]:
    return lambda target, ref: ids[target].get(ref, ref)


def _unique_url(url: str, copy_index: int) -> str:
    address, hash_mark, fragment = url.partition("#")
    joiner = "&" if "?" in address else "?"
    return f"{address}{joiner}bench-copy={copy_index}{hash_mark}{fragment}"


def _vary(collection: str, data: dict, rng: random.Random, vocab: list[str], latest_year: int, k: int) -> None:
    """New texts (same shape) for copy k; everything structural stays."""
    if collection == "events":
        data["title"] = title_like(rng, vocab, data["title"])
        data["summary"] = text_like(rng, vocab, data["summary"])
        jitter_dates(rng, data, latest_year)
    elif collection == "programmes":
        data["name"] = title_like(rng, vocab, data["name"], min_len=2)
        data["summary"] = text_like(rng, vocab, data["summary"])
        if data.get("description"):
            data["description"] = text_like(rng, vocab, data["description"])
    elif collection == "quotes":
        data["text"] = text_like(rng, vocab, data["text"])
    elif collection == "people":
        data["name"] = person_name(rng)
        if data.get("other_names"):  # a copy is another person: no name shared with the original
            data["other_names"] = [person_name(rng) for _ in data["other_names"]]
    elif collection == "sources":
        data["title"] = title_like(rng, vocab, data["title"], min_len=3, max_len=300)
        for key in ("url", "archive_url"):
            if data.get(key):
                data[key] = _unique_url(data[key], k)
    for item in data.get("disagreements") or []:
        item["note"] = text_like(rng, vocab, item["note"])
    if data.get("former_ids"):  # a copy's old addresses are its own
        data["former_ids"] = [f"{old}-x{k}" for old in data["former_ids"]]


def _texts(base: Base) -> list[str]:
    keys = ("title", "summary", "description", "text", "name")
    return [str(item.data[k]) for items in base.items.values() for item in items for k in keys if item.data.get(k)]


def _latest_year(base: Base) -> int:
    years = [0]
    for item in base.items["events"]:
        try:
            years.append(parse_date(str(item.data.get("date"))).year)
        except DateError:
            continue
    return max(years)


def _copy_file(name: str, k: int) -> str:
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}-x{k}.yaml")) if k else name


def _dump(records: list[dict], as_list: bool, seed: int, k: int) -> str:
    header = f"# Synthetic benchmark data (natoaz.tools.bench), seed {seed}, copy {k}. Generated: do not edit.\n"
    value = records if as_list or len(records) != 1 else records[0]
    return header + yaml.dump(value, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def _files(base: Base, factor: int, seed: int) -> dict[str, str]:
    """{path inside the data folder: YAML text} for every copy."""
    vocab = vocabulary(_texts(base))
    latest = _latest_year(base)
    grouped: dict[tuple[str, str, int], tuple[bool, list[dict]]] = {}
    for k in range(factor):
        ids = {c: _suffixed_ids(sorted(base.ids(c)), f"-x{k}") if k and c not in SHARED else {} for c in COLLECTIONS}
        for collection in COLLECTIONS:
            if k and collection in SHARED:
                continue
            for item in base.items[collection]:
                data = copy.deepcopy(item.data)
                if k:
                    data["id"] = ids[collection][data["id"]]
                    map_refs(collection, data, _same_copy(ids))
                    rng = random.Random(f"{seed}:{collection}:{item.data['id']}:{k}")
                    _vary(collection, data, rng, vocab, latest, k)
                key = (collection, _copy_file(item.file, k), k)
                grouped.setdefault(key, (item.as_list, []))[1].append(data)
    return {f"{collection}/{name}": _dump(records, as_list, seed, k)
            for (collection, name, k), (as_list, records) in sorted(grouped.items())}


def _clear(out_dir: Path) -> None:
    if out_dir.resolve() == DATA_DIR.resolve():
        raise ValueError("refusing to write synthetic data over the real data/")
    if out_dir.exists():
        if any(out_dir.iterdir()) and not (out_dir / MANIFEST).exists():
            raise ValueError(f"{out_dir} is not empty and was not made by the generator; choose another folder")
        shutil.rmtree(out_dir)


def write(base: Base, out_dir: Path, factor: int, seed: int = SEED) -> Manifest:
    """Write `factor` copies of the base as a complete data folder in `out_dir` (replaced if generated)."""
    if factor < 1:
        raise ValueError("the factor must be at least 1")
    _clear(out_dir)
    files = _files(base, factor, seed)
    for collection in COLLECTIONS:
        (out_dir / collection).mkdir(parents=True, exist_ok=True)
    for rel, text in files.items():
        target = out_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    base_counts = base.counts()
    counts = {c: n * (1 if c in SHARED else factor) for c, n in base_counts.items()}
    manifest = Manifest(seed, factor, base_counts, counts, len(files), list(base.dropped), dict(base.stubs),
                        dict(base.synthesised))
    (out_dir / MANIFEST).write_text(json.dumps(asdict(manifest), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return manifest


def generate(out_dir: Path, factor: int, data_dir: Path = DATA_DIR, seed: int = SEED,
             today: date | None = None) -> Manifest:
    """Load the real data (whatever of it is usable) and write `factor` copies into `out_dir`."""
    return write(load_base(data_dir, today), out_dir, factor, seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m natoaz.tools.bench.generator", description=__doc__.split("\n")[0])
    parser.add_argument("--factor", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="the data folder to create (replaced if generated)")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="the real data to multiply")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    manifest = generate(args.out, args.factor, args.data, args.seed)
    print(json.dumps(asdict(manifest), indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
