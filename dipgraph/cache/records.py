"""Checked facts as plain JSON data and back, without pickle.

A cache entry may be tampered with, so restoring it must not be able to run code.
Each record is written as the list of its field values; reading rebuilds only the
record classes of :mod:`dipgraph.facts` (and :class:`~dipgraph.dates.PartialDate`),
converting every field by its declared type, so nothing in the data chooses a class.

>>> from dipgraph.facts import Evidence
>>> plain = json.loads(_ENCODER.encode(Evidence("wire", "a quote")))
>>> plain, decoder(Evidence)(plain) == Evidence("wire", "a quote")
(['wire', 'a quote', None, False, None], True)
"""

from __future__ import annotations

import dataclasses
import json
import operator
import types
import typing
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, cast

from dipgraph import facts as facts_module
from dipgraph.dates import PartialDate
from dipgraph.errors import CacheError
from dipgraph.facts import Facts

Decoder = Callable[[Any], Any]
_SCALARS = (str, int, bool)


class BadRecord(CacheError, ValueError):
    """Stored data that does not have the shape its declared type calls for."""


def _scalar(kind: type) -> Decoder:
    def check(value: Any) -> Any:
        if type(value) is not kind:
            raise BadRecord(f"expected {kind.__name__}, found {type(value).__name__}")
        return value

    return check


def _for_type(hint: Any) -> Decoder:
    """A function turning JSON data back into a value of the type ``hint``."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        choices = [a for a in args if a is not type(None)]
        inner = _for_type(choices[0]) if len(choices) == 1 else None
        if inner is None:
            raise TypeError(f"cannot store the type {hint}")
        return lambda value: None if value is None else inner(value)
    if origin is tuple:
        if args[0] in _SCALARS:
            return _tuple_of(args[0])
        item = _for_type(args[0])
        return lambda value: tuple([item(v) for v in _list(value)])
    if origin is dict:
        item = _for_type(args[1])
        return lambda value: {_scalar(str)(k): item(v) for k, v in _dict(value).items()}
    if hint is Path:
        return lambda value: Path(_scalar(str)(value))
    if hint in (str, int, bool):
        return _scalar(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return decoder(hint)
    raise TypeError(f"cannot store the type {hint}")


def _tuple_of(kind: type) -> Decoder:
    def convert(value: Any) -> tuple:
        if type(value) is not list:
            raise BadRecord(f"expected a list, found {type(value).__name__}")
        for item in value:
            if type(item) is not kind:
                raise BadRecord(f"expected {kind.__name__}, found {type(item).__name__}")
        return tuple(value)

    return convert


def _list(value: Any) -> list:
    if type(value) is not list:
        raise BadRecord(f"expected a list, found {type(value).__name__}")
    return value


def _dict(value: Any) -> dict:
    if type(value) is not dict:
        raise BadRecord(f"expected an object, found {type(value).__name__}")
    return value


def _scalar_tuple(hint: Any) -> frozenset[type] | None:
    """For ``tuple[str, ...]`` (or of another scalar), the set of its items' one type."""
    if typing.get_origin(hint) is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis and args[0] in _SCALARS:
            return frozenset({args[0]})
    return None


def _item_of(hint: Any) -> Any:
    """The item type of ``tuple[X, ...]``, None for any other type."""
    if typing.get_origin(hint) is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return args[0]
    return None


def _bad_list(value: Any) -> Any:
    raise BadRecord(f"expected a list, found {type(value).__name__}")


def _bad_items(value: list, kinds: frozenset[type]) -> Any:
    (kind,) = kinds
    found = next(type(item) for item in value if type(item) is not kind)
    raise BadRecord(f"expected {kind.__name__}, found {found.__name__}")


def _bad_field(cls: type, name: str, kind: type, value: Any) -> Any:
    raise BadRecord(
        f"{cls.__name__}.{name}: expected {kind.__name__}, found {type(value).__name__}"
    )


def _bad_count(cls: type, count: int) -> Any:
    raise BadRecord(f"a {cls.__name__} record needs {count} fields")


@cache
def decoder(cls: type) -> Decoder:
    """Rebuild a ``cls`` record from its field list (see :func:`encode`).

    The function is written for the class from its fields' names and types (never from
    stored data): each text, number or flag field checked inline, the others converted by
    their type's decoder, each slot set directly (frozen dataclasses: no ``__init__``, as
    pickle does). Decoding the kept file checks was a third of a ``check`` after an edit;
    this runs it in about half the time of a loop over the fields."""
    if cls not in _RECORD_CLASSES:
        raise TypeError(f"{cls.__name__} is not a stored record type")
    hints = typing.get_type_hints(cls, vars(facts_module))
    names = [f.name for f in dataclasses.fields(cls)]
    count = len(names)
    env: dict[str, Any] = {
        "_new": object.__new__,
        "_cls": cls,
        "_type": type,
        "_listtype": list,
        "_len": len,
        "_bad_field": _bad_field,
        "_bad_count": _bad_count,
    }
    values = ", ".join(f"v{i}" for i in range(count))
    body = [
        "def rebuild(value):",
        f"    if _type(value) is not _listtype or _len(value) != {count}:",
        f"        _bad_count(_cls, {count})",
        f"    {values}, = value",
        "    record = _new(_cls)",
    ]
    for i, name in enumerate(names):
        hint = hints[name]
        env[f"set{i}"] = vars(cls)[name].__set__  # the slot's own setter
        env[f"n{i}"] = name
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        optional = origin in (typing.Union, types.UnionType) and type(None) in args
        inner = [a for a in args if a is not type(None)] if optional else [hint]
        if len(inner) == 1 and inner[0] in _SCALARS:
            env[f"k{i}"] = inner[0]
            test = f"_type(v{i}) is not k{i}"
            if optional:
                test = f"v{i} is not None and {test}"
            body.append(f"    if {test}:")
            body.append(f"        _bad_field(_cls, n{i}, k{i}, v{i})")
            body.append(f"    set{i}(record, v{i})")
        elif len(inner) == 1 and _scalar_tuple(inner[0]) is not None:
            # tuple[str, ...] (the most frequent field): checked inline, an empty one at
            # once (each was a call of _tuple_of: 0.9 M of them at 100k contacts)
            env[f"k{i}"] = _scalar_tuple(inner[0])
            if optional:
                body.append(f"    if v{i} is None:")
                body.append(f"        set{i}(record, None)")
                body.append(f"    elif _type(v{i}) is not _listtype:")
            else:
                body.append(f"    if _type(v{i}) is not _listtype:")
            body.append(f"        _bad_list(v{i})")
            body.append(f"    elif not v{i}:")
            body.append(f"        set{i}(record, ())")
            body.append(f"    elif not _set(_map(_type, v{i})) <= k{i}:")
            body.append(f"        _bad_items(v{i}, k{i})")
            body.append("    else:")
            body.append(f"        set{i}(record, _tuple(v{i}))")
        elif not optional and _item_of(hint) is not None:
            env[f"c{i}"] = _for_type(_item_of(hint))  # tuple[Evidence, ...] and the like
            body.append(f"    if _type(v{i}) is not _listtype:")
            body.append(f"        _bad_list(v{i})")
            body.append(f"    set{i}(record, _tuple([c{i}(x) for x in v{i}]) if v{i} else ())")
        elif len(inner) == 1 and isinstance(inner[0], type) and dataclasses.is_dataclass(inner[0]):
            env[f"c{i}"] = decoder(inner[0])  # (no wrapper for None: tested inline)
            if optional:
                body.append(f"    set{i}(record, None if v{i} is None else c{i}(v{i}))")
            else:
                body.append(f"    set{i}(record, c{i}(v{i}))")
        else:
            env[f"c{i}"] = _for_type(hint)
            body.append(f"    set{i}(record, c{i}(v{i}))")
    env.update(_tuple=tuple, _set=set, _map=map, _bad_list=_bad_list, _bad_items=_bad_items)
    body.append("    return record")
    exec("\n".join(body), env)  # (code from the class's fields, never from data)
    return cast(Decoder, env["rebuild"])


_RECORD_CLASSES = frozenset(
    {
        PartialDate,
        facts_module.Location,
        facts_module.Evidence,
        facts_module.Citation,
        facts_module.Designation,  # a source's documented exceptions
        facts_module.Unrecorded,
        *facts_module.DECLARED_TYPES.values(),  # a file's corroborations too
    }
)


@cache
def _fields_of(cls: type) -> Callable[[Any], tuple]:
    names = [f.name for f in dataclasses.fields(cls)]
    return operator.attrgetter(*names) if len(names) > 1 else lambda r: (getattr(r, names[0]),)


def _plain(value: Any) -> Any:
    """What JSON cannot write itself: records as field tuples, paths as text."""
    if type(value) in _RECORD_CLASSES:
        return _fields_of(type(value))(value)  # type: ignore[arg-type]
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"cannot store {type(value).__name__}")


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_plain)


def encode_facts(facts: Facts) -> str:
    """Every record of ``facts`` as JSON text, file locations included."""
    return "".join(facts_json(facts))


def facts_json(facts: Facts, records_a_piece: int = 2000) -> Iterator[str]:
    """:func:`encode_facts`' text in pieces of at most ``records_a_piece`` records, so
    that the whole text is never in memory at once."""
    head = _ENCODER.encode({"root": str(facts.root), "files": [str(p) for p in facts.files]})
    yield head[:-1]
    for kind in facts_module.RECORD_TYPES:
        records = list(facts.by_kind(kind).values())
        yield f',"{kind}s":['
        for start in range(0, len(records), records_a_piece):
            piece = _ENCODER.encode(records[start : start + records_a_piece])[1:-1]
            yield f",{piece}" if start else piece
        yield "]"
    yield "}"


def decode_facts(data: Any) -> Facts:
    """The :class:`Facts` :func:`encode_facts` wrote; BadRecord when the data is not."""
    data = _dict(data)
    try:
        facts = Facts(
            root=Path(_scalar(str)(data["root"])),
            files=tuple(Path(_scalar(str)(p)) for p in _list(data["files"])),
        )
        for kind, cls in facts_module.RECORD_TYPES.items():
            rebuild = decoder(cls)
            records = facts.by_kind(kind)
            for item in _list(data[f"{kind}s"]):
                record = rebuild(item)
                records[record.id] = record
    except (KeyError, TypeError, ValueError) as error:
        raise BadRecord(f"stored facts are damaged: {error}") from None
    return facts
