"""The one mkdocs.yml reader: `!ENV` resolved as MkDocs resolves it, `!!python/name:` ignored."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from natoaz.links.site_links import site_url_from_config
from natoaz.load.config import Tagged, dump_config, read_config
from natoaz.render.options import options_from_mkdocs_yml

CASES = [
    "site_url: !ENV SITE_URL\n",
    "site_url: !ENV [SITE_URL, 'https://default.example/']\n",
    "site_url: !ENV [NOT_SET, SITE_URL, 'https://default.example/']\n",
    "site_url: !ENV [NOT_SET, ALSO_NOT_SET, 'https://default.example/']\n",
    "site_url: !ENV [NOT_SET]\n",
    "use_directory_urls: !ENV [FLAG, true]\n",
    "edit_uri: !ENV [NOT_SET, 7]\n",
]
ENVIRONMENTS = [{}, {"SITE_URL": "https://env.example/x/"}, {"SITE_URL": "https://env.example/", "FLAG": "false"}]


@pytest.mark.parametrize("environ", ENVIRONMENTS)
@pytest.mark.parametrize("text", CASES)
def test_env_tag_reads_as_mkdocs_reads_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          text: str, environ: dict[str, str]) -> None:
    for name in ("SITE_URL", "FLAG", "NOT_SET", "ALSO_NOT_SET"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    assert read_config(path) == yaml_load(text)
    assert read_config(path, environ=environ) == yaml_load(text)


def test_python_names_are_ignored_and_the_site_url_comes_from_the_environment(tmp_path: Path) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text("site_name: T\nsite_url: !ENV [SITE_URL, 'https://default.example/']\n"
                    "markdown_extensions:\n  - pymdownx.emoji:\n"
                    "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n", encoding="utf-8")
    config = read_config(path, environ={"SITE_URL": "https://env.example/site/"})
    assert config["site_url"] == "https://env.example/site/"
    assert config["markdown_extensions"] == [{"pymdownx.emoji": {"emoji_index": None}}]
    assert read_config(path, environ={})["site_url"] == "https://default.example/"
    assert options_from_mkdocs_yml(path).site_url == "https://default.example/"
    assert site_url_from_config(path) == "https://default.example/"


def test_tags_kept_and_written_back(tmp_path: Path) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text("site_url: !ENV [SITE_URL, 'https://default.example/']\n", encoding="utf-8")
    config = read_config(path, keep_tags=True)
    assert config["site_url"] == Tagged("!ENV", ["SITE_URL", "https://default.example/"])
    assert dump_config(config) == "site_url: !ENV\n- SITE_URL\n- https://default.example/\n"


def test_missing_or_odd_file_reads_as_empty(tmp_path: Path) -> None:
    assert read_config(tmp_path / "absent.yml") == {}
    (tmp_path / "list.yml").write_text("- a\n", encoding="utf-8")
    assert read_config(tmp_path / "list.yml") == {}
