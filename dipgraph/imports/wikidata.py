"""Drafts from Wikidata JSON entities: each P39 "position held" statement of an entity
becomes a post, its P580/P582 qualifiers the post's dates; the holder is a known actor
(same Wikidata id, else same name) or a drafted one. Each P463 "member of" whose
organization is a known actor becomes a membership. The position's own entity, when
the file holds it, gives the post's names and, by P1001 "applies to jurisdiction", its
organization if that is a known actor."""

from __future__ import annotations

from pathlib import Path

from dipgraph.imports.drafts import (
    ActorDraft,
    Citation,
    Imported,
    Matcher,
    MembershipDraft,
    PostDraft,
    dataset_date,
    post_id,
)
from dipgraph.loader.dataset_files import Dataset, Statement, read_dataset_file
from dipgraph.loader.fields import is_wikidata_id

POSITION_HELD, START, END, JURISDICTION, INSTANCE_OF, HUMAN, MEMBER_OF = (
    "P39", "P580", "P582", "P1001", "P31", "Q5", "P463",
)  # fmt: skip
LANGUAGES = ("en", "ar", "ru", "fr", "de", "es", "zh", "tr", "fa", "uk")


def _address(entity: str, prop: str) -> str:
    return f"https://www.wikidata.org/wiki/{entity}#{prop}"


def _names(dataset: Dataset, entity: str) -> dict[str, str]:
    labels = dataset.labels.get(entity, {})
    names = {lang: labels[lang] for lang in LANGUAGES if lang in labels}
    return names if "en" in names else {"en": labels.get("mul") or entity, **names}


def draft_wikidata(
    path: Path, matcher: Matcher, source: str, file: str, retrieved: str
) -> Imported:
    """Every P39 statement of the file's entities, as posts of known or drafted actors,
    and every P463 statement as a membership."""
    from dipgraph.suggest.output import slug

    dataset = read_dataset_file(path, "wikidata-json")
    title = f"Wikidata entities ({path.name})"
    imported = Imported(source, "wikidata-json", file, retrieved, title)
    for entity in dataset.entities():
        held, member_of = dataset.of(entity, POSITION_HELD), dataset.of(entity, MEMBER_OF)
        if not (held or member_of) or not is_wikidata_id(entity):
            continue
        names = _names(dataset, entity)
        holder = matcher.known(entity, list(names.values()))
        if holder is None:
            human = any(s.value == HUMAN for s in dataset.of(entity, INSTANCE_OF))
            note = "" if human else f"{entity} is not an instance of Q5 (human): check the kind"
            kind = "person" if human else "organization"
            draft = ActorDraft(matcher.new_id(slug(names["en"])), kind, names, entity, note=note)
            imported.actors.append(draft)
            holder = draft.id
        for statement in held:
            imported.posts.append(_post(dataset, matcher, holder, statement))
        for statement in member_of:
            _membership(imported, dataset, matcher, holder, statement)
    return imported


def _membership(
    imported: Imported, dataset: Dataset, matcher: Matcher, member: str, statement: Statement
) -> None:
    """One P463 statement: a membership when its organization is a known actor (an
    organization the facts lack is named in a note, not drafted from a bare id)."""
    entity, organization = statement.entity, statement.value
    known = matcher.known(organization, list(_names(dataset, organization).values()))
    if known is None or known == member:
        imported.notes.append(
            f"{entity} is a member of {organization} (P463), not a known actor: not drafted"
        )
        return
    qualifiers = {k: v[0] for k, v in statement.qualifiers.items() if k in (START, END)}
    cited = Citation(entity, MEMBER_OF, organization, qualifiers, _address(entity, MEMBER_OF))
    start, end = dataset_date(qualifiers.get(START)), dataset_date(qualifiers.get(END))
    imported.memberships.append(MembershipDraft(member, known, cited, start, end))


def _post(dataset: Dataset, matcher: Matcher, holder: str, statement: Statement) -> PostDraft:
    """One P39 statement as a post, citing it (and the jurisdiction that gives its
    organization)."""
    from dipgraph.suggest.output import slug

    entity, position = statement.entity, statement.value
    qualifiers = {k: v[0] for k, v in statement.qualifiers.items() if k in (START, END)}
    address = _address(entity, POSITION_HELD)
    citations = [Citation(entity, POSITION_HELD, position, qualifiers, address)]
    notes = []
    if position in dataset.labels:
        title = _names(dataset, position)
    else:
        title = {"en": position}
        notes.append(f"{position} is not in the file: name the post by hand")
    organization = None
    for jurisdiction in dataset.of(position, JURISDICTION):
        organization = matcher.known(jurisdiction.value, [])
        if organization is not None:
            address = _address(position, JURISDICTION)
            citations.append(Citation(position, JURISDICTION, jurisdiction.value, {}, address))
            break
        notes.append(f"its jurisdiction {jurisdiction.value} is not a known actor")
    start, end = dataset_date(qualifiers.get(START)), dataset_date(qualifiers.get(END))
    ident = matcher.new_id(post_id(holder, slug(title["en"]), start))
    return PostDraft(ident, holder, title, citations, organization, start, end, notes)
