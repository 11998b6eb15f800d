"""Short, located messages for SPARQL syntax errors.

Oxigraph reports ``error at LINE:COLUMN: expected one of …`` followed by every token
its grammar would take there: often dozens, with Unicode ranges. A person needs where
the query went wrong and what stands there, plus the expectation only when it is short.

>>> syntax_message("SELECT ?x WHERE {", 'error at 1:18: expected one of "$", "(", …')
'SPARQL syntax error at line 1, column 18, at the end of the query'
>>> syntax_message("SELECT ?x\\n WHERE { ?x ?y }", "error at 2:15: expected OPTIONAL")
"SPARQL syntax error at line 2, column 15, at '}' (expected OPTIONAL)"
"""

from __future__ import annotations

import re

_LOCATED = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
_SHORT = 60  # longer expectations are lists of tokens nobody reads


def syntax_message(text: str, error: str) -> str:
    """A one-line message: line, column, the text found there, and what was expected
    when that is short. Control characters are escaped (``repr``)."""
    match = _LOCATED.fullmatch(error.strip())
    if match is None:
        return f"SPARQL syntax error: {clip(error)}"
    line, column, expected = int(match.group(1)), int(match.group(2)), match.group(3)
    lines = text.splitlines() or [""]
    where = f"SPARQL syntax error at line {line}, column {column}"
    rest = "\n".join([lines[line - 1][column - 1 :], *lines[line:]]) if line <= len(lines) else ""
    found = rest.split()[0][:30] if rest.strip() else ""
    message = f"{where}, at {found!r}" if found else f"{where}, at the end of the query"
    if len(expected) <= _SHORT and "\n" not in expected and found:
        message += f" ({expected})"
    return message


def clip(text: str, limit: int = 300) -> str:
    """At most ``limit`` characters, on one line, control and bidi characters escaped
    (the project's one convention: :func:`dipgraph.loader.characters.visible`)."""
    from dipgraph.loader.characters import visible

    return visible(text if len(text) <= limit else text[:limit] + "…")
