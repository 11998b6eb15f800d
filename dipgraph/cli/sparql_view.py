"""Printing a SPARQL answer read out by :func:`dipgraph.sparql.results.render`."""

from __future__ import annotations

import sys

from dipgraph.cli import output
from dipgraph.sparql.results import Rendered


def print_rendered(rendered: Rendered) -> None:
    """Write text answers as they are; print rows as a table."""
    if rendered.is_text:
        for piece in rendered.pieces():
            sys.stdout.write(piece)
        return
    columns = [(name, lambda r, name=name: r[name]) for name in rendered.names]
    output.print_table(
        rendered.rows, columns, title=f"{len(rendered.rows)} row(s)", empty="no results"
    )


def end_output() -> None:
    """The answer is whole: let a reader of standard output see its end now, rather
    than after this process has freed its store (a second at 100k contacts) and waited
    for a cold start's child to finish the cache entry."""
    import io
    import os
    from contextlib import suppress

    from dipgraph.cache.child import close_stdout

    sys.stdout.flush()
    with suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        target = sys.stdout.fileno()  # none when stdout is captured in memory (tests)
        if not os.isatty(target):  # a terminal waits for nothing
            close_stdout(target)
