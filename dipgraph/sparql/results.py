"""Reading SPARQL results out in full: rows for a table, CSV, or SPARQL 1.1 Query
Results JSON.

Oxigraph evaluates lazily, while results are read: :func:`render` reads them all
(the part that takes time, run under a deadline); the CLI prints what it returns
(:mod:`dipgraph.cli.sparql_view`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

ResultFormat = Literal["table", "json", "csv"]


@dataclass
class Rendered:
    """A finished answer: text to write as is, or rows for a table."""

    text: str | None = None
    names: list[str] = field(default_factory=list)
    rows: list[dict[str, str]] = field(default_factory=list)


def term_text(term: Any) -> str:
    """A term's lexical value (IRI, literal text), '' when unbound."""
    return "" if term is None else str(term.value)


def render(result: Any, fmt: ResultFormat) -> Rendered:
    """Evaluate a result fully: SELECT/ASK as table, CSV or results JSON; CONSTRUCT and
    DESCRIBE as Turtle. Evaluation errors (a failing SERVICE...) become SparqlError."""
    from dipgraph.graph.sparql import SparqlError
    from dipgraph.graph.sparql.messages import clip

    try:
        return _render(result, fmt)
    except (RuntimeError, ValueError, OSError) as error:
        raise SparqlError(f"query failed: {clip(str(error))}") from None


def _render(result: Any, fmt: ResultFormat) -> Rendered:
    import pyoxigraph as ox

    from dipgraph.graph.to_rdf import PREFIXES
    from dipgraph.loader.characters import visible, visible_json

    # Oxigraph escapes C0 controls in Turtle and JSON, not C1 or bidi controls:
    # visible_json writes those as \uXXXX, which both read back as the same data.
    if isinstance(result, ox.QueryTriples):
        data = ox.serialize(list(result), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        return Rendered(visible_json(data.decode("utf-8")))
    if fmt == "json":
        data = result.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8")
        return Rendered(visible_json(data) + "\n")
    if isinstance(result, ox.QueryBoolean):
        return Rendered("true\n" if bool(result) else "false\n")
    if fmt == "csv":
        # CSV has no escapes: control characters are shown as output.cell shows them.
        data = result.serialize(format=ox.QueryResultsFormat.CSV).decode("utf-8")
        lines = data.split("\r\n")  # SPARQL CSV ends rows with CRLF: keep those
        return Rendered("\r\n".join(visible(line, keep_lines=True) for line in lines))
    names = [variable.value for variable in result.variables]
    rows = [{name: term_text(solution[name]) for name in names} for solution in result]
    return Rendered(names=names, rows=rows)
