"""The fixed query set of the site search, on the real data: each query with the page that must rank in
its top 3. Run as a test against a built real site (tests/test_search.py, browser marker) and by
`make bench-search` for both engines (Material's lunr and Pagefind). When the data changes so that an
expected page no longer exists or no longer fits, change the query here, with the reason in the commit.
"""

from __future__ import annotations

from typing import NamedTuple


class Query(NamedTuple):
    text: str
    expected: str  # site path of the page that must be in the top 3
    kind: str


QUERIES: tuple[Query, ...] = (
    # acronyms: the programme page, not the events that mention it
    Query("DEEP", "programmes/deep/", "acronym"),
    Query("IPAP", "programmes/ipap/", "acronym"),
    Query("PARP", "programmes/parp/", "acronym"),
    Query("OCC", "programmes/occ/", "acronym"),
    Query("KFOR", "programmes/kfor/", "acronym"),
    # names of programmes and sectors
    Query("Partnership for Peace", "programmes/pfp/", "name"),
    Query("Individual Partnership Action Plan", "programmes/ipap/", "name"),
    Query("demining", "sectors/demining/", "sector"),
    Query("cyber defence", "sectors/cyber-defence/", "sector"),
    # people, by their name and by the other spellings that data/people records (other_names)
    Query("Vinnikov", "people/alexander-vinnikov/", "person"),
    Query("Aleksandr Vinnikov", "people/alexander-vinnikov/", "other spelling"),
    Query("Ceyhun Bayramov", "people/jeyhun-bayramov/", "other spelling"),
    Query("Heydər Əliyev", "people/heydar-aliyev/", "other spelling"),
    Query("Manfred Woerner", "people/manfred-worner/", "other spelling"),
    Query("Oqtay Əsədov", "people/ogtay-asadov/", "other spelling"),
    Query("Stoltenberg", "people/jens-stoltenberg/", "person"),
    # unaccented and case-folded forms of accented words
    Query("melange", "programmes/melange-project/", "unaccented"),
    Query("Mélange", "programmes/melange-project/", "accented"),
    Query("Worner", "people/manfred-worner/", "unaccented"),
    Query("Heyder Eliyev", "people/heydar-aliyev/", "unaccented (ə)"),
    Query("Oqtay Esedov", "people/ogtay-asadov/", "unaccented (ə)"),
    # places
    Query("Saloglu", "programmes/saloglu-project/", "place"),
    Query("Jeyranchel", "programmes/jeyranchel-project/", "place"),
    Query("Mingachevir", "programmes/melange-project/", "place"),
    # years: the year's part of the timeline
    Query("1994", "timeline/1994/", "year"),
    Query("2004", "timeline/2004/", "year"),
)
