"""Facts drafted from structured datasets the user brings (``dipgraph import``).

Posts (who held which office, and when) already exist as data: Wikidata's P39 "position
held" with its start (P580) and end (P582) qualifiers, FtM ``Occupancy`` entities. An
import drafts actors, posts with their dates and the organization of each post, matched
to known actors by Wikidata id or exact name, as a reviewable fact file whose evidence
cites the dataset (entity, property, value, qualifiers, address, retrieval date): ``check``
proves every cited value is in the file, which must lie inside the facts directory.
Nothing is merged silently and nothing is fetched.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from dipgraph.dates import DateError, PartialDate
from dipgraph.errors import InputError
from dipgraph.facts import Facts
from dipgraph.loader.dataset_files import DatasetError
from dipgraph.loader.fields import is_wikidata_id
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
class Imported:
    """What one dataset file gives: its source entry, actors and posts."""

    source_id: str
    format: str
    file: str  # relative to the directory of the draft file
    retrieved: str
    title: str
    actors: list[ActorDraft] = field(default_factory=list)
    posts: list[PostDraft] = field(default_factory=list)


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


def import_dataset(
    kind: str,
    path: str | os.PathLike[str],
    facts_dir: str | os.PathLike[str],
    retrieved: str,
    source_id: str | None = None,
    draft_dir: str | os.PathLike[str] | None = None,
) -> Imported:
    """Draft facts from a Wikidata JSON (``kind="wikidata"``) or FtM JSON lines file
    (``kind="ftm"``) inside ``facts_dir``; ``draft_dir`` is where the draft will be saved
    (the facts directory by default), so the source's ``file`` points at the dataset."""
    from dipgraph.loader import load_facts

    dataset_path, root = Path(path), Path(facts_dir)
    check_inside(dataset_path, root)
    if dataset_date(retrieved) is None:
        raise ImportFileError(f"--retrieved '{retrieved}' is not a date (YYYY-MM-DD)")
    facts = load_facts(root)
    matcher = Matcher(facts)
    where = Path(draft_dir) if draft_dir is not None else root
    from dipgraph.suggest.output import slug

    source = source_id or matcher.new_id(f"{kind}-{slug(dataset_path.stem)}")
    file = relative_file(dataset_path, where)
    try:
        if kind == "wikidata":
            from dipgraph.imports.wikidata import draft_wikidata

            return draft_wikidata(dataset_path, matcher, source, file, retrieved)
        if kind == "ftm":
            from dipgraph.imports.ftm import draft_ftm

            return draft_ftm(dataset_path, matcher, source, file, retrieved)
    except DatasetError as error:
        raise ImportFileError(f"{dataset_path}: {error}") from None
    raise ImportFileError(f"unknown dataset kind {kind!r}: wikidata or ftm")


__all__ = [
    "ActorDraft",
    "Citation",
    "ImportFileError",
    "Imported",
    "PostDraft",
    "import_dataset",
    "is_wikidata_id",
]
