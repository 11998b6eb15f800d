"""The general tables the curation rules read, shipped beside this module.

``guide.yaml`` holds what is true of any facts folder: state adjectives, verbs by statement
kind, relative date anchors. What one folder documents for itself sits in its facts (see
facts/README.md): a fact's ``exceptions:``, a source's ``designations:`` and
``not_recorded:``, an actor's or topic's ``not_printed:``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

GUIDE_FILE = Path(__file__).with_name("guide.yaml")


@dataclass(frozen=True)
class Guide:
    """Every general table the rules read."""

    adjectives: dict[str, tuple[str, ...]]
    verbs: dict[str, frozenset[str]]  # folded verb forms by statement kind
    anchors: tuple[str, ...]


@cache
def read_guide() -> Guide:
    """The tables of ``guide.yaml``, read once."""
    from dipgraph.curation.text import fold

    with GUIDE_FILE.open(encoding="utf-8") as handle:
        general = yaml.safe_load(handle)
    return Guide(
        adjectives={k: tuple(v) for k, v in general["state_adjectives"].items()},
        verbs={k: frozenset(fold(v) for v in forms) for k, forms in general["verbs"].items()},
        anchors=tuple(general["anchors"]),
    )
