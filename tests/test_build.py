"""Building the site: the strict MkDocs build, atomic replacement of site/, hook == command-line twin."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import edit
from natoaz.build import build_site, write_markdown
from natoaz.check.validate import load_valid
from natoaz.paths import ROOT
from natoaz.render import render_site


def _hook_pages(project: Path) -> dict[str, str]:
    """Run the MkDocs hook the way `mkdocs build` does and collect the pages it adds."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files, get_files

    sys.path.insert(0, str(project / "scripts"))
    import mkdocs_hook  # noqa: PLC0415

    config = load_config(str(project / "mkdocs.yml"))
    config.plugins._current_plugin = None  # set by MkDocs while it runs plugin events
    before = {f.src_uri for f in get_files(config)}
    files = mkdocs_hook.on_files(Files(list(get_files(config))), config)
    return {f.src_uri: f.content_string for f in files if f.src_uri not in before and f.src_uri.endswith(".md")}


def test_hook_and_command_line_twin_give_identical_pages(project: Path, tmp_path: Path) -> None:
    hook_pages = _hook_pages(project)
    out = tmp_path / "markdown"
    write_markdown(out, project / "data", project / "docs")
    twin = {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in out.rglob("*.md")}
    assert hook_pages, "the hook added no pages"
    for path, text in hook_pages.items():
        assert twin[path] == text, path


@pytest.mark.slow
def test_strict_build_of_mini_dataset_escapes_html(project: Path) -> None:
    site = project / "site"
    assert build_site(site, project / "mkdocs.yml", project / "data") == 0
    html = (site / "quotes/alex-speaker-2025-05-06-began/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert (site / "events/1994-05-04-pfp-signed/index.html").exists()
    # record pages are reachable but kept out of the navigation
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "events/1994-05-04-pfp-signed/" in home
    nav = home.split('class="md-nav md-nav--primary', 1)[1].split("</nav>", 1)[0]
    assert "1994-05-04-pfp-signed" not in nav


@pytest.mark.slow
def test_invalid_data_leaves_the_previous_site_untouched(project: Path) -> None:
    site = project / "site"
    assert build_site(site, project / "mkdocs.yml", project / "data") == 0
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*")}
    edit(project / "data/events/1994.yaml", "programmes: [pfp]", "programmes: [nope]")
    result = subprocess.run([sys.executable, "-m", "natoaz", "--data", str(project / "data"), "build",
                             "--site-dir", str(site)], capture_output=True, text=True, cwd=project,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")})
    assert result.returncode == 1
    assert "events/1994.yaml:" in result.stderr and "`nope` is not a programme id" in result.stderr
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*")} == before
    assert not list(project.glob(".site-*")), "temporary build folder left behind"


@pytest.mark.slow
def test_strict_build_of_the_real_data(real_site: Path) -> None:
    dataset, _ = load_valid()
    pages = render_site(dataset)
    assert (real_site / "index.html").exists()
    built = {p for p in pages if p.endswith(".md")}
    missing = [p for p in built if not (real_site / p.removesuffix(".md").removesuffix("index")).exists()]
    assert not missing
