"""Build the site with Zensical instead of MkDocs, to keep the project portable between engines.

Zensical reads MkDocs-style configuration but runs no MkDocs hooks, so it builds the command-line
twin (`python -m natoaz markdown --out build/markdown`: docs/ plus every generated page) rather than
docs/ + scripts/mkdocs_hook.py. This module writes that configuration (mkdocs.yml with docs_dir set to
the twin, paths relative to it, the classic theme variant, no hooks) and runs `zensical build`.
Zensical is not in requirements.lock: `pip install zensical==0.1.1` first (CI does, in a non-blocking job).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from ..load.config import dump_config, read_config
from ..paths import ROOT

# MkDocs-only keys: the hook that adds generated pages (the twin has them already) and the folders
# `mkdocs serve` watches for it. `strict` and `validation` stay: Zensical maps them to its own checks.
MKDOCS_ONLY = ("hooks", "watch")


def _relative(path: Path, start: Path) -> str:
    return Path(os.path.relpath(path.resolve(), start.resolve())).as_posix()


def zensical_config(mkdocs_config: Path, markdown_dir: Path, site_dir: Path, config_dir: Path) -> dict[str, Any]:
    """mkdocs.yml as Zensical should read it from `config_dir` for the twin in `markdown_dir`.

    Zensical wants docs_dir relative to its configuration file; the other paths are made relative too.
    """
    config = read_config(mkdocs_config, keep_tags=True)
    for key in MKDOCS_ONLY:
        config.pop(key, None)
    config["docs_dir"] = _relative(markdown_dir, config_dir)
    config["site_dir"] = _relative(site_dir, config_dir)
    theme = config.get("theme")
    if isinstance(theme, dict):
        theme.setdefault("variant", "classic")  # Material for MkDocs' look (Zensical's default is "modern")
        if isinstance(theme.get("custom_dir"), str):
            theme["custom_dir"] = _relative(mkdocs_config.parent / theme["custom_dir"], config_dir)
    return config


def write_config(mkdocs_config: Path, markdown_dir: Path, site_dir: Path, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    header = (f"# Written by `python -m natoaz.tools.zensical_build` from {mkdocs_config.name}; do not edit.\n"
              "# Zensical builds the Markdown twin (docs/ + generated pages); no MkDocs hooks.\n")
    body = dump_config(zensical_config(mkdocs_config, markdown_dir, site_dir, out.parent))
    out.write_text(header + body, encoding="utf-8")
    return out


def zensical_available() -> bool:
    return importlib.util.find_spec("zensical") is not None


def build_with_zensical(markdown_dir: Path, site_dir: Path, mkdocs_config: Path = ROOT / "mkdocs.yml",
                        config_out: Path | None = None) -> int:
    """Write the configuration beside the twin and run `zensical build --clean`; return its exit code."""
    if not (markdown_dir / "index.md").is_file():
        print(f"no Markdown twin in {markdown_dir}: run `python -m natoaz markdown --out {markdown_dir}` first",
              file=sys.stderr)
        return 2
    if not zensical_available():
        print("zensical is not installed (it is not in the lock): pip install zensical==0.1.1", file=sys.stderr)
        return 2
    config = write_config(mkdocs_config, markdown_dir, site_dir,
                          config_out or markdown_dir.parent / "zensical.yml")
    command = [sys.executable, "-m", "zensical", "build", "--clean", "-f", str(config)]
    return subprocess.run(command, cwd=config.parent).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m natoaz.tools.zensical_build", description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", default=str(ROOT / "build" / "markdown"), help="the Markdown twin")
    parser.add_argument("--site-dir", default=str(ROOT / "build" / "zensical-site"), help="where the site goes")
    parser.add_argument("--config", default=str(ROOT / "mkdocs.yml"), help="the MkDocs configuration to adapt")
    args = parser.parse_args(argv)
    return build_with_zensical(Path(args.markdown), Path(args.site_dir), Path(args.config))


if __name__ == "__main__":
    sys.exit(main())
