"""The HTML graph's "PNG of the view" says what it shows: a title band above the graph
(title, filters, export date) and the page's legend below it, all on the image."""

from __future__ import annotations

import base64
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


def settled(page) -> Image:
    """The graph canvas's pixels once it is sized to its box and no longer changes
    (a resize or a fit after a filter is drawn over a few frames)."""
    sized = """(() => { const c = document.querySelector('#graph canvas'), r = devicePixelRatio;
        return c.width === Math.round(c.clientWidth * r)
          && c.height === Math.round(c.clientHeight * r); })()"""
    for _ in range(40):  # wait_for_function would eval a string, which the page's CSP forbids
        if page.evaluate(sized):
            break
        page.wait_for_timeout(250)
    else:
        raise AssertionError("the graph canvas is never sized to its box")
    before = pixels(page)
    for _ in range(40):
        page.wait_for_timeout(250)
        now = pixels(page)
        if now == before:
            return now
        before = now
    raise AssertionError("the graph canvas never stops changing")


def export_png(page) -> tuple[bytes, Image, Image]:
    """(the downloaded file, its pixels, the graph canvas's pixels just before)."""
    canvas = settled(page)
    with page.expect_download() as download:
        page.click("#export-png")
    data = Path(download.value.path()).read_bytes()
    return data, pixels(page, data), canvas


def graph_top(png: Image, canvas: Image) -> int:
    """The row of the PNG where the canvas was copied (at its left or centred): its
    busiest row matched."""
    busy = max(range(canvas.height), key=lambda y: sum(c != (255, 255, 255) for c in canvas.row(y)))
    want = canvas.row(busy)
    for y in range(png.height):
        row = png.row(y)
        for left in {0, (png.width - canvas.width) // 2}:
            got = row[left : left + canvas.width]
            pairs = zip(got, want, strict=True)
            if all(abs(a - b) <= 2 for p, q in pairs for a, b in zip(p, q, strict=True)):
                return y - busy
    raise AssertionError("the graph canvas is not copied into the PNG")


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
    data, png, canvas = export_png(page)
    width, height = struct.unpack(">II", data[16:24])  # the file's own IHDR
    assert (width, height) == (png.width, png.height)
    assert width >= canvas.width and height >= canvas.height + 200
    top = graph_top(png, canvas)
    assert top >= 50, "no title band above the graph"
    assert dark(png.colours(0, top)) > 300, "the title band has no dark title text"
    legend = png.colours(top + canvas.height, png.height)
    assert dark(legend) > 300, "the legend has no text"
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
        _, png, canvas = export_png(opened)
        top = graph_top(png, canvas)
    assert dark(png.colours(top + canvas.height, png.height)) > 1000
    edges = [(x, y) for y in range(png.height) for x in (0, 1, png.width - 2, png.width - 1)]
    edges += [(x, y) for x in range(png.width) for y in (png.height - 2, png.height - 1)]
    band_and_legend = [(x, y) for x, y in edges if y < top or y >= top + canvas.height]
    assert band_and_legend and all(
        png.rgb(x, y) in {(255, 255, 255), (204, 204, 204)} for x, y in band_and_legend
    ), "text or a marker runs off the image"


def test_the_filters_in_effect_are_written_in_the_band(page) -> None:
    _, png, canvas = export_png(page)
    plain = graph_top(png, canvas)
    page.evaluate(
        """window.dipgraph.setFilters({from: '2021', to: '2025-06', undated: true,
        country: 'usa', layers: ['contacts', 'statements']})"""
    )
    _, png, canvas = export_png(page)
    # the longer words wrap to another line: the band grows
    assert graph_top(png, canvas) > plain
