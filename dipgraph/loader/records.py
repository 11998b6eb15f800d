"""Checking the sections and items of one fact file against the model."""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass
from typing import Any

import yaml

from dipgraph.facts import DECLARED_TYPES, Location
from dipgraph.loader.dataset import DATASET_FILE, check_dataset_node
from dipgraph.loader.fields import INVALID, FieldChecker, Initiator
from dipgraph.loader.problems import did_you_mean, with_article
from dipgraph.schema.model import FactKind


@dataclass(frozen=True, slots=True)
class Declared:
    """A record as read from one file: its kind, id, fields and location."""

    kind: str
    id: str
    where: Location
    record: Any  # a dipgraph.facts record, or None when some field was invalid


# Field names that are Python keywords take a trailing underscore ('from' -> 'from_').
_ATTRIBUTES = {name: f"{name}_" for name in keyword.kwlist}


def _check_dates(
    checker: FieldChecker, values: dict[str, Any], nodes: dict[str, yaml.Node]
) -> bool:
    start, end, as_of = values.get("from"), values.get("until"), values.get("as_of")
    if start and end and end.last_day < start.first_day:
        checker.reader.error(nodes["until"], f"until ({end}) is before from ({start})")
        return False
    if as_of and (
        (start and as_of.last_day < start.first_day) or (end and as_of.first_day > end.last_day)
    ):
        checker.reader.error(nodes["as_of"], f"as_of ({as_of}) is outside from/until")
        return False
    return True


def _check_parties(
    checker: FieldChecker,
    values: dict[str, Any],
    nodes: dict[str, yaml.Node],
    item: yaml.Node,
    written: dict[str, yaml.Node],
) -> bool:
    """A contact's parties: sides, or two participants; role-holders are not parties."""
    if "sides" in nodes and "participants" in nodes:
        checker.reader.error(nodes["participants"], "write either sides or participants, not both")
        return False
    if "participants" in values:
        values["sides"] = tuple((actor,) for actor in values.pop("participants"))
    elif not written.keys() & {"sides", "participants"}:
        checker.reader.error(
            item, "a contact is missing its parties: write participants: [a, b] or sides:"
        )
        return False
    for key in ("sides", "participants"):
        if key in written and checker.reader.is_null(written[key]):
            checker.reader.error(written[key], f"{key} is empty")
            return False
    sides = values.get("sides")
    if sides is None:
        return False  # reported already
    parties = {actor for side in sides for actor in side}
    ok = True
    for role in ("subjects", "hosts", "mediators"):
        for actor in values.get(role, ()):
            if actor in parties:
                checker.reader.error(
                    nodes[role],
                    f"'{actor}' is a party to this contact, so it cannot also be one of its "
                    f"{role} (role-holders take no side)",
                )
                ok = False
    initiator = values.get("initiated_by")
    if initiator and initiator not in parties:
        # It may still name a state a party belongs to: decided once every actor is read.
        checker.pending.initiators.append(
            Initiator(initiator, tuple(parties), checker.reader.where(nodes["initiated_by"]))
        )
    return ok


def _check_reporting(
    checker: FieldChecker, values: dict[str, Any], nodes: dict[str, yaml.Node]
) -> bool:
    """``reported_by`` names someone else than the speaker or a party; a disputed contact
    quotes both the report and the denial."""
    reporters = values.get("reported_by")
    if isinstance(reporters, str):
        reporters = (reporters,)
    own = {values.get("speaker")} | {a for side in values.get("sides", ()) for a in side}
    for reporter in reporters or ():
        if reporter in own:
            who = "the speaker" if reporter == values.get("speaker") else "a party"
            checker.reader.error(
                nodes["reported_by"],
                f"reported_by '{reporter}' is {who}: reported_by names someone else who "
                "reports it (leave it out for one's own account)",
            )
            return False
    if values.get("status") == "disputed" and len(values.get("evidence", ())) < 2:
        checker.reader.error(
            nodes["status"],
            "a disputed contact quotes both the report and the denial: give two quotes or more",
        )
        return False
    return True


def _check_not_printed(
    checker: FieldChecker, values: dict[str, Any], nodes: dict[str, yaml.Node]
) -> bool:
    """Each ``not_printed`` entry is one of the record's own names or aliases."""
    listed = values.get("not_printed")
    if not listed:
        return True
    own = set(values.get("names", {}).values())
    own.update(alias for forms in values.get("aliases", {}).values() for alias in forms)
    ok = True
    for key_node, _ in nodes["not_printed"].value:
        if key_node.value not in own:
            checker.reader.error(
                key_node,
                f"not_printed '{key_node.value}' is not one of this record's names or aliases"
                f"{did_you_mean(key_node.value, sorted(own))}",
            )
            ok = False
    return ok


def _inline_place(checker: FieldChecker, node: yaml.MappingNode) -> None:
    """The form before places had ids, ``place: {en: Istanbul}``: say how to write it now."""
    english = next(
        (
            value.value
            for key, value in node.value
            if isinstance(key, yaml.ScalarNode)
            and key.value == "en"
            and isinstance(value, yaml.ScalarNode)
        ),
        "",
    )
    ident = re.sub(r"[^a-z0-9]+", "-", english.casefold()).strip("-")[:60].strip("-") or "the-id"
    checker.reader.error(
        node,
        "place takes the id of a place, not its names: define the place once under "
        f"places: (e.g. in places.yaml: - id: {ident} with names: {{en: ..., ar: ...}}) "
        f"and write place: {ident}",
    )


def check_item(checker: FieldChecker, kind: FactKind, node: yaml.Node) -> Declared | None:
    """Check one item; returns what it declares, even when some fields are wrong."""
    reader = checker.reader
    entries = reader.mapping(node, f"each entry of {kind.plural}")
    if entries is None:
        return None
    properties = kind.properties
    values: dict[str, Any] = {}
    nodes: dict[str, yaml.Node] = {}
    ok = True
    for key, key_node, value_node in entries:
        prop = properties.get(key)
        if prop is None:
            reader.error(
                key_node,
                f"unknown field '{key}' in {with_article(kind.name)}"
                f"{did_you_mean(key, properties)}",
            )
            ok = False
            continue
        if not prop.required and reader.is_null(value_node):
            continue
        if prop.range == ("place",) and isinstance(value_node, yaml.MappingNode):
            _inline_place(checker, value_node)
            ok = False
            continue
        value = checker.value(prop, value_node, key)
        if value is INVALID:
            ok = False
            continue
        values[key] = value
        nodes[key] = value_node
    for name in kind.required:
        # Checked values are the usual witness; an invalid one was present all the same.
        if name not in nodes and all(key != name for key, _, _ in entries):
            reader.error(node, f"{with_article(kind.name)} is missing required field '{name}'")
            ok = False
    ok = _check_dates(checker, values, nodes) and ok
    if kind.name == "contact":
        written = {key: value for key, _, value in entries}
        ok = _check_parties(checker, values, nodes, node, written) and ok
    if kind.name in ("contact", "statement"):
        ok = _check_reporting(checker, values, nodes) and ok
    if kind.name in ("actor", "topic"):
        ok = _check_not_printed(checker, values, nodes) and ok
    key = "fact" if kind.name == "corroboration" else "id"  # a corroboration names its fact
    if key not in values:
        return None
    where = reader.where(node)
    record = None
    if ok:
        fields = {_ATTRIBUTES.get(k, k): v for k, v in values.items()}
        record = DECLARED_TYPES[kind.name](**fields, location=where)
    return Declared(kind.name, values[key], where, record)


def check_file(
    checker: FieldChecker, root: yaml.Node, dataset_file: bool = False
) -> list[Declared]:
    """Check every section of one file, in order (``dataset_file``: the facts' own
    dataset.yaml, the one file whose ``dataset`` section is read)."""
    reader = checker.reader
    sections = checker.model.by_plural
    declared: list[Declared] = []
    for key, key_node, value_node in reader.mapping(root, "a fact file") or []:
        if key == "dataset":
            if dataset_file:
                check_dataset_node(reader, value_node)
            else:
                reader.error(
                    key_node,
                    f"the dataset is described in {DATASET_FILE} at the root of the facts "
                    "directory, not here",
                )
            continue
        kind = sections.get(key)
        if kind is None:
            reader.error(
                key_node,
                f"unknown section '{key}'{did_you_mean(key, sections)}; "
                f"sections: {', '.join(sections)}",
            )
            continue
        if reader.is_null(value_node):
            continue
        for item in reader.sequence(value_node, f"the {key} section"):
            result = check_item(checker, kind, item)
            if result is not None:
                declared.append(result)
    return declared
