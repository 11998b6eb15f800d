"""What the drafts do with a state or organisation the facts lack (one of the gazetteer's,
:mod:`dipgraph.suggest.state_names`): one no draft names is no new actor to add. Beside two
other sides it is no party (:mod:`dipgraph.suggest.parties`); it speaks only when named
right after the verb (:mod:`dipgraph.suggest.statements`).
"""

from __future__ import annotations

from collections.abc import Sequence

from dipgraph.suggest.drafts import ActorDraft, ContactDraft, PostDraft, StatementDraft
from dipgraph.suggest.mentions import ActorIndex


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
