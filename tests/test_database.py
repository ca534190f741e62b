"""The SQLite database (sqlite-utils) and its Datasette metadata: tables, link tables, foreign keys,
full-text search, byte-for-byte determinism; Datasette serves it on 127.0.0.1 and answers its JSON API."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from natoaz.check.validate import load_valid
from natoaz.render.database import DB_FILE, METADATA_FILE, NAME, build_database, metadata_json
from natoaz.render.datapage import SQLITE_EXAMPLE
from natoaz.render.model import Site
from natoaz.render.tables import columns, link_tables


@pytest.fixture(scope="module")
def site() -> Site:
    dataset, _ = load_valid()
    return Site(dataset)


@pytest.fixture(scope="module")
def files(site: Site, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("db")
    (folder / DB_FILE).write_bytes(build_database(site))
    (folder / METADATA_FILE).write_text(metadata_json(site), encoding="utf-8")
    return folder


@pytest.fixture
def db(files: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(f"file:{files / DB_FILE}?mode=ro", uri=True)
    yield connection
    connection.close()


def test_a_table_per_collection_with_every_record_and_field(site: Site, db: sqlite3.Connection) -> None:
    for collection, records in site.data.records.items():
        assert db.execute(f"select count(*) from {collection}").fetchone()[0] == len(records)
        names = [row[1] for row in db.execute(f"pragma table_info({collection})")]
        assert names == [c.name.replace(".", "_") for c in columns(collection)]
    row = db.execute("select participation_start, sectors from programmes where id = 'pfp'").fetchone()
    assert row[0] == site.record("programmes", "pfp").data["participation"]["start"]
    assert json.loads(row[1]) == site.record("programmes", "pfp").data["sectors"]


def test_foreign_keys_and_link_tables(site: Site, db: sqlite3.Connection) -> None:
    assert db.execute("pragma foreign_key_check").fetchall() == []
    fks = {(row[3], row[2]) for row in db.execute("pragma foreign_key_list(quotes)")}
    assert ("speaker", "people") in fks and ("event", "events") in fks
    for link in link_tables():
        ref = link.reference
        expected = sum(len(set(r.data.get(ref.field) or [])) for r in site.data[ref.collection].values())
        assert db.execute(f"select count(*) from {link.name}").fetchone()[0] == expected, link.name
        targets = {row[2] for row in db.execute(f"pragma foreign_key_list({link.name})")}
        assert targets == {ref.collection, ref.target}
    # a join through a link table: the events of the busiest sector
    busiest = db.execute("select sector_id, count(*) n from events_sectors group by 1 order by 2 desc, 1").fetchone()
    in_data = [e.id for e in site.data["events"].values() if busiest[0] in e.data["sectors"]]
    assert len(in_data) == busiest[1]


def test_full_text_search_on_titles_summaries_and_quote_texts(site: Site, db: sqlite3.Connection) -> None:
    hits = db.execute("select e.id from events e join events_fts f on f.rowid = e.rowid "
                      "where events_fts match 'partnership'").fetchall()
    assert hits and all("partnership" in (site.record("events", i).data["title"]
                                          + site.record("events", i).data["summary"]).lower() for (i,) in hits)
    quote = next(iter(site.data["quotes"].values()))
    word = max(quote.data["text"].split(), key=len).strip(".,;:!?“”\"'()")
    ids = [i for (i,) in db.execute("select q.id from quotes q join quotes_fts f on f.rowid = q.rowid "
                                    "where quotes_fts match ?", [f'"{word}"'])]
    assert quote.id in ids
    assert {row[0] for row in db.execute("select name from sqlite_master where name like '%_fts'")} >= {
        "events_fts", "quotes_fts", "programmes_fts", "sources_fts"}


def test_the_sqlite_example_of_the_data_page_runs(files: Path) -> None:
    result = subprocess.run([sys.executable, "-c", SQLITE_EXAMPLE], cwd=files, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines and all(line[:4].isdigit() for line in lines) and lines == sorted(lines)


def test_the_same_data_gives_the_same_bytes(site: Site, files: Path) -> None:
    assert build_database(Site(site.data)) == (files / DB_FILE).read_bytes()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(base: str, path: str, **params: str) -> object:
    url = base + path + ("?" + urllib.parse.urlencode(params) if params else "")
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


@pytest.fixture(scope="module")
def datasette(files: Path) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(files / DB_FILE), "--metadata", str(files / METADATA_FILE),
         "--host", "127.0.0.1", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _get(base, "/-/versions.json")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"datasette did not start: {process.stderr.read().decode()}") from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_datasette_answers_through_its_json_api(site: Site, datasette: str) -> None:
    metadata = _get(datasette, "/-/metadata.json")
    assert metadata["license"] == "CC BY 4.0" and metadata["title"].endswith("dataset")
    tables = {t["name"]: t for t in _get(datasette, f"/{NAME}.json")["tables"]}
    assert tables["events"]["count"] == len(site.data["events"]) and tables["events"]["fts_table"] == "events_fts"
    found = _get(datasette, f"/{NAME}/events.json", _search="partnership", _shape="array", _size="max")
    assert found and all("partnership" in (e["title"] + e["summary"]).lower() for e in found)
    quote = next(iter(site.data["quotes"].values()))
    (row,) = _get(datasette, f"/{NAME}/quotes.json", id=quote.id, _labels="on", _shape="array")
    speaker = site.record("people", quote.data["speaker"]).data["name"]
    assert row["speaker"] == {"value": quote.data["speaker"], "label": speaker}
    sql = ("select s.name, count(*) as n from events_sectors l join sectors s on s.id = l.sector_id "
           "group by s.id order by n desc, s.name limit 1")
    (top,) = _get(datasette, f"/{NAME}.json", sql=sql, _shape="array")
    assert top["n"] == max(sum(s in e.data["sectors"] for e in site.data["events"].values())
                           for s in site.data["sectors"])
