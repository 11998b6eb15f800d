"""Search in the page: the CLI's folding and its near-name rule (dipgraph/names.py), over
names, and over the words of contacts (summary, quotes, place, topics). The page's own
copies of the rules are compared with Python's on the bundled names and their typos."""

from __future__ import annotations

import difflib

import dipgraph
from conftest import BUNDLED, SMALL
from dipgraph.names import close_matches, normalise_name


def python_keys(kg) -> set[str]:
    return set(kg.actor_names.exact) | set(kg.topic_names.exact)


def typos(key: str) -> list[str]:
    """A letter dropped, two letters swapped, one letter doubled."""
    if len(key) < 4:
        return []
    mid = len(key) // 2
    return [
        key[:mid] + key[mid + 1 :],
        key[: mid - 1] + key[mid] + key[mid - 1] + key[mid + 1 :],
        key[:mid] + key[mid] + key[mid:],
    ]


def test_the_page_folds_names_as_the_cli_does(page) -> None:
    kg = dipgraph.load(BUNDLED)
    assert set(page.evaluate("window.dipgraph.nameKeys()")) == python_keys(kg)


def test_near_names_are_the_clis(page) -> None:
    kg = dipgraph.load(BUNDLED)
    keys = sorted(python_keys(kg))
    words = sorted({t for key in keys for t in typos(key)} | {"putn", "narishkin", "بوتن"})
    mine = page.evaluate("(ws) => ws.map(w => window.dipgraph.closeNames(w, 8, 0.5))", words)
    theirs = [close_matches(w, keys, n=8, cutoff=0.5) for w in words]
    differ = [(w, a, b) for w, a, b in zip(words, mine, theirs, strict=True) if a != b]
    assert differ == [], f"{len(differ)} of {len(words)} words differ: {differ[:3]}"


def test_near_names_are_difflibs_where_letters_mislead(page) -> None:
    """The page scores names from the highest letters-in-common bound down and stops
    under the 8th best score: words whose letters every name shares in another order
    (a name reversed, its words swapped, half a name) must still get difflib's answer,
    ties and all."""
    keys = page.evaluate("window.dipgraph.nameKeys()")
    words = sorted(
        {key[::-1] for key in keys}
        | {" ".join(reversed(key.split())) for key in keys if " " in key}
        | {key[: len(key) // 2] for key in keys if len(key) > 5}
        | {"a", "aa", "ov", "ين"}
    )
    mine = page.evaluate("(ws) => ws.map(w => window.dipgraph.closeNames(w, 8, 0.5))", words)
    theirs = [difflib.get_close_matches(w, keys, n=8, cutoff=0.5) for w in words]
    differ = [(w, a, b) for w, a, b in zip(words, mine, theirs, strict=True) if a != b]
    assert differ == [], f"{len(differ)} of {len(words)} words differ: {differ[:3]}"
    assert sum(map(bool, theirs)) > len(words) // 2  # most words have near names


def search(page, text: str) -> None:
    page.fill("#search", text)
    page.press("#search", "Enter")


def test_a_typo_offers_the_name_and_clears_the_old_selection(page) -> None:
    page.evaluate("window.dipgraph.select('sergey-lavrov')")
    search(page, "Putn")
    offered = page.eval_on_selector_all(
        "#search-list button.near", "bs => bs.map(b => b.dataset.id)"
    )
    assert offered[0] == "vladimir-putin"
    assert page.evaluate("window.dipgraph.state().selected") is None
    assert "Lavrov" not in page.inner_text("#panel")
    search(page, "Narishkin")
    offered = page.eval_on_selector_all(
        "#search-list button.near", "bs => bs.map(b => b.dataset.id)"
    )
    assert "sergey-naryshkin" in offered
    page.click("#search-list button[data-id=sergey-naryshkin]")
    assert page.evaluate("window.dipgraph.state().selected") == "sergey-naryshkin"


def test_words_of_contacts_are_searched(page) -> None:
    kg = dipgraph.load(BUNDLED)
    search(page, "prisoner")
    listed = page.eval_on_selector_all(
        "#panel [data-contact]", "bs => bs.map(b => b.dataset.contact)"
    )
    wanted = [
        c.id
        for c in kg.facts.contacts.values()
        if "prisoner"
        in normalise_name(
            " ".join(
                [c.summary, *(e.quote for e in c.evidence)]
                + [n for t in c.topics for n in kg.facts.topics[t].names.values()]
            )
        )
    ]
    assert wanted and sorted(listed) == sorted(wanted)
    # An Arabic place written with a hamza finds the contact held there without one.
    search(page, "إسطنبول")
    listed = page.eval_on_selector_all(
        "#panel [data-contact]", "bs => bs.map(b => b.dataset.contact)"
    )
    assert "istanbul-secret-talks" in listed
    # A name that is found still says which contacts mention it.
    search(page, "Burns")
    assert page.evaluate("window.dipgraph.state().selected") == "william-burns"
    assert page.locator("#search-list button.contacts-hit").count() == 1


def test_secret_finds_the_contacts_reported_secret(browser, tmp_path) -> None:
    """The small fixture's secret video call never says "secret" in its words: the word
    finds it by its flag, as its row and panel say SECRET (and, words being matched
    inside words, the call of "Secretary" Adams by its quote)."""
    from html_browser import graph_page

    from dipgraph.exports.html import write_html

    kg = dipgraph.load(SMALL)
    wanted = sorted(c.id for c in kg.facts.contacts.values() if c.secret)
    assert wanted and all("secret" not in kg.facts.contacts[c].summary.lower() for c in wanted)
    with graph_page(browser, write_html(kg, tmp_path / "graph.html")) as page:
        search(page, "secret")
        listed = page.eval_on_selector_all(
            "#panel [data-contact]", "bs => bs.map(b => b.dataset.contact)"
        )
        assert sorted(listed) == sorted([*wanted, "adams-belov-call"])
