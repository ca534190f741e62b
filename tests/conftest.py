"""Shared fixtures: a small valid dataset that tests copy and break one rule at a time."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from natoaz.build import build_site, copy_project
from natoaz.check.validate import validate
from natoaz.problems import Problem

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"
TODAY = date(2026, 11, 27)


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A writable copy of the mini dataset."""
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    return target


def problems_of(data_dir: Path) -> list[Problem]:
    return validate(data_dir, today=TODAY)[1]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project (config, docs, schemas, scripts) with the mini dataset as data/."""
    return copy_project(tmp_path / "project", MINI)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real data built once per test session (strict MkDocs build), shared by the tests that need it."""
    site = tmp_path_factory.mktemp("real") / "site"
    assert build_site(site) == 0
    return site


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole session: Playwright's sync API allows one running instance
    at a time, so every browser test module shares this one."""
    from playwright.sync_api import sync_playwright

    from test_browser import ARGS, CHROMIUM, _need_chromium

    _need_chromium()
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()
