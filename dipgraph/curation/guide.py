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
# The world's states and organisations with their adjectives, shipped as `suggest`'s data
# (read here as data, not imported): a state `suggest` drafts from it is named by them too.
GAZETTEER_FILE = Path(__file__).parents[1] / "suggest" / "lexicon" / "gazetteer.yaml"
# libyaml's loader where built (the same data from these shipped files; the pure reader
# took 0.2-0.6 s of every check that runs the rules)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
        general = yaml.load(handle, Loader=_LOADER)
    adjectives = _gazetteer_adjectives()
    adjectives.update({k: tuple(v) for k, v in general["state_adjectives"].items()})
    return Guide(
        adjectives=adjectives,
        verbs={k: frozenset(fold(v) for v in forms) for k, forms in general["verbs"].items()},
        anchors=tuple(general["anchors"]),
    )


def _gazetteer_adjectives() -> dict[str, tuple[str, ...]]:
    """Each gazetteer entry's adjectives (masculine and broken plurals: a name is found
    inside a word, so "سعودي" names the state in "السعوديين" too), by the entry's id."""
    if not GAZETTEER_FILE.is_file():
        return {}
    with GAZETTEER_FILE.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_LOADER) or {}
    found: dict[str, tuple[str, ...]] = {}
    for section in ("states", "organizations"):
        for entry in data.get(section) or []:
            words = [*(entry.get("adj") or []), *(entry.get("plural") or [])]
            if words:
                found[str(entry["id"])] = tuple(str(w) for w in words)
    return found
