"""Check the URLs the data cites (`url`, `archive_url`) and the links in docs/*.md to other sites.

lychee does the requests (settings in links/lychee.toml: cache, retries, timeouts, limited concurrency,
accepted codes, a browser-like User-Agent); we give it the URLs, one `--exclude` per entry of
links/exceptions.yaml, and report the results in terms of the data:

    data/sources/x.yaml:5  x  https://example.org/page  → 404 Not Found; add an archive_url

When no URL at all could be reached (every request failed to connect or timed out), the machine is
taken to be offline: that is said once and the exit code is NO_NETWORK, not a list of failures.
"""

from __future__ import annotations

import re
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..load.dataset import load_dataset
from ..load.yaml_loader import load_yaml
from ..paths import ROOT, display_path
from ..problems import DataError, Problem, errors
from ..render.escape import attr
from .lychee import LinkResult, run_lychee

OK, BROKEN, USAGE, NO_NETWORK = 0, 1, 2, 3
URL_FIELDS = ("url", "archive_url")  # top-level record fields holding external URLs
PERMANENT_REDIRECTS = (301, 308)
LYCHEE_CONFIG = ROOT / "links" / "lychee.toml"
EXCEPTIONS_FILE = ROOT / "links" / "exceptions.yaml"


@dataclass(frozen=True)
class Citation:
    """One place that cites an external URL: a record's field or a link in a Markdown page."""

    url: str
    file: str  # relative to the project root
    line: int
    label: str = ""  # the record id; empty for docs pages
    field: str = "link"  # url | archive_url | link
    archive_url: str = ""  # the record's archived copy, for a `url`


@dataclass(frozen=True)
class KnownException:
    pattern: str  # a regular expression matched against the URL (lychee's --exclude)
    reason: str
    file: str
    line: int


@dataclass(frozen=True)
class Finding:
    citation: Citation
    result: LinkResult
    verdict: str  # dead | unreachable | timeout | server | refused | failed


@dataclass
class ExternalCheck:
    findings: list[Finding] = field(default_factory=list)
    moved: list[tuple[Citation, str, int]] = field(default_factory=list)  # (citation, final URL, code)
    counts: Counter = field(default_factory=Counter)  # per verdict, over checked URLs
    excluded: int = 0  # cited URLs skipped as known exceptions
    stale: list[KnownException] = field(default_factory=list)  # exceptions matching no cited URL
    cached: int = 0
    urls: int = 0
    citations: int = 0
    no_network: bool = False
    example_failure: LinkResult | None = None
    data_errors: int = 0
    seconds: float = 0.0


# ---- what the data and the docs cite -------------------------------------------------------------

def data_citations(data_dir: Path, root: Path | None = None) -> tuple[list[Citation], list[Problem]]:
    """Every `url` and `archive_url` of every record, with its file and line (relative to `root`)."""
    dataset, problems = load_dataset(data_dir, root)
    found = []
    for records in dataset.records.values():
        for record in records.values():
            archive = record.data.get("archive_url")
            for name in URL_FIELDS:
                value = record.data.get(name)
                if isinstance(value, str) and re.match(r"https?://", value):
                    found.append(Citation(value, record.file, record.where((name,))[0], record.id, name,
                                          archive if name == "url" and isinstance(archive, str) else ""))
    return sorted(found, key=lambda c: (c.file, c.line, c.field)), problems


def markdown_pages(docs_dir: Path) -> list[Path]:
    return sorted(docs_dir.rglob("*.md")) if docs_dir.is_dir() else []


# ---- known exceptions ----------------------------------------------------------------------------

def load_exceptions(path: Path, root: Path = ROOT) -> list[KnownException]:
    """links/exceptions.yaml: a list of {pattern, reason}; raises DataError listing every problem."""
    if not path.is_file():
        return []
    rel = display_path(path, root)
    doc, problems = load_yaml(path.read_bytes(), rel)
    found: list[KnownException] = []
    items = doc.value if doc is not None else None
    if items is not None and not isinstance(items, list):
        problems.append(Problem(rel, 1, 1, "", "the file holds a list of `- pattern: …  reason: …` entries"))
        items = []
    for i, item in enumerate(items or []):
        line, col = doc.positions.get((i,), (1, 1))
        if not isinstance(item, dict):
            problems.append(Problem(rel, line, col, f"[{i}]", "each entry has `pattern` and `reason`"))
            continue
        for key in sorted(set(item) - {"pattern", "reason"}):
            kline, kcol = doc.key_positions.get((i, key), (line, col))
            problems.append(Problem(rel, kline, kcol, f"[{i}].{key}", f"unknown field `{key}`",
                                    hint="an entry has only `pattern` and `reason`"))
        pattern, reason = item.get("pattern"), item.get("reason")
        if not isinstance(reason, str) or len(reason.strip()) < 3:
            problems.append(Problem(rel, line, col, f"[{i}].reason", "say why this URL is an exception"))
        if not isinstance(pattern, str) or not pattern:
            problems.append(Problem(rel, line, col, f"[{i}].pattern", "a regular expression matching the URL"))
            continue
        try:
            re.compile(pattern)
        except re.error as exc:
            pline, pcol = doc.positions.get((i, "pattern"), (line, col))
            problems.append(Problem(rel, pline, pcol, f"[{i}].pattern", f"not a valid regular expression: {exc}"))
            continue
        found.append(KnownException(pattern, str(reason), rel, line))
    if errors(problems):
        raise DataError(problems)
    return found


# ---- running the check ---------------------------------------------------------------------------

def verdict(result: LinkResult) -> str:
    if result.outcome in ("ok", "excluded", "timeout"):
        return result.outcome
    if result.code in (404, 410):
        return "dead"
    if result.code is not None:
        return "server" if result.code >= 500 else "refused"
    return "unreachable" if result.network_failure else "failed"


def check_external(data_dir: Path, docs_dir: Path, exceptions: list[KnownException],
                   lychee_config: Path = LYCHEE_CONFIG, cache_dir: Path = ROOT, root: Path | None = None,
                   extra_args: tuple[str, ...] = ()) -> ExternalCheck:
    """Check every cited URL once with lychee (its cache lives in `cache_dir`/.lycheecache).

    Files are named relative to `root`; by default, to the folder holding data/ (or docs/).
    """
    citations, problems = data_citations(data_dir, root)
    check = ExternalCheck(data_errors=len(errors(problems)))
    urls = sorted({c.url for c in citations})
    pages = markdown_pages(docs_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="natoaz-links-") as temp:
        # One link per line, so that a result's line number names its URL whatever lychee normalises.
        listing = Path(temp) / "cited-urls.html"
        listing.write_text("".join(f'<a href="{attr(u)}">{n}</a>\n' for n, u in enumerate(urls, 1)),
                           encoding="utf-8")
        args = ["--config", str(lychee_config.resolve()), "--verbose"]
        for known in exceptions:
            args += ["--exclude", known.pattern]
        inputs = [str(listing), *(str(page.resolve()) for page in pages)]  # lychee runs in cache_dir
        report = run_lychee([*args, *extra_args, "--", *inputs], cwd=cache_dir)
        listing_name = str(listing)
    check.seconds = time.perf_counter() - start
    by_url: dict[str, list[Citation]] = {}
    for c in citations:
        by_url.setdefault(c.url, []).append(c)

    pairs: list[tuple[Citation, LinkResult]] = []
    for result in report.results:
        if result.input == listing_name:
            if 0 < result.line <= len(urls):
                pairs += [(c, result) for c in by_url[urls[result.line - 1]]]
        elif re.match(r"https?://", result.original_url or result.url):
            page = display_path(result.input, root or docs_dir.parent)
            pairs.append((Citation(result.original_url or result.url, page, result.line), result))
    _judge(check, pairs, exceptions)
    return check


def _judge(check: ExternalCheck, pairs: list[tuple[Citation, LinkResult]], exceptions: list[KnownException]) -> None:
    matched: set[str] = set()
    seen: dict[str, LinkResult] = {}
    for citation, result in pairs:
        seen.setdefault(result.url, result)
        if result.outcome == "excluded":
            hits = [k.pattern for k in exceptions if re.search(k.pattern, citation.url)]
            matched.update(hits)
            check.excluded += 1 if hits else 0
            continue
        check.citations += 1
        kind = verdict(result)
        if kind == "ok":
            if result.redirects and result.redirects[0][1] in PERMANENT_REDIRECTS:
                check.moved.append((citation, result.redirects[-1][0], result.redirects[0][1]))
        else:
            check.findings.append(Finding(citation, result, kind))
    checked = [r for r in seen.values() if r.outcome != "excluded"]
    check.urls = len(checked)
    check.counts = Counter(verdict(r) for r in checked)
    check.cached = sum(r.cached for r in checked)
    fresh = [r for r in checked if not r.cached]
    if fresh and all(r.network_failure for r in fresh):
        check.no_network = True
        check.example_failure = fresh[0]
    check.stale = [k for k in exceptions if k.pattern not in matched]
    check.findings.sort(key=lambda f: (f.citation.file, f.citation.line, f.citation.url))
    check.moved.sort(key=lambda m: (m[0].file, m[0].line))


# ---- the report ----------------------------------------------------------------------------------

def _what(finding: Finding) -> str:
    r = finding.result
    return {
        "dead": f"{r.code} {_status_words(r)}".strip(),
        "unreachable": "no answer (the name does not resolve or the connection failed)",
        "timeout": "timed out",
        "server": f"{r.code} server error; try again later",
        "refused": (f"{r.code} refused; the site may turn robots away: open it in a browser, and if it "
                    "works add a pattern to links/exceptions.yaml"),
    }.get(finding.verdict, r.status)


def _status_words(result: LinkResult) -> str:
    match = re.search(rf"\b{result.code}\s+([A-Za-z][A-Za-z \-']*)", result.status)
    return match.group(1).strip() if match else ""


def _advice(finding: Finding) -> str:
    c = finding.citation
    if finding.verdict not in ("dead", "unreachable"):
        return ""
    if c.field == "url":
        return "dead, archived copy available" if c.archive_url else "add an archive_url"
    if c.field == "archive_url":
        return "the archived copy is gone: replace archive_url"
    return ""


def format_external_report(check: ExternalCheck) -> str:
    if check.no_network:
        r = check.example_failure
        sample = f" (e.g. {r.url}: {r.status})" if r else ""
        return (f"No network: none of the {check.urls} URLs could be reached{sample}. Nothing was judged; "
                "run `make check-external` again when online.")
    lines = []
    for f in check.findings:
        c = f.citation
        label = f"  {c.label}" if c.label else ""
        advice = _advice(f)
        lines.append(f"{c.file}:{c.line}{label}  {c.url}  → {_what(f)}" + (f"; {advice}" if advice else ""))
    if check.moved:
        lines.append("Moved permanently (they work; consider citing the new address):")
        for c, final, code in check.moved:
            label = f"  {c.label}" if c.label else ""
            lines.append(f"  {c.file}:{c.line}{label}  {c.url}  → {code} {final}")
    for k in check.stale:
        lines.append(f"{k.file}:{k.line}  `{k.pattern}` matches no cited URL any more; remove it?")
    if check.data_errors:
        lines.append(f"note: the data has {check.data_errors} error(s), so some records may be missing; "
                     "run `make check-data`.")
    broken = check.urls - check.counts["ok"]
    lines.append(f"checked {check.urls} URLs cited in {check.citations} places in {check.seconds:.1f} s "
                 f"({check.cached} from the cache): {check.counts['ok']} fine, {broken} failing; "
                 f"{check.excluded} citation(s) skipped as known exceptions.")
    return "\n".join(lines)


def exit_code(check: ExternalCheck) -> int:
    if check.no_network:
        return NO_NETWORK
    return BROKEN if check.findings else OK
