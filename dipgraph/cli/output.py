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

from dipgraph.facts import DEFAULT_STATUSES
from dipgraph.loader.characters import no_formula, visible, visible_json

Column = tuple[str, Callable[[dict[str, Any]], Any]]


def field(name: str) -> Callable[[dict[str, Any]], Any]:
    """A column's reader of one field of a row."""
    return lambda row: row[name]


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


PIPED_WIDTH = 80
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

    # Piped (| less, | head, a file) with no COLUMNS: 80 columns, what a pager shows.
    wide = sys.stdout.isatty() or "COLUMNS" in os.environ
    console = Console(width=None if wide else PIPED_WIDTH)
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
    cells = [[cell(get(row)) for _, get in columns] for row in rows]
    headers = [text(header) for header, _ in columns]
    if not _grid_fits(cells, headers, console.width):
        _print_records(console, cells, headers, title)
        return
    if title:  # its own line: a table's title wraps to the table ("1 row(s)" over a "0")
        console.print(Text(text(title)))
    table = Table()
    for header, _ in columns:
        if header in SHORT_COLUMNS:
            table.add_column(Text(text(header)), overflow="fold")
        else:
            table.add_column(Text(text(header)), overflow="fold", ratio=1)
    for row_cells in cells:
        table.add_row(*map(Text, row_cells))
    console.print(table)


PROSE_WIDTH = 28  # the narrowest a text column still reads as prose, in terminal cells


def _grid_fits(cells: list[list[str]], headers: list[str], width: int) -> bool:
    """Whether a grid gives each short column its longest unbreakable word (an id, a
    date: never folded mid-word) and each text column at least PROSE_WIDTH. At 80
    columns the talks grid folded summaries to 10 cells and ids mid-word."""
    from rich.cells import cell_len

    need = 1  # the left border; each column adds its padding and right border
    for number, header in enumerate(headers):
        column = [header, *(row[number] for row in cells)]
        if header in SHORT_COLUMNS:
            need += max(cell_len(word) for value in column for word in value.split() or [""])
        else:
            widest = max(cell_len(line) for value in column for line in value.splitlines() or [""])
            need += min(widest, PROSE_WIDTH)
        need += 3
    return need <= width


def _print_records(
    console: Any, cells: list[list[str]], headers: list[str], title: str | None
) -> None:
    """Rows too wide for the terminal, one record each (psql's expanded display):
    the id, when there is one, as a rule, then each column as ``name  value``, the
    value folded under itself and no line padded (a copied quote has no trailing spaces)."""
    from rich.cells import cell_len
    from rich.text import Text

    if title:
        console.print(Text(text(title)))
    keyed = "id" in headers
    shown = [h for h in headers if not (keyed and h == "id")]
    indent = max(map(cell_len, shown), default=0) + 2
    for row in cells:
        if keyed:
            console.rule(Text(row[headers.index("id")]), align="left", style="dim")
        else:
            console.print()
        for header, value in zip(headers, row, strict=True):
            if not value or (keyed and header == "id"):
                continue
            lines = Text(value).wrap(console, max(console.width - indent, 20), overflow="fold")
            for number, line in enumerate(lines):
                line.rstrip()
                lead: str | Text = " " * indent
                if number == 0:
                    lead = Text(header + " " * (indent - cell_len(header)), style="bold")
                console.print(Text.assemble(lead, line), soft_wrap=True)


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


def _status_note(status: str | None) -> str:
    """' (proposed)' after a hop through a contact that did not happen (path --any-status)."""
    return f" ({status})" if status and status not in DEFAULT_STATUSES else ""


HOP_COLUMNS: list[Column] = [
    ("path", lambda h: h["path"]),
    ("from", lambda h: h["from"]),
    ("relation", lambda h: h["relation"] + _status_note(h.get("status"))),
    ("to", lambda h: h["to"]),
    ("date", lambda h: h["date"]),
    ("fact", lambda h: h["fact"]),
    ("summary", lambda h: h["summary"]),
    ("evidence", lambda h: evidence_text(h["evidence"])),
]
