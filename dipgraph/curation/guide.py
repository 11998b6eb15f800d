"""The tables the curation rules read: general ones shipped here, a folder's own in its README.

The general tables (state adjectives, verbs by statement kind, relative anchors) are
``guide.yaml`` beside this module. A facts folder documents its own exceptions in the
tables of its ``README.md`` (see facts/README.md: "Designations", "Names not printed",
"Aliases not printed in the sources", "Passages not recorded"), read here when present,
or in a fact's ``exceptions:`` field (see :mod:`dipgraph.curation.rules`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

GUIDE_FILE = Path(__file__).with_name("guide.yaml")
_TICKED = re.compile(r"`([^`]+)`")


@dataclass(frozen=True)
class Guide:
    """Every table one check of one folder reads."""

    adjectives: dict[str, tuple[str, ...]]
    verbs: dict[str, frozenset[str]]  # folded verb forms by statement kind
    anchors: tuple[str, ...]
    designations: dict[str, list[tuple[str, frozenset[str]]]] = field(default_factory=dict)
    names_not_printed: frozenset[str] = frozenset()
    aliases_not_printed: frozenset[tuple[str, str]] = frozenset()
    passages_not_recorded: dict[str, list[str]] = field(default_factory=dict)
    readme: Path | None = None


def table(text: str, title: str) -> list[list[str]] | None:
    """The rows (cells stripped, header dropped) under ``### title``, or None if absent."""
    lines = text.splitlines()
    if f"### {title}" not in lines:
        return None
    rows: list[list[str]] = []
    for line in lines[lines.index(f"### {title}") + 1 :]:
        if line.startswith("#"):
            break
        if line.startswith("|") and not line.startswith("|---"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows[1:]


def ticked(cell: str) -> list[str]:
    """The `code` spans of a table cell."""
    return _TICKED.findall(cell)


def _ids(cell: str) -> frozenset[str]:
    return frozenset(part.strip() for part in cell.split(",") if part.strip())


@cache
def _general() -> dict:
    with GUIDE_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def read_guide(root: Path) -> Guide:
    """The general tables, with the folder's own from ``root/README.md`` if it has any."""
    from dipgraph.curation.text import fold

    general = _general()
    guide = Guide(
        adjectives={k: tuple(v) for k, v in general["state_adjectives"].items()},
        verbs={k: frozenset(fold(v) for v in forms) for k, forms in general["verbs"].items()},
        anchors=tuple(general["anchors"]),
    )
    readme = root / "README.md" if root.is_dir() else None
    if readme is None or not readme.is_file():
        return guide
    try:
        text = readme.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return guide
    designations: dict[str, list[tuple[str, frozenset[str]]]] = defaultdict(list)
    for row in table(text, "Designations") or []:
        if len(row) >= 3 and ticked(row[1]):
            designations[row[0]].append((ticked(row[1])[0], _ids(row[2])))
    passages: dict[str, list[str]] = defaultdict(list)
    for row in table(text, "Passages not recorded") or []:
        if len(row) >= 2:
            passages[row[0]].extend(ticked(row[1]))
    return Guide(
        adjectives=guide.adjectives,
        verbs=guide.verbs,
        anchors=guide.anchors,
        designations=dict(designations),
        names_not_printed=frozenset(row[0] for row in table(text, "Names not printed") or []),
        aliases_not_printed=frozenset(
            (row[0], ticked(row[1])[0])
            for row in table(text, "Aliases not printed in the sources") or []
            if len(row) >= 2 and ticked(row[1])
        ),
        passages_not_recorded=dict(passages),
        readme=readme,
    )
