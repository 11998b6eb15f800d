"""Printing SPARQL results: a table, CSV, or SPARQL 1.1 Query Results JSON."""

from __future__ import annotations

import sys
from typing import Any

from dipgraph import output
from dipgraph.output import Format


def term_text(term: Any) -> str:
    """A term's lexical value (IRI, literal text), '' when unbound."""
    return "" if term is None else str(term.value)


def print_result(result: Any, fmt: Format) -> None:
    """SELECT/ASK as table, CSV or results JSON; CONSTRUCT/DESCRIBE as Turtle."""
    import pyoxigraph as ox

    from dipgraph.graph.to_rdf import PREFIXES

    if isinstance(result, ox.QueryTriples):
        data = ox.serialize(list(result), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        sys.stdout.write(data.decode("utf-8"))
        return
    if fmt == Format.json:
        data = result.serialize(format=ox.QueryResultsFormat.JSON)
        sys.stdout.write(data.decode("utf-8") + "\n")
        return
    if isinstance(result, ox.QueryBoolean):
        print("true" if bool(result) else "false")
        return
    if fmt == Format.csv:
        sys.stdout.write(result.serialize(format=ox.QueryResultsFormat.CSV).decode("utf-8"))
        return
    names = [variable.value for variable in result.variables]
    rows = [{name: term_text(solution[name]) for name in names} for solution in result]
    columns = [(name, lambda r, name=name: r[name]) for name in names]
    output.print_table(rows, columns, title=f"{len(rows)} row(s)", empty="no results")
