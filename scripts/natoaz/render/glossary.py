"""The glossary: a page per term (templates/records/glossary.md.j2) and the glossary index in pages of fixed
size (templates/indexes/glossary.md.j2): each term as a heading with its expansion, an anchor and a search entry
of its own."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..model.records import Record
from .blocks import cites, ref
from .escape import esc
from .model import Site
from .paging import chunked, nav_view
from .records import _page
from .routes import index_of, page_of, page_path
from .templates import render
from .text import link, plain_summary

INDEX = index_of("glossary")
PER_PAGE = 60  # terms per glossary page


def _listed_on(site: Site) -> dict[str, str]:
    """The glossary page that lists each term."""
    chunks = chunked(site.sorted("glossary"), PER_PAGE)
    return {term.id: page_path(INDEX, n) for n, chunk in enumerate(chunks, start=1) for term in chunk}


def _term(site: Site, here: str, term: Record) -> dict[str, Any]:
    d = term.data
    return {"id": term.id, "term": d["term"], "expansion": d["expansion"], "record": term,
            "definition": Markup(site.abbr(esc(d["definition"]))),
            "programme": ref(site, here, "programmes", d["programme"]) if d.get("programme") else None,
            "sources": cites(site, here, d["sources"]), "href": link(here, page_of("glossary", term.id))}


def term_page(site: Site, term: Record) -> str:
    here = page_of("glossary", term.id)
    d = term.data
    return _page(site, term, (f"{d['term']} — {d['expansion']}", plain_summary(f"{d['term']}: {d['definition']}")),
                 "glossary", entry=_term(site, here, term), index=link(here, _listed_on(site)[term.id], term.id))


def glossary_pages(site: Site) -> dict[str, str]:
    terms = site.sorted("glossary")
    chunks = chunked(terms, PER_PAGE)
    pages = {}
    for number, chunk in enumerate(chunks, start=1):
        here = page_path(INDEX, number)
        pages[here] = render("indexes/glossary.md.j2", number=number, nav=nav_view(INDEX, number, len(chunks)),
                             count=len(terms), terms=[_term(site, here, t) for t in chunk])
    return pages


def abbreviation_terms(site: Site) -> list[tuple[str, str]]:
    """(term, expansion) of every glossary entry, for the definitions appended to hand-written pages."""
    return [(str(t.data["term"]), str(t.data["expansion"])) for t in site.sorted("glossary")]
