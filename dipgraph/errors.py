"""The exceptions and warnings dipgraph raises, under one root.

Every exception dipgraph raises on purpose derives from :class:`DipgraphError`, so a
caller (the command line among them) can tell "dipgraph refused this" from a fault in
the code with one ``except``. The subclasses say what kind of thing went wrong; each
module keeps its own specific class (``QueryError``, ``DateError``...) under one of
them. The standard bases they had before (``ValueError``, ``LookupError``...) are kept,
so code that caught those still does.

Library code never prints: it warns with :func:`warn` (a :class:`DipgraphWarning`),
and the command line shows those as ``warning: ...`` lines.

This module imports nothing from dipgraph: every layer may use it.
"""

from __future__ import annotations

import warnings


class DipgraphError(Exception):
    """Anything dipgraph refuses or cannot do; the message says what and where."""


class InputError(DipgraphError, ValueError):
    """A question, option, file or value that cannot be used as given (a bad date, an
    unknown contact type, a SPARQL syntax error, an unreadable article...)."""


class NotFoundError(DipgraphError, LookupError):
    """A name or id that denotes nothing, or several things."""


class FactsNotFound(NotFoundError, FileNotFoundError):
    """A facts directory that does not exist."""


class DataError(DipgraphError):
    """Fact files with errors: what is refused carries every problem found."""


class CacheError(DipgraphError):
    """The compile cache cannot be used (damaged, unsafe, not what was written); the
    caller falls back to the facts themselves."""


class ServiceError(DipgraphError, RuntimeError):
    """Something outside the facts failed: a remote server, a worker, a deadline."""


class DipgraphWarning(UserWarning):
    """Something a user should know that does not stop the work (an unused cache...)."""


def warn(message: str) -> None:
    """Warn through :mod:`warnings` (the command line prints ``warning: message``)."""
    warnings.warn(message, DipgraphWarning, stacklevel=2)
