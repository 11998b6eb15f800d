"""Accepting a drafted actor, renaming an id, merging a drafted name into a known actor.

A draft names a person the facts do not know by a provisional id (``new-person-1``); a
curator chooses the id (accept), changes one (rename), or finds the person is a known
actor (merge: the drafted record goes, its references point to the known one). Each
updates every reference in every fact file, found through the schema's reference fields
(never by searching the text, so a quote or a summary is never touched), and keeps each
file's comments and layout: only the id's characters change, and merge removes the
drafted record's lines.

The edit is made on a copy of the folder's fact files and checked there first: if the
result has an error the folder had not (the known actor on both sides of a contact, an
id already taken), nothing is written and the errors are returned, at the lines they
have in the folder's files (an id change moves no line). Then each changed file is
replaced whole (a temporary file renamed over it).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from dipgraph.errors import InputError
from dipgraph.loader import check_facts, fact_files
from dipgraph.loader.corroborations import split_corroborations
from dipgraph.loader.dataset import DATASET_FILE
from dipgraph.loader.drafts import is_draft_leftover
from dipgraph.loader.one_file import check_one_file
from dipgraph.loader.problems import Problem, shown_path
from dipgraph.loader.reading import MAX_FILE_BYTES, read_yaml_nodes
from dipgraph.schema.model import load_model


class EditError(InputError):
    """An edit refused: an unknown id, a conflict, or facts with errors already."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class Edited:
    """What an edit changed: the files rewritten, and how many references moved."""

    files: tuple[Path, ...]
    references: int


def _ref_fields(kind: str) -> frozenset[str]:
    """The fields (of any kind) whose values may name a record of ``kind``; a source's
    designations name actors in their ``actors`` (see :func:`_references`)."""
    model = load_model()
    fields = frozenset(
        name
        for fact_kind in model.kinds.values()
        for name, prop in fact_kind.properties.items()
        if prop.type in ("ref", "sides") and kind in prop.range
    )
    return fields | {"designations"} if kind == "actor" else fields


def _references(name: str, value: yaml.Node):
    """The scalars of field ``name`` that are references: a designation's phrase and
    why are text, only its actors are ids."""
    if name != "designations":
        yield from _scalars(value)
        return
    for entry in value.value if isinstance(value, yaml.SequenceNode) else ():
        for key, actors in entry.value if isinstance(entry, yaml.MappingNode) else ():
            if key.value == "actors":
                yield from _scalars(actors)


def _offsets(text: str) -> list[int]:
    starts, at = [0], 0
    for line in text.splitlines(keepends=True):
        at += len(line)
        starts.append(at)
    return starts


def _scalars(node: yaml.Node):
    """Every scalar under ``node``."""
    if isinstance(node, yaml.ScalarNode):
        yield node
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalars(item)
    elif isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            yield from _scalars(value)


@dataclass
class _Plan:
    """Character spans to replace and line ranges to drop, per file."""

    spans: dict[Path, list[tuple[int, int, str]]]
    drops: dict[Path, list[tuple[int, int]]]
    references: int = 0


def _plan(root: Path, kind: str, old: str, new: str, drop: bool) -> _Plan:
    """Where ``old`` occurs as an id of ``kind`` or a reference to it; with ``drop``, its
    record's lines are dropped instead of renamed (merge)."""
    fields = _ref_fields(kind)
    plural = load_model().kinds[kind].plural
    plan = _Plan({}, {})
    for path in fact_files(root):
        node, _ = read_yaml_nodes(path, str(path))
        if not isinstance(node, yaml.MappingNode):
            continue
        text = path.read_text(encoding="utf-8")
        starts = _offsets(text)
        spans: list[tuple[int, int, str]] = []

        def at(mark: yaml.Mark, starts: list[int] = starts) -> int:
            return starts[mark.line] + mark.column

        for key, section in node.value:
            if not isinstance(section, yaml.SequenceNode):
                continue
            for item in section.value:
                if not isinstance(item, yaml.MappingNode):
                    continue
                for field_key, value in item.value:
                    name = field_key.value
                    if name == "id" and key.value == plural and value.value == old:
                        if drop:
                            plan.drops.setdefault(path, []).append(
                                (item.start_mark.line, _end_line(item, text))
                            )
                        else:
                            spans.append(
                                (at(value.start_mark), at(value.end_mark), _as(value, new))
                            )
                    elif name in fields:
                        for scalar in _references(name, value):
                            if scalar.value == old:
                                spans.append(
                                    (at(scalar.start_mark), at(scalar.end_mark), _as(scalar, new))
                                )
                                plan.references += 1
        if spans:
            plan.spans[path] = spans
    return plan


def _as(scalar: yaml.ScalarNode, ident: str) -> str:
    """``ident`` written as the scalar it replaces was: plain, or in the same quotes."""
    quote = scalar.style if scalar.style in ("'", '"') else ""
    return f"{quote}{ident}{quote}"


def _end_line(item: yaml.MappingNode, text: str) -> int:
    """The line after a sequence item's last line (its end mark may sit on the next)."""
    end = item.end_mark
    lines = text.splitlines()
    if end.line >= len(lines):
        return len(lines)
    before = lines[end.line][: end.column].strip()
    return end.line if before in ("", "-") else end.line + 1  # at the next item, or after


def _apply(text: str, spans: list[tuple[int, int, str]], drops: list[tuple[int, int]]) -> str:
    for start, end, value in sorted(spans, reverse=True):
        text = text[:start] + value + text[end:]
    if drops:
        lines = text.splitlines(keepends=True)
        for first, last in sorted(drops, reverse=True):
            del lines[first:last]
        text = "".join(lines)
    return text


def _declared(root: Path, ident: str) -> tuple[str, str] | None:
    """(kind, where) of the record declared with this id, valid or not, as the loader
    reads each file: a drafted record that still has a draft's placeholder (an English
    name 'DRAFT: …') is not among the checked facts, yet is what accept is for."""
    model = load_model()
    dataset_file = Path(root).resolve() / DATASET_FILE
    for path in fact_files(root):
        alone = check_one_file(path, shown_path(path), path == dataset_file, model, MAX_FILE_BYTES)
        records, _ = split_corroborations(alone.declared)  # a corroboration declares nothing
        for declared in records:
            if declared.id == ident:
                return declared.kind, str(declared.where)
    return None


def _errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error" and not is_draft_leftover(p.message)]


def _edit(root: Path, plan: _Plan) -> Edited:
    """Check the edited files on a copy of the folder, then write them (or refuse)."""
    changed = {path for path in (*plan.spans, *plan.drops)}
    new_texts = {
        path: _apply(
            path.read_text(encoding="utf-8"), plan.spans.get(path, []), plan.drops.get(path, [])
        )
        for path in changed
    }
    base = root.resolve()  # the fact files' paths are resolved; --facts may be relative
    with tempfile.TemporaryDirectory(prefix="dipgraph-edit-") as scratch:
        copy = Path(scratch) / "facts"
        shutil.copytree(root, copy, symlinks=True)
        for path, text in new_texts.items():
            (copy / path.relative_to(base)).write_text(text, encoding="utf-8")
        _, problems = check_facts(copy)
        errors = _errors(problems)
        if errors:
            shown = []
            for p in errors:
                inside = Path(p.path.replace(str(copy), str(base), 1))
                line = _old_line(plan.drops.get(inside, []), p.line)
                path = Path(p.path.replace(str(copy), str(root), 1))
                shown.append(Problem(str(path), line, p.col, p.message, p.severity))
            raise EditError("refused: the edit would leave these errors", shown)
    for path, text in new_texts.items():
        _replace(path, text)
    return Edited(tuple(root / path.relative_to(base) for path in sorted(changed)), plan.references)


def _old_line(drops: list[tuple[int, int]], line: int) -> int:
    """The line (1-based) of the folder's file that ``line`` of the edited one was."""
    for first, last in sorted(drops):
        if line - 1 >= first:
            line += last - first
    return line


def _replace(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _ready(root: Path) -> None:
    _, problems = check_facts(root)
    errors = _errors(problems)
    if errors:
        raise EditError("the facts have errors; fix them first (see dipgraph check)", errors)


def rename(root: Path, old: str, new: str) -> Edited:
    """Give the record ``old`` the id ``new``, in its declaration and every reference."""
    _ready(root)
    found = _declared(root, old)
    if found is None:
        raise EditError(f"no record has the id '{old}' in {root}")
    taken = _declared(root, new)
    if taken is not None:
        raise EditError(f"'{new}' is already the id of the {taken[0]} at {taken[1]}")
    return _edit(root, _plan(root, found[0], old, new, drop=False))


def merge(root: Path, drafted: str, known: str) -> Edited:
    """Drop the actor ``drafted`` and point every reference to it at ``known``."""
    _ready(root)
    found, target = _declared(root, drafted), _declared(root, known)
    if found is None or found[0] != "actor":
        raise EditError(f"no actor has the id '{drafted}' in {root}")
    if target is None or target[0] != "actor":
        raise EditError(f"no actor has the id '{known}' in {root}")
    if drafted == known:
        raise EditError("an actor cannot be merged into itself")
    return _edit(root, _plan(root, "actor", drafted, known, drop=True))
