"""Search in the page: the CLI's folding and its near-name rule (dipgraph/names.py), over
names, and over the words of contacts (summary, quotes, place, topics). The page's own
copies of the rules are compared with Python's on the bundled names and their typos."""

from __future__ import annotations

import difflib

import dipgraph
from conftest import BUNDLED
from dipgraph.names import (
    INSIDE_WORD,
    LETTER_FOLDS,
    WHOLE_WORD,
    WORD_START,
    close_matches,
    normalise_name,
    word_tier,
)


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


def test_the_page_folds_any_text_as_the_cli_does(page) -> None:
    """Beyond the bundled names: every letter of the CLI's table (it travels in the page's
    data), marks, invisible format characters, case, and the punctuation names drop."""
    letters = "".join(LETTER_FOLDS)
    texts = [
        letters,
        f"a{letters}b",
        "مھدی کریمی",  # Persian letters for heh and yeh, and keheh
        "أحمد إبراهيم آل مكتوم",  # hamza and madda on alef
        "مُحَمَّد\u200cالـعلي",  # vowel marks, a zero-width non-joiner, tatweel
        "Jean-Yves  Le_Drian",
        "O'Brien \u2019s St. Louis",
        "\u200fوزارة الخارجية\u200e",  # bidi marks
        "ÉLYSÉE Ångström",
    ]
    assert page.evaluate("(ts) => ts.map(window.dipgraph.fold)", texts) == [
        normalise_name(t) for t in texts
    ]


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


def test_secret_finds_the_contacts_reported_secret(browser, small_copy) -> None:
    """The small fixture's secret video call never says "secret" in its words: the word
    finds it by its flag, as its row and panel say SECRET. An actor called "Secretary
    Adams" and the call whose quote says "Secretary" hold "secret" only as the start of
    a longer word: listed after it, not in its place (dipgraph.names.word_tier), as
    `dipgraph actors secret` lists Adams."""
    from html_browser import graph_page

    from dipgraph.exports.html import write_html

    actors = small_copy / "people" / "actors.yaml"
    actors.write_text(
        actors.read_text(encoding="utf-8").replace(
            "names: {en: Alice Adams}",
            "names: {en: Alice Adams}\n    aliases: {en: [Secretary Adams]}",
        ),
        encoding="utf-8",
    )
    kg = dipgraph.load(small_copy)
    assert kg.actor_names.search("secret") == ["alice-adams"]
    wanted = sorted(c.id for c in kg.facts.contacts.values() if c.secret)
    assert wanted and all("secret" not in kg.facts.contacts[c].summary.lower() for c in wanted)
    with graph_page(browser, write_html(kg, small_copy / "graph.html")) as page:
        search(page, "secret")
        assert page.evaluate("window.dipgraph.state().selected") is None
        listed = page.eval_on_selector_all(
            "#panel ul.links",
            "us => us.map(u => [...u.querySelectorAll('[data-contact]')]"
            ".map(b => b.dataset.contact))",
        )
        assert listed == [wanted, ["adams-belov-call"]]
        assert "longer word" in page.inner_text("#panel")
        offered = page.eval_on_selector_all(
            "#search-list [data-id]", "bs => bs.map(b => b.dataset.id)"
        )
        assert offered == ["alice-adams"]
        search(page, "secretary")  # the whole word: Adams is found, as before
        assert page.evaluate("window.dipgraph.state().selected") == "alice-adams"


def test_names_are_ranked_by_the_clis_word_rule(page) -> None:
    """The page's wordTier is dipgraph.names.word_tier, on every folded name against
    words cut from names (whole, a word's start, a word's middle); and the page ranks
    the names a search finds as `dipgraph actors TEXT` does (whole words first)."""
    keys = sorted(page.evaluate("window.dipgraph.nameKeys()"))
    pieces = sorted(
        {w for key in keys for w in key.split()}
        | {w[:3] for key in keys for w in key.split() if len(w) > 4}
        | {w[1:4] for key in keys for w in key.split() if len(w) > 4}
    )[::4]  # a quarter of them: ~230 words against ~320 names, in a few hundred ms
    cases = [[w] for w in pieces] + [key.split()[::-1] for key in keys[::4] if " " in key]
    mine = page.evaluate(
        """([cs, ks]) => cs.map(ws => ks.map(k => {
             const t = window.dipgraph.wordTier(ws, k); return t === null ? '-' : String(t);
           }).join(''))""",
        [cases, keys],
    )
    theirs = [
        "".join("-" if (t := word_tier(ws, k)) is None else str(t) for k in keys) for ws in cases
    ]
    assert mine == theirs
    assert set("".join(theirs)) == {"-", str(WHOLE_WORD), str(WORD_START), str(INSIDE_WORD)}
    kg = dipgraph.load(BUNDLED)
    for text in ("sergey", "ser", "russia", "us", "ان"):
        cli = kg.actor_names.search(text)
        tier = {
            i: min(
                t
                for key, ids in kg.actor_names.exact.items()
                if i in ids and (t := word_tier(normalise_name(text).split(), key)) is not None
            )
            for i in cli
        }
        assert [tier[i] for i in cli] == sorted(tier.values()), text
        found = page.evaluate("(t) => window.dipgraph.findNames(t)", text)
        assert [tier[i] for i in found if i in tier] == sorted(tier.values()), text
        assert set(cli) <= set(found), text
