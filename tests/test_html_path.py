"""The page's path finder follows `dipgraph path`'s rule (dipgraph/graph/paths.py): only
contacts that happened count unless any status is asked for, a hop joins two sides of
one contact, ties broken the same way. Every ordered pair of actors of the bundled data
and the fixtures is asked of both (a sample of pairs on the 1,011-actor fixture), and
any difference fails. The narration shows each hop's status."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from html_browser import graph_page

import dipgraph
from conftest import BUNDLED, REPO
from dipgraph.exports.html import write_html
from fixture_sets import EVERY_DATASET

sys.path.insert(0, str(REPO / "benchmarks"))
import synth

DATASETS = EVERY_DATASET
SAMPLED = 3000  # pairs asked of a dataset with more actors than this many pairs


def pairs_of(kg) -> list[tuple[str, str]]:
    ids = sorted(kg.facts.actors)
    every = [(a, b) for a in ids for b in ids if a != b]
    if len(every) <= SAMPLED:
        return every
    rng = random.Random(25)
    parties = sorted({a for c in kg.facts.contacts.values() for side in c.sides for a in side})
    return [tuple(rng.sample(parties, 2)) for _ in range(SAMPLED)]


def python_hops(
    kg, a: str, b: str, any_status: bool, since: str | None = None, until: str | None = None
) -> list[tuple[str, str, str]] | None:
    found = kg.path(a, b, any_status=any_status, since=since, until=until)["paths"]
    if not found:
        return None
    return [(h["from"], h["to"], h["fact"]) for h in found[0]["hops"]]


Hops = list[tuple[str, str, str]] | None


def page_hops(page, pairs: list[tuple[str, str]], any_status: bool) -> list[Hops]:
    """Each pair's path as the page finds it over the contacts it shows."""
    answers = page.evaluate(
        "([pairs, any]) => window.dipgraph.paths(pairs, any)", [pairs, any_status]
    )
    return [None if a is None else [(h["from"], h["to"], h["contact"]) for h in a] for a in answers]


def differing(pairs: list[tuple[str, str]], mine: list[Hops], theirs: list[Hops]) -> list:
    return [(pair, a, b) for pair, a, b in zip(pairs, mine, theirs, strict=True) if a != b]


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_every_pair_gets_the_cli_answer(browser, tmp_path: Path, name: str) -> None:
    kg = dipgraph.load(DATASETS[name])
    page_path = write_html(kg, tmp_path / "graph.html")
    pairs = pairs_of(kg)
    with graph_page(browser, page_path) as page:
        for any_status in (False, True):
            wanted = [python_hops(kg, a, b, any_status) for a, b in pairs]
            differ = differing(pairs, page_hops(page, pairs, any_status), wanted)
            assert differ == [], f"{len(differ)} of {len(pairs)} pairs differ (any={any_status})"
            assert any(w is not None for w in wanted)  # the comparison is not vacuous


@pytest.mark.parametrize("name", ["delegations", "small", "synthetic"])
def test_a_date_range_narrows_the_path_as_since_and_until_do(
    browser, tmp_path: Path, name: str
) -> None:
    """The page's date filter (undated contacts left out) and `path --since --until`
    admit the same contacts: a date range chosen gives every pair the CLI's answer
    (on the fixtures with dated contacts, and 300 synthetic ones over ten years)."""
    if name == "synthetic":
        synth.synthesize(tmp_path / "facts", 300, 80)
    kg = dipgraph.load(tmp_path / "facts" if name == "synthetic" else DATASETS[name])
    years = sorted({c.date.first_day.year for c in kg.facts.contacts.values() if c.date})
    middle = str(years[len(years) // 2])
    windows = [(middle, None), (None, middle), (str(years[0]), str(years[0]))]
    pairs = pairs_of(kg)
    unbounded = {every: [python_hops(kg, a, b, every) for a, b in pairs] for every in (False, True)}
    narrowed = 0  # pairs a window changes the answer of: the comparison is not vacuous
    with graph_page(browser, write_html(kg, tmp_path / "graph.html")) as page:
        for since, until in windows:
            chosen = {"from": since, "to": until, "undated": False}
            page.evaluate("f => window.dipgraph.setFilters(f)", chosen)
            for any_status in (False, True):
                wanted = [python_hops(kg, a, b, any_status, since, until) for a, b in pairs]
                differ = differing(pairs, page_hops(page, pairs, any_status), wanted)
                window = (since, until, any_status)
                assert differ == [], f"{len(differ)} of {len(pairs)} pairs differ {window}"
                narrowed += len(differing(pairs, wanted, unbounded[any_status]))
    assert narrowed


def test_a_proposed_meeting_is_not_walked_unless_asked(page) -> None:
    """Lavrov to Shoigu runs only through the proposed 2+2 meeting: the CLI refuses it."""
    kg = dipgraph.load(BUNDLED)
    assert python_hops(kg, "sergey-lavrov", "sergei-shoigu", False) is None
    assert page.evaluate("window.dipgraph.path('sergey-lavrov', 'sergei-shoigu')") is None
    said = page.inner_text("#path-result")
    assert "that happened" in said and "also planned, proposed, denied" in said
    hops = page.evaluate("window.dipgraph.path('sergey-lavrov', 'sergei-shoigu', true)")
    assert hops and "proposed" in {h["status"] for h in hops}
    assert page.evaluate("window.dipgraph.state().path.hops.length") == len(hops)
    assert "(proposed)" in page.inner_text("#path-result")
    narrated = page.inner_text("#panel .hops")
    assert narrated.count("proposed") >= 1 and "any status" in page.inner_text("#panel")
    assert "any=1" in page.evaluate("location.hash")
    # The box stays with the link: a reload walks the same path.
    page.reload()
    page.wait_for_selector("body[data-ready=true]", state="attached", timeout=60000)
    assert page.evaluate("window.dipgraph.state().path.hops.length") == len(hops)
    assert page.is_checked("#path-any")
