"""Hierarchies that must not loop: ``broader``, ``part_of``, ``member_of`` and ``in``.

A topic narrower than itself, or an organization part of its own part, makes
"include narrower topics" and "go up the hierarchy" meaningless; the loop is
always a mistake in the data, so it is an error at the field that closes it.

>>> find_cycles({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["d"], "e": ["a"]})
[['a', 'b', 'c'], ['d']]
"""

from __future__ import annotations

import keyword
from collections.abc import Iterable, Mapping

from dipgraph.facts import Facts, Location
from dipgraph.loader.fields import Pending, Reference, with_field
from dipgraph.loader.problems import Problem

_FIELDS = (
    ("topic", "broader", "a topic cannot be narrower than itself"),
    ("actor", "part_of", "an organization cannot be part of itself"),
    ("actor", "member_of", "an actor cannot be a member of itself"),
    ("place", "in", "a place cannot lie within itself"),
)


def find_cycles(edges: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """Every loop of ``edges`` once, each starting at its first node in ``edges`` order.

    An iterative depth-first search (no recursion limit, linear time): each node is
    finished once, and a back edge to a node on the current path closes a loop.
    """
    state: dict[str, int] = {}  # 1 on the current path, 2 finished
    cycles: list[list[str]] = []
    for start in edges:
        if start in state:
            continue
        path: list[str] = [start]
        state[start] = 1
        stack = [iter(edges.get(start, ()))]
        while stack:
            target = next(stack[-1], None)
            if target is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(target) == 1:
                cycles.append(path[path.index(target) :])
            elif target not in state:
                state[target] = 1
                path.append(target)
                stack.append(iter(edges.get(target, ())))
    order = {node: index for index, node in enumerate(edges)}
    for cycle in cycles:
        first = min(range(len(cycle)), key=lambda i: order.get(cycle[i], len(order)))
        cycle[:] = cycle[first:] + cycle[:first]
    return cycles


def _field_location(refs: list[Reference], owner: Location, target: str) -> Location:
    """Where ``owner``'s item names ``target``: the first such reference after the item."""
    after = [
        r.where
        for r in refs
        if r.target == target
        and r.where.path == owner.path
        and (r.where.line, r.where.col) >= (owner.line, owner.col)
    ]
    return min(after, key=lambda w: (w.line, w.col), default=owner)


def report_cycles(facts: Facts, pending: Pending, problems: list[Problem]) -> None:
    """An error for every loop in broader, part_of, member_of and in, at the closing field."""
    for kind, field, why in _FIELDS:
        records = facts.by_kind(kind)
        edges: dict[str, list[str]] = {}
        for ident, record in records.items():
            value = getattr(record, field + "_" if keyword.iskeyword(field) else field)
            targets = [value] if isinstance(value, str) else list(value or ())
            edges[ident] = [t for t in targets if t in records]
        cycles = find_cycles(edges)
        refs = list(with_field(pending.references, field)) if cycles else []
        for cycle in cycles:
            last = records[cycle[-1]]
            where = _field_location(refs, last.location, cycle[0])
            loop = " → ".join([*cycle, cycle[0]])
            problems.append(
                Problem(where.path, where.line, where.col, f"{field} makes a loop: {loop}; {why}")
            )
