"""A state's institutions the facts do not know yet, named by a head word and the state's
adjective: "الرئاسة التركية", "وزارة الخارجية الأمريكية" (cues.yaml: institutions). They
are often who announces something ("أعلنت الرئاسة التركية أن ..."), so each gets a
provisional id (``new-organization-N``, as a new outlet) with the state as its country,
and joins the actor index under the words printed.
"""

from __future__ import annotations

from collections.abc import Collection

from dipgraph.facts import Actor
from dipgraph.names import normalise_name
from dipgraph.suggest.lexicon import Lexicon
from dipgraph.suggest.mentions import ActorIndex, Mention
from dipgraph.suggest.newcomers import Newcomer
from dipgraph.suggest.text import Token, fold_phrase


def find_institutions(
    tokens: list[Token],
    mentions: list[Mention],
    lexicon: Lexicon,
    text: str,
    in_titles: frozenset[int] = frozenset(),
) -> list[tuple[str, int, str]]:
    """(name as printed, index of its head word, the state) for each institution head
    right before a state's adjective in the feminine (the heads are feminine nouns: "وزير
    الخارجية الروسي" is a minister), where no known name starts and no title is."""
    demonyms = {m.first: m for m in mentions if m.how == "demonym"}
    starts = {m.first for m in mentions}
    found: list[tuple[str, int, str]] = []
    for at in range(len(tokens)):
        if at in starts or at in in_titles:
            continue
        head = lexicon.institutions.longest(tokens, at, suffixes=False)
        if head is None:
            continue
        adjective = demonyms.get(at + head[0])
        if adjective is None or tokens[adjective.first].gap.strip():
            continue
        if not tokens[adjective.last - 1].folded.endswith("ه"):  # folded taa marbuta
            continue
        found.append((text[tokens[at].start : tokens[adjective.last - 1].end], at, adjective.actor))
    return found


def enrol_institutions(
    index: ActorIndex,
    found: list[tuple[str, int, str]],
    tokens: list[Token],
    taken: int,
    heads: Collection[str] = (),
) -> dict[str, Newcomer]:
    """A provisional organisation for each new institution (after ``taken`` others)."""
    enrolled: dict[str, Newcomer] = {}
    named: set[tuple[str, ...]] = set()
    for name, at, state in found:
        first, _, rest = name.partition(" ")
        printed = f"{_bare(first, heads)} {rest}"
        words = fold_phrase(printed)
        if words in named:
            continue
        named.add(words)
        ident = f"new-organization-{taken + len(enrolled) + 1}"
        while ident in index.actors:
            ident += "-x"
        index.actors[ident] = Actor(ident, "organization", {"ar": printed}, country=state)
        index.names.add(printed, (ident, "any"))
        enrolled[ident] = Newcomer(ident, printed, tokens[at].text, kind="organization")
    return enrolled


def _bare(word: str, heads: Collection[str] = ()) -> str:
    """A head word without و ف ب ل before its article or before a head without one:
    "وللرئاسة" is "الرئاسة", "لوكالة" is "وكالة"; a head that begins with "و" keeps it."""
    while word[:1] in ("و", "ف") and len(word) > 3 and normalise_name(word) not in heads:
        word = word[1:]
    if word.startswith("لل"):
        return "ال" + word[2:]
    if word[:1] in ("ب", "ل") and word[1:].startswith("ال"):
        return word[1:]
    if word[:1] in ("ب", "ل") and normalise_name(word[1:]) in heads:
        return word[1:]  # "لوكالة الأنباء السعودية": the agency
    return word
