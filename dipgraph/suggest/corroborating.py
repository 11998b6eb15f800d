"""Drafts that repeat a known fact, written as corroborations of it (``suggest --into``).

A new article often reports what the facts hold already: the talks another article
reported, an official's post. Drafted again, such a fact would be a duplicate (a second id
for one contact, which ``check`` cannot tell from a new one). So a draft that matches
exactly one known fact of its kind is written as a ``corroborations:`` entry adding its
quotes to that fact, in the new article's own file; no other file is touched.

A match is a guess, never a silent merge: the entry's ``note`` carries the draft mark,
which ``check`` refuses until the curator confirms it (writes the note, or deletes it), or
drafts the fact anew. Two or more candidates are no match: the draft stays, with the hint
``suggest`` gives it.

What matches:

- a contact: the same parties and type, and a compatible date (either undated, or the
  two dates overlap: 2021-05 and 2021-05-02 do);
- a post: the same holder, and the same title (after name folding) or organization;
- a statement: the same speaker on the same matter (the same non-empty ``about``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from dipgraph.dates import DateError, PartialDate
from dipgraph.facts import Contact, Facts, Post, Statement
from dipgraph.loader.drafts import draft_summary
from dipgraph.names import normalise_name
from dipgraph.suggest import Suggestions
from dipgraph.suggest.drafts import ContactDraft, Draft, PostDraft, StatementDraft


@dataclass(frozen=True, slots=True)
class Repeat:
    """A draft that repeats the known fact ``fact``, and what matched."""

    fact: str
    kind: str  # contact, post or statement
    draft: Draft
    why: str


def _dates_meet(drafted: str | None, known: PartialDate | None) -> bool:
    if drafted is None or known is None:
        return True
    try:
        day = PartialDate.parse(drafted)
    except DateError:
        return False
    return day.first_day <= known.last_day and known.first_day <= day.last_day


def _contact_matches(draft: ContactDraft, known: Contact) -> str | None:
    if known.type != draft.type or set(known.participants) != set(draft.participants):
        return None
    if not _dates_meet(draft.date, known.date):
        return None
    date = f", {known.date}" if known.date is not None else ""
    return f"the same parties and type ({draft.type}{date})"


def _post_matches(draft: PostDraft, known: Post) -> str | None:
    if known.holder != draft.holder:
        return None
    titles = {normalise_name(t) for t in (*draft.names.values(), draft.title)}
    if titles & {normalise_name(t) for t in known.post.values()}:
        return "the same holder and title"
    if draft.organization and draft.organization == known.organization:
        return f"the same holder and organization ({known.organization})"
    return None


def _statement_matches(draft: StatementDraft, known: Statement) -> str | None:
    if known.speaker != draft.speaker or not draft.about or set(draft.about) != set(known.about):
        return None
    return f"the same speaker on the same matter ({', '.join(draft.about)})"


def _take(
    kind: str,
    drafted: list,
    known: dict[object, list],
    key: Callable[[Any], object],
    matches: Callable[[Any, Any], str | None],
) -> list[Repeat]:
    """The drafts of ``drafted`` matching exactly one of the facts ``known`` files under
    their ``key``, taken out of ``drafted``."""
    repeats, kept = [], []
    for draft in drafted:
        found = [(f, why) for f in known.get(key(draft), ()) if (why := matches(draft, f))]
        if len(found) == 1:
            repeats.append(Repeat(found[0][0].id, kind, draft, found[0][1]))
        else:
            kept.append(draft)
    drafted[:] = kept
    return repeats


def _by(records: Iterable[Any], key: Callable[[Any], object]) -> dict[object, list]:
    index: dict[object, list] = {}
    for record in records:
        index.setdefault(key(record), []).append(record)
    return index


def take_repeats(drafts: Suggestions, facts: Facts) -> list[Repeat]:
    """Each draft that repeats one known fact, removed from ``drafts``."""
    holder = attrgetter("holder")
    speaker = attrgetter("speaker")

    def parties(contact: Contact | ContactDraft) -> object:
        return frozenset(contact.participants), contact.type

    contacts = _by(facts.contacts.values(), parties)
    return [
        *_take("post", drafts.posts, _by(facts.posts.values(), holder), holder, _post_matches),
        *_take("contact", drafts.contacts, contacts, parties, _contact_matches),
        *_take(
            "statement",
            drafts.statements,
            _by(facts.statements.values(), speaker),
            speaker,
            _statement_matches,
        ),
    ]


def corroborations_yaml(repeats: list[Repeat], source: str) -> str:
    """The ``corroborations:`` section for ``repeats``, quoting ``source``."""
    from dipgraph.suggest.output import yaml_str

    if not repeats:
        return ""
    lines = ["corroborations:  # drafts that repeat known facts: their quotes added there"]
    for repeat in repeats:
        note = draft_summary(
            f"drafted as a {repeat.kind} with {repeat.why}, which '{repeat.fact}' has: "
            "if this article reports that fact, say what it adds (or delete this note); "
            "if not, draft the fact anew"
        )
        lines += [f"  - fact: {repeat.fact}", f"    note: {yaml_str(note)}", "    evidence:"]
        for span in repeat.draft.spans:
            lines += [f"      - source: {source}", f"        quote: {yaml_str(span.quote)}"]
    return "\n".join(lines) + "\n"
