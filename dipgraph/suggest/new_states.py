"""What the drafts do with a state or organisation the facts lack (one of the gazetteer's,
:mod:`dipgraph.suggest.state_names`): beside two other sides it is no party, it speaks only
when named right after the verb, and one no draft names is no new actor to add.
"""

from __future__ import annotations

from collections.abc import Sequence

from dipgraph.suggest.article import Article
from dipgraph.suggest.drafts import ActorDraft, ContactDraft, PostDraft, StatementDraft
from dipgraph.suggest.mentions import ActorIndex
from dipgraph.suggest.statements import Speech, _after


def drop_bystanders(index: ActorIndex, contacts: Sequence[ContactDraft]) -> None:
    """A new state (organisation) of the gazetteer is a party only while the others make
    fewer than two sides: beside two sides it is what they discussed or where they met
    ("بحث بوتين وبايدن الملف الإيراني")."""
    for contact in contacts:
        new = [side for side in contact.sides if all(a in index.gazetteer for a in side)]
        if new and len(contact.sides) - len(new) >= 2:
            contact.sides = [side for side in contact.sides if side not in new]


def speakers_after_verb(article: Article, speeches: Sequence[Speech]) -> None:
    """A new state of the gazetteer speaks only when named right after the verb ("أعلنت
    إيران", "وقالت الحكومة الإيرانية"), not as the last word of a list before it ("سوريا
    واليمن وقالت الوزارة": the ministry speaks), nor further on ("تؤكد دور سلطنة عمان":
    what is confirmed), nor by an adjective alone ("الأزمة السورية")."""
    for speech in speeches:
        speaker = speech.speaker
        if speaker is None or speaker.actor not in article.index.gazetteer:
            continue
        if speech.before or speaker.how != "name":
            mentions = [m for m in article.sentence_mentions(speech.sentence) if not m.in_title]
            after = _after(article, mentions, speech.verb_last, speech.sentence)
            speech.speaker = after if speech.before and after is not speaker else None
            speech.before = False
        speaker = speech.speaker
        if speaker is not None and speaker.actor in article.index.gazetteer:
            right_after = speech.verb_last + (1 if speaker.how == "demonym" else 0)
            if speaker.first != right_after:
                speech.speaker = None


def drop_idle(
    index: ActorIndex,
    actors: list[ActorDraft],
    contacts: Sequence[ContactDraft],
    statements: Sequence[StatementDraft],
    posts: Sequence[PostDraft],
) -> list[ActorDraft]:
    """The actor drafts less each new state (organisation) of the gazetteer that no
    contact, statement or post names: one mentioned in passing ("الوضع في اليمن") is no
    new actor for the curator to add."""
    used: set[str] = set()
    for contact in contacts:
        used.update(contact.participants, contact.subjects, contact.hosts, contact.mediators)
        used.update([contact.initiated_by] if contact.initiated_by else [])
    for statement in statements:
        used.add(statement.speaker)
    for post in posts:
        used.update([post.holder, post.organization or post.holder])
    for statement in statements:  # what a statement is about names no new actor alone
        statement.about = [a for a in statement.about if a not in index.gazetteer or a in used]
    new = index.gazetteer
    return [a for a in actors if a.provisional_id not in new or a.provisional_id in used]
