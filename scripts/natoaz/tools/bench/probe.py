"""One stage in a fresh child process, so that its wall time and peak memory are its own:

    python -m natoaz.tools.bench.probe build SITE DATA RESULT   natoaz.build.build_site (`mkdocs build --strict`)
    python -m natoaz.tools.bench.probe links SITE RESULT        the internal link check of a built site

The outcome is written as JSON to RESULT (stdout carries MkDocs' own output).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ...paths import ROOT


def build(site: Path, data: Path) -> dict:
    from ...build import build_site

    return {"returncode": build_site(site_dir=site, data_dir=data)}


def links(site: Path) -> dict:
    from ...links.site_links import check_site, site_url_from_config

    check = check_site(site, site_url_from_config(ROOT / "mkdocs.yml") or None)
    return {"method": "natoaz.links.site_links.check_site", "links": check.links, "unique": check.unique,
            "breaks": len(check.breaks), "returncode": 1 if check.breaks else 0}


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
