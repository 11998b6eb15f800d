"""States the facts do not know yet, named by a spelling in the gazetteer
(lexicon/states.yaml) or by their adjective (demonyms.yaml, keyed by the gazetteer's first
spelling): "استضافت سلطنة عمان المحادثات الإيرانية الأميركية". Each gets a provisional
id (``new-state-N``) and joins the actor index with every spelling and its adjectives, so
contacts and statements can name it like a known state.
"""

from __future__ import annotations

from dipgraph.facts import Actor
from dipgraph.suggest.lexicon import Lexicon
from dipgraph.suggest.mentions import ActorIndex, Mention
from dipgraph.suggest.newcomers import Newcomer
from dipgraph.suggest.text import Token


def find_states(
    tokens: list[Token], mentions: list[Mention], lexicon: Lexicon, index: ActorIndex
) -> list[dict]:
    """The gazetteer's names of each state the article names that the facts lack."""
    named = {at for m in mentions for at in range(m.first, m.last)}
    known = {
        actor.names.get("en", "").casefold()
        for actor in index.actors.values()
        if actor.kind == "state"
    }
    by_key = {
        spelling: names
        for payloads in lexicon.states.by_first.values()
        for _, names in payloads
        for spelling in names["spellings"]
    }
    found: dict[str, dict] = {}
    for at in range(len(tokens)):
        if at in named:
            continue
        hit = lexicon.states.longest(tokens, at, suffixes=False)
        names = hit[1] if hit else None
        if names is None:
            adjective = lexicon.demonyms.longest(tokens, at, suffixes=False)
            names = by_key.get(adjective[1]) if adjective else None
        if names is None or names["en"].casefold() in known or names["ar"] in index.states:
            continue
        found.setdefault(names["en"], names)
    return list(found.values())


def enrol_states(index: ActorIndex, found: list[dict]) -> dict[str, Newcomer]:
    """A provisional state for each, in the index by every spelling and its adjectives."""
    enrolled: dict[str, Newcomer] = {}
    for names in found:
        ident = f"new-state-{len(enrolled) + 1}"
        while ident in index.actors:
            ident += "-x"
        index.actors[ident] = Actor(ident, "state", {"ar": names["ar"], "en": names["en"]})
        for spelling in names["spellings"]:
            index.names.add(spelling, (ident, "any"))
            index.states[spelling] = ident  # its adjectives (demonyms.yaml) name it too
        enrolled[ident] = Newcomer(ident, names["ar"], "states.yaml", kind="state")
    return enrolled


def drop_idle_states(actors: list, contacts: list, statements: list, posts: list) -> list:
    """The actor drafts less each new state no contact, statement or post names: a state
    mentioned in passing ("الوضع في اليمن") is no new actor for the curator to add."""
    used: set[str] = set()
    for contact in contacts:
        used.update(contact.participants, contact.subjects, contact.hosts, contact.mediators)
        if contact.initiated_by:
            used.add(contact.initiated_by)
    for statement in statements:
        used.add(statement.speaker)
        used.update(statement.about)
    for post in posts:
        used.add(post.holder)
        if post.organization:
            used.add(post.organization)
    return [
        a
        for a in actors
        if not (a.kind == "state" and a.provisional_id and a.provisional_id not in used)
    ]
