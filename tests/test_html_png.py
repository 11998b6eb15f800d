"""The HTML graph's PNG is the whole graph at 2x, not a crop of the screen, and says what
it shows: a title band above the graph (title, filters, export date), the page's legend
and a source line (dataset, day built, sources quoted) below it, all on the image."""

from __future__ import annotations

import base64
import math
import struct
from dataclasses import dataclass
from pathlib import Path

import pytest
from html_browser import graph_page

import dipgraph
from conftest import BUNDLED
from dipgraph.exports.html import write_html

# RGBA of an image, base64: the canvas's own pixels, or a PNG's as Chromium decodes it.
PIXELS_JS = """async ([b64]) => {
  let source = document.querySelector('#graph canvas');
  if (b64) {
    source = new Image(); source.src = 'data:image/png;base64,' + b64; await source.decode();
  }
  const c = document.createElement('canvas');
  c.width = source.width; c.height = source.height;
  const ctx = c.getContext('2d'); ctx.drawImage(source, 0, 0);
  const d = ctx.getImageData(0, 0, c.width, c.height).data;
  let s = '';
  for (let i = 0; i < d.length; i += 0x8000) {
    s += String.fromCharCode.apply(null, d.subarray(i, i + 0x8000));
  }
  return [c.width, c.height, btoa(s)];
}"""


@dataclass
class Image:
    width: int
    height: int
    rgba: bytes

    def rgb(self, x: int, y: int) -> tuple[int, int, int]:
        i = 4 * (y * self.width + x)
        r, g, b, a = self.rgba[i : i + 4]
        # on white, as the page shows a transparent canvas
        return tuple(round(c * a / 255 + 255 - a) for c in (r, g, b))  # type: ignore[return-value]

    def row(self, y: int) -> list[tuple[int, int, int]]:
        return [self.rgb(x, y) for x in range(self.width)]

    def colours(self, top: int, bottom: int) -> dict[tuple[int, int, int], int]:
        """How many pixels of each colour rows ``top`` to ``bottom`` hold."""
        counts: dict[tuple[int, int, int], int] = {}
        for y in range(top, bottom):
            for colour in self.row(y):
                counts[colour] = counts.get(colour, 0) + 1
        return counts


def pixels(page, png: bytes | None = None) -> Image:
    b64 = base64.b64encode(png).decode("ascii") if png is not None else None
    width, height, rgba = page.evaluate(PIXELS_JS, [b64])
    return Image(width, height, base64.b64decode(rgba))


def export_png(page) -> tuple[bytes, Image, dict]:
    """(the downloaded file, its pixels, the export's layout: status.png)."""
    with page.expect_download() as download:
        page.click("#export-png")
    data = Path(download.value.path()).read_bytes()
    return data, pixels(page, data), page.evaluate("window.dipgraph.status.png")


def dark(colours: dict[tuple[int, int, int], int]) -> int:
    return sum(n for c, n in colours.items() if max(c) < 90)


def legend_colours(page) -> list[tuple[int, int, int]]:
    """The fills of the page's legend swatches and boxes (white left out)."""
    css = page.evaluate(
        """[...document.querySelectorAll('#legend .swatch, #legend .box')]
        .map(e => getComputedStyle(e).backgroundColor)"""
    )
    rgb = {tuple(int(v) for v in c[c.index("(") + 1 : c.index(")")].split(",")[:3]) for c in css}
    return sorted(c for c in rgb if c != (255, 255, 255))


def test_the_png_adds_a_title_band_and_a_legend_to_the_graph(page) -> None:
    data, png, layout = export_png(page)
    width, height = struct.unpack(">II", data[16:24])  # the file's own IHDR
    assert (width, height) == (png.width, png.height) == (layout["width"], layout["height"])
    graph = layout["graph"]
    top, bottom = graph["top"], graph["top"] + graph["height"]
    assert top >= 100, "no title band above the graph"
    assert dark(png.colours(0, top)) > 600, "the title band has no dark title text"
    legend = png.colours(bottom, png.height)
    assert dark(legend) > 600, "the legend has no text"
    colours = legend_colours(page)
    assert len(colours) >= 5  # the country swatches, the grey, the secret and statement boxes
    missing = [c for c in colours if legend.get(c, 0) < 40]
    assert missing == [], f"legend colours not drawn below the graph: {missing}"


LONG_TITLE = (
    "Contacts between Russian and American officials, 2021 to 2025, "
    "الاتصالات بين "
    "روسيا والولايات "
    "المتحدة, as the bundled articles report them"
)
# Long entries added to the page's legend, as a dataset with long country names has them.
LONG_ENTRIES_JS = """for (let i = 0; i < 12; i++) {
  const row = document.createElement('div'); row.className = 'legend-item';
  const mark = document.createElement('span'); mark.className = 'swatch';
  mark.style.background = '#00' + (40 + i) + '99';
  const text = document.createElement('span');
  text.textContent = 'The United Kingdom of Great Britain and Northern Ireland, entry ' + i;
  row.append(mark, text); document.getElementById('legend').append(row);
}"""


@pytest.fixture(scope="module")
def long_title_html(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("png-long") / "graph.html"
    return write_html(dipgraph.load(BUNDLED), target, title=LONG_TITLE)


@pytest.mark.parametrize("viewport", [None, {"width": 900, "height": 700}])
def test_long_titles_and_legends_wrap_inside_the_png(browser, long_title_html, viewport) -> None:
    with graph_page(browser, long_title_html, viewport=viewport) as opened:
        opened.evaluate(LONG_ENTRIES_JS)
        _, png, layout = export_png(opened)
        top, height = layout["graph"]["top"], layout["graph"]["height"]
    assert dark(png.colours(top + height, png.height)) > 2000
    edges = [(x, y) for y in range(png.height) for x in (0, 1, png.width - 2, png.width - 1)]
    edges += [(x, y) for x in range(png.width) for y in (png.height - 2, png.height - 1)]
    band_and_legend = [(x, y) for x, y in edges if y < top or y >= top + height]
    assert band_and_legend and all(
        png.rgb(x, y) in {(255, 255, 255), (204, 204, 204)} for x, y in band_and_legend
    ), "text or a marker runs off the image"


def test_the_filters_in_effect_are_written_in_the_band(page) -> None:
    page.evaluate(
        """window.dipgraph.setFilters({from: '2021', to: '2025-06', undated: true,
        country: 'usa', role: 'party', layers: ['contacts', 'statements']})"""
    )
    page.evaluate(RECORD_TEXT_JS)
    export_png(page)
    band = " ".join(t["text"] for t in page.evaluate("window.drawnTexts"))
    for words in ("dates 2021 to 2025-06 (and undated)", "country: United States", "role: party"):
        assert words in band


# Every text the page draws on any canvas, with its font, recorded from now on.
RECORD_TEXT_JS = """(() => {
  window.drawnTexts = [];
  const fill = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y) {
    window.drawnTexts.push({text: String(text), font: this.font, canvas: this.canvas.width});
    return fill.apply(this, arguments);
  };
})()"""
# Each node drawn, with its name, in canvas units: where the PNG's box must reach.
NODES_JS = """(() => {
  const d = window.dipgraph, s = d.state(), out = {};
  for (const id of s.nodes) {
    const b = d.network.getBoundingBox(id);
    out[id] = {box: b, label: d.network.body.nodes[id].options.label || ''};
  }
  return out;
})()"""


def test_the_png_is_the_whole_graph_at_twice_its_size(page) -> None:
    """Zoomed onto one actor, the screen shows a crop; the PNG has every node, named."""
    page.evaluate("window.dipgraph.network.moveTo({position: {x: 0, y: 0}, scale: 3})")
    page.evaluate(RECORD_TEXT_JS)
    _, png, layout = export_png(page)
    nodes = page.evaluate(NODES_JS)
    assert layout["ratio"] == 2 and layout["scale"] == 1  # the bundled graph: names at size
    box = layout["box"]
    # 2x the box of every node and its name (and a 20 px margin each side)
    graph = layout["graph"]
    width, height = box["right"] - box["left"], box["bottom"] - box["top"]
    assert graph["width"] == 2 * (math.ceil(width) + 40)
    assert graph["height"] == 2 * (math.ceil(height) + 40)
    assert png.width == max(graph["width"], 2 * 560) and png.height > graph["height"] + 300
    for ident, node in nodes.items():
        b = node["box"]
        assert box["left"] - 1 <= b["left"] and b["right"] <= box["right"] + 1, ident
        assert box["top"] - 1 <= b["top"] and b["bottom"] <= box["bottom"] + 1, ident
    on_png = [t["text"] for t in page.evaluate("window.drawnTexts")]
    words = " ".join(on_png).split()
    unnamed = [n["label"] for n in nodes.values() if not set(n["label"].split()) <= set(words)]
    assert unnamed == [], f"names not drawn on the PNG: {unnamed}"
    # the screen is given back as it was
    assert page.evaluate("window.dipgraph.network.getScale()") == pytest.approx(3)


def test_the_title_legend_and_source_line_are_drawn(page) -> None:
    page.evaluate(RECORD_TEXT_JS)
    _, png, layout = export_png(page)
    texts = [t["text"] for t in page.evaluate("window.drawnTexts")]
    built = page.evaluate("window.dipgraph.unpacked().data.legend.dataset")
    assert built["title"] in texts and "Legend" in texts  # the page's heading: the dataset's
    assert built["sources"] == 5 and len(built["built"]) == 10
    source = layout["source"]
    assert source.startswith("Source: dipgraph knowledge graph of diplomatic contacts")
    assert f"built {built['built']}" in source and "5 sources quoted" in source
    assert " ".join(texts).count("5 sources quoted") == 1
    # the source line is the image's last text: dark pixels in its bottom 60 rows
    assert dark(png.colours(png.height - 60, png.height)) > 300


def test_a_graph_larger_than_the_bound_is_drawn_smaller(page) -> None:
    layout = page.evaluate("window.dipgraph.png(600)")
    assert layout["scale"] < 1
    graph = layout["graph"]
    assert max(graph["width"], graph["height"]) <= 600 + 2
    assert layout["width"] == 2 * 560  # the band and legend keep their width
