"""A JSON Schema of fact files, generated from the model so it never drifts.

Editors (VS Code's YAML extension, for one) use it to autocomplete and check
fact files as they are typed; ``dipgraph check`` remains the authority, since
references and quotes need every file.
"""

from __future__ import annotations

from typing import Any

from dipgraph.schema import rules
from dipgraph.schema.model import FactKind, Model, Property, load_model
from dipgraph.schema.namespace import DEFAULT_BASE

# From the rules `dipgraph check` applies (schema/rules.py): never copied.
ID = rules.json_pattern(rules.ID)
LANGUAGE = rules.json_pattern(rules.LANGUAGE)
WIKIDATA = rules.json_pattern(rules.WIKIDATA_ID)
DATE = rules.json_pattern(rules.DATE)
EXCEPTION = rules.json_pattern(rules.EXCEPTION)
ID_SCHEMA: dict[str, Any] = {"type": "string", "pattern": ID, "maxLength": rules.MAX_ID_CHARS}


def _value_schema(prop: Property, model: Model) -> dict[str, Any]:
    if prop.type in ("id", "ref"):
        schema: dict[str, Any] = dict(ID_SCHEMA)
        if prop.type == "ref":
            schema["description"] = f"id of {' or '.join(prop.range)}"
        return schema
    if prop.type in ("text", "path"):
        return {"type": "string", "minLength": 1}
    if prop.type == "wikidata":
        return {"type": "string", "pattern": WIKIDATA}
    if prop.type == "iri":
        return {
            "type": "string",
            "format": "iri",
            "pattern": r"^[hH][tT][tT][pP][sS]?://[^\s<>\"{}|\\^`]+$",
        }
    if prop.type == "language":
        return {"type": "string", "pattern": LANGUAGE}
    if prop.type == "bool":
        return {"type": "boolean"}
    if prop.type == "date":
        # YAML reads a bare year as a number; dipgraph reads the text, so allow both.
        return {
            "anyOf": [
                {"type": "string", "pattern": DATE},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ]
        }
    if prop.type == "enum":
        assert prop.vocabulary is not None
        return {"enum": list(model.vocabularies[prop.vocabulary])}
    if prop.type == "names":
        return {
            "type": "object",
            "propertyNames": {"pattern": LANGUAGE},
            "additionalProperties": {"type": "string", "minLength": 1},
            "required": ["en"],
        }
    if prop.type == "aliases":
        return {
            "type": "object",
            "propertyNames": {"pattern": LANGUAGE},
            "additionalProperties": {"type": "array", "items": {"type": "string", "minLength": 1}},
        }
    if prop.type == "sides":
        member = {**ID_SCHEMA, "description": "id of an actor"}
        return {
            "type": "array",
            "minItems": 2,
            "items": {"anyOf": [member, {"type": "array", "items": member, "minItems": 1}]},
        }
    if prop.type == "exception":
        return {"type": "string", "pattern": EXCEPTION}
    if prop.type in ("designation", "passage"):
        return _documented(prop.type)
    if prop.type == "not_printed":
        return {
            "type": "object",
            "propertyNames": {"minLength": 1},
            "additionalProperties": {"type": "string", "minLength": 1},
        }
    if prop.type == "evidence":
        text = {"type": "string"}
        # A quote from a source's text, or a dataset's statement (dipgraph/loader/citations.py).
        return {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "source": ID_SCHEMA,
                "quote": {"type": "string", "minLength": rules.MIN_QUOTE_CHARS},
                "gloss": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": rules.MAX_GLOSS_CHARS,
                    "description": "The curator's English translation of the quote.",
                },
                "dataset": ID_SCHEMA,
                "entity": text,
                "property": text,
                "value": text,
                "qualifiers": {"type": "object", "additionalProperties": text},
                "address": {"type": "string", "format": "iri"},
                "retrieved": {"type": "string", "pattern": DATE},
            },
            "oneOf": [
                {"required": ["source", "quote"]},
                {"required": ["dataset", "entity", "property", "value", "retrieved"]},
            ],
        }
    raise ValueError(f"no JSON Schema for property type {prop.type!r}")


def _documented(kind: str) -> dict[str, Any]:
    """A documented exception on a source: every field required, none other allowed."""
    text = {"type": "string", "minLength": 1}
    keys = rules.DESIGNATION_FIELDS if kind == "designation" else rules.PASSAGE_FIELDS
    fields: dict[str, Any] = {key: text for key in keys}
    if kind == "designation":
        fields["actors"] = {"type": "array", "minItems": 1, "items": ID_SCHEMA}
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(keys),
        "properties": fields,
    }


def _property_schema(prop: Property, model: Model) -> dict[str, Any]:
    schema = _value_schema(prop, model)
    if prop.list:
        schema = {"type": "array", "items": schema}
        if prop.required or prop.min_distinct:
            schema["minItems"] = max(1, prop.min_distinct)
        if prop.max_items:
            schema["maxItems"] = prop.max_items
    if prop.description:
        schema["description"] = prop.description
    if prop.default is not None:
        schema["default"] = prop.default
    return schema


def _one_of_required(kind: FactKind) -> dict[str, Any]:
    """A field and its shorthand: exactly one of them (contacts: sides or participants)."""
    pairs = [(p.shorthand_for, p.name) for p in kind.properties.values() if p.shorthand_for]
    if not pairs:
        return {}
    return {"allOf": [{"oneOf": [{"required": [a]}, {"required": [b]}]} for a, b in pairs]}


# The dataset section of dataset.yaml (checked by dipgraph.loader.dataset).
_DATASET = {
    "type": "object",
    "description": "What the facts say about themselves as a dataset (dataset.yaml only).",
    "additionalProperties": False,
    "required": ["base", "title"],
    "properties": {
        "base": {"type": "string", "format": "iri", "description": "Base of the data IRIs."},
        "title": {"type": "string"},
        "description": {"type": "string"},
        "publisher": {"type": "string"},
        "licence": {"type": "string", "format": "iri", "description": "The facts' licence."},
        "languages": {"type": "array", "items": {"type": "string"}},
    },
}


def fact_file_schema(base: str = DEFAULT_BASE, model: Model | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one fact file; its ``$id`` lives under the
    dataset's ``base``."""
    model = model or load_model()
    sections = {}
    for kind in model.kinds.values():
        sections[kind.plural] = {
            "type": "array",
            "description": kind.description,
            "items": {
                "type": "object",
                "title": kind.label,
                "additionalProperties": False,
                "required": [p.name for p in kind.properties.values() if p.required],
                **_one_of_required(kind),
                "properties": {
                    name: _property_schema(p, model) for name, p in kind.properties.items()
                },
            },
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{base}schema/facts.json",
        "title": "dipgraph fact file",
        "type": "object",
        "additionalProperties": False,
        "properties": {**sections, "dataset": _DATASET},
    }
