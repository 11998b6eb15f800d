"""What an import drafts (actors, posts, their dataset citations), how it matches known
actors, and the small rules every importer shares."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from dipgraph.dates import DateError, PartialDate
from dipgraph.errors import InputError
from dipgraph.facts import Facts
from dipgraph.names import normalise_name


class ImportFileError(InputError):
    """A dataset file that cannot be imported; the message says where and why."""


@dataclass
class Citation:
    """Evidence of kind 2: one statement of the dataset."""

    entity: str
    property: str
    value: str
    qualifiers: dict[str, str] = field(default_factory=dict)
    address: str | None = None


@dataclass
class ActorDraft:
    id: str
    kind: str
    names: dict[str, str]
    wikidata: str | None = None
    known: bool = False  # matched to an actor of the facts: not drafted again
    note: str = ""


@dataclass
class PostDraft:
    id: str
    holder: str
    post: dict[str, str]
    citations: list[Citation]
    organization: str | None = None
    from_: str | None = None
    until: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class MembershipDraft:
    """``member`` is a member of ``organization`` (Wikidata P463, an FtM ``Membership``).
    An actor's ``member_of`` carries no evidence or dates, so the citation and the dates
    travel as a comment the curator reads; a known member's file is never edited."""

    member: str
    organization: str
    citation: Citation
    from_: str | None = None
    until: str | None = None


@dataclass
class Imported:
    """What one dataset file gives: its source entry, actors and posts."""

    source_id: str
    format: str
    file: str  # relative to the directory of the draft file
    retrieved: str
    title: str
    actors: list[ActorDraft] = field(default_factory=list)
    posts: list[PostDraft] = field(default_factory=list)
    memberships: list[MembershipDraft] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class Matcher:
    """Known actors by Wikidata id and by exact (normalised) name; new ids kept unique."""

    def __init__(self, facts: Facts) -> None:
        self.by_wikidata = {a.wikidata: a.id for a in facts.actors.values() if a.wikidata}
        self.by_name: dict[str, set[str]] = {}
        for actor in facts.actors.values():
            names = [actor.id, *actor.names.values()]
            names += [alias for aliases in actor.aliases.values() for alias in aliases]
            for name in names:
                self.by_name.setdefault(normalise_name(name), set()).add(actor.id)
        self.taken = {i for kind in ("actors", "posts", "sources") for i in getattr(facts, kind)}

    def known(self, wikidata: str | None, names: list[str]) -> str | None:
        """The known actor this is: same Wikidata id, else one actor with this exact name."""
        if wikidata and wikidata in self.by_wikidata:
            return self.by_wikidata[wikidata]
        for name in names:
            found = self.by_name.get(normalise_name(name), set())
            if len(found) == 1:
                return next(iter(found))
        return None

    def new_id(self, wanted: str) -> str:
        ident, number = wanted or "imported", 2
        while ident in self.taken:
            ident, number = f"{wanted}-{number}", number + 1
        self.taken.add(ident)
        return ident


def post_id(holder: str, title: str, start: str | None) -> str:
    """``{holder}-{title}-{start}``: a post's id, from the parts that are not empty."""
    return "-".join(part for part in (holder, title, start or "undated") if part)


def dataset_date(text: str | None) -> str | None:
    """A dataset's date as a fact's date (YYYY[-MM[-DD]]), or None if it is not one."""
    if not text:
        return None
    try:
        return str(PartialDate.parse(text[:10]))
    except DateError:
        return None


def check_inside(path: Path, facts_dir: Path) -> None:
    """The dataset file must be kept beside the facts: check reads it to prove citations."""
    if not path.is_file():
        raise ImportFileError(f"dataset file not found: {path}")
    if not path.resolve().is_relative_to(facts_dir.resolve()):
        raise ImportFileError(
            f"{path} is not inside the facts directory {facts_dir}: copy it there first "
            "(dipgraph check reads it to prove each cited value)"
        )


def relative_file(path: Path, draft_dir: Path) -> str:
    return Path(os.path.relpath(path.resolve(), draft_dir.resolve())).as_posix()
