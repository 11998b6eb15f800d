"""Text answers read out in pieces from a spool: the same text, made safe the same way."""

from __future__ import annotations

import io
import json

import pyoxigraph as ox
import pytest

from dipgraph.loader.characters import visible_json
from dipgraph.sparql import results
from dipgraph.sparql.results import _safe_pieces, _visible_csv, render

# Arabic (two bytes a letter), a bidi override, a C1 control, CRLF row ends.
TEXT = 'id,name\r\n1,"لافروف \u202e"\r\n2,"x\x85y"\r\n3,سيرغي\r\n'


@pytest.mark.parametrize("piece_bytes", [1, 2, 3, 5, 7, 64])
@pytest.mark.parametrize("safe", [_visible_csv, visible_json])
def test_pieces_cut_anywhere_give_the_whole_text_made_safe(monkeypatch, piece_bytes, safe):
    """Pieces cut inside a letter's bytes or between CR and LF change nothing."""
    monkeypatch.setattr(results, "_PIECE_BYTES", piece_bytes)
    pieces = list(_safe_pieces(io.BytesIO(TEXT.encode("utf-8")), safe))
    assert len(pieces) > 1 or piece_bytes == 64
    assert "".join(pieces) == safe(TEXT)
    assert "\u202e" not in "".join(pieces) and "\\u202e" in "".join(pieces)


def _store(rows: int) -> ox.Store:
    store = ox.Store()
    subject = ox.NamedNode("https://example.org/s")
    for n in range(rows):
        store.add(
            ox.Quad(subject, ox.NamedNode(f"https://example.org/p{n}"), ox.Literal(f"ب {n}\u202e"))
        )
    return store


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_an_answer_larger_than_the_spool_comes_out_whole(monkeypatch, fmt) -> None:
    """Past SPOOL_BYTES the answer waits on disk; what is printed is what a small one
    would print: every row, escaped."""
    monkeypatch.setattr(results, "SPOOL_BYTES", 512)
    monkeypatch.setattr(results, "_PIECE_BYTES", 100)
    query = "SELECT ?p ?o WHERE { ?s ?p ?o } ORDER BY ?p"
    rendered = render(_store(300).query(query), fmt)
    assert rendered.spool is not None and rendered.spool.tell() > 512
    text = rendered.text
    assert text is not None and "\u202e" not in text
    if fmt == "json":
        rows = json.loads(text)["results"]["bindings"]
        assert len(rows) == 300 and rows[0]["o"]["value"] == "ب 0\u202e"
        assert text.endswith("}\n")
    else:
        assert text.count("\r\n") == 301 and "ب 0\\u202e" in text
    assert rendered.text == text  # read again: the same


def test_a_boolean_and_a_table_stay_in_memory() -> None:
    store = _store(3)
    assert render(store.query("ASK { ?s ?p ?o }"), "csv").text == "true\n"
    table = render(store.query("SELECT ?o WHERE { ?s ?p ?o }"), "table")
    assert table.text is None and len(table.rows) == 3
