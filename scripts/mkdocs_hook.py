"""The only MkDocs adapter: adds the generated pages and files in memory on every build.

`mkdocs serve` re-runs `on_files` on each change under `watch:` (data/, schemas/, scripts/), so YAML
edits show up live. With invalid data a build fails with every problem listed; during `serve`
the last good pages keep being served, the problems are printed in the terminal and every served
page carries a banner listing them (file:line), gone with the next good build.
Note: `serve` does not reload this module or the `natoaz` package; restart it after code changes.
Each page's update date (sitemap `lastmod`) is the data release date, not the day of the build.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from natoaz import editions
from natoaz.build import source_date_epoch
from natoaz.check.translations import GAP
from natoaz.check.validate import load_valid
from natoaz.csp import add_csp
from natoaz.model.languages import BASE
from natoaz.problems import DataError, Problem
from natoaz.render import SiteOptions, abbreviation_definitions, page_origins, release_date, render_site
from natoaz.render.banner import problems_banner
from natoaz.render.options import options_from_config
from natoaz.search.markup import mark_page
from natoaz.search.pagefind import PagefindError, build_index
from natoaz.standards.theme import fix_page, prewrap_tables

log = logging.getLogger("mkdocs.hooks.natoaz")
Generated = tuple[dict[str, str | bytes], dict[str, str]]  # (files by docs path, data file behind each page)


@dataclass
class HookState:
    """What the hook remembers between builds of one `mkdocs` process."""

    command: str = "build"  # build | serve | gh-deploy
    dirty: bool = False  # `serve --dirty`: rebuild only changed pages
    last_good: Generated | None = None  # served while the data has errors
    release: str | None = None  # the data release date: every page's update date
    served: dict[str, str | bytes] = field(default_factory=dict)  # content of each generated file last built
    problems: list[Problem] = field(default_factory=list)  # shown in the serve banner
    banner_key: tuple[str, ...] = ()
    index_generation: int = 0  # `serve`: the newest build whose search index is wanted
    abbreviations: str = ""  # the glossary as `abbr` definitions, appended to hand-written pages (English)
    own_abbreviations: str = ""  # the same with the expansions in the edition's language, for its own pages
    language: str = BASE  # the edition being built: `theme.language` of the config
    root_url: str = ""  # the English edition's address
    untranslated: set[str] = field(default_factory=set)  # hand-written pages shown in English


_state = HookState()


def on_startup(command: str, dirty: bool) -> None:
    _state.command = command
    _state.dirty = dirty


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The edition comes from `theme.language`: another language's edition lives under /<code>/ of the
    English site, with its nav titles from its label table and a switcher to the same page elsewhere."""
    language = config.theme["language"]
    try:
        labels = editions.load_labels(language)
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    _state.language = language
    _state.root_url = editions.root_url(config.site_url or "", BASE)
    if language != BASE:
        config.site_url = _state.root_url + editions.prefix(language)
        config.nav = editions.translate_nav(config.nav, labels)
        config.site_name = labels(config.site_name)
        config.site_description = labels(" ".join((config.site_description or "").split()))
        config.copyright = labels(" ".join((config.copyright or "").split()))
        for scheme in config.theme.get("palette") or []:  # the light/dark switch's words
            if isinstance(scheme, dict) and isinstance(scheme.get("toggle"), dict):
                scheme["toggle"]["name"] = labels(scheme["toggle"]["name"])
    config.extra["natoaz_locale"] = labels.locale
    if len(editions.editions()) > 1:
        # true, not a list: Material then includes partials/alternate.html (ours: the same page in the
        # other languages) without writing its own <link rel=alternate> to each edition's home
        config.extra["alternate"] = True
    return config


def _data_dir(config: MkDocsConfig) -> Path:
    """`extra.natoaz.data_dir` when `natoaz build` names another folder, else data/ beside mkdocs.yml."""
    named = (config.extra.get("natoaz") or {}).get("data_dir")
    return Path(named) if named else Path(config.config_file_path).parent / "data"


def _options(config: MkDocsConfig) -> SiteOptions:
    """site_url, names and `extra.repository` as MkDocs resolved them (`!ENV` included)."""
    try:
        return options_from_config(config)
    except ValueError as exc:
        raise PluginError(f"mkdocs.yml: {exc}") from None


def _generate(config: MkDocsConfig) -> Generated:
    try:
        # the report `make check-data` prints, translation gaps (one line per collection) included
        dataset, warnings = load_valid(_data_dir(config), gaps="summary")
    except DataError as exc:
        _state.problems = exc.problems
        if _state.command == "serve" and _state.last_good is not None:
            # Printed, not logged: a logged error would abort the strict build and stall the server.
            print(f"ERROR   -  The data has errors; still serving the last good version.\n{exc}",
                  file=sys.stderr, flush=True)
            return _state.last_good
        print(exc, file=sys.stderr, flush=True)  # the report exactly as `make check-data` prints it
        raise PluginError("The data has errors (listed above); nothing was built.") from None
    _state.problems = [w for w in warnings if GAP not in w.extra]  # the banner: not the translation gaps
    if warnings:
        log.info("data: %d warning(s); `make check-data` lists them", len(warnings))
    _state.release = release_date(dataset)
    # Reproducible builds: whatever MkDocs or the theme take from the clock (build date, gzip headers)
    # is the data's release date, unless SOURCE_DATE_EPOCH is set already.
    os.environ.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(_state.release))
    _state.abbreviations = abbreviation_definitions(dataset)
    _state.own_abbreviations = abbreviation_definitions(dataset, _state.language)
    _state.last_good = (render_site(dataset, _options(config)), page_origins(dataset))
    return _state.last_good


def _hand_written(files: Files, config: MkDocsConfig) -> list[File]:
    """docs/<code>/ holds the <code> edition's own pages: out of every other edition; in its own, at the
    root in place of the English page. English pages left without one are marked untranslated."""
    own: dict[str, File] = {}
    for file in list(files):
        folder = editions.language_folder(file.src_uri)
        if not folder:
            continue
        files.remove(file)
        if folder == _state.language:
            rel = file.src_uri[len(folder) + 1:]
            own[rel] = File(rel, src_dir=str(Path(config.docs_dir) / folder), dest_dir=config.site_dir,
                            use_directory_urls=config.use_directory_urls)
    _state.untranslated = set()
    if _state.language == BASE:
        return []
    for file in list(files):
        if file.src_uri in own:
            files.remove(file)
        elif file.is_documentation_page():
            _state.untranslated.add(file.src_uri)
    for file in own.values():
        files.append(file)
    return list(own.values())


def on_files(files: Files, config: MkDocsConfig) -> Files:
    own = _hand_written(files, config)
    pages, origins = _generate(config)
    key = tuple(map(str, _state.problems)) if _state.command == "serve" else ()
    banner_changed, _state.banner_key = key != _state.banner_key, key
    for file in files:
        file.edit_uri = f"docs/{_state.language}/{file.src_uri}" if file in own else f"docs/{file.src_uri}"
        if _state.dirty and banner_changed:  # the banner appears or changes: rebuild every page
            file.is_modified = lambda: True  # type: ignore[method-assign]
    for rel, content in pages.items():
        if files.get_file_from_path(rel) is not None:
            raise PluginError(f"docs/{rel} clashes with a generated file; rename the hand-written file")
        generated = File.generated(config, rel, content=content)
        generated.edit_uri = origins.get(rel)
        if _state.dirty:
            # `serve --dirty` rebuilds only modified files; a generated file counts as modified
            # when its content differs from the previous build's.
            changed = banner_changed or _state.served.get(rel) != content
            generated.is_modified = lambda changed=changed: changed  # type: ignore[method-assign]
            _state.served[rel] = content
        files.append(generated)
    return files


def _words(context: dict) -> dict:
    """The edition's words for the theme overrides (`natoaz_t("Data and downloads")`), and every edition's
    label table (the 404 page points readers to the other editions)."""
    context["natoaz_t"] = editions.load_labels(_state.language)
    context["natoaz_editions"] = editions.editions()
    return context


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """The same page in each edition, for the language switcher and the hreflang links; the words."""
    context["natoaz_alternates"] = editions.alternates(page.url, _state.language, _state.root_url)
    return _words(context)


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """The theme's own pages (404.html, sitemap) get the edition's words too."""
    return _words(context)


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    if _state.release:
        page.update_date = _state.release  # sitemap dates from the data, not the clock
    return page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Hand-written pages: the glossary's abbreviation definitions appended (Python-Markdown's `abbr`
    marks every term with its expansion); generated pages carry their `<abbr>` markup from the core.
    In another language's edition, an English page without a translation is marked as English."""
    if page.file.generated_by:
        return markdown
    if page.file.src_uri in _state.untranslated:  # shown in English: the English expansions
        return editions.untranslated_page(markdown, editions.load_labels(_state.language)) + _state.abbreviations
    return markdown + _state.own_abbreviations


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Tables in the containers Material's script would otherwise put them in after load (standards/theme.py)."""
    return prewrap_tables(html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Every page: the theme's checkbox toggles made valid (outside any block: natoaz/standards/theme.py)
    and the markup the search indexer reads (natoaz/search/markup.py: what to index, weight, folded words).
    `make build`: a Content Security Policy on every page (not under `serve`, whose live-reload script
    is inline). During `serve` only: the data problems on top of every page."""
    output = fix_page(output)
    setting = page.meta.get("search") if isinstance(page.meta.get("search"), dict) else {}
    output = mark_page(output, exclude=bool(setting.get("exclude")), boost=float(setting.get("boost") or 0),
                       title_only=bool(setting.get("title_only")))
    if _state.command != "serve":
        return add_csp(output)
    if not _state.problems:
        return output
    banner = problems_banner(_state.problems, language=_state.language)
    return re.sub(r"(<body[^>]*>)", lambda m: m[1] + banner, output, count=1)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """404.html is a theme template, not a page: it gets the same toggles fix and policy."""
    if not template_name.endswith(".html"):
        return output_content
    output_content = fix_page(output_content)
    return add_csp(output_content) if _state.command != "serve" else output_content


def _material_search(config: MkDocsConfig) -> bool:
    """Material's own search plugin is on (the benchmark's comparison build): it indexes, not Pagefind."""
    return any(name in config.plugins for name in ("search", "material/search"))


def on_post_build(config: MkDocsConfig) -> None:
    """The search index (Pagefind) of the built site, written into it: inside the atomic build for
    `make build`; during `serve` in the background, swapped in when done, so a reload never waits."""
    if _material_search(config):
        return
    site = Path(config.site_dir)
    if _state.command != "serve":
        try:
            run = build_index(site)
        except PagefindError as exc:
            raise PluginError(str(exc)) from None
        log.info("search index: %d files, %.1f MB in %.1f s", run.files, run.bytes / 1e6, run.seconds)
        return
    with _index_lock:
        _state.index_generation += 1
    threading.Thread(target=_index_in_background, args=(site, _state.index_generation), daemon=True).start()


_index_lock = threading.Lock()


def _index_in_background(site: Path, generation: int) -> None:
    with _index_lock:  # one run at a time; a newer build's run makes this one pointless
        if generation != _state.index_generation:
            return
        try:
            run = build_index(site)
        except PagefindError as exc:
            print(f"ERROR   -  search index: {exc}", file=sys.stderr, flush=True)
            return
    print(f"INFO    -  search index updated ({run.files} files, {run.seconds:.1f} s)", file=sys.stderr, flush=True)
