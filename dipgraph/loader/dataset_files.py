"""Structured datasets kept beside the facts (Wikidata JSON entities, FtM JSON lines),
read as statements: what a dataset citation in the evidence is checked against, and
what ``dipgraph import`` drafts from. One reader for both, so a draft's citation is
found by ``check`` exactly as the importer read it.

A statement is (entity, property, value, qualifiers): a Wikidata claim with its
qualifiers, or one property value of an FtM entity with the entity's other properties
as its qualifiers. Values are text: an item id (Q42), a date as precise as the dataset
gives it (2000, 2000-05, 2000-05-07), a string.

>>> wikidata_value({"type": "time", "value": {"time": "+2000-05-07T00:00:00Z",
...     "precision": 11}})
'2000-05-07'
>>> wikidata_value({"type": "time", "value": {"time": "+1999-00-00T00:00:00Z",
...     "precision": 9}})
'1999'
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dipgraph.errors import InputError
from dipgraph.loader.reading import TooLarge, read_bounded

MAX_DATASET_BYTES = 64 * 1024 * 1024
FORMATS = ("wikidata-json", "ftm-json")
_PRECISION = {9: 4, 10: 7, 11: 10}  # Wikidata time precision -> characters of YYYY-MM-DD


class DatasetError(InputError):
    """A dataset file that cannot be read as its format; the message says where."""


@dataclass(frozen=True, slots=True)
class Statement:
    entity: str
    property: str
    value: str
    qualifiers: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class Dataset:
    """Every statement of one file, by entity and property; labels and types as read."""

    statements: dict[tuple[str, str], list[Statement]] = field(default_factory=dict)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # entity -> lang -> label
    schemas: dict[str, str] = field(default_factory=dict)  # FtM: entity -> schema

    def add(self, statement: Statement) -> None:
        self.statements.setdefault((statement.entity, statement.property), []).append(statement)

    def entities(self) -> list[str]:
        return list(dict.fromkeys(entity for entity, _ in self.statements))

    def of(self, entity: str, prop: str) -> list[Statement]:
        return self.statements.get((entity, prop), [])

    def holds(self, entity: str, prop: str, value: str, qualifiers: dict[str, str]) -> bool:
        """Whether one statement has this value and every one of these qualifiers."""
        return any(
            s.value == value and all(v in s.qualifiers.get(k, ()) for k, v in qualifiers.items())
            for s in self.of(entity, prop)
        )


def wikidata_value(datavalue: dict[str, Any]) -> str | None:
    """A Wikidata datavalue as text; None for kinds a fact cannot cite."""
    kind, value = datavalue.get("type"), datavalue.get("value")
    if kind == "wikibase-entityid" and isinstance(value, dict):
        ident = value.get("id")
        return ident if isinstance(ident, str) else None
    if kind == "time" and isinstance(value, dict) and isinstance(value.get("time"), str):
        length = _PRECISION.get(value.get("precision", 11))
        if length is None:
            return None
        return value["time"].lstrip("+")[:length]
    if kind == "string" and isinstance(value, str):
        return value
    if kind == "monolingualtext" and isinstance(value, dict):
        text = value.get("text")
        return text if isinstance(text, str) else None
    return None


def _snak_value(snak: Any) -> str | None:
    if not isinstance(snak, dict) or snak.get("snaktype") != "value":
        return None
    datavalue = snak.get("datavalue")
    return wikidata_value(datavalue) if isinstance(datavalue, dict) else None


def _wikidata_entities(data: Any) -> Iterator[dict[str, Any]]:
    """Entities as the API (``{"entities": {...}}``), one entity, or a dump's list give them."""
    if isinstance(data, dict) and isinstance(data.get("entities"), dict):
        yield from (e for e in data["entities"].values() if isinstance(e, dict))
    elif isinstance(data, dict) and "id" in data:
        yield data
    elif isinstance(data, list):
        yield from (e for e in data if isinstance(e, dict))
    else:
        raise DatasetError('not Wikidata JSON: expected {"entities": {...}}, an entity or a list')


def read_wikidata(text: str) -> Dataset:
    """Wikidata JSON (wbgetentities, Special:EntityData, or a dump's JSON array)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise DatasetError(f"not JSON: {error.msg} ({where})") from None
    dataset = Dataset()
    for entity in _wikidata_entities(data):
        ident = entity.get("id")
        if not isinstance(ident, str):
            continue
        labels = entity.get("labels") or {}
        dataset.labels[ident] = {
            lang: label["value"]
            for lang, label in labels.items()
            if isinstance(label, dict) and isinstance(label.get("value"), str)
        }
        for prop, claims in (entity.get("claims") or {}).items():
            for claim in claims if isinstance(claims, list) else ():
                value = _snak_value(claim.get("mainsnak")) if isinstance(claim, dict) else None
                if value is None:
                    continue
                qualifiers: dict[str, tuple[str, ...]] = {}
                for key, snaks in (claim.get("qualifiers") or {}).items():
                    found = [v for v in map(_snak_value, snaks or ()) if v is not None]
                    if found:
                        qualifiers[key] = tuple(found)
                dataset.add(Statement(ident, prop, value, qualifiers))
    return dataset


def ftm_records(text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, entity) for each JSON line of an FtM file; DatasetError at a bad line."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise DatasetError(f"line {number}: not JSON ({error.msg})") from None
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise DatasetError(f'line {number}: an FtM entity needs an "id"')
        if not isinstance(item.get("properties", {}), dict):
            raise DatasetError(f'line {number}: "properties" must be an object')
        yield number, item


def read_ftm(text: str) -> Dataset:
    """FtM entities, one JSON object a line: each property value is a statement, with
    the entity's other properties as its qualifiers."""
    dataset = Dataset()
    for _, item in ftm_records(text):
        ident = item["id"]
        dataset.schemas[ident] = str(item.get("schema", ""))
        values = {
            prop: tuple(str(v) for v in (vals if isinstance(vals, list) else [vals]))
            for prop, vals in item.get("properties", {}).items()
        }
        names = values.get("name", ())
        if names:
            dataset.labels[ident] = {"": names[0]}
        for prop, vals in values.items():
            others = {k: v for k, v in values.items() if k != prop}
            for value in vals:
                dataset.add(Statement(ident, prop, value, others))
    return dataset


def read_dataset_file(path: Path, format_: str, max_bytes: int = MAX_DATASET_BYTES) -> Dataset:
    """A dataset file in ``format_`` (one of FORMATS); DatasetError or OSError if unreadable."""
    try:
        text = read_bounded(path, max_bytes).decode("utf-8")
    except TooLarge as error:
        raise DatasetError(f"{error.size_text}, over the {max_bytes >> 20} MiB limit") from None
    except UnicodeDecodeError as error:
        raise DatasetError(f"not UTF-8 (byte {error.start})") from None
    return read_wikidata(text) if format_ == "wikidata-json" else read_ftm(text)
