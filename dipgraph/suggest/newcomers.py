"""People the facts do not know yet, introduced by a title: "the ambassador John Smith",
"وزير الخارجية الفرنسي جان إيف لودريان".

A new name is what follows a title: Arabic names take no article, so after the title's
definite modifiers the next two or three words without ال (and not function words or
lexicon words) are taken; in English, the capitalised words. Each newcomer gets a
provisional id (``new-person-1``...) and joins the actor index, so that contacts,
statements and posts can name them like anyone else.
"""

from __future__ import annotations

from dataclasses import dataclass

from dipgraph.facts import Actor
from dipgraph.loader.drafts import provisional_id
from dipgraph.suggest.lexicon import Lexicon
from dipgraph.suggest.mentions import ActorIndex, Mention
from dipgraph.suggest.text import Token
from dipgraph.suggest.titles import Title

_MAX_NAME = 3


@dataclass(slots=True)
class Newcomer:
    id: str
    name: str
    title: str  # the title as printed


def find_newcomers(
    titles: list[Title],
    tokens: list[Token],
    mentions: list[Mention],
    lexicon: Lexicon,
    text: str,
) -> list[tuple[str, Title]]:
    """(name as printed, its title) for each title followed by an unknown name."""
    starts = {m.first for m in mentions}
    found: list[tuple[str, Title]] = []
    for title in titles:
        if title.holder is not None and title.holder.how == "name":
            continue
        taken: list[Token] = []
        at = title.last
        while (
            at < len(tokens)
            and len(taken) < _MAX_NAME
            and tokens[at].sentence == tokens[title.first].sentence
        ):
            token = tokens[at]
            gap = token.gap.strip()
            if at in starts or not _could_be_name(lexicon, token):
                break
            if gap and (taken or gap not in ",،"):
                break
            taken.append(token)
            at += 1
        if len(taken) >= 2:
            found.append((text[taken[0].start : taken[-1].end], title))
    return found


def _could_be_name(lexicon: Lexicon, token: Token) -> bool:
    if not any(c.isalpha() for c in token.text):
        return False
    if token.text.isascii():
        return token.text[:1].isupper() and not lexicon.not_names.has(token)
    return not (
        token.definite
        or len(token.folded) < 2
        or any(
            table.has(token)
            for table in (
                lexicon.not_names,
                lexicon.speech,
                lexicon.contact_types,
                lexicon.titles,
                lexicon.relative_dates,
                lexicon.months,
                lexicon.status,
            )
        )
    )


def enrol(
    index: ActorIndex, newcomers: list[tuple[str, Title]], tokens: list[Token], text: str
) -> dict[str, Newcomer]:
    """Give each new name a provisional id and put it in the index, with its surname."""
    enrolled: dict[str, Newcomer] = {}
    by_name: dict[str, str] = {}
    for name, title in newcomers:
        if name in by_name:
            continue
        ident = provisional_id(len(enrolled) + 1)
        while ident in index.actors:
            ident += "-x"
        states = [m.actor for m in title.inside if index.kind(m.actor) == "state"]
        language = "en" if name.isascii() else "ar"
        index.actors[ident] = Actor(
            ident, "person", {language: name}, country=states[0] if states else None
        )
        printed = text[tokens[title.first].start : tokens[title.last - 1].end]
        enrolled[ident] = Newcomer(ident, name, printed)
        by_name[name] = ident
        index.names.add(name, (ident, "any"))
        surname = name.split()[-1]
        if not index.names.by_first.get(surname.casefold()) and len(surname) >= 3:
            index.names.add(surname, (ident, "capital" if surname.isascii() else "any"))
    return enrolled
