"""Printing SPARQL results: a table, CSV, or SPARQL 1.1 Query Results JSON."""

from __future__ import annotations

import sys
from typing import Any

from dipgraph import output
from dipgraph.output import Format


def _text(term: Any) -> str:
    return "" if term is None else str(term)


def print_result(result: Any, fmt: Format) -> None:
    """SELECT/ASK as table, CSV or results JSON; CONSTRUCT/DESCRIBE as Turtle."""
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        sys.stdout.write(result.graph.serialize(format="turtle"))
        return
    if fmt == Format.json:
        sys.stdout.write(result.serialize(format="json").decode("utf-8") + "\n")
        return
    if result.type == "ASK":
        print("true" if result.askAnswer else "false")
        return
    names = [str(v) for v in result.vars]
    rows = [{name: _text(row[name]) for name in names} for row in result]
    columns = [(name, lambda r, name=name: r[name]) for name in names]
    if fmt == Format.csv:
        output.print_csv(rows, columns)
    else:
        output.print_table(rows, columns, title=f"{len(rows)} row(s)", empty="no results")
