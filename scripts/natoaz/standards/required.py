"""The schema.org properties we require of each type we publish, with the reason: the one place
where this is decided. `jsonld.py` checks every block against this table, and a type published
without an entry here is an error: decide what it must carry before publishing it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    always: tuple[str, ...]      # wherever the type appears, nested or not
    page: tuple[str, ...]        # also, when it is the page's own subject (the block's top node)
    reason: str


REQUIRED: dict[str, Rule] = {
    "Dataset": Rule(
        ("name", "description", "license", "distribution"), ("url", "creator", "dateModified"),
        "Dataset search needs a name and a description; the site exists so that the data is reused, "
        "which needs the licence (CC BY 4.0) and where to download it; the data page gives its own "
        "address, who made the data and when it last changed (the release date).",
    ),
    "DataDownload": Rule(
        ("contentUrl", "encodingFormat"), (),
        "A download is useless without its address and its format (JSON, CSV, JSON Schema).",
    ),
    "Quotation": Rule(
        ("text", "creator", "dateCreated"), ("url", "citation", "inLanguage"),
        "A quotation is only citable with its exact words, who said them and when; its page also "
        "gives its permalink, the sources it is taken from and the language it was said in.",
    ),
    "Person": Rule(
        ("name",), ("url", "jobTitle"),
        "A person (a speaker, or the subject of a page) is identified by name; a person's page also "
        "gives its permalink and the roles the site records.",
    ),
    "Organization": Rule(
        ("name",), (),
        "An organisation (an affiliation, the dataset's creator) is identified by name.",
    ),
    "Place": Rule(
        ("name",), (),
        "The dataset's spatial coverage (Azerbaijan) is given by name.",
    ),
}
