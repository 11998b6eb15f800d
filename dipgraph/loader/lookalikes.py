"""Two actors whose names look the same: probably one person under two ids.

"Vladimir Putin" with a Cyrillic "а", or with a zero-width space, passes every
other check and shows as a second, identical "Vladimir Putin" in every table.
"""

from __future__ import annotations

from dipgraph.facts import Actor
from dipgraph.loader.problems import Problem
from dipgraph.names import name_skeleton


def warn_lookalike_actors(actors: list[Actor], problems: list[Problem]) -> None:
    """A warning at every actor whose name reads like an earlier actor's name."""
    first_seen: dict[str, tuple[Actor, str]] = {}
    for actor in actors:
        warned = False
        for name in dict.fromkeys(actor.names.values()):
            key = name_skeleton(name)
            if not key:
                continue
            earlier = first_seen.get(key)
            if earlier is None:
                first_seen[key] = (actor, name)
            elif earlier[0].id != actor.id and not warned:
                other, other_name = earlier
                where = actor.location
                assert where is not None
                same = "the same as" if other_name == name else "like"
                problems.append(
                    Problem(
                        where.path,
                        where.line,
                        where.col,
                        f"actor '{actor.id}' is named '{name}', which reads {same} "
                        f"'{other_name}' of actor '{other.id}' ({other.location}): "
                        "the same person under two ids?",
                        "warning",
                    )
                )
                warned = True
