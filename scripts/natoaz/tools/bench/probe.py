"""One stage in a fresh child process, so that its wall time and peak memory are its own:

    python -m natoaz.tools.bench.probe build SITE DATA RESULT   natoaz.build.build_site (`mkdocs build --strict`)
    python -m natoaz.tools.bench.probe links SITE RESULT        the internal link check of a built site

The outcome is written as JSON to RESULT (stdout carries MkDocs' and lychee's own output).
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

from ...paths import ROOT


def build(site: Path, data: Path) -> dict:
    from ...build import build_site

    return {"returncode": build_site(site_dir=site, data_dir=data)}


def _project_check() -> tuple[str, object] | None:
    """The project's own link check (`natoaz.links.linkcheck`), if present and exposing `check_site`."""
    for name in ("natoaz.links.linkcheck", "natoaz.links.site_links"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if callable(getattr(module, "check_site", None)):
            return f"{name}.check_site", module.check_site
    return None


def links(site: Path) -> dict:
    found = _project_check()
    if found:
        from ...links.site_links import site_url_from_config  # present whenever check_site is

        name, check_site = found
        check = check_site(site, site_url_from_config(ROOT / "mkdocs.yml") or None)
        return {"method": name, "links": check.links, "unique": check.unique, "breaks": len(check.breaks),
                "returncode": 1 if check.breaks else 0}
    lychee = Path(sys.executable).parent / "lychee"
    command = [str(lychee), "--offline", "--no-progress", "--include-fragments", "--index-files", "index.html",
               "--root-dir", str(site), f"{site}/**/*.html"]
    done = subprocess.run(command)
    breaks = {0: 0, 2: "some (see the log)"}.get(done.returncode, "lychee failed")
    return {"method": "lychee (direct)", "returncode": done.returncode, "breaks": breaks}


def main(argv: list[str]) -> int:
    if argv[:1] == ["build"] and len(argv) == 4:
        outcome = build(Path(argv[1]), Path(argv[2]))
    elif argv[:1] == ["links"] and len(argv) == 3:
        outcome = links(Path(argv[1]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    Path(argv[-1]).write_text(json.dumps(outcome), encoding="utf-8")
    return int(outcome.get("returncode") or 0)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
