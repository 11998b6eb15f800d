"""Exports on disk (build, html, CSV): safe to open, and written as the user's
settings say."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SMALL, add_file
from dipgraph.exports.atomic import PARTIAL

FORMULA = '=HYPERLINK("http://evil/","click")'


def _formula_named(root: Path) -> None:
    actors = root / "people" / "actors.yaml"
    text = actors.read_text(encoding="utf-8")
    escaped = FORMULA.replace('"', '\\"')
    text = text.replace("names: {en: Alice Adams}", f'names: {{en: "{escaped}"}}')
    actors.write_text(text, encoding="utf-8")
    add_file(root, "zz-summary.yaml", CONTACT_WITH_SUMMARY)


CONTACT_WITH_SUMMARY = """contacts:
  - id: zz-formula
    type: meeting
    participants: [alice-adams, boris-belov]
    summary: "@SUM(1+1)*cmd|' /C calc'!A0"
    evidence:
      - source: wire
        quote: Secretary Alice Adams spoke by telephone with Minister Boris Belov in March 2020.
"""


def _cells(text: str) -> list[str]:
    import csv
    import io

    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_cli_csv_cells_cannot_become_formulas(cli, small_copy: Path) -> None:
    _formula_named(small_copy)
    for command in (["actors"], ["talks", "belov"], ["show", "belov"]):
        result = cli(*command, "--facts", small_copy, "--format", "csv")
        assert result.code == 0, result.err
        cells = _cells(result.out)
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")], (command, cells)
    actors = _cells(cli("actors", "--facts", small_copy, "--format", "csv").out)
    assert "'" + FORMULA in actors  # kept, readable, as text


def test_build_csv_cells_cannot_become_formulas(cli, small_copy: Path) -> None:
    _formula_named(small_copy)
    out = small_copy / "out"
    result = cli("build", "--facts", small_copy, "--out", out, "--formats", "csv")
    assert result.code == 0, result.err
    for name in ("dipgraph-nodes.csv", "dipgraph-edges.csv"):
        cells = _cells((out / name).read_text(encoding="utf-8"))
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")], (name, cells)
    nodes = _cells((out / "dipgraph-nodes.csv").read_text(encoding="utf-8"))
    assert "'" + FORMULA in nodes and "'@SUM(1+1)*cmd|' /C calc'!A0" in nodes


@pytest.mark.parametrize(("umask", "mode"), [(0o077, 0o600), (0o027, 0o640), (0o022, 0o644)])
def test_exports_follow_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    import os
    import stat

    import dipgraph
    from dipgraph.build import build_exports

    graph = dipgraph.load(SMALL)
    out = tmp_path / "out"
    out.mkdir(mode=0o755)
    old = os.umask(umask)
    try:
        written = build_exports(graph, out, "ttl,csv,nq")
    finally:
        os.umask(old)
    assert {stat.S_IMODE(path.stat().st_mode) for path in written} == {mode}


def test_a_folder_where_an_export_goes_is_named_not_the_temporary_file(cli, tmp_path: Path) -> None:
    (tmp_path / "dipgraph.ttl").mkdir()
    done = cli("build", "--facts", SMALL, "--out", tmp_path, "--formats", "ttl")
    assert done.code == 1 and "Traceback" not in done.err
    assert str(tmp_path / "dipgraph.ttl") in done.err
    assert ".tmp" not in done.err and PARTIAL not in done.err
    assert [p.name for p in tmp_path.iterdir()] == ["dipgraph.ttl"]  # nothing left beside it


def test_a_build_lets_the_quads_go_once_no_format_left_needs_them(tmp_path: Path) -> None:
    import dipgraph
    from dipgraph.build import build_exports

    graph = dipgraph.load(SMALL)
    lines = list(graph.quads.nquads_lines())
    seen: list[bool] = []
    real = graph.forget_rdf

    def forget() -> None:  # what was held when the quads were let go
        seen.append("quads" in graph.__dict__)
        real()

    graph.forget_rdf = forget  # type: ignore[method-assign]
    build_exports(graph, tmp_path / "a", "nq,csv,ttl,graphml")
    assert seen == [True]  # once, after the Turtle, the last format made from the quads
    assert "quads" not in graph.__dict__
    assert list(graph.quads.nquads_lines()) == lines  # compiled again when asked for
    build_exports(graph, tmp_path / "b", "csv,graphml")
    assert seen == [True]  # nothing made from the quads: nothing to let go
