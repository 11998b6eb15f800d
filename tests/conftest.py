"""Shared fixtures: the fixture datasets and a runner for the real CLI."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).parent
REPO = TESTS.parent
SMALL = TESTS / "fixtures" / "small"
BUNDLED = REPO / "facts"
# The known actors of the suggest tests: a few people, states and posts, with their texts.
SUGGEST_WORLD = TESTS / "fixtures" / "suggest"
CACHE_DIR = Path(tempfile.mkdtemp(prefix="dipgraph-test-cache-"))
# One cache for the whole run, removed when it ends (each run used to leave one in /tmp).
atexit.register(shutil.rmtree, CACHE_DIR, ignore_errors=True)


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def run_cli(*args: str | Path, cwd: Path | None = None, columns: int = 200) -> Run:
    """Run ``python -m dipgraph`` in a subprocess, as a user would, on a terminal
    ``columns`` wide."""
    env = {
        **os.environ,
        "PYTHONIOENCODING": "utf-8",
        "COLUMNS": str(columns),
        "DIPGRAPH_CACHE_DIR": str(CACHE_DIR),
        # This checkout's package, whatever the working directory (an editable install
        # of another checkout would otherwise win when cwd is not the repository).
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    done = subprocess.run(
        [sys.executable, "-m", "dipgraph", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd or REPO,
        env=env,
        timeout=120,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def add_file(root: Path, name: str, text: str) -> Path:
    """Write a fact file (or any text) ``name`` under ``root``; its path."""
    path = root / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def world():
    """The suggest tests' known facts, loaded once a module (suggest reads, never writes)."""
    from dipgraph.loader import load_facts

    return load_facts(SUGGEST_WORLD)


def drafts(text: str, facts):
    """What ``dipgraph suggest`` drafts from ``text`` beside ``facts``."""
    import dipgraph

    return dipgraph.suggest(text=text, facts=facts)


def new_names(text: str, facts) -> list[str]:
    """The names of the people and bodies ``suggest`` drafts as new from ``text`` (the
    gazetteer's states aside)."""
    found = drafts(text, facts).actors
    return [a.name for a in found if a.id is None and a.kind != "state"]


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def small_copy(tmp_path: Path) -> Path:
    """A writable copy of the small fixture, for tests that add a broken file."""
    target = tmp_path / "facts"
    shutil.copytree(SMALL, target)
    return target


def in_ci() -> bool:
    """CI sets CI=true: there a missing browser is a failure, never a skip."""
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


def tool_missing(reason: str, what: str) -> None:
    """Fail in CI (every test must run there); elsewhere skip, saying why."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: {what} must run in CI)")
    pytest.skip(f"{reason}; {what} need it (they run in CI)")


def browser_missing(reason: str) -> None:
    tool_missing(reason, "the browser tests")


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run, driven by Playwright."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        browser_missing("Playwright is not installed: pip install -e '.[test]'")

    from dipgraph.browser import launch

    with sync_playwright() as playwright:
        try:
            launched = launch(playwright)
        except RuntimeError as error:
            browser_missing(str(error))
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def bundled_html(tmp_path_factory) -> Path:
    """The bundled dataset's HTML graph, written once for the browser tests."""
    import dipgraph
    from dipgraph.exports.html import write_html

    return write_html(dipgraph.load(BUNDLED), tmp_path_factory.mktemp("html") / "graph.html")


@pytest.fixture
def page(browser, bundled_html):
    """That page open in Chromium, checked for script errors when the test ends."""
    from html_browser import graph_page

    with graph_page(browser, bundled_html) as opened:
        yield opened


# The quick run (README: no browser, no servers) deselects these by marker; the marks
# follow the fixtures a test uses, so a new browser or server test is marked by itself.
SERVER_FIXTURES = frozenset(
    {"served_process", "served", "served_cors", "oxigraph_server", "virtuoso", "oxigraph"}
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if "browser" in fixtures:
            item.add_marker(pytest.mark.browser)
        serving = item.path.name.startswith(("test_server", "test_virtuoso"))
        if serving or fixtures & SERVER_FIXTURES:
            item.add_marker(pytest.mark.server)
