"""`check-external` against a local HTTP server on 127.0.0.1; no test touches the internet."""

from __future__ import annotations

import socket
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from natoaz.links.external_links import (
    BROKEN,
    LYCHEE_CONFIG,
    NO_NETWORK,
    check_external,
    exit_code,
    format_external_report,
    load_exceptions,
)
from natoaz.links.linkcheck import main
from natoaz.problems import DataError

FAST = ("--retry-wait-time", "1", "--host-request-interval", "0ms")  # the rest as in links/lychee.toml


class Server:
    """200, 301, 404, 429-then-200 and 500, counting requests and remembering User-Agents."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.agents: list[str] = []
        lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                path = self.path.split("?")[0]
                with lock:
                    server.hits[path] += 1
                    server.agents.append(self.headers.get("User-Agent", ""))
                    first = server.hits[path] == 1
                code = {"/ok": 200, "/copy": 200, "/moved": 301, "/gone": 404, "/gone-doc": 404,
                        "/broken": 500}.get(path, 404)
                if path == "/busy":
                    code = 429 if first else 200
                self.send_response(code)
                if code == 301:
                    self.send_header("Location", "/ok")
                if code == 429:
                    self.send_header("Retry-After", "1")
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(b"<!doctype html><html><body><p>page</p></body></html>")

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server()
    s.thread.start()
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()


def _source(folder: Path, source_id: str, url: str, archive_url: str = "") -> None:
    archive = f"archive_url: {archive_url}\n" if archive_url else ""
    (folder / f"{source_id}.yaml").write_text(
        f"id: {source_id}\ntitle: Source {source_id}\npublisher: Test publisher\nurl: {url}\n{archive}"
        "date: '2004'\nlanguage: en\nquality: media\n", encoding="utf-8")


def make_project(root: Path, base: str) -> tuple[Path, Path, Path]:
    """data/ with one source per server answer, docs/ with one Markdown page, and an exceptions file."""
    data = root / "data"
    for collection in ("sectors", "sources", "people", "programmes", "events", "quotes"):
        (data / collection).mkdir(parents=True, exist_ok=True)
    sources = data / "sources"
    _source(sources, "fine", f"{base}/ok?a=1&b=2")
    _source(sources, "moved", f"{base}/moved")
    _source(sources, "gone-archived", f"{base}/gone", archive_url=f"{base}/copy")
    _source(sources, "gone-unarchived", f"{base}/gone?page=2")
    _source(sources, "busy", f"{base}/busy")
    _source(sources, "broken", f"{base}/broken")
    _source(sources, "known", f"{base}/known-exception")
    docs = root / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "page.md").write_text(
        "# Page\n\nA [relative link](other.md) is not checked here.\n\n"
        f"A [dead page]({base}/gone-doc) and [a fine one]({base}/ok).\n", encoding="utf-8")
    exceptions = root / "exceptions.yaml"
    exceptions.write_text(
        "- pattern: '/known-exception$'\n  reason: Answers 404 to robots only.\n"
        "- pattern: '^https://gone\\.example\\.net/'\n  reason: Nothing cites this any more.\n",
        encoding="utf-8")
    return data, docs, exceptions


def _run(root: Path, base: str):
    data, docs, exceptions = make_project(root, base)
    return check_external(data, docs, load_exceptions(exceptions, root), LYCHEE_CONFIG,
                          cache_dir=root, root=root, extra_args=FAST)


def test_report_is_in_terms_of_the_data(tmp_path: Path, server: Server) -> None:
    check = _run(tmp_path, server.base)
    report = format_external_report(check)
    base = server.base
    assert f"data/sources/gone-archived.yaml:4  gone-archived  {base}/gone  → 404 Not Found; " \
           "dead, archived copy available" in report
    assert f"data/sources/gone-unarchived.yaml:4  gone-unarchived  {base}/gone?page=2  → 404 Not Found; " \
           "add an archive_url" in report
    assert f"data/sources/broken.yaml:4  broken  {base}/broken  → 500 server error" in report
    assert f"docs/page.md:5  {base}/gone-doc  → 404" in report
    failing = {f.citation.label or f.citation.url for f in check.findings}
    assert failing == {"gone-archived", "gone-unarchived", "broken", f"{base}/gone-doc"}
    assert exit_code(check) == BROKEN


def test_retries_redirects_exceptions_and_user_agent(tmp_path: Path, server: Server) -> None:
    check = _run(tmp_path, server.base)
    report = format_external_report(check)
    assert server.hits["/busy"] == 2  # 429, then 200 on the retry: not reported
    assert "busy" not in {f.citation.label for f in check.findings}
    assert [(c.label, final, code) for c, final, code in check.moved] == [("moved", f"{server.base}/ok", 301)]
    assert server.hits["/known-exception"] == 0
    assert check.excluded == 1
    assert [k.pattern for k in check.stale] == ["^https://gone\\.example\\.net/"]
    assert "exceptions.yaml:3" in report and "matches no cited URL" in report
    assert server.agents and all(agent.startswith("Mozilla/5.0") for agent in server.agents)


def test_cache_keeps_answers_but_not_server_errors(tmp_path: Path, server: Server) -> None:
    _run(tmp_path, server.base)
    assert (tmp_path / ".lycheecache").is_file()
    first = Counter(server.hits)
    second = _run(tmp_path, server.base)
    assert server.hits["/ok"] == first["/ok"]  # answered from the cache
    assert server.hits["/broken"] > first["/broken"]  # 5xx is never cached: asked again
    assert second.cached >= 3


def test_no_network_is_said_once_with_its_own_exit_code(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    data, docs, _ = make_project(tmp_path, closed)
    check = check_external(data, docs, [], LYCHEE_CONFIG, cache_dir=tmp_path, root=tmp_path, extra_args=FAST)
    assert check.no_network
    assert exit_code(check) == NO_NETWORK
    report = format_external_report(check)
    assert report.startswith("No network:")
    assert len(report.splitlines()) == 1


def test_command_line_with_relative_paths(tmp_path: Path, server: Server, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    make_project(tmp_path, server.base)
    monkeypatch.chdir(tmp_path)
    code = main(["--data", "data", "check-external", "--docs", "docs", "--exceptions", "exceptions.yaml",
                 "--cache-dir", "cache"])
    out = capsys.readouterr().out
    assert code == BROKEN
    assert "gone-unarchived" in out and "add an archive_url" in out
    assert f"\ndocs/page.md:5  {server.base}/gone-doc  → 404" in out
    assert "\ndata/sources/gone-unarchived.yaml:4  gone-unarchived  " in out
    assert "checked 9 URLs" in out
    assert (tmp_path / "cache" / ".lycheecache").is_file()


@pytest.mark.parametrize(("text", "message"), [
    ("- pattern: '([unclosed'\n  reason: Some reason.\n", "not a valid regular expression"),
    ("- pattern: '^https://x/'\n", "say why"),
    ("- pattern: '^https://x/'\n  reason: Fine.\n  until: 2026\n", "unknown field `until`"),
    ("pattern: x\n", "list of"),
])
def test_bad_exceptions_file_is_reported_with_its_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "exceptions.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_exceptions(path, tmp_path)
    assert message in str(caught.value)
    assert "exceptions.yaml:" in str(caught.value)


def test_the_projects_exceptions_file_is_valid() -> None:
    assert all(k.reason for k in load_exceptions(LYCHEE_CONFIG.parent / "exceptions.yaml"))
