"""The dipgraph command line and how it prints results.

:mod:`~dipgraph.cli.commands` is the typer app, a thin layer over the library;
:mod:`~dipgraph.cli.output`, :mod:`~dipgraph.cli.profile_view` and
:mod:`~dipgraph.cli.sparql_view` turn results into tables, JSON and CSV for a terminal.
Nothing below the CLI imports from here.

The console script's ``main`` is defined here, before the commands are imported, so that
a Ctrl-C while they import ends the command quietly (exit 130, as a shell reports SIGINT)
instead of printing a traceback.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dipgraph.cli.commands import app

__all__ = ["app", "main"]


def main() -> None:
    """Console entry point: import the commands, then run them (see commands.main)."""
    try:
        from dipgraph.cli.commands import main as run_commands
    except KeyboardInterrupt:
        sys.exit(130)
    run_commands()


def __getattr__(name: str) -> Any:
    if name == "app":
        from dipgraph.cli.commands import app

        return app
    raise AttributeError(f"module 'dipgraph.cli' has no attribute {name!r}")
