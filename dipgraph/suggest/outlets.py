"""News outlets the facts do not know yet, introduced by the kind of outlet they are:
"وكالة تاس", "شبكة سكاي نيوز", "the agency Interfax", or by an attribution before a name
in quotation marks: "بحسب "رويترز"". They are often who says
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
from dipgraph.suggest.text import Token, fold_phrase

_MAX_NAME = 3
_MAX_QUOTED = 5  # words of an outlet's name in quotation marks


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
            # "بحسب "رويترز"": only a name in quotation marks after an attribution
            cited = lexicon.attribution.longest(tokens, at, suffixes=False)
            quoted = cited and _quoted_name(tokens, at + cited[0], token.sentence, starts, text)
            if quoted and could_be_name(lexicon, quoted[0]):
                found.append((text[quoted[0].start : quoted[-1].end], at))
            continue
        first = at + kind[0]
        if first < len(tokens) and lexicon.outlets.longest(tokens, first, suffixes=False):
            continue  # "مقابلة مع شبكة X": the inner outlet word introduces the name
        quoted = _quoted_name(tokens, first, token.sentence, starts, text)
        if quoted and could_be_name(lexicon, quoted[0]):
            found.append((text[quoted[0].start : quoted[-1].end], at))
            continue
        described = _described_name(tokens, first, token.sentence, starts, text)
        if (
            described
            and lexicon.institutions.longest(tokens, at, suffixes=False)
            and any(p in starts for p in range(first, described[0].index))
        ):
            continue  # "وكالة الأنباء السعودية (واس)": the state's agency, drafted by it
        if described and could_be_name(lexicon, described[0]):
            # "وكالة الأنباء الرسمية «سانا»", "الوكالة العربية السورية للأنباء (سانا)"
            found.append((text[described[0].start : described[-1].end], at))
            continue
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


_OPENING = {'"': '"', "“": "”", "«": "»", "„": "“", "(": ")"}
_DESCRIBED_REACH = 4  # words describing an outlet before its name in quotation marks


def _described_name(
    tokens: list[Token], first: int, sentence: int, starts: set[int], text: str
) -> list[Token]:
    """A name in quotation marks or brackets a few describing words after the outlet word
    (its kind, its state, "الرسمية"), with no other punctuation between."""
    for position in range(first + 1, min(len(tokens), first + 1 + _DESCRIBED_REACH)):
        if tokens[position].sentence != sentence:
            return []
        gap = tokens[position].gap.strip()
        if gap:
            if gap[-1:] not in _OPENING or gap[:-1].strip():
                return []
            return _quoted_name(tokens, position, sentence, starts, text)
    return []


def _quoted_name(
    tokens: list[Token], first: int, sentence: int, starts: set[int], text: str
) -> list[Token]:
    """A name in quotation marks right after the outlet word ("شبكة “سي إن إن”"): every
    word up to the closing mark is the name, whatever words they are."""
    if first >= len(tokens) or first in starts:
        return []
    opening = tokens[first].gap.strip()[-1:]
    closing = _OPENING.get(opening)
    if closing is None:
        return []
    taken: list[Token] = []
    for position in range(first, min(len(tokens), first + _MAX_QUOTED)):
        token = tokens[position]
        if token.sentence != sentence or (taken and token.gap.strip()) or position in starts:
            return []
        taken.append(token)
        after = text[token.end : token.end + 1]
        if after == closing:
            return taken
    return []


def enrol_outlets(
    index: ActorIndex, outlets: list[tuple[str, int]], tokens: list[Token], text: str
) -> dict[str, Newcomer]:
    """A provisional organisation for each new outlet name, in the index by that name."""
    enrolled: dict[str, Newcomer] = {}
    named: set[str] = set()
    for name, at in outlets:
        words = fold_phrase(name)
        known = index.names.by_first.get(words[0], []) if words else []
        if name in named or not words or any(phrase == words for phrase, _ in known):
            continue  # a known name ("سي آي إيه" does not make "سي بي إس" known)
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
