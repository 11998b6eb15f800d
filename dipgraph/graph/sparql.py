"""Read-only SPARQL over the compiled graph, with named queries shipped as .rq files.

A named query declares its parameters in header comments (``# param: actor actor``);
values from the command line are bound as variables (never pasted into the
query text), so no input can change what a query does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"
_PARAM = re.compile(r"^#\s*param:\s*(\w+)\s+(actor|fact|date|text)\s*$", re.MULTILINE)


class SparqlError(ValueError):
    """A query that cannot run: a syntax error, an update, a missing parameter."""


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A shipped .rq file: its text, first-line description and parameters."""

    name: str
    text: str
    description: str
    params: tuple[tuple[str, str], ...]


def named_queries() -> dict[str, NamedQuery]:
    """Every shipped query, by name (the file name without .rq)."""
    found = {}
    for path in sorted(QUERY_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0].lstrip("# ").strip() if text else ""
        found[path.stem] = NamedQuery(path.stem, text, first, tuple(_PARAM.findall(text)))
    return found


def resolve_query(spec: str) -> tuple[str, NamedQuery | None]:
    """Query text from a named query, ``@FILE`` or literal text."""
    queries = named_queries()
    if spec in queries:
        return queries[spec].text, queries[spec]
    if spec.startswith("@"):
        path = Path(spec[1:])
        if not path.is_file():
            raise SparqlError(f"query file not found: {path}")
        return path.read_text(encoding="utf-8"), None
    if not re.search(
        r"\b(select|ask|construct|describe|insert|delete|load|clear|drop|create)\b",
        spec,
        re.IGNORECASE,
    ):
        raise SparqlError(
            f"'{spec}' is neither a named query ({', '.join(queries)}), an @FILE, nor SPARQL text"
        )
    return spec, None


def _prepare(text: str) -> Any:
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        return prepareQuery(text)
    except ParseException as error:
        try:
            parseUpdate(text)
        except ParseException:
            raise SparqlError(
                f"SPARQL syntax error at line {error.lineno}, column {error.col}: {error.msg}"
            ) from None
        raise SparqlError("SPARQL UPDATE is refused: the graph is read-only") from None
    except Exception as error:  # rdflib raises bare exceptions for bad prefixes etc.
        raise SparqlError(f"invalid SPARQL: {error}") from None


def run_query(dataset: Any, text: str, bindings: dict[str, Any]) -> Any:
    """Run a read-only query with variables bound; returns an rdflib Result."""
    from rdflib import Literal
    from rdflib.term import Node

    prepared = _prepare(text)
    terms = {
        name: value if isinstance(value, Node) else Literal(value)
        for name, value in bindings.items()
    }
    try:
        return dataset.query(prepared, initBindings=terms)
    except Exception as error:
        raise SparqlError(f"query failed: {error}") from None
