"""Build the site with Zensical instead of MkDocs, to keep the project portable between engines.

Zensical reads MkDocs-style configuration but runs no MkDocs hooks, so it builds the command-line
twin (`python -m natoaz markdown --out build/markdown`: docs/ plus every generated page) rather than
docs/ + scripts/mkdocs_hook.py. This module writes that configuration (mkdocs.yml with docs_dir set to
the twin, paths relative to it, the classic theme variant, no hooks) and runs `zensical build`.
Zensical 0.0.73 is in requirements.lock (the newest release this project's registry mirror installs:
0.0.74 and 0.1.x need `zensical-ui`); CI's non-blocking job also tries the newer 0.1.1.

Our theme overrides are written for Material; Zensical's classic variant has its own templates. The
overrides Zensical gets are a copy without the Material-only partials (MATERIAL_ONLY): Zensical's
own search partial already names its dialog, and Material's breaks Zensical's search.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from ..load.config import dump_config, read_config
from ..paths import ROOT, display_path

# MkDocs-only keys: the hook that adds generated pages (the twin has them already) and the folders
# `mkdocs serve` watches for it. `strict` and `validation` stay: Zensical maps them to its own checks.
MKDOCS_ONLY = ("hooks", "watch")
# Overrides that only fit Material's templates: Zensical keeps its own.
MATERIAL_ONLY = ("partials/search.html", "partials/header.html")
OVERRIDES = "zensical-overrides"  # the copy of custom_dir for Zensical, beside its configuration


def zensical_config(mkdocs_config: Path, markdown_dir: Path, site_dir: Path, config_dir: Path) -> dict[str, Any]:
    """mkdocs.yml as Zensical should read it from `config_dir` for the twin in `markdown_dir`.

    Zensical wants docs_dir relative to its configuration file; the other paths are made relative too.
    """
    config = read_config(mkdocs_config, keep_tags=True)
    for key in MKDOCS_ONLY:
        config.pop(key, None)
    config["docs_dir"] = display_path(markdown_dir, config_dir, up=True)
    config["site_dir"] = display_path(site_dir, config_dir, up=True)
    theme = config.get("theme")
    if isinstance(theme, dict):
        theme.setdefault("variant", "classic")  # Material for MkDocs' look (Zensical's default is "modern")
        if isinstance(theme.get("custom_dir"), str):
            theme["custom_dir"] = OVERRIDES
    return config


def copy_overrides(mkdocs_config: Path, config_dir: Path) -> Path | None:
    """custom_dir of mkdocs.yml, less the Material-only partials, into `config_dir/OVERRIDES`."""
    theme = read_config(mkdocs_config).get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    target = config_dir / OVERRIDES
    shutil.rmtree(target, ignore_errors=True)
    if not isinstance(custom, str):
        return None
    shutil.copytree(mkdocs_config.parent / custom, target)
    for name in MATERIAL_ONLY:
        (target / name).unlink(missing_ok=True)
    return target


def write_config(mkdocs_config: Path, markdown_dir: Path, site_dir: Path, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    header = (f"# Written by `python -m natoaz.tools.zensical_build` from {mkdocs_config.name}; do not edit.\n"
              "# Zensical builds the Markdown twin (docs/ + generated pages); no MkDocs hooks.\n")
    body = dump_config(zensical_config(mkdocs_config, markdown_dir, site_dir, out.parent))
    copy_overrides(mkdocs_config, out.parent)
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
        print("zensical is not installed: run `make` set-up again (requirements.lock pins it)", file=sys.stderr)
        return 2
    config = write_config(mkdocs_config, markdown_dir, site_dir,
                          config_out or markdown_dir.parent / "zensical.yml")
    # an absolute path: Zensical runs in the configuration's folder (a relative -f would be resolved twice)
    command = [sys.executable, "-m", "zensical", "build", "--clean", "-f", str(config.resolve())]
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
