"""Delegations: "ترأس الجانب الأمريكي X، فيما ترأس الجانب الروسي Y" names who stood for
each state in a contact the article reports as the states' ("اجتماع الحوار الأمريكي
الروسي"). The state's side becomes the people heading (or attending for) it, so that a
country's name does not stand in for the people the article names.
"""

from __future__ import annotations

from bisect import bisect_right

from dipgraph.suggest.article import Article
from dipgraph.suggest.drafts import ContactDraft

_REACH = 4  # words from "ترأس" to the state's adjective ("الجانب الأمريكي في الاجتماع")
_NEAR = 2  # sentences between a contact of states and the sentence naming its delegations


def delegation_heads(article: Article) -> dict[int, dict[str, list[str]]]:
    """Per sentence, each state whose delegation it says someone headed, and the people
    named for it up to the next clause break or head verb (cues.yaml: delegation)."""
    lexicon = article.lexicon
    tokens = article.tokens
    found: dict[int, dict[str, list[str]]] = {}
    for sentence in article.sentences:
        mentions = [m for m in article.sentence_mentions(sentence) if not m.in_title]
        heads = [
            at
            for at in range(sentence.first, sentence.last)
            if lexicon.delegation.longest(tokens, at, suffixes=False)
        ]
        for number, head in enumerate(heads):
            stop = heads[number + 1] if number + 1 < len(heads) else sentence.last
            state = next(
                (
                    m
                    for m in mentions
                    if head < m.first <= head + _REACH
                    and m.first < stop
                    and article.index.kind(m.actor) == "state"
                ),
                None,
            )
            if state is None:
                continue
            people: list[str] = []
            for mention in mentions:
                if mention.first <= state.first or mention.first >= stop:
                    continue
                if any(tokens[at].after_clause_break for at in range(state.last, mention.first)):
                    break
                if article.index.kind(mention.actor) == "person" and mention.actor not in people:
                    people.append(mention.actor)
            if people:
                found.setdefault(sentence.index, {}).setdefault(state.actor, []).extend(people)
    return found


def sentence_at(article: Article, offset: int) -> int:
    starts = [s.start for s in article.sentences]
    return max(bisect_right(starts, offset) - 1, 0)


_NEAR_FOLD = 1  # sentences between a contact of states and the people's draft it joins


def _apart(article: Article, one: ContactDraft, other: ContactDraft) -> int:
    """Sentences between the nearest own quotes of two drafts."""
    first = {sentence_at(article, s.start) for s in one.spans if not s.naming}
    second = {sentence_at(article, s.start) for s in other.spans if not s.naming}
    return min((abs(a - b) for a in first for b in second), default=len(article.sentences))


_MEETINGS = frozenset({"talks", "meeting", "consultations", "summit_meeting"})


def staff_delegations(article: Article, drafts: list[ContactDraft]) -> list[ContactDraft]:
    """Replace, in a contact of states only, each state by the people a nearby sentence
    says headed its delegation, citing that sentence; a contact so staffed that another
    draft already reports (the same people and status) joins it."""
    heads = delegation_heads(article)
    if not heads:
        return drafts
    staffed_drafts: list[ContactDraft] = []
    for draft in drafts:
        states = set(draft.participants)
        if draft.status == "happened" and any(article.index.kind(a) == "person" for a in states):
            _join_delegations(article, draft, heads)
            continue
        if not states or any(article.index.kind(a) != "state" for a in states):
            continue
        if draft.status != "happened":
            continue  # "اتفق الجانبان على الاجتماع مجددا": another contact, not yet staffed
        own = [s for s in draft.spans if not s.naming]
        where = {sentence_at(article, s.start) for s in own}
        for index in sorted(heads, key=lambda i: min(abs(i - w) for w in where)):
            if min(abs(index - w) for w in where) > _NEAR:
                break
            staffed = heads[index]
            if not states <= set(staffed):
                continue
            draft.sides = [
                [person for state in side for person in staffed.get(state, [state])]
                for side in draft.sides
            ]
            sentence = article.sentences[index]
            span = article.span(sentence.first, sentence.last)
            draft.cite(span)
            draft.comments.append(
                "sides: the people the article says headed each state's delegation "
                f"({span.quote[:40]}…); check"
            )
            staffed_drafts.append(draft)
            break
    kept: list[ContactDraft] = []
    for draft in drafts:
        twin = next(
            (
                k
                for k in kept
                if set(k.participants) == set(draft.participants)
                and k.status == draft.status
                and {k.type, draft.type} <= _MEETINGS
                and (draft in staffed_drafts or k in staffed_drafts)
            ),
            None,
        )
        if twin is None:
            kept.append(draft)
            continue
        for span in draft.spans:
            twin.cite(span)
        twin.spans.sort(key=lambda s: s.start)
    return kept


def _by_adjective(article: Article, draft: ContactDraft) -> bool:
    """Whether the draft's own quotes name its states only by their adjectives
    ("محادثات أمريكية روسية"), as a report of people's talks does, not by their names."""
    wanted = set(draft.participants)
    seen = False
    for span in draft.spans:
        if span.naming:
            continue
        sentence = article.sentences[sentence_at(article, span.start)]
        for mention in article.sentence_mentions(sentence):
            token = article.tokens[mention.first]
            if mention.actor in wanted and span.start <= token.start < span.end:
                if mention.how != "demonym":
                    return False
                seen = True
    return seen


def _join_delegations(
    article: Article, draft: ContactDraft, heads: dict[int, dict[str, list[str]]]
) -> None:
    """People a nearby sentence names for a state join the side whose people are of that
    state ("استقبل بوتين X ... يمثل الجانب الروسي أوشاكوف ودميترييف")."""
    index = article.index
    where = {sentence_at(article, s.start) for s in draft.spans if not s.naming}
    for number, staffed in heads.items():
        if min(abs(number - w) for w in where) > _NEAR + 1:  # (a dateline between)
            continue
        joined = False
        for state, people in staffed.items():
            sides = [
                side
                for side in draft.sides
                if any(index.kind(a) == "person" and index.country(a) == state for a in side)
            ]
            if len(sides) != 1:
                continue
            for person in people:
                if person not in draft.participants:
                    sides[0].append(person)
                    joined = True
        if joined:
            sentence = article.sentences[number]
            span = article.span(sentence.first, sentence.last)
            draft.cite(span)
            draft.comments.append(
                f"sides: people the article names for a state's side ({span.quote[:40]}…); check"
            )


def fold_states_into_people(article: Article, drafts: list[ContactDraft]) -> list[ContactDraft]:
    """A contact of two states ("محادثات أمريكية روسية") that another draft reports between
    people of those states (one state each side) is that contact: its quotes join the
    people's draft, so that the states do not stand in for the people the article names."""
    index = article.index
    kept = list(drafts)
    for draft in drafts:
        if len(draft.sides) != 2 or draft.type not in _MEETINGS:
            continue
        if any(index.kind(a) != "state" for a in draft.participants):
            continue
        if not _by_adjective(article, draft):
            continue
        states = {frozenset(side) for side in draft.sides}
        for other in kept:
            if other is draft or other.type not in _MEETINGS or len(other.sides) != 2:
                continue
            if other.status != draft.status and draft.status_cue:
                continue
            people = [a for a in other.participants]
            if any(index.kind(a) != "person" for a in people):
                continue
            countries = {frozenset(index.country(a) for a in side) for side in other.sides}
            if countries != states or _apart(article, draft, other) > _NEAR_FOLD:
                continue
            for span in draft.spans:
                other.cite(span)
            other.spans.sort(key=lambda s: s.start)
            other.comments.append(
                "also quoted where the article names the contact by its states "
                f"({draft.spans[0].quote[:40]}…)"
            )
            kept.remove(draft)
            break
    return kept
