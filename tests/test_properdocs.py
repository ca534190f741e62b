"""Beyond MkDocs 1.6: the same configuration, theme (Material) and hook build with ProperDocs, the
maintained fork of MkDocs 1.x (`make build ENGINE=properdocs`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from natoaz.build import build_site
from natoaz.links.site_links import check_site

pytestmark = pytest.mark.slow


def test_properdocs_builds_the_site_with_material_and_our_hook(project: Path) -> None:
    site = project / "site"
    assert build_site(site, project / "mkdocs.yml", project / "data", engine="properdocs") == 0
    html = (site / "index.html").read_text(encoding="utf-8")
    (generator,) = re.findall(r'<meta name="generator" content="([^"]+)"', html)
    assert "ProperDocs" in generator and "mkdocs-material" in generator
    # the hook ran: generated record pages, downloads and the feed are there
    assert (site / "events" / "1994-05-04-pfp-signed" / "index.html").is_file()
    assert (site / "downloads" / "nato-azerbaijan.db").is_file() and (site / "feed.xml").is_file()
    assert 'role="dialog" aria-label="Search"' in html  # our Material overrides apply
    check = check_site(site, None)
    assert check.breaks == [], "\n".join(f"{b.page}:{b.line} {b.link} {b.reason}" for b in check.breaks)


def test_an_unknown_engine_is_refused(project: Path) -> None:
    with pytest.raises(ValueError, match="properdocs"):
        build_site(project / "site", project / "mkdocs.yml", project / "data", engine="jekyll")
