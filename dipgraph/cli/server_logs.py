"""Where `dipgraph serve`'s logs go: set by the command, never by the library.

The server (dipgraph.sparql.server) logs to named loggers only; the process that
runs it decides what is shown. The command line shows problems as one line each,
``dipgraph serve: ...`` (waitress's too, without their tracebacks), and with
``--verbose`` one plain line a request.
"""

from __future__ import annotations

import logging
import sys
from typing import Any


class _NoTraceback(logging.Formatter):
    """waitress logs socket errors with their traceback; one line is enough."""

    def formatException(self, ei: Any) -> str:
        return ""

    def formatStack(self, stack_info: str) -> str:
        return ""


def show_server_logs() -> None:
    """Send the server's and waitress's warnings, and the access lines, to stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_NoTraceback("dipgraph serve: %(message)s"))
    for name in ("waitress", "dipgraph.server"):
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.propagate = False
        logger.setLevel(logging.WARNING)
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "task queue depth"
    plain = logging.StreamHandler(sys.stderr)
    plain.setFormatter(logging.Formatter("%(message)s"))
    access = logging.getLogger("dipgraph.access")
    access.handlers = [plain]
    access.propagate = False
    access.setLevel(logging.INFO)
