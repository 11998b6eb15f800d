"""News outlets the facts do not know yet, introduced by the kind of outlet they are:
"وكالة تاس", "شبكة سكاي نيوز", "the agency Interfax". They are often who says
something ("أفادت وكالة تاس أن ..."), so each gets a provisional id
(``new-organization-1``...) and joins the actor index like a new person.

A state's name right after such a word is part of an outlet's name ("قناة روسيا ..."),
not the state: that mention is marked as inside a title, so it speaks for no one.
"""

from __future__ import annotations

from dipgraph.facts import Actor
from dipgraph.suggest.lexicon import Lexicon
from dipgraph.suggest.mentions import ActorIndex, Mention
from dipgraph.suggest.newcomers import Newcomer, could_be_name
from dipgraph.suggest.text import Token

_MAX_NAME = 3


def find_outlets(
    tokens: list[Token], mentions: list[Mention], lexicon: Lexicon, text: str
) -> list[tuple[str, int]]:
    """(name as printed, index of the outlet word) for each outlet word followed by an
    unknown name of one to three words, up to punctuation or a word no name has."""
    starts = {m.first for m in mentions}
    found: list[tuple[str, int]] = []
    for at, token in enumerate(tokens):
        kind = lexicon.outlets.longest(tokens, at, suffixes=False)
        if kind is None:
            continue
        first = at + kind[0]
        taken: list[Token] = []
        position = first
        while (
            position < len(tokens)
            and len(taken) < _MAX_NAME
            and tokens[position].sentence == token.sentence
            and position not in starts
            and not tokens[position].gap.strip(' "“«(')
            and could_be_name(lexicon, tokens[position])
        ):
            taken.append(tokens[position])
            position += 1
        if taken:
            found.append((text[taken[0].start : taken[-1].end], at))
    return found


def enrol_outlets(
    index: ActorIndex, outlets: list[tuple[str, int]], tokens: list[Token], text: str
) -> dict[str, Newcomer]:
    """A provisional organisation for each new outlet name, in the index by that name."""
    enrolled: dict[str, Newcomer] = {}
    named: set[str] = set()
    for name, at in outlets:
        if name in named or index.names.by_first.get(name.split()[0]) is not None:
            continue
        named.add(name)
        ident = f"new-organization-{len(enrolled) + 1}"
        while ident in index.actors:
            ident += "-x"
        language = "en" if name.isascii() else "ar"
        index.actors[ident] = Actor(ident, "organization", {language: name})
        enrolled[ident] = Newcomer(ident, name, tokens[at].text, kind="organization")
        index.names.add(name, (ident, "any"))
    return enrolled


def mark_outlet_names(
    tokens: list[Token], mentions: list[Mention], index: ActorIndex, lexicon: Lexicon
) -> None:
    """A state named right after an outlet word is part of the outlet's name."""
    for mention in mentions:
        at = mention.first
        if at == 0 or index.kind(mention.actor) != "state":
            continue
        for length in (1, 2):
            start = at - length
            if start >= 0 and lexicon.outlets.longest(tokens, start, suffixes=False) == (
                length,
                True,
            ):
                mention.in_title = True
