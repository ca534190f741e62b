"""Publishing with zero edits: addresses from the environment (`!ENV`), stable feed ids, robots.txt,
favicon and logo, the 404 page, and workflow files that deploy only what was tested."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES
from natoaz.build import build_site, copy_project
from natoaz.check.validate import load_valid
from natoaz.links.site_links import check_site
from natoaz.load.config import read_config
from natoaz.paths import ROOT
from natoaz.render import SiteOptions, render_site
from natoaz.render.options import options_from_mkdocs_yml

READER = FIXTURES / "reader"
WORKFLOWS = ROOT / ".github" / "workflows"
PAGES_URL = "https://owner.github.io/repo/"
REPO = "https://github.com/owner/repo"
PLACEHOLDER = "nato-azerbaijan.example.org"
LOCAL = "http://127.0.0.1:8000/"
ATOM = "{http://www.w3.org/2005/Atom}"


# mkdocs.yml from the environment -------------------------------------------------------------------------------------


def test_the_project_config_reads_the_environment_with_local_defaults() -> None:
    local = read_config(ROOT / "mkdocs.yml", {})
    assert local["site_url"] == LOCAL and local["edit_uri"] is None and local["extra"]["repository"] is None
    assert "repo_url" not in local  # it would make every page call the GitHub API
    env = {"SITE_URL": PAGES_URL, "REPO_URL": REPO, "EDIT_URI": f"{REPO}/edit/main/"}
    published = read_config(ROOT / "mkdocs.yml", env)
    assert (published["site_url"], published["edit_uri"]) == (PAGES_URL, f"{REPO}/edit/main/")
    assert options_from_mkdocs_yml(ROOT / "mkdocs.yml", environ=env) == SiteOptions(PAGES_URL, repository=REPO)
    assert PLACEHOLDER not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_a_repository_address_that_is_not_a_plain_web_url_is_refused() -> None:
    assert SiteOptions(repository="https://github.com/o/r/").repository == "https://github.com/o/r"
    for bad in ("javascript:alert(1)", 'https://x.example/"onmouseover=1', "github.com/o/r"):
        with pytest.raises(ValueError, match="REPO_URL"):
            SiteOptions(repository=bad)


@pytest.mark.slow
def test_a_bad_repo_url_stops_the_build_with_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(tmp_path / "project", READER)
    monkeypatch.setenv("REPO_URL", "javascript:alert(1)")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "site")],
                            cwd=project, capture_output=True, text=True)
    assert result.returncode != 0
    assert "REPO_URL" in result.stderr and "Traceback" not in result.stderr, result.stderr


# Rendered files ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dataset():
    return load_valid(READER)[0]


def _feed_ids(files: dict) -> list[str]:
    feed = ET.fromstring(files["feed.xml"])
    return [feed.find(f"{ATOM}id").text] + [e.find(f"{ATOM}id").text for e in feed.iter(f"{ATOM}entry")]


def test_feed_ids_do_not_depend_on_the_address(dataset) -> None:
    here, there = (render_site(dataset, SiteOptions(site_url=u)) for u in (PAGES_URL, "https://other.example/x/"))
    ids = _feed_ids(here)
    assert len(ids) > 2 and ids == _feed_ids(there) == _feed_ids(render_site(dataset))
    assert ids[0] == "tag:nato-azerbaijan-reference,2025:feed"
    tag = re.compile(r"tag:nato-azerbaijan-reference,2025:[a-z]+/[a-z0-9-]+(/correction-[0-9]+)?")
    assert all(tag.fullmatch(i) for i in ids[1:]), ids
    links = [e.get("href") for e in ET.fromstring(here["feed.xml"]).iter(f"{ATOM}link")]
    assert links and all(link.startswith(PAGES_URL) for link in links)  # links, unlike ids, follow the address


def test_robots_txt_names_the_absolute_sitemap(dataset) -> None:
    assert render_site(dataset, SiteOptions(site_url=PAGES_URL))["robots.txt"] == (
        f"User-agent: *\nDisallow:\n\nSitemap: {PAGES_URL}sitemap.xml\n")
    assert "Sitemap" not in render_site(dataset)["robots.txt"]  # no address, no relative sitemap line


def test_data_page_names_the_repository_only_when_known(dataset) -> None:
    assert f"<{REPO}>" in render_site(dataset, SiteOptions(repository=REPO))["data.md"]
    assert "{#repository}" not in render_site(dataset)["data.md"]


def test_logo_and_favicon_are_self_contained_svg_in_the_site_colours() -> None:
    config = read_config(ROOT / "mkdocs.yml", {})
    css = (ROOT / "docs/assets/stylesheets/site.css").read_text(encoding="utf-8").lower()
    for key in ("logo", "favicon"):
        path = ROOT / "docs" / config["theme"][key]
        root = ET.parse(path).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        text = path.read_text(encoding="utf-8")
        assert "href" not in text and "<image" not in text and "url(" not in text  # nothing fetched
        colours = set(re.findall(r'fill="(#[0-9a-f]{6})"', text))
        assert colours - {"#ffffff"} and all(c in css or c == "#ffffff" for c in colours), colours


# The built site ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reader fixture built as the Pages workflow builds it for a project site."""
    project = copy_project(tmp_path_factory.mktemp("published") / "project", READER)
    env = {"SITE_URL": PAGES_URL, "REPO_URL": REPO, "EDIT_URI": f"{REPO}/edit/main/"}
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        assert build_site(project / "site", project / "mkdocs.yml", project / "data") == 0
    return project / "site"


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.mark.slow
def test_every_address_in_the_built_site_uses_site_url(published: Path) -> None:
    page = _text(published / "quotes/heydar-aliyev-1994-05-04-cornerstone/index.html")
    url = f"{PAGES_URL}quotes/heydar-aliyev-1994-05-04-cornerstone/"
    assert f'<link rel="canonical" href="{url}">' in page
    assert f'<meta property="og:url" content="{url}">' in page
    (ld,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert json.loads(ld)["url"] == url and json.loads(ld)["creator"]["url"].startswith(PAGES_URL)
    assert f'<a href="{url}">{url}</a>' in page  # the Cite block's permalink
    assert f"url = {{{url}}}" in page and f"{url} (accessed" in page  # BibTeX and plain text
    locs = re.findall(r"<loc>(.*?)</loc>", _text(published / "sitemap.xml"))
    assert len(locs) > 20 and all(loc.startswith(PAGES_URL) for loc in locs)
    assert _text(published / "robots.txt").endswith(f"Sitemap: {PAGES_URL}sitemap.xml\n")
    assert json.loads(_text(published / "downloads/nato-azerbaijan.json"))["homepage"] == PAGES_URL
    data = _text(published / "data/index.html")
    (ld,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', data, re.S)
    assert {d["contentUrl"] for d in json.loads(ld)["distribution"]} >= {f"{PAGES_URL}downloads/events.csv"}
    feed = ET.fromstring((published / "feed.xml").read_bytes())
    assert all(e.get("href").startswith(PAGES_URL) for e in feed.iter(f"{ATOM}link"))
    assert all(i.text.startswith("tag:") for i in feed.iter(f"{ATOM}id"))
    for path in published.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".csv", ".txt", ".md", ".js"):
            text = _text(path)
            assert PLACEHOLDER not in text and LOCAL not in text, path


@pytest.mark.slow
def test_footer_data_page_and_edit_links_name_the_repository(published: Path) -> None:
    page = _text(published / "events/1994-05-04-pfp-signed/index.html")
    footer = page.split('class="md-copyright"', 1)[1].split("</footer>", 1)[0]
    assert f'<a href="{REPO}">github.com/owner/repo</a>' in footer and 'href="../../data/"' in footer
    assert f'href="{REPO}/edit/main/data/events/1994.yaml"' in page  # the record's YAML file
    assert f'href="{REPO}/edit/main/docs/about.md"' in _text(published / "about/index.html")
    assert f'<a href="{REPO}">{REPO}</a>' in _text(published / "data/index.html")
    assert "api.github.com" not in page and "md-source" not in page  # no repo_url widget


@pytest.mark.slow
def test_favicon_logo_and_404_page(published: Path) -> None:
    home = _text(published / "index.html")
    assert '<link rel="icon" href="assets/images/favicon.svg">' in home
    assert '<img src="assets/images/logo.svg" alt="logo">' in home
    assert (published / "assets/images/favicon.svg").is_file()
    missing = _text(published / "404.html")
    assert '<form class="natoaz-not-found-search" action="/repo/." method="get" role="search">' in missing
    assert 'name="q"' in missing and '<label for="natoaz-not-found-query">' in missing
    assert '<script src="/repo/assets/javascripts/not-found.js"></script>' in missing
    for target in ("timeline/", "programmes/", "quotes/", "sources/", "data/"):
        assert f'href="/repo/{target}"' in missing, target
    # a host serves the root 404 page for every address: it points Azerbaijani readers to their edition
    assert '<p lang="az">Səhifə tapılmadı:' in missing and 'href="/repo/az/" hreflang="az"' in missing
    az_missing = _text(published / "az/404.html")  # the edition's own, in its words
    assert '<h1 id="page-not-found">Səhifə tapılmadı</h1>' in az_missing and "Page not found" not in az_missing
    assert check_site(published, PAGES_URL).breaks == []  # every link of every page, 404.html included


@pytest.mark.slow
def test_the_local_build_has_local_addresses_and_no_edit_links(tmp_path: Path, monkeypatch) -> None:
    for name in ("SITE_URL", "REPO_URL", "EDIT_URI"):
        monkeypatch.delenv(name, raising=False)
    project = copy_project(tmp_path / "project", READER)
    assert build_site(project / "site", project / "mkdocs.yml", project / "data") == 0
    page = _text(project / "site/programmes/pfp/index.html")
    assert f'<link rel="canonical" href="{LOCAL}programmes/pfp/">' in page
    assert "md-content__button" not in page and "Data and code:" not in page
    assert PLACEHOLDER not in page


# Workflows --------------------------------------------------------------------------------------------------


def _workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def test_workflow_files_parse_and_pages_deploys_only_a_tested_commit() -> None:
    workflows = {p.name: _workflow(p.name) for p in sorted(WORKFLOWS.glob("*.yml"))}
    assert {"ci.yml", "pages.yml", "links.yml"} <= set(workflows)
    for name, flow in workflows.items():
        assert flow["on"] and flow["jobs"], name
    pages = workflows["pages.yml"]
    jobs = pages["jobs"]
    assert jobs["deploy"]["needs"] == "build" and jobs["build"]["needs"] == "test"
    assert "make test" in [step.get("run") for step in jobs["test"]["steps"]]
    steps = jobs["build"]["steps"]
    (configure,) = [s for s in steps if str(s.get("uses", "")).startswith("actions/configure-pages@")]
    (build,) = [s for s in steps if "make build" in s.get("run", "")]
    assert build["env"]["SITE_URL"] == "${{ steps." + configure["id"] + ".outputs.base_url }}/"
    assert pages["env"]["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    assert set(pages["on"]) == {"push", "workflow_dispatch"}  # never a pull request
    ci = workflows["ci.yml"]
    assert "pull_request" in ci["on"]
    uploads = {s["with"]["name"]: s for s in ci["jobs"]["test"]["steps"] if "upload-artifact" in str(s.get("uses"))}
    assert set(uploads) == {"site-preview", "screenshots"}
    assert "links-report.txt" in uploads["site-preview"]["with"]["path"]
    assert uploads["screenshots"]["with"]["path"].startswith("build/screenshots")
    assert uploads["screenshots"]["if"] == "always()"  # kept also when a browser test fails


def test_actionlint_finds_nothing_in_the_workflows() -> None:
    binary = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert binary, "actionlint is missing from .venv: `make test` installs it from requirements.lock"
    # -shellcheck= -pyflakes=: the same checks whether or not those tools happen to be installed
    result = subprocess.run([binary, "-oneline", "-shellcheck=", "-pyflakes="], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    binary = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert binary
    broken = (WORKFLOWS / "pages.yml").read_text(encoding="utf-8").replace("needs: build", "needs: bulid")
    (tmp_path / "pages.yml").write_text(broken, encoding="utf-8")
    result = subprocess.run([binary, "-oneline", str(tmp_path / "pages.yml")], capture_output=True, text=True)
    assert result.returncode == 1 and 'needs job "bulid"' in result.stdout
