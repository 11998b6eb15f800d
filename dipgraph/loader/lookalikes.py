"""Two actors whose names look the same: probably one person under two ids.

"Vladimir Putin" with a Cyrillic "а", or with a zero-width space, passes every
other check and shows as a second, identical "Vladimir Putin" in every table.
"""

from __future__ import annotations

from dipgraph.facts import Actor
from dipgraph.loader.characters import invisible_characters
from dipgraph.loader.problems import Problem
from dipgraph.names import name_skeleton, normalise_name


def _disguised(name: str) -> bool:
    """True when a name holds look-alike letters or invisible characters."""
    return name_skeleton(name) != normalise_name(name) or bool(invisible_characters(name))


def warn_lookalike_actors(actors: list[Actor], problems: list[Problem]) -> None:
    """A warning for every actor whose name reads like another actor's name.

    The warning goes to the actor whose name is disguised (look-alike letters, invisible
    characters), else to the later one, and names the other with its location.
    """
    first_seen: dict[str, tuple[Actor, str]] = {}
    warned: set[str] = set()
    for actor in actors:
        for name in dict.fromkeys(actor.names.values()):
            key = name_skeleton(name)
            if not key:
                continue
            earlier = first_seen.setdefault(key, (actor, name))
            if earlier[0].id == actor.id:
                continue
            suspect, other = (actor, name), earlier
            if _disguised(other[1]) and not _disguised(name):
                suspect, other = other, suspect
            if suspect[0].id in warned:
                continue
            warned.add(suspect[0].id)
            where = suspect[0].location
            assert where is not None
            same = "the same as" if suspect[1] == other[1] else "like"
            problems.append(
                Problem(
                    where.path,
                    where.line,
                    where.col,
                    f"actor '{suspect[0].id}' is named '{suspect[1]}', which reads {same} "
                    f"'{other[1]}' of actor '{other[0].id}' ({other[0].location}): "
                    "the same person under two ids?",
                    "warning",
                )
            )
