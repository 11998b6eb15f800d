"""The fact model, read from the YAML files beside this module.

The schema is data (one YAML file a fact kind, one a vocabulary) so that the
checker, the JSON Schema and the documentation all come from one place.

>>> model = load_model()
>>> model.kinds["contact"].plural
'contacts'
>>> model.vocabularies["contact_types"]["phone_call"]["cameo"]
'041'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

SCHEMA_DIR = Path(__file__).parent
PROPERTY_TYPES = frozenset(
    {
        "id",
        "text",
        "names",
        "aliases",
        "ref",
        "enum",
        "date",
        "bool",
        "evidence",
        "path",
        "language",
        "iri",
        "sides",
        "wikidata",
        "exception",
        "designation",
        "passage",
        "not_printed",
    }
)
KIND_ORDER = (
    "source",
    "actor",
    "topic",
    "place",
    "post",
    "contact",
    "statement",
    "corroboration",
)


@dataclass(frozen=True, slots=True)
class Property:
    """One field of a fact kind."""

    name: str
    type: str
    required: bool = False
    list: bool = False
    range: tuple[str, ...] = ()
    vocabulary: str | None = None
    default: Any = None
    min_distinct: int = 0
    max_items: int = 0  # 0: no limit
    max_items_hint: str = ""  # what to write instead, when a list is too long
    shorthand_for: str | None = None  # a short way to write another field (no record field)
    description: str = ""


@dataclass(frozen=True, slots=True)
class FactKind:
    """A kind of fact (actor, contact...): its top-level key and its fields."""

    name: str
    label: str
    plural: str
    description: str
    properties: dict[str, Property]

    @property
    def required(self) -> tuple[str, ...]:
        """Names of the fields every item must have."""
        return tuple(name for name, prop in self.properties.items() if prop.required)


@dataclass(frozen=True, slots=True)
class Model:
    """Every fact kind and vocabulary."""

    kinds: dict[str, FactKind]
    vocabularies: dict[str, dict[str, dict[str, str]]]

    @property
    def by_plural(self) -> dict[str, FactKind]:
        """Kinds keyed by the top-level key used in fact files."""
        return {kind.plural: kind for kind in self.kinds.values()}


def _read(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _property(name: str, spec: dict[str, Any]) -> Property:
    if spec["type"] not in PROPERTY_TYPES:
        raise ValueError(f"schema property {name}: unknown type {spec['type']!r}")
    return Property(
        name=name,
        type=spec["type"],
        required=bool(spec.get("required", False)),
        list=bool(spec.get("list", False)),
        range=tuple(spec.get("range", ())),
        vocabulary=spec.get("vocabulary"),
        default=spec.get("default"),
        min_distinct=int(spec.get("min_distinct", 0)),
        max_items=int(spec.get("max_items", 0)),
        max_items_hint=str(spec.get("max_items_hint", "")),
        shorthand_for=spec.get("shorthand_for"),
        description=str(spec.get("description", "")),
    )


@cache
def load_model(schema_dir: Path = SCHEMA_DIR) -> Model:
    """Read every fact kind and vocabulary; cached because it never changes at run time."""
    kinds: dict[str, FactKind] = {}
    for name in KIND_ORDER:
        ((key, spec),) = _read(schema_dir / f"{name}.yaml").items()
        kinds[key] = FactKind(
            name=key,
            label=spec["label"],
            plural=spec["plural"],
            description=spec["description"],
            properties={p: _property(p, s) for p, s in spec["properties"].items()},
        )
    vocabularies = {
        path.stem: _read(path) for path in sorted((schema_dir / "vocabularies").glob("*.yaml"))
    }
    return Model(kinds=kinds, vocabularies=vocabularies)
