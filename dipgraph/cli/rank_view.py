"""The columns `dipgraph rank` prints: the ranking, or the contacts behind one figure."""

from __future__ import annotations

from typing import Any

from dipgraph.cli.output import Column


def number(value: float | None) -> str:
    """A figure without trailing zeros (2, 1.5, 0.333333); empty when not computed."""
    return "" if value is None else f"{value:g}"


# A table names actors without their ids (CSV and JSON carry both), so that it fits 80
# columns: --explain takes a name as well as an id.
RANK_COLUMNS: list[Column] = [
    ("rank", lambda r: r["rank"]),
    ("name", lambda r: r["name"]),
    ("country", lambda r: r["country"]),
    ("counterparts", lambda r: r["counterparts"]),
    ("contacts", lambda r: r["contacts"]),
    ("betweenness", lambda r: number(r["betweenness"])),
    ("brokerage", lambda r: r["brokerage"]),
]
RANK_CSV_COLUMNS: list[Column] = [
    ("rank", lambda r: r["rank"]),
    ("id", lambda r: r["id"]),
    *RANK_COLUMNS[1:5],
    ("betweenness", lambda r: r["betweenness"]),
    ("brokerage", lambda r: r["brokerage"]),
    ("liaison", lambda r: r["liaison"]),
    ("gatekeeper", lambda r: r["gatekeeper"]),
]

# The contacts behind one figure, by measure (see dipgraph.graph.rank.explain).
BEHIND_COLUMNS: dict[str, list[Column]] = {
    "degree": [
        ("counterpart", lambda r: r["counterpart"]),
        ("contacts", lambda r: r["contacts"]),
    ],
    "betweenness": [
        ("first", lambda r: r["first"]),
        ("second", lambda r: r["second"]),
        ("share", lambda r: number(r["share"])),
        ("hops", lambda r: r["hops"]),
        ("before", lambda r: r["before"]),
        ("after", lambda r: r["after"]),
        ("contacts", lambda r: r["contacts"]),
    ],
    "brokerage": [
        ("first", lambda r: r["first"]),
        ("second", lambda r: r["second"]),
        ("role", lambda r: r["role"]),
        ("contacts", lambda r: r["contacts"]),
        ("other_brokers", lambda r: r["other_brokers"]),
    ],
}


def behind_title(explained: dict[str, Any]) -> str:
    """What the table of an explanation adds up to."""
    figures = explained["measures"]
    by = explained["by"]
    if by == "degree":
        said = f"{figures['counterparts']} counterpart(s) in {figures['contacts']} contact(s)"
    elif by == "betweenness":
        said = f"betweenness {number(figures['betweenness'])}, the sum of these shares"
    else:
        said = (
            f"brokerage {figures['brokerage']} pair(s) ({figures['liaison']} as liaison, "
            f"{figures['gatekeeper']} as gatekeeper)"
        )
    return f"{explained['name']} ({explained['id']}): {said}"


def rank_columns(by: str, csv: bool) -> list[Column]:
    """CSV has every column; a table the figure ranked by, then degree (so that it fits
    80 columns; betweenness is computed only when ranked by)."""
    if csv:
        return RANK_CSV_COLUMNS
    shown = ("rank", "name", "country", by, "counterparts", "contacts")
    columns = dict(RANK_COLUMNS)
    return [(header, columns[header]) for header in dict.fromkeys(shown) if header in columns]
