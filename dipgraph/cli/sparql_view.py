"""Printing a SPARQL answer read out by :func:`dipgraph.sparql.results.render`."""

from __future__ import annotations

import sys

from dipgraph.cli import output
from dipgraph.sparql.results import Rendered


def print_rendered(rendered: Rendered) -> None:
    """Write text answers as they are; print rows as a table."""
    if rendered.text is not None:
        sys.stdout.write(rendered.text)
        return
    columns = [(name, lambda r, name=name: r[name]) for name in rendered.names]
    output.print_table(
        rendered.rows, columns, title=f"{len(rendered.rows)} row(s)", empty="no results"
    )
