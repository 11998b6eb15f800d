"""Read-only SPARQL over the compiled graph (Oxigraph), with named queries as .rq files.

A named query declares its parameters in header comments (``# param: actor actor``)
and projects them; values from the command line are bound as variables with
SPARQL SEP-0007 substitution, never pasted into the query text. Only queries
run: an UPDATE is refused before it reaches the store.

A named query that counts contacts of the default statuses says so on one line, marked
``# status:``: ``FILTER (?statusTerm IN (dg:StatusHappened))``. That line is written
anew from :data:`dipgraph.facts.DEFAULT_STATUSES` when the query is read, so `talks`,
`path` and the named queries count the same statuses by one rule; the file keeps it
written out (a test holds it equal), so the .rq files stay plain SPARQL for any store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dipgraph import facts
from dipgraph.errors import InputError
from dipgraph.graph.iris import DG_NS, status_iri

QUERY_DIR = Path(__file__).resolve().parents[2] / "queries"
_PARAM = re.compile(r"^#\s*param:\s*(\w+)\s+(actor|fact|date|text)\s*$", re.MULTILINE)
_QUERY_WORDS = re.compile(r"\b(select|ask|construct|describe)\b", re.IGNORECASE)
# The line of a named query that keeps the default statuses (see the module's doc).
STATUS_LINE = re.compile(
    r"^(?P<indent>[ \t]*)FILTER \(\?(?P<variable>\w+) IN \([^()\n]*\)\)"
    r"(?P<mark>[ \t]*# status:.*)$",
    re.MULTILINE,
)


class SparqlError(InputError):
    """A query that cannot run: a syntax error, an update, a missing parameter."""


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A shipped .rq file: its text, first-line description and parameters."""

    name: str
    text: str
    description: str
    params: tuple[tuple[str, str], ...]


def status_filter(variable: str, statuses: frozenset[str] | None = None) -> str:
    """The filter keeping ``?variable`` (a dg:ContactStatus) to ``statuses``, by default
    :data:`dipgraph.facts.DEFAULT_STATUSES`.

    >>> status_filter("s", frozenset({"planned", "happened"}))
    'FILTER (?s IN (dg:StatusHappened, dg:StatusPlanned))'
    """
    chosen = facts.DEFAULT_STATUSES if statuses is None else statuses
    terms = ", ".join("dg:" + status_iri(s).removeprefix(DG_NS) for s in sorted(chosen))
    return f"FILTER (?{variable} IN ({terms}))"


def with_default_statuses(text: str, statuses: frozenset[str] | None = None) -> str:
    """A named query's text with its ``# status:`` line written from ``statuses``
    (by default :data:`~dipgraph.facts.DEFAULT_STATUSES`)."""
    return STATUS_LINE.sub(
        lambda m: m["indent"] + status_filter(m["variable"], statuses) + m["mark"], text
    )


def named_queries() -> dict[str, NamedQuery]:
    """Every shipped query, by name (the file name without .rq), its default statuses
    written from :data:`dipgraph.facts.DEFAULT_STATUSES`."""
    found = {}
    for path in sorted(QUERY_DIR.glob("*.rq")):
        text = with_default_statuses(path.read_text(encoding="utf-8"))
        first = text.splitlines()[0].lstrip("# ").strip() if text else ""
        found[path.stem] = NamedQuery(path.stem, text, first, tuple(_PARAM.findall(text)))
    return found


def is_update(text: str) -> bool:
    """True when the text (after its prologue) starts like a SPARQL UPDATE."""
    from dipgraph.graph.sparql.keywords import starts_an_update

    return starts_an_update(text)


MAX_NESTING = 256  # ( { [ levels; Oxigraph's parser crashed at 3,000 braces
MAX_QUERY_FILE = 8 << 20  # bytes; the server takes queries of up to 1 MiB


def _query_file(path: Path) -> str:
    """The text of a query file; SparqlError (never a traceback) if it cannot be one."""
    from dipgraph.loader.reading import TooLarge, decode_utf8, read_bounded

    if not path.is_file():
        missing = not path.exists()
        raise SparqlError(f"query file {'not found' if missing else 'is not a file'}: {path}")
    try:
        data = read_bounded(path, MAX_QUERY_FILE)
    except TooLarge as error:
        raise SparqlError(f"query file {path} is {error.size_text}, over 8 MiB") from None
    except OSError as error:
        raise SparqlError(f"cannot read query file {path}: {error.strerror or error}") from None
    try:
        return decode_utf8(data)
    except UnicodeDecodeError as error:
        raise SparqlError(
            f"query file {path} is not UTF-8 (byte 0x{data[error.start]:02x} at byte "
            f"{error.start}); save it as UTF-8"
        ) from None


def resolve_query(spec: str) -> tuple[str, NamedQuery | None]:
    """Query text from a named query, ``@FILE`` or literal text."""
    queries = named_queries()
    if spec in queries:
        return queries[spec].text, queries[spec]
    if spec.startswith("@"):
        return _query_file(Path(spec[1:])), None
    if not _QUERY_WORDS.search(spec) and not is_update(spec):
        raise SparqlError(
            f"'{spec}' is neither a named query ({', '.join(queries)}), an @FILE, nor SPARQL text"
        )
    return spec, None


def require_params(query: str, named: NamedQuery | None, params: dict[str, str]) -> None:
    """SparqlError when ``named`` (the named query ``query`` resolved to) declares a
    parameter that ``params`` lacks."""
    missing = [name for name, _ in (named.params if named else ()) if name not in params]
    if missing:
        raise SparqlError(f"query '{query}' needs --param {missing[0]}=VALUE")


def check_query(text: str, allow_service: bool = False) -> None:
    """SparqlError now for what :func:`run_query` would refuse or could not parse: the
    first query after a change would otherwise check and compile every fact (20 s at
    100k contacts) before saying so. The query is parsed against an empty store, and
    not at all when it uses SERVICE (Oxigraph could send a request)."""
    import pyoxigraph

    from dipgraph.graph.sparql.keywords import uses_service
    from dipgraph.graph.sparql.messages import syntax_message

    _refuse(text, allow_service)
    if uses_service(text):
        return
    try:
        pyoxigraph.Store().query(text, use_default_graph_as_union=True)
    except SyntaxError as error:
        raise SparqlError(syntax_message(text, str(error))) from None
    except (RuntimeError, ValueError, OSError):
        pass  # not a syntax error: the store will tell, with the data


def run_query(store: Any, text: str, bindings: dict[str, Any], allow_service: bool = False) -> Any:
    """Run a read-only query over the union of all graphs, with variables bound.

    SERVICE (federation) is refused unless ``allow_service``: Oxigraph would send an
    HTTP request to whatever address the query names (see dipgraph.graph.sparql.keywords).
    """
    from pyoxigraph import Variable

    from dipgraph.graph.sparql.messages import syntax_message

    _refuse(text, allow_service)
    try:
        return store.query(
            text,
            use_default_graph_as_union=True,
            substitutions={Variable(k): v for k, v in bindings.items()},
        )
    except SyntaxError as error:
        raise SparqlError(syntax_message(text, str(error))) from None
    except (RuntimeError, ValueError, OSError) as error:
        raise SparqlError(f"query failed: {error}") from None


def _refuse(text: str, allow_service: bool) -> None:
    """SparqlError for an update, brackets nested too deep, or SERVICE unless allowed."""
    from dipgraph.graph.sparql.keywords import nesting_depth, uses_service

    if is_update(text):
        raise SparqlError("SPARQL UPDATE is refused: the graph is read-only")
    brackets = sum(map(text.count, "({["))  # (a bound on the depth, found at C's speed)
    if brackets > MAX_NESTING and nesting_depth(text) > MAX_NESTING:
        raise SparqlError(
            f"the query nests brackets more than {MAX_NESTING} levels deep; the SPARQL "
            "parser would crash on it"
        )
    if not allow_service and uses_service(text):
        raise SparqlError(
            "SERVICE is refused: a query may not make dipgraph send requests to other "
            "addresses (dipgraph sparql --allow-service permits it)"
        )
