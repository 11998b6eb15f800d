"""Problems found in fact files, each pointing at ``path:line:col``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from dipgraph.errors import DataError
from dipgraph.loader.characters import visible
from dipgraph.names import close_matches


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One mistake in the input, in the format compilers and editors understand.

    Line 0 means the problem is with a file or folder as a whole (it cannot be read).
    The text is printed through :func:`visible`: a file name or a value quoted in the
    message never sends a control character to the terminal.
    """

    path: str
    line: int
    col: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}" if self.line else self.path
        return visible(f"{where}: {self.severity}: {self.message}")


class FactsError(DataError):
    """Raised when fact files have errors; carries every problem, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        super().__init__(f"{len(errors)} error(s) in the facts, first: {errors[0]}")


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' (did you mean 'x'?)' suffix when a close choice exists, else ''."""
    close = close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def with_article(noun: str) -> str:
    """'an actor', 'a topic': messages read as English."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def shown_path(path: Path) -> str:
    """The path as messages show it: relative to the working directory when inside it."""
    cwd = Path.cwd()
    return str(path.relative_to(cwd)) if path.is_relative_to(cwd) else str(path)
