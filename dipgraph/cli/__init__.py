"""The dipgraph command line and how it prints results.

:mod:`~dipgraph.cli.commands` is the typer app, a thin layer over the library;
:mod:`~dipgraph.cli.output`, :mod:`~dipgraph.cli.profile_view` and
:mod:`~dipgraph.cli.sparql_view` turn results into tables, JSON and CSV for a terminal.
Nothing below the CLI imports from here.
"""

from dipgraph.cli.commands import app, main

__all__ = ["app", "main"]
