"""``check``'s problems in the formats other tools read: JSON, SARIF 2.1.0 (code scanning,
editors) and GitHub workflow annotations (``::error file=...::``).

The text format (``path:line:col: severity: message``) is :class:`Problem`'s own.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

from dipgraph.loader.characters import visible
from dipgraph.loader.problems import Problem

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# One rule a severity: a problem has no code of its own; the message says what is wrong.
_RULES = {
    "error": "A fact file the loader refuses: the facts cannot be used until it is fixed.",
    "warning": "A fact file the loader reads, with something a curator should look at.",
}


def problem_record(problem: Problem) -> dict[str, object]:
    """One problem as plain data (line and column 0: the file as a whole)."""
    return {
        "path": problem.path,
        "line": problem.line,
        "col": problem.col,
        "severity": problem.severity,
        "message": problem.message,
    }


def as_json(problems: Iterable[Problem], files: int, counts: dict[str, int]) -> str:
    """The whole check as one JSON document: verdict, counts and every problem."""
    listed = [problem_record(p) for p in problems]
    errors = sum(p["severity"] == "error" for p in listed)
    document = {
        "ok": errors == 0,
        "files": files,
        "errors": errors,
        "warnings": len(listed) - errors,
        "records": counts,
        "problems": listed,
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def _uri(path: str) -> tuple[str, str | None]:
    """A SARIF artifact URI and its base: relative paths are relative to the checkout."""
    as_path = Path(path)
    if as_path.is_absolute():
        return as_path.as_uri(), None
    return quote(as_path.as_posix(), safe="/"), "%SRCROOT%"


def _result(problem: Problem) -> dict[str, object]:
    uri, base = _uri(problem.path)
    artifact: dict[str, object] = {"uri": uri}
    if base:
        artifact["uriBaseId"] = base
    physical: dict[str, object] = {"artifactLocation": artifact}
    if problem.line > 0:
        physical["region"] = {"startLine": problem.line, "startColumn": max(problem.col, 1)}
    return {
        "ruleId": f"facts-{problem.severity}",
        "ruleIndex": list(_RULES).index(problem.severity),
        "level": problem.severity,
        "message": {"text": problem.message},
        "locations": [{"physicalLocation": physical}],
    }


def as_sarif(problems: Iterable[Problem], version: str) -> str:
    """A SARIF 2.1.0 log of one run of ``dipgraph check``."""
    rules = [
        {"id": f"facts-{severity}", "shortDescription": {"text": text}}
        for severity, text in _RULES.items()
    ]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "dipgraph check",
                        "version": version,
                        "rules": rules,
                    }
                },
                "results": [_result(p) for p in problems],
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(problems: Iterable[Problem]) -> str:
    """One workflow command a problem: GitHub shows each on its file and line."""
    lines = []
    for problem in problems:
        where = [f"file={_escape_property(visible(problem.path))}"]
        if problem.line > 0:
            where += [f"line={problem.line}", f"col={max(problem.col, 1)}"]
        message = _escape_data(visible(problem.message, keep_lines=True))
        lines.append(f"::{problem.severity} {','.join(where)}::{message}")
    return "".join(f"{line}\n" for line in lines)
