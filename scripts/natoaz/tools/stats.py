"""A data report: counts per collection, sector and decade; unsourced records; disagreements."""

from __future__ import annotations

from collections import Counter

from ..check.translations import coverage
from ..model.languages import BASE
from ..model.records import Dataset
from ..model.registry import NAMES
from ..model.schema import enum, expanded
from ..render.model import Site, date_of

# Best first, in the schema's order: a record's best source is the first of these among those it cites.
QUALITY_ORDER = tuple(enum("sources", "quality"))


def _citing() -> list[str]:
    """The collections whose records cite sources (`sources` in their schema)."""
    return [c for c in NAMES if "sources" in expanded(c)["properties"]]


def weakly_sourced(dataset: Dataset) -> list[str]:
    """Records whose best source is only a repost or a weak copy (`collection/id (quality)`), sorted."""
    found = []
    for collection in _citing():
        for record in dataset[collection].values():
            # what supports the record: its sources and its disagreements' readings (not the sources
            # of its corrections, which support the change, not the record)
            readings = [r for d in record.data.get("disagreements") or [] for r in d.get("readings") or []]
            support = [*(record.data.get("sources") or []), *(s for r in readings for s in r.get("sources") or [])]
            cited = [dataset["sources"][s] for s in support if s in dataset["sources"]]
            ranks = [QUALITY_ORDER.index(q) for q in (s.data.get("quality") for s in cited) if q in QUALITY_ORDER]
            if ranks and min(ranks) >= QUALITY_ORDER.index("repost"):
                found.append(f"{collection}/{record.id} ({QUALITY_ORDER[min(ranks)]})")
    return sorted(found)


def stats(dataset: Dataset) -> dict:
    site = Site(dataset)
    sectors: Counter = Counter()
    decades: Counter = Counter()
    for event in site.events:
        sectors.update(event.data.get("sectors") or [])
        decades[f"{date_of(event).year // 10 * 10}s"] += 1
    unsourced = sorted(f"{c}/{r.id}" for c in _citing() for r in dataset[c].values() if not r.data.get("sources"))
    disagreements = [f"{c}/{r.id}: {d.get('field')}" for c in NAMES
                     for r in dataset[c].values() for d in r.data.get("disagreements") or []]
    quality = Counter(s.data.get("quality") for s in dataset["sources"].values())
    weak_best = weakly_sourced(dataset)
    return {
        "collections": dataset.counts(),
        "events_per_sector": dict(sorted(sectors.items())),
        "events_per_decade": dict(sorted(decades.items())),
        "sources_by_quality": dict(sorted(quality.items())),
        "undated_sources": sum(1 for s in dataset["sources"].values() if s.data.get("date") == "undated"),
        "records_without_sources": unsourced,
        "records_best_source_repost_or_weak": weak_best,
        "corrections": sum(len(r.data.get("corrections") or []) for c in dataset.records.values() for r in c.values()),
        "disagreements": sorted(disagreements),
        "translations": translation_report(dataset),
    }


def translation_report(dataset: Dataset) -> dict:
    """Per language: values translated / values to translate, per collection and field; who translated
    (editors or a source's own text); the interface words with a translation in its label table."""
    report = {}
    for language, per in coverage(dataset).items():
        by = Counter(str((r.data.get("translations") or {}).get(language, {}).get("by"))
                     for c in dataset.records.values() for r in c.values()
                     if isinstance((r.data.get("translations") or {}).get(language), dict))
        report[language] = {"fields": {c: {f: list(n) for f, n in fields.items()} for c, fields in per.items()},
                            "records_by": dict(sorted(by.items())), "interface": interface_report(dataset, language)}
    return report


def interface_report(dataset: Dataset, language: str) -> dict:
    """The interface words a build of both editions asks the label tables for (every `t()` key, counted
    noun and nav title the pages use, also those chosen at run time such as a collection's name), how many
    `language`'s table translates; and the words templates print outside `t()`, which no table reaches."""
    from ..editions import translate_nav, untranslated_page
    from ..load.config import read_config
    from ..paths import ROOT
    from ..render import SiteOptions, render_site
    from ..render.i18n import load_labels
    from ..render.literal_words import template_bare_words

    english, labels = load_labels(BASE), load_labels(language)
    english.used.clear()
    labels.used.clear()
    render_site(dataset, SiteOptions())
    render_site(dataset, SiteOptions(language=language))
    config = read_config(ROOT / "mkdocs.yml")  # what the hook translates: nav, site name and description
    translate_nav(config.get("nav") or [], labels)
    labels(str(config.get("site_name") or ""))
    labels(" ".join(str(config.get("site_description") or "").split()))
    untranslated_page("", labels)
    asked = {word for word in english.used | labels.used if word}
    missing = sorted(word for word in asked if not labels.has(word))
    literal = {name: [word.removeprefix(f"{name}:") for word in words] for name, words in template_bare_words().items()}
    return {"translated": len(asked) - len(missing), "total": len(asked), "missing": missing,
            "literal": literal}


def format_stats(report: dict) -> str:
    lines = ["Records per collection:"]
    lines += [f"  {k:<12} {v:>5}" for k, v in report["collections"].items()]
    lines.append("Events per sector:")
    lines += [f"  {k:<26} {v:>5}" for k, v in report["events_per_sector"].items()]
    lines.append("Events per decade:")
    lines += [f"  {k:<12} {v:>5}" for k, v in report["events_per_decade"].items()]
    lines.append("Sources by quality:")
    lines += [f"  {k:<12} {v:>5}" for k, v in report["sources_by_quality"].items()]
    lines.append(f"Undated sources: {report['undated_sources']}")
    lines.append(f"Records without sources: {len(report['records_without_sources'])}")
    lines += [f"  {r}" for r in report["records_without_sources"]]
    weak = report["records_best_source_repost_or_weak"]
    lines.append(f"Records whose best source is a repost or weak copy: {len(weak)} (find the original)")
    lines += [f"  {r}" for r in weak]
    lines.append(f"Corrections recorded: {report['corrections']}")
    lines.append(f"Disagreements recorded: {len(report['disagreements'])}")
    lines += [f"  {d}" for d in report["disagreements"]]
    for language, found in report["translations"].items():
        lines.append(f"Translations into `{language}` (values translated / to translate; a list's items each):")
        for collection, fields in found["fields"].items():
            cells = [f"{name} {done}/{total}" + (f" ({100 * done // total}%)" if total else "")
                     for name, (done, total) in fields.items()]
            lines.append(f"  {collection:<12} " + ", ".join(cells))
        who = ", ".join(f"{k} {v}" for k, v in found["records_by"].items()) or "none"
        lines.append(f"  records translated by: {who}")
        ui = found["interface"]
        lines.append(f"  interface words: {ui['translated']}/{ui['total']} of those a build of both editions asks "
                     f"for are in i18n/{language}.yaml"
                     + (f"; missing: {', '.join(ui['missing'][:12])}" + (" …" if len(ui["missing"]) > 12 else "")
                        if ui["missing"] else ""))
        literal = ui["literal"]
        lines.append(f"  words printed outside t() in templates: {sum(map(len, literal.values()))}"
                     + "".join(f"\n    {name}: {', '.join(words[:8])}" + (" …" if len(words) > 8 else "")
                               for name, words in literal.items()))
    return "\n".join(lines)
