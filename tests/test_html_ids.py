"""Ids and addresses the page must survive: a fact id that Object.prototype answers to
("constructor"), and any fragment (#sel=__proto__, #sel=toString...). The page keeps no
id-keyed plain object (templates/js/: dict() makes prototype-free maps), and the maps
vis-network keys by id are made prototype-free before data arrives (vis_internals.js)."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest
from html_browser import graph_page

import dipgraph
from conftest import SMALL
from dipgraph.exports.html import TEMPLATE_DIR, write_html

PROTOTYPE_NAMES = [
    "constructor",
    "__proto__",
    "toString",
    "valueOf",
    "hasOwnProperty",
    "isPrototypeOf",
    "propertyIsEnumerable",
    "toLocaleString",
    "__defineGetter__",
    "__lookupSetter__",
]
# Renames in the small fixture: an actor, a state and a topic take the one
# Object.prototype name a fact id can have.
RENAMES = {
    "person": ("dmitri-dorin", "constructor"),
    "state": ("russia", "constructor"),
    "topic": ("arms-control", "constructor"),
}
NAMES = {"person": "Dmitri Dorin", "state": "Russia", "topic": "arms control"}


def renamed_facts(target: Path, old: str, new: str) -> Path:
    shutil.copytree(SMALL, target)
    for path in target.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(rf"\b{re.escape(old)}\b", new, text), encoding="utf-8")
    return target


@pytest.fixture(scope="module", params=sorted(RENAMES))
def renamed_page(request, tmp_path_factory) -> tuple[str, Path]:
    old, new = RENAMES[request.param]
    work = tmp_path_factory.mktemp(f"ids-{request.param}")
    kg = dipgraph.load(renamed_facts(work / "facts", old, new))
    assert new in kg.facts.actors or new in kg.facts.topics  # check accepted it
    return request.param, write_html(kg, work / "graph.html")


def test_a_fact_id_constructor_is_drawn_selected_and_walked(browser, renamed_page) -> None:
    kind, page_path = renamed_page
    with graph_page(browser, page_path, viewport={"width": 1280, "height": 720}) as page:
        state = page.evaluate("window.dipgraph.state()")
        positions = page.evaluate("window.dipgraph.network.getPositions()")
        assert all(p["x"] == p["x"] and p["y"] == p["y"] for p in positions.values())  # no NaN
        if kind == "person":
            assert "constructor" in state["nodes"]
        else:  # a state, a topic: drawn with their layer
            page.evaluate(
                "window.dipgraph.setFilters({layers: ['contacts', 'countries', 'topics']})"
            )
            assert "constructor" in page.evaluate("window.dipgraph.state().nodes")
        assert page.evaluate("window.dipgraph.select('constructor')") is True
        assert page.evaluate("window.dipgraph.state().selected") == "constructor"
        assert page.inner_text("#panel h3").startswith(NAMES[kind])
        page.fill("#search", "constructor")
        page.press("#search", "Enter")
        assert page.evaluate("window.dipgraph.state().selected") == "constructor"
        if kind == "person":  # Dorin's only contact happened: a path through it
            hops = page.evaluate("window.dipgraph.path('constructor', 'carol-clark')")
            assert [h["contact"] for h in hops] == ["clark-dorin-talks"]


def test_a_fragment_naming_a_prototype_property_selects_nothing(browser, bundled_html):
    with graph_page(browser, bundled_html) as page:
        for name in PROTOTYPE_NAMES:
            page.evaluate(
                "(n) => { location.hash = 'sel=' + n + '&path=' + n + '~vladimir-putin'; }", name
            )
            page.wait_for_timeout(20)
            assert page.evaluate("window.dipgraph.state().selected") is None
            for api in ("select", "item"):
                assert not page.evaluate(f"(n) => window.dipgraph.{api}(n)", name)
        for name in PROTOTYPE_NAMES[:3]:  # on load
            page.goto(f"{bundled_html.as_uri()}#sel={name}")
            page.wait_for_selector("body[data-ready=true]", state="attached", timeout=60000)
            assert page.evaluate("window.dipgraph.state().selected") is None


def test_random_fragments_never_raise(browser, bundled_html) -> None:
    """A fuzz pass: fragments built from prototype names, ids and junk, in any order."""
    rng = random.Random(26)
    keys = [
        "sel",
        "path",
        "from",
        "to",
        "types",
        "status",
        "country",
        "layers",
        "focus",
        "view",
        "undated",
        "overview",
        "expand",
        "role",
        "size",
        "colour",
        "__proto__",
        "constructor",
    ]
    values = [
        *PROTOTYPE_NAMES,
        "vladimir-putin",
        "contact:x",
        "",
        "~",
        ",",
        "%00",
        "2022",
        "1",
        "table",
        "contacts,__proto__",
        "a~b~c",
    ]
    with graph_page(browser, bundled_html) as page:
        for _ in range(60):
            parts = [f"{rng.choice(keys)}={rng.choice(values)}" for _ in range(rng.randint(1, 4))]
            page.evaluate("(h) => { location.hash = h; }", "&".join(parts))
            page.wait_for_timeout(5)
        page.wait_for_timeout(50)
        assert page.evaluate("window.dipgraph.state().ready") is True


# Empty object literals the page's script may keep: option bags and per-record rows,
# never keyed by an id, a name or a fragment.
ALLOWED_EMPTY = re.compile(
    r"\|\| \{\}|Object\.assign\(\{\}, (?:n\.font|n\.baseColor|e\.color|boxes\[id\])"
    r"|rows\[r\] = \{\}"
    r"|NONE = \{\}|json === \"\{\}\"|return \{\}; \}|new vis\.Network\(\$\(\"graph\"\), \{\},"
)


def test_the_page_script_makes_no_plain_map() -> None:
    found = []
    for path in sorted((TEMPLATE_DIR / "js").glob("*.js")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            rest = ALLOWED_EMPTY.sub("", line.split("//")[0])
            if "{}" in rest or "new Object" in rest:
                found.append(f"{path.name}:{number}: {line.strip()}")
    assert found == []
