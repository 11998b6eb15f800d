"""An import as a fact file to review: a source entry for the dataset file, the actors
not yet known, and posts whose evidence cites the dataset's statements (``check`` reads
it as it is, and proves each cited value is in the file)."""

from __future__ import annotations

import re

from dipgraph.imports.drafts import Citation, Imported, MembershipDraft
from dipgraph.suggest.output import comment, yaml_str


def _names(names: dict[str, str]) -> str:
    """A flow mapping; a key that is not a plain word is quoted too."""
    return "{" + ", ".join(f"{_key(key)}: {yaml_str(text)}" for key, text in names.items()) + "}"


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", key) else yaml_str(key)


def _citation(lines: list[str], source: str, cited: Citation, retrieved: str) -> None:
    lines.append(f"      - dataset: {source}")
    lines.append(f"        entity: {yaml_str(cited.entity)}")
    lines.append(f"        property: {yaml_str(cited.property)}")
    lines.append(f"        value: {yaml_str(cited.value)}")
    if cited.qualifiers:
        lines.append(f"        qualifiers: {_names(cited.qualifiers)}")
    if cited.address:
        lines.append(f"        address: {yaml_str(cited.address)}")
    lines.append(f"        retrieved: {yaml_str(retrieved)}")


def _membership_line(membership: MembershipDraft) -> str:
    """What a membership rests on, for a comment: the cited statement and its dates."""
    cited = membership.citation
    said = f"{cited.entity} {cited.property} {cited.value}"
    if cited.qualifiers:
        said += " (" + ", ".join(f"{k} {v}" for k, v in cited.qualifiers.items()) + ")"
    if cited.address:
        said += f" <{cited.address}>"
    return comment(f"member_of {membership.organization}: {said}")


def _known_memberships(imported: Imported, drafted: set[str]) -> list[str]:
    """Memberships of actors the facts already have: their files are not edited here."""
    known = [m for m in imported.memberships if m.member not in drafted]
    if not known:
        return []
    lines = [
        "# Memberships of actors already in the facts, for the curator to add to their",
        "# member_of if right (an import edits no other file; member_of takes no evidence):",
    ]
    return lines + [f"#   {m.member} {_membership_line(m)}" for m in known]


def to_yaml(imported: Imported) -> str:
    """The draft fact file, comments saying what to review."""
    lines = [
        f"# Drafted by dipgraph import from {comment(imported.file)}, retrieved "
        f"{comment(imported.retrieved)}.",
        "# Review each entry: the evidence cites the dataset, not an article; dipgraph check",
        "# proves each cited value is in the file, not that the dataset is right.",
        "sources:",
        f"  - id: {imported.source_id}",
        f"    title_en: {yaml_str(imported.title)}",
        "    language: mul",
        f"    format: {imported.format}",
        f"    file: {yaml_str(imported.file)}",
    ]
    drafted = [a for a in imported.actors if not a.known]
    lines += [f"# {comment(note)}" for note in imported.notes]
    lines += _known_memberships(imported, {a.id for a in drafted})
    if drafted:
        lines.append("actors:")
    for actor in drafted:
        if actor.note:
            lines.append(f"  # {comment(actor.note)}")
        lines.append(f"  - id: {actor.id}")
        lines.append(f"    kind: {actor.kind}")
        lines.append(f"    names: {_names(actor.names)}")
        if actor.wikidata:
            lines.append(f"    wikidata: {actor.wikidata}")
        memberships = [m for m in imported.memberships if m.member == actor.id]
        lines.extend(f"    # {_membership_line(m)}" for m in memberships)
        if memberships:
            organizations = dict.fromkeys(m.organization for m in memberships)
            lines.append(f"    member_of: [{', '.join(organizations)}]")
    if imported.posts:
        lines.append("posts:")
    for post in imported.posts:
        lines.extend(f"  # {comment(note)}" for note in post.notes)
        lines.append(f"  - id: {post.id}")
        lines.append(f"    holder: {post.holder}")
        lines.append(f"    post: {_names(post.post)}")
        if post.organization:
            lines.append(f"    organization: {post.organization}")
        if post.from_:
            lines.append(f"    from: {yaml_str(post.from_)}")
        if post.until:
            lines.append(f"    until: {yaml_str(post.until)}")
        lines.append("    evidence:")
        for cited in post.citations:
            _citation(lines, imported.source_id, cited, imported.retrieved)
    return "\n".join(lines) + "\n"
