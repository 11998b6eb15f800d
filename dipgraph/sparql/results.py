"""Reading SPARQL results out in full: rows for a table, CSV, or SPARQL 1.1 Query
Results JSON.

Oxigraph evaluates lazily, while results are read: :func:`render` reads them all
(the part that takes time, run under a deadline); the CLI prints what it returns
(:mod:`dipgraph.cli.sparql_view`).
"""

from __future__ import annotations

import codecs
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any, Literal

ResultFormat = Literal["table", "json", "csv"]

# A text answer larger than this waits on disk, not in memory, until it is written out:
# who-talked-to-whom at 100k contacts is 67 MB of JSON, held three times over as bytes,
# text and escaped text (0.2 GiB beside the store) when it was kept whole.
SPOOL_BYTES = 8 << 20
_PIECE_BYTES = 1 << 20


@dataclass
class Rendered:
    """A finished answer: text to write as is (:meth:`pieces`), or rows for a table."""

    held: str | None = None  # a text answer held whole
    names: list[str] = field(default_factory=list)
    rows: list[dict[str, str]] = field(default_factory=list)
    spool: IO[bytes] | None = None  # or the UTF-8 bytes of one, spooled (read by pieces)
    safe: Callable[[str], str] = str  # how spooled text is made safe to print
    ending: str = ""  # written after the spooled text

    @property
    def is_text(self) -> bool:
        return self.held is not None or self.spool is not None

    @property
    def text(self) -> str | None:
        """The whole text answer (None for rows): for callers that want one string."""
        return "".join(self.pieces()) if self.is_text else None

    def pieces(self) -> Iterator[str]:
        """The text answer in pieces whose concatenation it is, made safe to print."""
        if self.held is not None:
            yield self.held
        elif self.spool is not None:
            yield from _safe_pieces(self.spool, self.safe)
            yield self.ending


def _safe_pieces(spool: IO[bytes], safe: Callable[[str], str]) -> Iterator[str]:
    """``safe`` applied piece by piece to the spooled UTF-8 text. ``safe`` works
    character by character, except that it must see a CRLF whole (CSV's row end): a
    piece ending with CR keeps it for the next."""
    spool.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    carried = ""
    while chunk := spool.read(_PIECE_BYTES):
        text = carried + decoder.decode(chunk)
        carried = "\r" if text.endswith("\r") else ""
        if carried:
            text = text[:-1]
        if text:
            yield safe(text)
    rest = carried + decoder.decode(b"", final=True)
    if rest:
        yield safe(rest)


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
    from dipgraph.loader.characters import visible_json

    # Oxigraph escapes C0 controls in Turtle and JSON, not C1 or bidi controls:
    # visible_json writes those as \uXXXX, which both read back as the same data.
    if isinstance(result, ox.QueryTriples):
        data = ox.serialize(list(result), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        assert data is not None  # no output file given: the bytes
        return Rendered(held=visible_json(data.decode("utf-8")))
    if isinstance(result, ox.QueryBoolean) and fmt != "json":
        return Rendered(held="true\n" if bool(result) else "false\n")
    if fmt in ("json", "csv"):
        # Returned open: read when the answer may be printed, closed when dropped (on
        # disk it has no name: a shared temporary folder sees nothing of it).
        spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
        if fmt == "json":
            result.serialize(spool, ox.QueryResultsFormat.JSON)
            return Rendered(spool=spool, safe=visible_json, ending="\n")
        result.serialize(spool, ox.QueryResultsFormat.CSV)
        return Rendered(spool=spool, safe=_visible_csv)
    names = [variable.value for variable in result.variables]
    rows = [{name: term_text(solution[name]) for name in names} for solution in result]
    return Rendered(names=names, rows=rows)


def _visible_csv(text: str) -> str:
    """CSV has no escapes: control characters are shown as output.cell shows them,
    keeping the CRLF that ends each SPARQL CSV row."""
    from dipgraph.loader.characters import visible

    return "\r\n".join(visible(line, keep_lines=True) for line in text.split("\r\n"))
