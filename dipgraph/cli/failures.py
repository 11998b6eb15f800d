"""How the command line reports what the library refused, and what it warned about:
the one place that turns a :class:`~dipgraph.errors.DipgraphError` into messages on
stderr and an exit code, and a :class:`~dipgraph.errors.DipgraphWarning` into a
``warning:`` line. Commands raise; they do not catch the library's errors one by one.

Exit codes: 0 success, 1 bad input or data (with a message, never a traceback),
2 bad usage (typer's), 130 interrupted.
"""

from __future__ import annotations

import sys
import warnings
from typing import Any, TextIO

from dipgraph.cli.output import cell
from dipgraph.errors import DipgraphError, DipgraphWarning
from dipgraph.loader.problems import FactsError

BAD_INPUT = 1


def error_lines(error: DipgraphError) -> list[str]:
    """The lines to print for a refused command, last the ``error:`` summary; control
    characters in the message (but newline) shown as escapes."""
    if isinstance(error, FactsError):
        errors = [p for p in error.problems if p.severity == "error"]
        summary = f"{len(errors)} error(s) in the facts; fix them first (see dipgraph check)"
        return [*(str(problem) for problem in errors), f"error: {cell(summary)}"]
    from dipgraph.editing.ids import EditError  # (on the error path only)

    if isinstance(error, EditError):  # the problems the edit met or would have made
        return [*(str(problem) for problem in error.problems), f"error: {cell(str(error))}"]
    return [f"error: {cell(str(error))}"]


def exit_code(error: DipgraphError) -> int:
    """Every refusal of the library is bad input or data for the command line."""
    return BAD_INPUT


def report(error: DipgraphError, stream: TextIO | None = None) -> int:
    """Print what went wrong on stderr; the exit code to leave with."""
    stream = stream or sys.stderr
    for line in error_lines(error):
        print(line, file=stream)
    return exit_code(error)


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
    *,
    _default: Any = warnings.showwarning,
) -> None:
    if issubclass(category, DipgraphWarning):
        print(f"warning: {message}", file=file or sys.stderr)
    else:
        _default(message, category, filename, lineno, file, line)


def show_warnings_as_lines() -> None:
    """dipgraph's warnings as ``warning: message`` lines on stderr, every one (the
    library says each once); other libraries' warnings as Python shows them."""
    warnings.showwarning = _show_warning
    warnings.simplefilter("always", DipgraphWarning)
