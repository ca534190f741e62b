"""The only MkDocs adapter: adds the generated pages and files in memory on every build.

`mkdocs serve` re-runs `on_files` on each change under `watch:` (data/, schemas/, scripts/), so YAML
edits show up live. With invalid data a build fails with every problem listed; during `serve`
the last good pages keep being served and the problems are printed in the terminal.
Note: `serve` does not reload this module or the `natoaz` package; restart it after code changes.
Each page's update date (sitemap `lastmod`) is the data release date, not the day of the build.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from natoaz.check.validate import load_valid
from natoaz.problems import DataError
from natoaz.render import SiteOptions, page_origins, release_date, render_site
from natoaz.render.options import options_from_config

log = logging.getLogger("mkdocs.hooks.natoaz")
_state: dict = {"command": "build", "dirty": False, "last_good": None, "release": None, "served": {}}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command
    _state["dirty"] = dirty


def _data_dir(config: MkDocsConfig) -> Path:
    return Path(os.environ.get("NATOAZ_DATA_DIR") or Path(config.config_file_path).parent / "data")


def _options(config: MkDocsConfig) -> SiteOptions:
    """site_url, names and `extra.repository` as MkDocs resolved them (`!ENV` included)."""
    try:
        return options_from_config(config)
    except ValueError as exc:
        raise PluginError(f"mkdocs.yml: {exc}") from None


def _generate(config: MkDocsConfig) -> tuple[dict[str, str | bytes], dict[str, str]]:
    try:
        dataset, warnings = load_valid(_data_dir(config))
    except DataError as exc:
        if _state["command"] == "serve" and _state["last_good"] is not None:
            # Printed, not logged: a logged error would abort the strict build and stall the server.
            print(f"ERROR   -  The data has errors; still serving the last good version.\n{exc}",
                  file=sys.stderr, flush=True)
            return _state["last_good"]
        raise PluginError(f"The data has errors:\n{exc}") from None
    if warnings:
        log.info("data: %d warning(s); `make check-data` lists them", len(warnings))
    _state["release"] = release_date(dataset)
    _state["last_good"] = (render_site(dataset, _options(config)), page_origins(dataset))
    return _state["last_good"]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    pages, origins = _generate(config)
    for file in files:
        file.edit_uri = f"docs/{file.src_uri}"
    for rel, content in pages.items():
        if files.get_file_from_path(rel) is not None:
            raise PluginError(f"docs/{rel} clashes with a generated file; rename the hand-written file")
        generated = File.generated(config, rel, content=content)
        generated.edit_uri = origins.get(rel)
        if _state["dirty"]:
            # `serve --dirty` rebuilds only modified files; a generated file counts as modified
            # when its content differs from the previous build's.
            changed = _state["served"].get(rel) != content
            generated.is_modified = lambda changed=changed: changed  # type: ignore[method-assign]
            _state["served"][rel] = content
        files.append(generated)
    return files


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    if _state["release"]:
        page.update_date = _state["release"]  # sitemap dates from the data, not the clock
    return page
