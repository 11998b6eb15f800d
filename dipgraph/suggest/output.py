"""Drafts as YAML ready to paste into a fact file, or as JSON.

Values are written as double-quoted scalars with every character YAML cannot carry
escaped, and comments are stripped of line breaks and control characters: an article
is untrusted text and must not break the file or the terminal it is printed to.

>>> yaml_str('a "b"\\x1b[31m')
'"a \\\\"b\\\\"\\\\u001b[31m"'
>>> slug("Sergéi Lavrov, 2017!")
'sergei-lavrov-2017'
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from dipgraph.dates import PartialDate
from dipgraph.loader.characters import visible_json
from dipgraph.loader.drafts import draft_name, draft_summary, guess
from dipgraph.slugs import slug
from dipgraph.suggest import Suggestions
from dipgraph.suggest.drafts import ActorDraft, ContactDraft, Draft, PostDraft, StatementDraft

# What YAML 1.1 (PyYAML) reads as printable, less the characters it takes as line breaks
# (NEL, LS, PS) and would fold away, and less the bidi embeddings, overrides and
# isolates (U+202A-202E, U+2066-2069: they reorder the terminal's line); everything
# else is written as \uXXXX.
_PRINTABLE = re.compile(
    "[^\x09\x20-\x7e\xa0-\u2027\u202f-\u2065\u206a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_COMMENT_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+")


def yaml_str(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax, which YAML reads the same)."""
    quoted = json.dumps(value, ensure_ascii=False)
    return _PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def comment(text: str) -> str:
    """Text safe inside a YAML comment: one line, no control characters, and nothing
    YAML refuses to read (U+FFFE, U+FFFF), since a comment cannot escape it."""
    return _PRINTABLE.sub(" ", _COMMENT_UNSAFE.sub(" ", text)).strip()


def _flow(items: Iterable[str]) -> str:
    return "[" + ", ".join(items) + "]"


class _Ids:
    """Fresh ids that collide with no existing fact and no other draft."""

    def __init__(self, taken: Iterable[str]) -> None:
        self.taken = set(taken)

    def make(self, *parts: str) -> str:
        base = "-".join(p for p in (slug(part) for part in parts) if p)[:60].strip("-") or "draft"
        candidate, number = base, 2
        while candidate in self.taken:
            candidate, number = f"{base}-{number}", number + 1
        self.taken.add(candidate)
        return candidate


def _header(lines: list[str], draft: Draft, indent: str = "    ") -> None:
    spans = ", ".join(f"{s.start}-{s.end}" for s in draft.spans)
    lines.append(f"{indent}# confidence {draft.confidence:.2f}; characters {spans}")
    for note in draft.comments:
        lines.append(f"{indent}# curator: {comment(note)}")


def _evidence(lines: list[str], draft: Draft, source: str) -> None:
    lines.append("    evidence:")
    for span in draft.spans:
        lines.append(f"      - source: {source}")
        lines.append(f"        quote: {yaml_str(span.quote)}")


def to_yaml(
    drafts: Suggestions, source_file: str | None = None, published: PartialDate | None = None
) -> str:
    """The drafts as fact-file YAML, with ids no existing fact uses.

    ``source_file`` is the new source's ``file:`` as the file being written reaches it
    (``suggest --into``); ``published`` the publication date the article prints."""
    # new actors keep their ids (a state's from the gazetteer: a place "singapore" must not)
    ids = _Ids(drafts.known_ids | {a.provisional_id for a in drafts.actors if a.provisional_id})
    source = drafts.source_id
    lines = [
        f"# Drafted by `dipgraph suggest` from {comment(str(drafts.article or 'text'))}.",
        "# Every quote is an exact span of the article; review each item, write the",
        "# summaries, decide what the '# curator:' comments ask, then delete the comments.",
    ]
    known = [a for a in drafts.actors if a.id]
    if known:
        lines.append(
            "# Known actors named: "
            + comment(", ".join(f"{a.name} ({a.id}) x{a.mentions}" for a in known))
        )
    if not drafts.source_known:
        language = (
            "ar"
            if sum("\u0600" <= c <= "\u06ff" for c in drafts.text) * 2
            > sum(c.isalpha() for c in drafts.text)
            else "en"
        )
        file = drafts.article.name if drafts.article else "ARTICLE.txt"
        lines += ["sources:", f"  - id: {source}"]
        if source_file is None:
            lines += [
                "    # curator: a new source: set the title, publisher and the file's path",
                f"    language: {language}",
                f"    file: {yaml_str('sources/' + file)}",
            ]
        else:
            lines += [
                "    # curator: a new source: set its title and publisher",
                f"    language: {language}",
                f"    file: {yaml_str(source_file)}",
            ]
        if published is not None:
            lines.append(f"    published: {yaml_str(str(published))}   # printed on the article")
    new = [a for a in drafts.actors if not a.id]
    if new:
        lines.append("actors:")
        for actor in new:
            lines.append(f"  - id: {actor.provisional_id or ids.make('new', 'person')}")
            _header(lines, actor)
            lines.append(f"    kind: {actor.kind or 'person'}")
            if actor.english:  # a state from the gazetteer: check refuses it until confirmed
                english = yaml_str(draft_name(actor.english))
                lines.append(f"    names: {{en: {english}, ar: {yaml_str(actor.name)}}}")
            elif actor.name.isascii():
                lines.append(f"    names: {{en: {yaml_str(actor.name)}}}")
            else:  # check refuses the placeholder until the curator writes the name
                english = yaml_str(draft_name(actor.name))
                lines.append(f"    names: {{en: {english}, ar: {yaml_str(actor.name)}}}")
    if drafts.posts:
        lines.append("posts:")
        for post in drafts.posts:
            _post(lines, post, ids, source)
    place_lines: list[str] = []
    places = _places(drafts, ids, place_lines)
    lines += place_lines
    if drafts.contacts:
        lines.append("contacts:")
        for contact in drafts.contacts:
            _contact(lines, contact, ids, source, drafts, places)
    if drafts.statements:
        lines.append("statements:")
        for statement in drafts.statements:
            _statement(lines, statement, ids, source, drafts)
    return "\n".join(lines) + "\n"


def _post(lines: list[str], post: PostDraft, ids: _Ids, source: str) -> None:
    lines.append(f"  - id: {ids.make(post.holder, post.organization or 'post')}")
    _header(lines, post)
    lines.append(f"    holder: {post.holder}")
    names = {**post.names, post.language: post.title}
    names.setdefault("en", draft_name(post.title))  # a placeholder check refuses
    inner = ", ".join(
        f"{k}: {yaml_str(v)}" for k, v in sorted(names.items(), key=lambda i: i[0] != "en")
    )
    lines.append(f"    post: {{{inner}}}")
    if post.organization:
        lines.append(f"    organization: {post.organization}")
    _evidence(lines, post, source)


def _names(drafts: Suggestions) -> dict[str, str]:
    return {key: a.name for a in drafts.actors if (key := a.id or a.provisional_id)}


def _places(drafts: Suggestions, ids: _Ids, lines: list[str]) -> dict[int, str]:
    """Each contact's place as an id: a known place's, or a new one drafted under places:."""
    chosen: dict[int, str] = {}
    new: dict[str, str] = {}  # English name -> drafted id
    for contact in drafts.contacts:
        if not contact.place:
            continue
        known = next(
            (drafts.known_places[n.casefold()] for n in contact.place.values()
             if n.casefold() in drafts.known_places),
            None,
        )  # fmt: skip
        if known is None:
            english = contact.place.get("en") or next(iter(contact.place.values()))
            if english not in new:
                new[english] = ids.make(english)
                if not lines:
                    lines.append("places:")
                lines.append(f"  - id: {new[english]}")
                lines.append("    # curator: a new place: check its names (in:, wikidata: if sure)")
                names = ", ".join(f"{k}: {yaml_str(v)}" for k, v in contact.place.items())
                lines.append(f"    names: {{{names}}}")
            known = new[english]
        chosen[id(contact)] = known
    return chosen


def _contact(
    lines: list[str],
    contact: ContactDraft,
    ids: _Ids,
    source: str,
    drafts: Suggestions,
    places: dict[int, str],
) -> None:
    names = _names(drafts)
    parties = [s[0] for s in contact.sides]
    lines.append(f"  - id: {ids.make(*parties[:2], contact.type)}")
    _header(lines, contact)
    lines.append(
        f"    type: {contact.type}" + (f"   # CAMEO {contact.cameo}" if contact.cameo else "")
    )
    if len(contact.sides) == 2 and all(len(side) == 1 for side in contact.sides):
        lines.append(f"    participants: {_flow(parties)}")
    else:
        lines.append("    sides:")
        for side in contact.sides:
            lines.append(f"      - {_flow(side)}")
    if contact.subjects:
        lines.append(f"    subjects: {_flow(contact.subjects)}")
    if contact.hosts:
        lines.append(f"    hosts: {_flow(contact.hosts)}")
    if contact.mediators:
        lines.append(f"    mediators: {_flow(contact.mediators)}")
    if contact.initiated_by:
        lines.append(f"    initiated_by: {contact.initiated_by}")
    # Always written, as a guess: check refuses it until the curator has read the text.
    lines.append(f"    status: {yaml_str(guess(contact.status))}")
    if contact.secret:
        lines.append("    secret: true")
    if contact.place:
        lines.append(f"    place: {places[id(contact)]}")
    if contact.date:
        lines.append(f"    date: {yaml_str(contact.date)}")
    if contact.date_note:
        lines.append(f"    date_note: {yaml_str(contact.date_note)}")
    who = " and ".join(names.get(a, a) for a in contact.participants)
    label = contact.type.replace("_", " ")
    status = "" if contact.status == "happened" else f" ({contact.status})"
    summary = draft_summary(f"{who}: {label}{status}.")
    lines.append(f"    summary: {yaml_str(summary)}   # curator: rewrite")
    _evidence(lines, contact, source)


def _statement(
    lines: list[str], statement: StatementDraft, ids: _Ids, source: str, drafts: Suggestions
) -> None:
    names = _names(drafts)
    lines.append(f"  - id: {ids.make(statement.speaker, statement.kind)}")
    _header(lines, statement)
    lines.append(f"    speaker: {statement.speaker}")
    lines.append(f"    kind: {statement.kind}")
    if statement.about:
        lines.append(f"    about: {_flow(statement.about)}")
    speaker = names.get(statement.speaker, statement.speaker)
    summary = draft_summary(f"{speaker} {statement.kind.replace('_', ' ')}: see the quote.")
    lines.append(f"    summary: {yaml_str(summary)}   # curator: rewrite")
    _evidence(lines, statement, source)


def to_json(drafts: Suggestions) -> str:
    """The drafts as JSON; C1 and bidi characters, which JSON leaves raw, as \\uXXXX."""
    return visible_json(json.dumps(drafts.as_dict(), ensure_ascii=False, indent=2)) + "\n"


__all__ = ["ActorDraft", "comment", "slug", "to_json", "to_yaml", "yaml_str"]
