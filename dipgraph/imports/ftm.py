"""Drafts from FollowTheMoney JSON lines (OpenSanctions' politically exposed persons, an
Aleph export): each ``Occupancy`` becomes a post of its ``holder`` (a ``Person``) in its
``post`` (a ``Position``), dated by ``startDate``/``endDate``; each ``Membership`` of a
``member`` in an ``organization`` becomes a membership. Every entity is validated
with the followthemoney library first: a wrong schema, property or value is refused with
its line, never dropped in silence (as followthemoney itself would)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dipgraph.imports.drafts import (
    ActorDraft,
    Citation,
    Imported,
    ImportFileError,
    Matcher,
    MembershipDraft,
    PostDraft,
    dataset_date,
    post_id,
)
from dipgraph.loader.dataset_files import Dataset, ftm_records, read_dataset_file
from dipgraph.loader.fields import is_wikidata_id
from dipgraph.loader.reading import read_bounded

KINDS = {"Person": "person", "Organization": "organization", "PublicBody": "organization"}


def validate_ftm(path: Path) -> None:
    """Every line an entity of a known schema, with known properties and valid values."""
    try:
        from followthemoney import model
    except ImportError:
        raise ImportFileError(
            "import ftm validates with the followthemoney library: pip install followthemoney"
        ) from None
    text = read_bounded(path, 64 * 1024 * 1024).decode("utf-8", errors="replace")
    for number, item in ftm_records(text):
        schema = model.get(str(item.get("schema", "")))
        if schema is None:
            raise ImportFileError(f"{path}:{number}: unknown FtM schema {item.get('schema')!r}")
        for name, values in item.get("properties", {}).items():
            prop = schema.get(name)
            if prop is None:
                raise ImportFileError(f"{path}:{number}: {schema.name} has no property {name!r}")
            for value in values if isinstance(values, list) else [values]:
                if prop.type.clean(str(value)) is None:
                    raise ImportFileError(
                        f"{path}:{number}: {value!r} is not a valid {prop.type.name} "
                        f"for {schema.name}.{name}"
                    )


def _first(dataset: Dataset, entity: str, prop: str) -> str | None:
    found = dataset.of(entity, prop)
    return found[0].value if found else None


def draft_ftm(path: Path, matcher: Matcher, source: str, file: str, retrieved: str) -> Imported:
    """Every Occupancy of the file as a post, every Membership as a membership; the
    actors they name known or drafted."""
    from dipgraph.suggest.output import slug

    validate_ftm(path)
    dataset = read_dataset_file(path, "ftm-json")
    imported = Imported(source, "ftm-json", file, retrieved, f"FtM entities ({path.name})")
    actors: dict[str, str] = {}

    def actor(entity: str) -> str | None:
        if entity in actors:
            return actors[entity]
        kind = KINDS.get(dataset.schemas.get(entity, ""))
        name = _first(dataset, entity, "name")
        if kind is None or name is None:
            return None
        wikidata = _first(dataset, entity, "wikidataId")
        wikidata = wikidata if wikidata and is_wikidata_id(wikidata) else None
        known = matcher.known(wikidata, [name])
        if known is None:
            draft = ActorDraft(matcher.new_id(slug(name)), kind, {"en": name}, wikidata)
            imported.actors.append(draft)
            known = draft.id
        actors[entity] = known
        return known

    for ident, schema in dataset.schemas.items():
        if schema == "Occupancy":
            post = _post(dataset, matcher, ident, actor)
            if post is not None:
                imported.posts.append(post)
        elif schema == "Membership":
            membership = _membership(dataset, ident, actor)
            if membership is not None:
                imported.memberships.append(membership)
    return imported


def _with_dates(dataset: Dataset, entity: str, cited: dict[str, str]) -> dict[str, str]:
    """The qualifiers a citation names: ``cited`` and the entity's start and end dates."""
    for key in ("startDate", "endDate"):
        value = _first(dataset, entity, key)
        if value is not None:
            cited[key] = value
    return cited


def _membership(dataset: Dataset, entity: str, actor: Any) -> MembershipDraft | None:
    member_entity = _first(dataset, entity, "member")
    body = _first(dataset, entity, "organization")
    if member_entity is None or body is None:
        return None
    member, organization = actor(member_entity), actor(body)
    if member is None or organization is None or member == organization:
        return None
    cited = _with_dates(dataset, entity, {"member": member_entity})
    start, until = dataset_date(cited.get("startDate")), dataset_date(cited.get("endDate"))
    citation = Citation(entity, "organization", body, cited)
    return MembershipDraft(member, organization, citation, start, until)


def _post(dataset: Dataset, matcher: Matcher, occupancy: str, actor: Any) -> PostDraft | None:
    from dipgraph.suggest.output import slug

    holder_entity = _first(dataset, occupancy, "holder")
    position = _first(dataset, occupancy, "post")
    if holder_entity is None or position is None:
        return None
    holder = actor(holder_entity)
    title = _first(dataset, position, "name")
    if holder is None or title is None:
        return None
    cited = _with_dates(dataset, occupancy, {"holder": holder_entity})
    citations = [Citation(occupancy, "post", position, cited)]
    notes, organization = [], None
    body = _first(dataset, position, "organization")  # an Organization entity's id
    if body is not None:
        name = _first(dataset, body, "name")
        wikidata = _first(dataset, body, "wikidataId")
        organization = matcher.known(wikidata, [name] if name else [])
        if organization is None:
            notes.append(f"its organization {name or body!r} is not a known actor")
        else:
            citations.append(Citation(position, "organization", body))
    start = dataset_date(cited.get("startDate"))
    ident = matcher.new_id(post_id(holder, slug(title), start))
    until = dataset_date(cited.get("endDate"))
    return PostDraft(ident, holder, {"en": title}, citations, organization, start, until, notes)
