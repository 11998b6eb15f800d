"""The page's script parts and the vis-network internals it relies on.

html.py pins vis-network 9.1.2 (the version pyvis 0.3.2 bundles): a large graph
reads and writes internals listed in templates/js/vis_internals.js. If pyvis ships
another vis-network, these tests fail before a reader meets a broken page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyvis

from dipgraph.exports import html


def test_pyvis_still_ships_the_pinned_vis_network() -> None:
    lib = Path(pyvis.__file__).parent / "templates" / "lib" / html.VIS_VERSION
    banner = (lib / "vis-network.min.js").read_text(encoding="utf-8")[:1000]
    found = re.search(r"@version (\S+)", banner)
    assert found and found.group(1) == html.VIS_PINNED == "9.1.2"
    script, _ = html._vis_assets()
    assert "://" not in script


def test_every_script_part_is_concatenated_once_in_order() -> None:
    parts = {p.stem for p in (html.TEMPLATE_DIR / "js").glob("*.js")}
    assert parts == set(html.SCRIPT_PARTS) and len(html.SCRIPT_PARTS) == len(parts)
    script = html.app_script()
    assert script.lstrip().startswith("/*") and script.rstrip().endswith("})();")
    # One job a file: none grows back into a monolith.
    for part in html.SCRIPT_PARTS:
        lines = (html.TEMPLATE_DIR / "js" / f"{part}.js").read_text().count("\n")
        assert lines <= 300, f"{part}.js has {lines} lines"
