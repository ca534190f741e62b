"""Engine portability: the Markdown twin built with Zensical 0.0.73 (locked): links, header, search."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from natoaz.build import write_markdown
from natoaz.links.site_links import check_site
from natoaz.load.config import Tagged, read_config
from natoaz.paths import DOCS_DIR, ROOT
from natoaz.tools.zensical_build import write_config, zensical_config

MINI = Path(__file__).parent / "fixtures" / "mini"


def test_config_points_at_the_twin_without_hooks(tmp_path: Path) -> None:
    build = tmp_path / "build"
    config = zensical_config(ROOT / "mkdocs.yml", build / "markdown", build / "zensical-site", build)
    assert config["docs_dir"] == "markdown"
    assert config["site_dir"] == "zensical-site"
    beside = zensical_config(ROOT / "mkdocs.yml", tmp_path / "twin", tmp_path / "out", build)  # outside: `..`
    assert (beside["docs_dir"], beside["site_dir"]) == ("../twin", "../out")
    assert "hooks" not in config and "watch" not in config
    assert config["theme"]["variant"] == "classic"
    assert config["theme"]["custom_dir"] == "zensical-overrides"
    source = read_config(ROOT / "mkdocs.yml", environ={})
    assert config["nav"] == source["nav"]
    assert config["site_url"] == Tagged("!ENV", ["SITE_URL", source["site_url"]])  # for the engine to resolve


def test_yaml_tags_are_kept_for_the_engine(tmp_path: Path) -> None:
    mkdocs_yml = tmp_path / "mkdocs.yml"
    mkdocs_yml.write_text(
        "site_name: T\nsite_url: !ENV [SITE_URL, 'https://example.org/']\nhooks: [hook.py]\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n", encoding="utf-8")
    out = write_config(mkdocs_yml, tmp_path / "md", tmp_path / "out", tmp_path / "zensical.yml")
    text = out.read_text(encoding="utf-8")
    assert "site_url: !ENV\n- SITE_URL\n- https://example.org/" in text
    assert "emoji_index: !!python/name:material.extensions.emoji.twemoji" in text
    assert "\nhooks:" not in text


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini dataset's twin built by Zensical, called as `make zensical` does: relative paths."""
    project = tmp_path_factory.mktemp("zensical")
    write_markdown(project / "build" / "markdown", data_dir=MINI, docs_dir=DOCS_DIR, config=ROOT / "mkdocs.yml")
    command = [sys.executable, "-m", "natoaz.tools.zensical_build", "--markdown", "build/markdown",
               "--site-dir", "build/zensical-site", "--config", str(ROOT / "mkdocs.yml")]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")})
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "build"


def test_zensical_builds_the_twin_and_its_links_hold(zensical_site: Path) -> None:
    site = zensical_site / "zensical-site"
    assert (site / "index.html").is_file()
    generated = sorted(p.stem for p in (zensical_site / "markdown" / "sources").glob("*.md") if p.name != "index.md")
    assert generated and all((site / "sources" / name / "index.html").is_file() for name in generated)
    check = check_site(site, None)
    assert check.breaks == [], "\n".join(f"{b.page}:{b.line} {b.link} {b.reason}" for b in check.breaks)


def test_zensical_gets_our_overrides_but_its_own_search_partial(zensical_site: Path) -> None:
    overrides = zensical_site / "zensical-overrides"
    assert (overrides / "main.html").is_file() and not (overrides / "partials" / "search.html").exists()
    html = (zensical_site / "zensical-site" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate feed" type="application/atom+xml"' in html  # our main.html override
    assert 'class="md-search__button"' in html and "md-search__form" not in html  # Zensical's search
    assert (zensical_site / "zensical-site" / "search.json").is_file()


@pytest.mark.browser
def test_zensical_header_and_search_work_in_a_browser(zensical_site: Path) -> None:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(chromium):
        pytest.skip("chromium is not installed (make browser)")
    handler = functools.partial(_Quiet, directory=str(zensical_site / "zensical-site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:  # in its own process: the browser tests keep a Playwright session open in this one
        result = subprocess.run([sys.executable, "-c", _SEARCH, chromium, f"http://127.0.0.1:{server.server_address[1]}/"],
                                capture_output=True, text=True, timeout=120)
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr[-2000:]
    found, errors = json.loads(result.stdout)
    assert "Liaison office head speaks on the partnership in Baku" in found
    assert errors == []


# Open the home page, open Zensical's search (its dialog lives in a shadow root), type, print the results.
_SEARCH = """
import json, sys
from playwright.sync_api import sync_playwright
dialog = "[...document.querySelectorAll('div')].find(e => e.shadowRoot?.querySelector('dialog'))"
errors = []
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=sys.argv[1], args=["--no-sandbox", "--disable-gpu"])
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(sys.argv[2])
    page.click(".md-search__button")
    page.keyboard.type("liaison")
    page.wait_for_function("() => /\\d+ results?/.test(" + dialog + "?.shadowRoot.textContent)", timeout=10_000)
    found = page.evaluate("() => " + dialog + ".shadowRoot.querySelector('ol').innerText")
    browser.close()
print(json.dumps([found, errors]))
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass
