"""The interactive HTML graph: one self-contained file, made with pyvis, that opens offline.

pyvis's ``Network`` renders our template (``templates/graph.html``) with the
vis-network library it bundles, inlined: no CDN, no bootstrap, no request of
any kind. Nodes, edges and facts do not go through pyvis (its ``add_edge``
scans every existing edge: 72 s on 30,000 edges) but travel packed
(``page_pack.py``: columns and one string table; a quarter of per-item JSON)
inside a non-executed ``<script type="application/json">``, with ``<``, ``>``
and ``&`` escaped; the page rebuilds them (``templates/js/unpack.js``) and shows
fact text through ``textContent``. A Content-Security-Policy with script hashes
blocks any script or request the page did not ship."""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import UTC, datetime
from functools import cache
from html import escape as escape_markup
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dipgraph.exports.atomic import atomic_text
from dipgraph.exports.graph_view import graph_view
from dipgraph.exports.layout import force_layout, without_overlap
from dipgraph.exports.page_pack import Packer, script_json
from dipgraph.names import LETTER_FOLDS
from dipgraph.process_memory import collector_paused

if TYPE_CHECKING:
    from dipgraph.graph.knowledge import KnowledgeGraph

TEMPLATE_DIR = Path(__file__).parent / "templates"
# Above this many nodes in the small view (each actor in a contact, and each contact),
# the page draws one edge per pair of actors instead of one node per contact, the layout
# is computed here with physics off, and names are drawn by the page only where they
# fit. Each vis-network item costs ~30 µs to build, and the small view's own layout
# (vis-network's physics, then names pushed apart) grows about as the square of its
# nodes: 643 actors with 2,000 contacts, under a limit counted in actors alone, were
# ready after 45 s (153 s before the names' sweep); the large view takes about 2 s.
LARGE_GRAPH = 1000
VIS_PINNED = "9.1.2"  # the page relies on its internals: templates/js/vis_internals.js
VIS_VERSION = f"vis-{VIS_PINNED}"
# vis-network's stylesheet carries 205 kB of PNG icons, every one for a part of
# vis-network the page never turns on: the navigation buttons, the manipulation
# (editing) toolbar and its close button (tests/test_html_size.py checks the options).
UNUSED_ICONS = re.compile(r'background-image:url\("data:image/png;base64,[A-Za-z0-9+/=]*"\);?')
# The page's script, one job a file (templates/js/), concatenated in this order into
# the one inline script the CSP hash covers. start.js opens the closure api.js closes.
SCRIPT_PARTS = (
    "start",  # reads the data, constants
    "unpack",  # rebuilds the packed data (page_pack.py) as objects
    "helpers",  # DOM and text helpers
    "indexes",  # facts by actor, topic; edges by endpoints
    "vis_internals",  # every vis-network internal the page relies on, checked
    "controls",  # filter and layer controls, reading dates
    "visibility",  # which facts and marks a filter keeps
    "explore",  # an actor's contacts shown on demand, and put away again
    "look",  # actors sized by a rank measure, coloured by country or community
    "network",  # the vis-network instance, readiness
    "label_spacing",  # a small graph's names apart and readable at the fit
    "label_placing",  # where squeezing jams: boxes set down one by one, long names shortened
    "small_names",  # names the page draws where vis-network's would be too small
    "update",  # applying a view: hiding, counts, filter changes
    "style",  # focus dimming, path highlight
    "evidence",  # a fact's sources and quotes, the article opened at its quote
    "panel",  # the panel: an actor's, a topic's, a contact's facts
    "select",  # selecting what a click, a list or the API names
    "near_names",  # a mistyped name's closest names: the CLI's difflib rule, indexed
    "word_match",  # word tiers (dipgraph.names.word_tier) and joined texts searched at once
    "search",  # the name index and search box
    "path_rule",  # `dipgraph path`'s rule: shortest, in date order, every path
    "path",  # the path tool: drawn and narrated
    "reset",  # fit, reset, narrow-screen toggle
    "keyboard",  # arrow keys through the graph, Enter opens, Escape clears
    "timeline",  # the timeline strip
    "table",  # the table of contacts
    "png",  # the PNG of the view: title band, filters, date
    "png_legend",  # the legend drawn onto the PNG
    "exports",  # CSV and PNG
    "large_haze",  # a large graph's many lines stroked at a lower resolution
    "large_lines",  # a large graph's lines, drawn by the page
    "large_discs",  # a large graph's contact marks and discs, drawn by the page
    "large_fit",  # a large graph's fit, over the click boxes the page set
    "large_labels",  # a large graph's names, only where they fit
    "overview",  # a large graph's country clusters when zoomed out
    "large_layers",  # a large graph's layers, built when switched on
    "hash",  # the view in the URL fragment
    "legend",  # the legend
    "orientation",  # the empty panel: the path tool and the legend, borrowed
    "api",  # window.dipgraph
)

SMALL_OPTIONS: dict[str, Any] = {
    "layout": {"improvedLayout": True, "randomSeed": 7},
    "physics": {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {
            "gravitationalConstant": -80,
            "centralGravity": 0.025,
            "springLength": 70,
            "avoidOverlap": 1,
        },
        "stabilization": {"enabled": True, "iterations": 500, "updateInterval": 50},
    },
    "interaction": {
        "hover": True,
        "keyboard": {"enabled": True, "bindToWindow": False},
        "multiselect": False,
        "navigationButtons": False,
    },
    "edges": {
        "smooth": {"enabled": True, "type": "continuous"},
        "selectionWidth": 2,
        "color": {"color": "#555555", "inherit": False},
        # Role names ("subject", "host") show only zoomed in past any fit (which stops
        # at scale 1): drawn at 14 px or more, never as 5 px specks.
        "font": {"size": 12, "strokeWidth": 3},
        "scaling": {"label": {"drawThreshold": 15}},
    },
    "nodes": {
        # A name stands on a light ground with a white halo: a line crossing it passes
        # behind, faint, and the name stays legible. Long names wrap.
        "font": {
            "size": 14,
            "face": "sans-serif",
            "strokeWidth": 4,
            "strokeColor": "#ffffff",
            "background": "rgba(255,255,255,0.8)",
        },
        "widthConstraint": {"maximum": 120},
        # No name is drawn under 12 CSS px (it shows on zooming in): see label_spacing.js.
        "scaling": {"label": {"drawThreshold": 12}},
        "borderWidth": 1,
    },
}
LARGE_OPTIONS: dict[str, Any] = {
    "layout": {"improvedLayout": False},
    "physics": {"enabled": False},
    "interaction": {
        "hover": False,
        "dragNodes": False,  # the page draws the lines between fixed positions
        "keyboard": {"enabled": True, "bindToWindow": False},
        "tooltipDelay": 3600000,
    },
    "edges": {"smooth": False, "color": {"color": "#9a9a9a", "inherit": False}},
    "nodes": {"borderWidth": 1},
}


@cache
def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS as shipped inside pyvis, made URL-free.

    The only URLs in the library are in license comments and string literals
    (the SVG namespace); ``:\\/\\/`` means the same as ``://`` there, so the page
    keeps no ``http(s)://`` text that a reviewer or a scanner would flag. The
    stylesheet loses its icons (UNUSED_ICONS): 205 of its 220 kB.
    """
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / VIS_VERSION
    script = (lib / "vis-network.min.js").read_text(encoding="utf-8").replace("://", r":\/\/")
    style = UNUSED_ICONS.sub("", (lib / "vis-network.css").read_text(encoding="utf-8"))
    if f"@version {VIS_PINNED}\n" not in script[:1000]:
        raise RuntimeError(
            f"pyvis does not ship vis-network {VIS_PINNED}: the page relies on its internals "
            "(dipgraph/exports/templates/js/vis_internals.js); check them, then update VIS_PINNED"
        )
    if "</script" in script.lower() or "</style" in style.lower():
        raise RuntimeError("vis-network assets cannot be inlined safely")
    return script, style


@cache
def app_script() -> str:
    """The page's own script: the parts in templates/js/, in order, as one text."""
    return "\n".join(
        (TEMPLATE_DIR / "js" / f"{part}.js").read_text(encoding="utf-8") for part in SCRIPT_PARTS
    )


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def small_view_nodes(kg: KnowledgeGraph, contacts: set[str] | None) -> int:
    """How many nodes the small view would draw: each actor taking part in a contact,
    and each contact (a node of its own there)."""
    drawn = [c for c in kg.facts.contacts.values() if contacts is None or c.id in contacts]
    return len({a for c in drawn for a in c.participants}) + len(drawn)


def _lay_out(view: dict[str, Any]) -> None:
    """Positions for a large view: forces first, then no two discs overlapping."""
    positions = force_layout(
        [n["id"] for n in view["nodes"]],
        [(e["from"], e["to"]) for e in view["edges"]],
        groups={n["id"]: n["country"] for n in view["nodes"] if n.get("country")},
    )
    positions = without_overlap(positions, {n["id"]: n["size"] for n in view["nodes"]})
    for node in view["nodes"]:
        node["x"], node["y"] = positions[node["id"]]
        node.pop("label", None)  # the page draws names itself, only where they fit


def page_data(kg: KnowledgeGraph, contacts: set[str] | None = None) -> dict[str, Any]:
    """What the page's script reads: nodes, edges, vis-network options, legend, large,
    and the facts; laid out when large. The page carries it packed (``pack_page``)."""
    large = small_view_nodes(kg, contacts) > LARGE_GRAPH
    view = graph_view(kg, contacts, large)
    if large:
        _lay_out(view)
    view["legend"]["dataset"] = about_dataset(kg)
    # The page folds names as the CLI does, with the CLI's own table of letters.
    return {**view, "options": LARGE_OPTIONS if large else SMALL_OPTIONS, "folds": LETTER_FOLDS}


def about_dataset(kg: KnowledgeGraph) -> dict[str, Any]:
    """The PNG's source line: the dataset's title, publisher and licence (dataset.yaml),
    the day the page was built, and how many sources the facts quote. A licence address
    loses its scheme (creativecommons.org/licenses/by/4.0/): the page holds no URL."""
    from dipgraph.loader.dataset import dataset_of

    about = dataset_of(kg.facts.root)
    return {
        "title": about.title,
        "publisher": about.publisher,
        "licence": re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://", "", about.licence or "") or None,
        "built": datetime.now(UTC).date().isoformat(),
        "sources": len(kg.facts.sources),
    }


def page_titles(about: dict[str, Any]) -> tuple[str, str, str]:
    """The page's heading, the line under it and its window title, from
    :func:`about_dataset`: the dataset's title (dataset.yaml's, else the default one),
    how many sources its facts quote, and its publisher.

    >>> page_titles({"title": "Contacts", "sources": 1, "publisher": None})
    ('Contacts', '1 source quoted', 'Contacts (1 source)')
    """
    count = about["sources"]
    sources = f"{count} source{'' if count == 1 else 's'}"
    line = f"{sources} quoted" + (f" \u00b7 {about['publisher']}" if about.get("publisher") else "")
    return about["title"], line, f"{about['title']} ({sources})"


def pack_page(data: dict[str, Any]) -> dict[str, Any]:
    """``page_data`` packed (page_pack.py); templates/js/unpack.js rebuilds it.

    The cyclic garbage collector waits meanwhile: packing makes ~200,000 small lists
    at 10k, and each of its passes would walk the view's millions of objects (0.3 s).
    """
    packer = Packer()
    with collector_paused():
        return packer.finish(
            {
                "nodes": packer.table(data["nodes"]),
                "edges": packer.table(data["edges"]),
                "facts": {name: packer.keyed(rows) for name, rows in data["facts"].items()},
                "options": data["options"],
                "legend": data["legend"],
                "large": data["large"],
                "folds": data["folds"],
            }
        )


def render_html(
    kg: KnowledgeGraph, contacts: set[str] | None = None, title: str | None = None
) -> str:
    """The page as text; ``contacts`` limits it to those contacts and their actors.
    Its heading is ``title``, else the dataset's (:func:`page_titles`)."""
    from pyvis.network import Network

    data = page_data(kg, contacts)
    heading, subheading, window_title = page_titles(data["legend"]["dataset"])
    if title is not None:
        heading = window_title = title
    # pyvis renders our template; its nodes and edges stay empty, because the page
    # carries them packed, with the facts, in one data element.
    options = data["options"]
    # The view goes once packed, the packed value once written as text: at 100k contacts
    # each is a few hundred MiB, and the page's text is made after them.
    packed: Any = pack_page(data)
    del data
    packed = script_json(packed)
    network = Network(height="100%", width="100%", directed=True, heading=escape_markup(heading))
    network.options = options
    network.set_template_dir(str(TEMPLATE_DIR) + "/", "graph.html")
    vis_js, vis_css = _vis_assets()
    app_js = app_script()
    app_css = (TEMPLATE_DIR / "graph.css").read_text(encoding="utf-8")
    network.templateEnv.globals.update(
        vis_js=vis_js,
        vis_css=vis_css,
        app_js=app_js,
        app_css=app_css,
        subheading=escape_markup(subheading),
        window_title=escape_markup(window_title),
        packed=packed,
        script_hashes=" ".join(_csp_hash(s) for s in (vis_js, app_js)),
    )
    return network.generate_html()


def write_html(
    kg: KnowledgeGraph, target: Path, contacts: set[str] | None = None, title: str | None = None
) -> Path:
    """Write the page atomically."""
    page = render_html(kg, contacts, title)
    with atomic_text(target) as stream:
        stream.write(page)
    return target
