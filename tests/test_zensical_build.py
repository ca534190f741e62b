"""Engine portability: the Markdown twin built with Zensical (only where zensical is installed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from natoaz.build import write_markdown
from natoaz.links.site_links import check_site
from natoaz.load.config import Tagged, read_config
from natoaz.paths import DOCS_DIR, ROOT
from natoaz.tools.zensical_build import build_with_zensical, write_config, zensical_config

MINI = Path(__file__).parent / "fixtures" / "mini"


def test_config_points_at_the_twin_without_hooks(tmp_path: Path) -> None:
    build = tmp_path / "build"
    config = zensical_config(ROOT / "mkdocs.yml", build / "markdown", build / "zensical-site", build)
    assert config["docs_dir"] == "markdown"
    assert config["site_dir"] == "zensical-site"
    assert "hooks" not in config and "watch" not in config
    assert config["theme"]["variant"] == "classic"
    if "custom_dir" in config["theme"]:
        assert (build / config["theme"]["custom_dir"]).resolve() == (ROOT / "overrides").resolve()
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


def test_zensical_builds_the_twin_and_its_links_hold(tmp_path: Path) -> None:
    pytest.importorskip("zensical")
    markdown = tmp_path / "build" / "markdown"
    site = tmp_path / "build" / "zensical-site"
    markdown.parent.mkdir()
    write_markdown(markdown, data_dir=MINI, docs_dir=DOCS_DIR, config=ROOT / "mkdocs.yml")
    assert build_with_zensical(markdown, site, ROOT / "mkdocs.yml") == 0
    assert (site / "index.html").is_file()
    generated = sorted(p.stem for p in (markdown / "sources").glob("*.md") if p.name != "index.md")
    assert generated and all((site / "sources" / name / "index.html").is_file() for name in generated)
    check = check_site(site, None)
    assert check.breaks == [], "\n".join(f"{b.page}:{b.line} {b.link} {b.reason}" for b in check.breaks)
