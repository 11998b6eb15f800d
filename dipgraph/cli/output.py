"""Printing results as a table (rich), JSON or CSV.

JSON is the full result as the Python API returns it; tables and CSV show the
columns a reader scans, flattened to one line a row.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any, TextIO

from dipgraph.loader.characters import no_formula, visible, visible_json

Column = tuple[str, Callable[[dict[str, Any]], Any]]


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def cell(value: Any) -> str:
    """A value as text for a table or CSV (lists joined, None empty), printable:
    control and bidi characters (from data or a server) are shown as escapes."""
    return visible(_joined(value), keep_lines=True)


def _joined(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return "; ".join(_joined(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_joined(v)}" for k, v in value.items())
    return str(value)


def text(value: Any) -> str:
    """Any value as one printable line: what messages and headings print."""
    return visible(_joined(value))


def print_json(data: Any, stream: TextIO | None = None) -> None:
    """JSON as the API returns it; characters a terminal would act on are \\u-escaped."""
    stream = stream or sys.stdout
    # One write: json.dump writes each token apart (a million calls for large output).
    stream.write(visible_json(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")


def print_csv(
    rows: Sequence[dict[str, Any]], columns: Sequence[Column], stream: TextIO | None = None
) -> None:
    writer = csv.writer(stream or sys.stdout, lineterminator="\n")
    writer.writerow([cell(header) for header, _ in columns])
    for row in rows:
        writer.writerow([no_formula(cell(get(row))) for _, get in columns])


LONG_TABLE = 2000  # rows; rich took 19 s to lay out 35k (JSON: 4.8 s)

SHORT_COLUMNS = frozenset(
    {
        "id",
        "date",
        "type",
        "cameo",
        "status",
        "kind",
        "fact",
        "path",
        "relation",
        "section",
        "name",
        "source",
        "country",
    }
)


def print_table(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[Column],
    title: str | None = None,
    empty: str = "nothing found",
) -> None:
    """A rich table; every cell is plain text (fact text is never read as markup).
    Past LONG_TABLE rows, the same table printed line by line (see plain_table)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    wide = sys.stdout.isatty() or "COLUMNS" in os.environ
    console = Console(width=None if wide else 160)
    if len(rows) > LONG_TABLE:
        from dipgraph.cli.plain_table import print_plain_table

        print_plain_table(
            [[cell(get(row)) for _, get in columns] for row in rows],
            [text(header) for header, _ in columns],
            text(title) if title else None,
            console.width,
            sys.stdout,
            [header not in SHORT_COLUMNS for header, _ in columns],
        )
        return
    if not rows:
        console.print(Text(text(empty)))
        return
    table = Table(title=Text(text(title)) if title else None, title_justify="left")
    for header, _ in columns:
        if header in SHORT_COLUMNS:
            table.add_column(Text(text(header)), overflow="fold")
        else:
            table.add_column(Text(text(header)), overflow="fold", ratio=1)
    for row in rows:
        table.add_row(*(Text(cell(get(row))) for _, get in columns))
    console.print(table)


def emit(
    data: Any,
    rows: Sequence[dict[str, Any]],
    columns: Sequence[Column],
    fmt: Format,
    title: str | None = None,
    empty: str = "nothing found",
) -> None:
    """Print ``data`` as JSON, or ``rows`` through ``columns`` as a table or CSV."""
    if fmt == Format.json:
        print_json(data)
    elif fmt == Format.csv:
        print_csv(rows, columns)
    else:
        print_table(rows, columns, title, empty)


def names(items: list[dict[str, str]]) -> str:
    return ", ".join(item["name"] for item in items)


def sides_text(contact: dict[str, Any]) -> str:
    """Sides as 'A, B ↔ C', then role-holders: '(subject: D; host: E)'."""
    text = " ↔ ".join(names(side) for side in contact["sides"])
    roles = "; ".join(
        f"{role}: {names(contact[f'{role}s'])}"
        for role in ("subject", "host", "mediator")
        if contact[f"{role}s"]
    )
    return f"{text} ({roles})" if roles else text


def sides_ids(contact: dict[str, Any]) -> str:
    """Sides for CSV: ids within a side joined by ';', sides by ' | '."""
    return " | ".join("; ".join(a["id"] for a in side) for side in contact["sides"])


def evidence_text(items: list[dict[str, str]]) -> str:
    return " | ".join(f"[{item['source']}] {item['quote']}" for item in items)


TALKS_COLUMNS: list[Column] = [
    ("date", lambda c: c["date"] or "undated"),
    ("type", lambda c: c["type"]),
    ("sides", sides_text),
    ("topics", lambda c: names(c["topics"])),
    ("status", lambda c: c["status"] + (", secret" if c["secret"] else "")),
    ("summary", lambda c: c["summary"]),
    ("id", lambda c: c["id"]),
]
TALKS_CSV_COLUMNS: list[Column] = [
    ("id", lambda c: c["id"]),
    ("date", lambda c: c["date"]),
    ("type", lambda c: c["type"]),
    ("cameo", lambda c: c["cameo"]),
    ("status", lambda c: c["status"]),
    ("secret", lambda c: c["secret"]),
    ("participants", lambda c: [p["id"] for p in c["participants"]]),
    ("sides", sides_ids),
    ("subjects", lambda c: [a["id"] for a in c["subjects"]]),
    ("hosts", lambda c: [a["id"] for a in c["hosts"]]),
    ("mediators", lambda c: [a["id"] for a in c["mediators"]]),
    ("topics", lambda c: [t["id"] for t in c["topics"]]),
    ("place", lambda c: (c["place"] or {}).get("name")),
    ("summary", lambda c: c["summary"]),
    ("evidence", lambda c: evidence_text(c["evidence"])),
]
ACTOR_COLUMNS: list[Column] = [
    ("id", lambda a: a["id"]),
    ("kind", lambda a: a["kind"]),
    ("name", lambda a: a["name"]),
    ("arabic", lambda a: a["names"].get("ar")),
    ("country", lambda a: a["country"]),
]
HOP_COLUMNS: list[Column] = [
    ("path", lambda h: h["path"]),
    ("from", lambda h: h["from"]),
    ("relation", lambda h: h["relation"]),
    ("to", lambda h: h["to"]),
    ("date", lambda h: h["date"]),
    ("fact", lambda h: h["fact"]),
    ("evidence", lambda h: evidence_text(h["evidence"])),
]
