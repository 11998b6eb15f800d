"""Attendees: "وحضر اللقاء X، وY" names people who sat in on the contact just reported.

They are not a contact of their own: each joins the side of the reported contact whose
people are of the state the clause names for them ("من الجانب الروسي X"), else of their
own country (as the index knows it, unknown alike), and a draft the attendance sentence
made of the attendees alone is dropped.
"""

from __future__ import annotations

from dipgraph.suggest.article import Article
from dipgraph.suggest.delegations import sentence_at
from dipgraph.suggest.drafts import ContactDraft
from dipgraph.suggest.mentions import Mention

_REACH = 3  # words from "حضر" to the contact word it refers to ("حضر جلسة المباحثات")
_NEAR = 2  # sentences back from the attendance to the contact it refers to


def attendance(article: Article) -> dict[int, list[tuple[str, str | None]]]:
    """Per sentence opening a clause with an attendance verb and a contact word right
    after it (cues.yaml: attendance), the people named after the contact word, each with
    the state whose side the clause names before them, if any."""
    lexicon = article.lexicon
    tokens = article.tokens
    found: dict[int, list[tuple[str, str | None]]] = {}
    for sentence in article.sentences:
        for at in range(sentence.first, sentence.last):
            if at != sentence.first and not tokens[at].after_clause_break:
                continue
            verb = lexicon.attendance.longest(tokens, at)
            if verb is None:
                continue
            after = at + verb[0]
            word = next(
                (
                    w
                    for w in range(after, min(after + _REACH, sentence.last))
                    if lexicon.contact_types.longest(tokens, w)
                ),
                None,
            )
            if word is None:
                continue
            mentions = article.sentence_mentions(sentence, implied=False)
            for mention in mentions:
                if mention.first <= word or mention.in_title:
                    continue
                if article.index.kind(mention.actor) != "person":
                    continue
                state = _side_named(article, mentions, mention)
                people = found.setdefault(sentence.index, [])
                if all(person != mention.actor for person, _ in people):
                    people.append((mention.actor, state))
            break
    return found


def _side_named(article: Article, mentions: list[Mention], person: Mention) -> str | None:
    """The state whose side the clause names before the person ("من الجانب الروسي X")."""
    tokens = article.tokens
    for mention in reversed(mentions):
        if mention.last > person.first:
            continue
        if any(tokens[at].after_clause_break for at in range(mention.last, person.first + 1)):
            return None
        if mention.how == "demonym" and article.index.kind(mention.actor) == "state":
            return mention.actor
    return None


def seat_attendees(article: Article, drafts: list[ContactDraft]) -> list[ContactDraft]:
    """Attendees join the nearest happened contact of people reported in or up to two
    sentences before; drafts of attendees alone, quoted only there, are dropped, whether
    or not the attendees could be seated (people of no known state stay out)."""
    present = attendance(article)
    if not present:
        return drafts
    index = article.index
    dropped: list[ContactDraft] = []
    for number, people in present.items():
        names = {person for person, _ in people}
        alone = [
            d
            for d in drafts
            if set(d.participants) <= names
            and all(sentence_at(article, s.start) == number for s in d.spans if not s.naming)
        ]
        target = None
        nearest = _NEAR + 1
        for draft in drafts:
            if draft in alone or draft.status != "happened":
                continue
            if not any(index.kind(a) == "person" for a in draft.participants):
                continue
            where = [sentence_at(article, s.start) for s in draft.spans if not s.naming]
            apart = min((number - w for w in where if w <= number), default=_NEAR + 1)
            if apart < nearest:
                target, nearest = draft, apart
        dropped.extend(alone)  # attendees named together are no contact of their own
        if target is None:
            continue
        joined = False
        for person, state in people:
            if person in target.participants:
                continue
            country = state or index.actors[person].country
            sides = [
                side
                for side in target.sides
                if any(
                    index.kind(a) == "person"
                    and (index.actors[a].country == country or (state and a == state))
                    for a in side
                )
                or (state is not None and state in side)
            ]
            if len(sides) == 1:
                sides[0].append(person)
                joined = True
        if not joined:
            continue
        sentence = article.sentences[number]
        target.cite(article.span(sentence.first, sentence.last))
        target.spans.sort(key=lambda s: s.start)
        target.comments.append(
            "sides: attendees join the side named for them, else of their country; check"
        )
    return [d for d in drafts if d not in dropped]
