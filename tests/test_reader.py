"""Reader features, on the small `reader` fixture: downloads, feed, charts, citations, JSON-LD, timeline filter."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES
from natoaz import SCHEMA_VERSION
from natoaz.build import build_site, copy_project, write_markdown
from natoaz.check.validate import load_valid
from natoaz.model.registry import NAMES as COLLECTIONS
from natoaz.model.schema import validator
from natoaz.paths import ROOT, SCHEMA_DIR
from natoaz.render import SiteOptions, render_site
from natoaz.render.charts import KIND_COLOURS, SECTOR_COLOURS
from natoaz.render.options import options_from_mkdocs_yml, url_path

READER = FIXTURES / "reader"
URL = "https://example.org/nato-az/"
RELEASE = "2024-06-30"  # the newest `added`/`updated` in the fixture
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def files() -> dict[str, str | bytes]:
    dataset, _ = load_valid(READER)
    return render_site(dataset, SiteOptions(site_url=URL))


def front_matter(page: str) -> dict:
    return yaml.safe_load(page.split("---\n", 2)[1])


def svgs(page: str) -> list[ET.Element]:
    return [ET.fromstring(s) for s in re.findall(r"<svg class=\"natoaz-chart__svg\".*?</svg>", page, re.S)]


# Downloads ------------------------------------------------------------------------------------------------


def test_json_envelope_has_version_release_counts_and_valid_records(files: dict) -> None:
    data = json.loads(files["downloads/nato-azerbaijan.json"])
    assert set(data) == {"schema_version", "title", "release", "version", "licence", "homepage", "counts", "records"}
    assert data["version"] is None  # the fixture has no data/release.yaml
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["release"] == RELEASE
    assert data["homepage"] == URL
    assert data["counts"] == {"sectors": 3, "sources": 4, "people": 2, "programmes": 3, "events": 5, "quotes": 2,
                              "glossary": 1}
    assert list(data["records"]) == list(COLLECTIONS)
    for collection, records in data["records"].items():
        assert len(records) == data["counts"][collection]
        for record in records:
            assert not list(validator(collection).iter_errors(record)), record["id"]
    events = [e["id"] for e in data["records"]["events"]]
    assert events[0] == "1994-05-04-pfp-signed" and events[-1] == "2008-04-kfor-withdrawal"  # chronological


def _csv_text(files: dict, name: str) -> io.StringIO:
    """A CSV download without its byte-order mark (which every one must start with, for Excel)."""
    text = files[f"downloads/{name}.csv"]
    assert text.startswith("\ufeff") and not text.startswith("\ufeff\ufeff")
    return io.StringIO(text.removeprefix("\ufeff"))


def test_csv_per_collection_with_header_and_lists_joined(files: dict) -> None:
    for collection in COLLECTIONS:
        rows = list(csv.reader(_csv_text(files, collection)))
        assert rows[0][0] == "id"
        assert len(rows) == 1 + {"sectors": 3, "sources": 4, "people": 2, "programmes": 3, "events": 5,
                                 "quotes": 2, "glossary": 1}[collection]
    events = list(csv.DictReader(_csv_text(files, "events")))
    saloglu = next(r for r in events if r["id"] == "2005-saloglu-starts")
    assert saloglu["sectors"] == "demining;peacekeeping"
    assert saloglu["programmes"] == "saloglu;pfp"
    assert saloglu["key"] == "" and next(r for r in events if r["id"] == "1994-05-04-pfp-signed")["key"] == "true"
    disputed = next(r for r in events if r["id"] == "1999-09-kfor-platoon")
    assert json.loads(disputed["disagreements"])[0]["readings"][1]["value"] == "October 1999"
    programmes = {r["id"]: r for r in csv.DictReader(_csv_text(files, "programmes"))}
    assert programmes["kfor"]["participation.start"] == "1999-09"
    assert programmes["kfor"]["participation.end"] == "2008-04"
    assert programmes["pfp"]["participation.end"] == ""


def test_schemas_are_copied_byte_for_byte(files: dict) -> None:
    for schema in SCHEMA_DIR.glob("*.schema.json"):
        assert files[f"downloads/schemas/{schema.name}"] == schema.read_bytes()


def test_data_page_links_every_download_and_states_the_licence(files: dict) -> None:
    page = files["data.md"]
    assert "CC BY 4.0" in page and "https://creativecommons.org/licenses/by/4.0/" in page
    for path in files:
        if path.startswith("downloads/"):
            assert f"]({path}){{download}}" in page, path  # saved, not shown as raw text
    assert "](feed.xml)" in page
    ld = json.loads(front_matter(page)["jsonld"])
    assert ld["@type"] == "Dataset" and ld["dateModified"] == RELEASE
    assert f"{URL}downloads/nato-azerbaijan.json" in [d["contentUrl"] for d in ld["distribution"]]


# Feed -----------------------------------------------------------------------------------------------------


def test_feed_lists_changes_newest_first_with_data_dates_only(files: dict) -> None:
    feed = ET.fromstring(files["feed.xml"])
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}updated").text == f"{RELEASE}T00:00:00Z"
    entries = feed.findall(f"{ATOM}entry")
    assert 0 < len(entries) <= 50
    stamps = [e.find(f"{ATOM}updated").text for e in entries]
    assert stamps == sorted(stamps, reverse=True)
    assert entries[0].find(f"{ATOM}id").text == "tag:nato-azerbaijan-reference,2025:events/2005-saloglu-starts"
    assert entries[0].find(f"{ATOM}link").get("href") == f"{URL}events/2005-saloglu-starts/"
    assert entries[0].find(f"{ATOM}title").text.startswith("Corrected event:")
    data_dates = {"2024-01-10", "2024-02-01", RELEASE}
    found = set(re.findall(r"\d{4}-\d{2}-\d{2}(?=T)", files["feed.xml"]))
    assert found <= data_dates  # every date comes from the data; none from the clock


def test_feed_keeps_the_fifty_newest_with_stable_ties(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(READER, data)
    extra = "\n".join(f"- id: 2008-extra-{i:02d}\n  date: 2008\n  title: Extra event number {i}\n"
                      f"  summary: An extra.\n  sectors: [peacekeeping]\n  sources: [news-kfor]\n"
                      f"  added: 2024-03-15" for i in range(40, 0, -1))
    (data / "events" / "2008.yaml").write_text((data / "events" / "2008.yaml").read_text() + extra + "\n")
    dataset, _ = load_valid(data)
    feed = ET.fromstring(render_site(dataset, SiteOptions(site_url=URL))["feed.xml"])
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 50  # 16 fixture records + 40 extras, all with `added`: the 50 newest
    tied = [e.find(f"{ATOM}id").text for e in entries if e.find(f"{ATOM}updated").text.startswith("2024-03-15")]
    assert len(tied) == 40 and tied == sorted(tied)
    assert [e.find(f"{ATOM}updated").text[:10] for e in entries[-4:]] == ["2024-02-01"] + ["2024-01-10"] * 3


# Pictures -------------------------------------------------------------------------------------------------


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def test_chart_colours_contrast_with_the_white_page() -> None:
    for colour in (*SECTOR_COLOURS, *KIND_COLOURS.values()):
        assert (1.05) / (_luminance(colour) + 0.05) >= 3.0, colour


@pytest.mark.parametrize("page", ["timeline/index.md", "programmes/index.md"])
def test_charts_are_labelled_images_with_a_text_alternative(files: dict, page: str) -> None:
    text = files[page]
    (svg,) = svgs(text)
    assert svg.get("role") == "img"
    title_id, desc_id = svg.get("aria-labelledby").split()
    ns = "{http://www.w3.org/2000/svg}"
    assert svg.find(f"{ns}title").get("id") == title_id and svg.find(f"{ns}title").text.strip()
    desc = svg.find(f"{ns}desc").text
    assert svg.find(f"{ns}desc").get("id") == desc_id and ("table" in desc or "cards" in desc)
    after = text.split("</figure>", 1)[1]
    assert "| Year | Events |" in after or ("natoaz-cards" in after and "4 May 1994 – present" in after)


def test_events_chart_stacks_each_event_once_by_first_sector(files: dict) -> None:
    (svg,) = svgs(files["timeline/index.md"])
    ns = "{http://www.w3.org/2000/svg}"
    bars = [r.find(f"{ns}title").text for r in svg.iter(f"{ns}rect")]
    assert "1999, Peacekeeping and operations: 1" in bars and "1999, Political dialogue: 1" in bars
    assert sum(int(b.rsplit(": ", 1)[1]) for b in bars) == 5  # five events, none counted twice
    assert "| 1999 | 2 |" in files["timeline/index.md"]


def test_participation_chart_marks_ongoing_programmes(files: dict) -> None:
    (svg,) = svgs(files["programmes/index.md"])
    ns = "{http://www.w3.org/2000/svg}"
    bars = [r.find(f"{ns}title").text for r in svg.iter(f"{ns}rect")]
    assert bars == ["Partnership for Peace (PfP): 4 May 1994 – continuing",
                    "Kosovo Force (KFOR): September 1999 – April 2008",
                    "Saloglu demining trust-fund project: 2005 – 2008"]
    assert len(svg.findall(f"{ns}path")) == 1  # one arrow: PfP continues


# Records: permalink, citation, JSON-LD ---------------------------------------------------------------------


def test_every_record_page_has_permalink_and_cite_block(files: dict) -> None:
    record_pages = [p for p in files if p.endswith(".md") and p.split("/")[0] in COLLECTIONS
                    and not p.endswith("index.md")]
    assert len(record_pages) == 20
    for page in record_pages:
        permalink = URL + page.removesuffix(".md") + "/"
        cite = files[page].split("## Cite this record {#cite data-search-exclude}", 1)[1]
        assert f"**Permalink:** <{permalink}>" in cite
        plain, bibtex = cite.split('id="natoaz-cite-bibtex"', 1)
        assert permalink in plain and "release" in plain
        assert '(accessed <span class="natoaz-cite__accessed" data-format="long">[date]</span>).' in plain
        assert f"url = {{{permalink}}}" in bibtex and f"version = {{{RELEASE}}}" in bibtex
        assert 'urldate = {<span class="natoaz-cite__accessed" data-format="iso">[date]</span>}' in bibtex


def test_bibtex_escapes_special_characters(files: dict) -> None:
    cite = files["events/1999-04-24-washington-summit.md"].split('id="natoaz-cite-bibtex"', 1)[1]
    assert r"title = {{Aliyev \&amp; Solana" in cite  # \& in BibTeX, then &amp; in HTML


def test_json_ld_parses_and_cannot_close_the_script(files: dict) -> None:
    person = json.loads(front_matter(files["people/heydar-aliyev.md"])["jsonld"])
    assert person["@type"] == "Person" and person["alternateName"] == ["Heydər Əliyev"]
    assert person["url"] == f"{URL}people/heydar-aliyev/"
    raw = front_matter(files["quotes/heydar-aliyev-1994-05-04-cornerstone.md"])["jsonld"]
    assert "</" not in raw and "<" not in raw
    quote = json.loads(raw)
    assert quote["@type"] == "Quotation" and "</script><script>" in quote["text"]
    assert quote["creator"]["name"] == "Heydar Aliyev" and quote["dateCreated"] == "1994-05-04"
    assert "jsonld" not in front_matter(files["events/1994-05-04-pfp-signed.md"])


def test_page_meta_is_html_safe(files: dict) -> None:
    meta = front_matter(files["events/1999-04-24-washington-summit.md"])
    assert meta["title"] == "Aliyev &amp; Solana meet at the &quot;Washington summit&quot; &lt;b&gt;EAPC&lt;/b&gt;"
    assert meta["og_type"] == "article"


def test_disagreement_shows_both_readings_with_sources(files: dict) -> None:
    page = files["events/1999-09-kfor-platoon.md"]
    box = page.split('!!! warning "Sources disagree: date"', 1)[1].split("## ", 1)[0]
    assert "**September 1999** — [Azerbaijani peacekeepers" in box
    assert "**October 1999** — [Azerbaijan and NATO](../sources/mfa-overview.md)" in box


# Timeline and home ----------------------------------------------------------------------------------------


def test_timeline_marks_entries_for_the_filter(files: dict) -> None:
    page = "".join(text for path, text in files.items()
                   if path.startswith("timeline/") and path != "timeline/index.md")
    entries = re.findall(r'<div class="natoaz-entry[^"]*" (data-type="[^"]*" data-sectors="[^"]*" '
                         r'data-programmes="[^"]*"(?: data-key="true")?) markdown="1">\n\n### [^{]*\{#([^}]+)\}', page)
    marks = {anchor: attrs for attrs, anchor in entries}
    assert len(marks) == 7  # five events and two quotes
    assert marks["2005-saloglu-starts"] == ('data-type="event" data-sectors="demining peacekeeping" '
                                            'data-programmes="saloglu pfp"')
    assert marks["1994-05-04-pfp-signed"].endswith('data-key="true"')
    # a quote without sectors of its own inherits those of its event
    assert 'data-type="quote" data-sectors="political-dialogue" data-programmes="pfp"' \
        in marks["quote-heydar-aliyev-1994-05-04-cornerstone"]
    assert 'data-natoaz-filter data-natoaz-skip="Skip to the timeline filter" hidden>' in page
    overview = files["timeline/index.md"]
    assert '<option value="kfor">Kosovo Force (KFOR) (2 events)</option>' in overview  # counts on the overview
    assert '<option value="kfor">Kosovo Force (KFOR)</option>' in files["timeline/1994.md"]  # same choices
    assert "Browse by sector: [Demining and ordnance disposal](../sectors/demining.md)" in overview
    assert "natoaz-entry" not in overview


def test_timeline_is_one_page_per_year_under_an_overview(files: dict) -> None:
    parts = sorted(p for p in files if p.startswith("timeline/") and p != "timeline/index.md")
    assert parts == ["timeline/1994.md", "timeline/1999.md", "timeline/2005.md", "timeline/2008.md"]
    overview = files["timeline/index.md"]
    for year in (1994, 1999, 2005, 2008):  # each year: an entry point keeping the old anchor, and a counts row
        assert f'- [{year}]({year}.md){{ #{year} data-natoaz-part="" data-natoaz-year="{year}" ' in overview
        assert f"| [{year}]({year}.md){{ data-natoaz-part=\"\" }} |" in overview
    steps = files["timeline/1999.md"].split('<nav class="natoaz-steps"', 1)[1]
    assert '[← 1994](1994.md){ data-natoaz-part="" rel="prev" }' in steps
    assert '[2005 →](2005.md){ data-natoaz-part="" rel="next" }' in steps
    assert '- [1999](1999.md){ aria-current="page" data-natoaz-year="1999" ' in files["timeline/1999.md"]
    assert "### 24 April 1999 — " in files["timeline/1999.md"]
    assert "24 April 1999" not in files["timeline/2005.md"]
    # an event page links to its own entry in its year's part
    assert "**Timeline:** [1999](../timeline/1999.md#1999-04-24-washington-summit)" in \
        files["events/1999-04-24-washington-summit.md"]


def test_home_has_figures_milestones_and_entry_points(files: dict) -> None:
    page = files["index.md"]
    assert "-   **30** years of recorded cooperation" in page  # first event 1994, release 2024
    assert "Counted from the first event on the timeline (" in page
    assert re.search(r"has taken part: \d+ continuing, \d+ ended\.", page)
    assert "has not applied" not in page  # no unsourced claims in the generated text
    assert "-   **5** events" in page and "-   **2** quotes" in page and "-   **4** sources" in page
    milestones = page.split("## Key milestones", 1)[1].split("##", 1)[0]
    assert milestones.count("\n1. ") == 2
    assert "[Demining and ordnance disposal](sectors/demining.md)" in page
    assert "(event, corrected 30 June 2024)" in page.split("## Latest additions", 1)[1].splitlines()[2]


# Determinism, options, the command-line twin ----------------------------------------------------------------


def test_rendering_twice_gives_identical_output() -> None:
    first, _ = load_valid(READER)
    second, _ = load_valid(READER)
    assert render_site(first, SiteOptions(site_url=URL)) == render_site(second, SiteOptions(site_url=URL))


def test_url_paths_follow_mkdocs() -> None:
    assert url_path("index.md") == ""
    assert url_path("timeline/index.md") == "timeline/"
    assert url_path("events/x.md") == "events/x/"
    assert url_path("events/x.md", directory_urls=False) == "events/x.html"
    assert url_path("feed.xml") == "feed.xml"
    assert SiteOptions(site_url="https://a.example/b").url("data.md") == "https://a.example/b/data/"
    assert SiteOptions().url("data.md") == "/data/"


def test_options_are_read_from_mkdocs_yml_despite_custom_tags(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Test\nsite_url: https://t.example\nuse_directory_urls: false\n"
                      "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:x.y\n")
    options = options_from_mkdocs_yml(config)
    assert options == SiteOptions("https://t.example/", "Test", directory_urls=False)
    assert options_from_mkdocs_yml(config, site_url="https://other.example/").site_url == "https://other.example/"


def test_command_line_twin_writes_every_generated_file(tmp_path: Path) -> None:
    out = tmp_path / "markdown"
    write_markdown(out, READER, ROOT / "docs", site_url=URL)
    dataset, _ = load_valid(READER)
    expected = render_site(dataset, options_from_mkdocs_yml(ROOT / "mkdocs.yml", URL))
    for path, content in expected.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        assert (out / path).read_bytes() == data, path
    assert (out / "assets/javascripts/timeline-filter.js").exists()


@pytest.mark.slow
def test_strict_build_serves_downloads_feed_and_head_tags(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", READER)
    site = project / "site"
    assert build_site(site, project / "mkdocs.yml", project / "data") == 0
    base = options_from_mkdocs_yml(project / "mkdocs.yml").site_url
    assert json.loads((site / "downloads/nato-azerbaijan.json").read_text())["release"] == RELEASE
    assert (site / "downloads/schemas/events.schema.json").exists()
    ET.fromstring((site / "feed.xml").read_bytes())
    html = (site / "quotes/heydar-aliyev-1994-05-04-cornerstone/index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate feed" type="application/atom+xml"' in html and 'href="../../feed.xml"' in html
    assert f'<meta property="og:url" content="{base}quotes/heydar-aliyev-1994-05-04-cornerstone/">' in html
    assert '<meta property="og:type" content="article">' in html
    (ld,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert json.loads(ld)["@type"] == "Quotation"
    assert 'role="dialog" aria-label="Search"' in html
    assert "fonts.googleapis" not in html and "api.github.com" not in html
    sitemap = (site / "sitemap.xml").read_text()
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) == {RELEASE}  # from the data, not the clock
    # the command-line twin writes the same files the hook gave MkDocs
    twin = tmp_path / "markdown"
    write_markdown(twin, project / "data", project / "docs")
    generated = [p.relative_to(twin) for p in twin.rglob("*")
                 if p.is_file() and p.suffix in (".json", ".csv", ".xml", ".db")]
    # the JSON, the data package, the database and its metadata, seven CSV files, eleven link tables, eight schemas,
    # the feed
    assert len(generated) == 31
    for path in generated:
        assert (site / path).read_bytes() == (twin / path).read_bytes(), path
