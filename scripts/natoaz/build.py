"""Write pages to disk and build the site atomically (a failed build leaves `site/` untouched)."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from .atomic import ignore_sigint, output_lock, signals_interrupt, swap, sweep, temp_prefix
from .check.validate import load_valid
from .editions import language_folder
from .editions import prefix as edition_prefix
from .model.languages import BASE, declared
from .paths import DATA_DIR, DOCS_DIR, ROOT
from .render import abbreviation_definitions, render_site
from .render.options import options_from_mkdocs_yml


def write_markdown(out: Path, data_dir: Path = DATA_DIR, docs_dir: Path = DOCS_DIR,
                   site_url: str | None = None, config: Path | None = None) -> int:
    """The command-line twin of the MkDocs hook: hand-written docs plus every generated file in one folder.

    Site settings (site_url, names) come from `config` (default: the mkdocs.yml next to `docs_dir`), as
    MkDocs would pass them to the hook; `site_url` overrides the configured address.
    """
    options = options_from_mkdocs_yml(config or docs_dir.parent / "mkdocs.yml", site_url)
    dataset, _warnings = load_valid(data_dir)
    files = render_site(dataset, options)
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    with output_lock(out), signals_interrupt():
        sweep(out)
        staging = Path(tempfile.mkdtemp(prefix=temp_prefix(out), dir=out.parent))  # same disk: atomic rename
        try:
            shutil.copytree(docs_dir, staging, dirs_exist_ok=True)
            abbreviations = {code: abbreviation_definitions(dataset, code) for code in declared()}
            for page in staging.rglob("*.md"):  # as the hook does in memory: the glossary's abbreviations,
                # a language folder's pages (docs/az/) with the expansions in its language
                own = language_folder(page.relative_to(staging).as_posix()) or BASE
                page.write_text(page.read_text(encoding="utf-8") + abbreviations[own], encoding="utf-8")
            for rel, content in files.items():
                target = staging / rel
                if target.exists():
                    raise FileExistsError(f"{docs_dir / rel} clashes with a generated file; rename it")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
            swap(staging, out)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return len(files)


def edition_settings(config: Path, data_dir: Path | None, language: str = BASE) -> str:
    """A configuration that inherits `config`, names the data folder for the hook (`extra.natoaz.data_dir`:
    passed explicitly, not through the environment) and, for another language, the theme's language:
    the hook makes that the edition under /<language>/ (natoaz/editions.py)."""
    text = f"INHERIT: {json.dumps(config.name)}\n"  # JSON strings are YAML strings
    if language != BASE:
        text += f"theme:\n  language: {json.dumps(language)}\n"
    if data_dir is not None:
        text += f"extra:\n  natoaz:\n    data_dir: {json.dumps(str(data_dir.resolve()))}\n"
    return text


def _with_data_dir(config: Path, data_dir: Path, language: str = BASE) -> Path:
    handle, name = tempfile.mkstemp(prefix=".mkdocs-build-", suffix=".yml", dir=config.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(edition_settings(config, data_dir, language))
    return Path(name)


def serve_settings(language: str, config: Path = ROOT / "mkdocs.yml") -> Path:
    """`make serve EDITION=az`: the edition's configuration, written beside mkdocs.yml (git-ignored)."""
    if language not in declared():
        raise ValueError(f"no edition `{language}`: the languages with a label table in i18n/ are "
                         f"{', '.join(declared())}")
    path = config.parent / f".mkdocs-edition-{language}.yml"
    path.write_text(edition_settings(config, None, language), encoding="utf-8")
    return path


_URL_ENTRY = re.compile(r"<url>.*?</url>", re.DOTALL)
_LOC = re.compile(r"<loc>(.*?)</loc>")
XHTML = "http://www.w3.org/1999/xhtml"


def _alternates(entry: str, root: str, own: str, editions: dict[str, set[str]]) -> str:
    """A sitemap entry with an `xhtml:link rel=alternate hreflang` per edition that has the same page
    (Google's sitemap form of hreflang: on the pages, Material's script would take each such link for
    an edition's home and fetch a sitemap.xml beside it)."""
    found = _LOC.search(entry)
    if not found or not found.group(1).startswith(root + own):
        return entry
    path = found.group(1)[len(root + own):]
    links = "".join(f'<xhtml:link rel="alternate" hreflang="{code}" href="{root}{edition_prefix(code)}{path}"/>'
                    for code in editions if path in editions[code])
    return entry.replace("</url>", f"{links}</url>", 1) if links.count("<xhtml:link") > 1 else entry


def merge_sitemaps(site: Path, languages: tuple[str, ...]) -> None:
    """One sitemap for every edition: the other editions' entries join the English sitemap.xml (and its
    .gz copy), each entry with its hreflang alternates."""
    main = site / "sitemap.xml"
    if not main.is_file():
        return
    text = main.read_text(encoding="utf-8")
    english = _URL_ENTRY.findall(text)
    locs = [m.group(1) for e in english if (m := _LOC.search(e))]
    if not locs:
        return
    root = min(locs, key=len)  # the home page: the English root address
    own: dict[str, list[str]] = {BASE: english}
    for language in languages:
        path = site / language / "sitemap.xml"
        # kept as well: Material's script on that edition's pages fetches the sitemap.xml at its root
        own[language] = _URL_ENTRY.findall(path.read_text(encoding="utf-8")) if path.is_file() else []
    paths = {code: {m.group(1)[len(root + edition_prefix(code)):]
                    for e in entries if (m := _LOC.search(e))} for code, entries in own.items()}
    entries = [_alternates(e, root, edition_prefix(code), paths)
               for code, found in own.items() for e in found]
    head, _, _ = text.partition("<url>")
    head = head.replace('xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"',
                        f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="{XHTML}"', 1)
    text = head + "\n    ".join(entries) + "\n</urlset>\n"
    main.write_text(text, encoding="utf-8")
    packed_path = site / "sitemap.xml.gz"
    # the time MkDocs wrote into the gzip header (the data's release date), not the clock
    mtime = int.from_bytes(packed_path.read_bytes()[4:8], "little") if packed_path.is_file() else 0
    with gzip.GzipFile(packed_path, "wb", mtime=mtime) as packed:
        packed.write(text.encode("utf-8"))


def source_date_epoch(day: str) -> str:
    """Seconds since 1970 at 00:00 UTC of `day` (YYYY-MM-DD), as SOURCE_DATE_EPOCH wants them."""
    return str(int(datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp()))


ENGINES = ("mkdocs", "properdocs")  # ProperDocs: the maintained fork of MkDocs 1.x, same config and hook


def build_site(site_dir: Path = ROOT / "site", config: Path = ROOT / "mkdocs.yml",
               data_dir: Path = DATA_DIR, extra_args: tuple[str, ...] = (), engine: str = "mkdocs") -> int:
    """`mkdocs build --strict` (or `properdocs build`) into a temporary folder, then swap it into place.
    The data is loaded and validated once, by the hook, which prints every problem the way
    `make check-data` does and stops the build before any page is written.

    One build of a folder at a time (an flock the OS releases if the build dies); temporary folders
    go on error, Ctrl-C and SIGTERM, and those of killed builds are swept by the next one.
    Raises SwapError (site/ unchanged) when the folder cannot be replaced."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    site_dir = site_dir.absolute()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with output_lock(site_dir), signals_interrupt():
        sweep(site_dir)
        temp = Path(tempfile.mkdtemp(prefix=temp_prefix(site_dir), dir=site_dir.parent))
        languages = declared()
        settings = {language: _with_data_dir(config, data_dir, language) for language in languages}
        try:
            for language in languages:  # English first: each other edition goes into its folder
                out = temp if language == BASE else temp / language
                command = [sys.executable, "-m", engine, "build", "--strict", "--clean", "-f",
                           str(settings[language]), "-d", str(out), *extra_args]
                result = subprocess.run(command, cwd=config.parent, preexec_fn=ignore_sigint)
                if result.returncode != 0:
                    return result.returncode
            merge_sitemaps(temp, languages[1:])
            swap(temp, site_dir)
        finally:
            shutil.rmtree(temp, ignore_errors=True)
            for path in settings.values():
                path.unlink(missing_ok=True)
    return 0


PROJECT_PARTS = ("mkdocs.yml", "docs", "schemas", "scripts", "overrides", "i18n")


def copy_project(target: Path, data_dir: Path) -> Path:
    """A throw-away copy of the project (config, docs, schemas, code) around another data folder,
    for tests and benchmarks that build or serve it."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name in PROJECT_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, target / name)
    shutil.copytree(data_dir, target / "data")
    return target
