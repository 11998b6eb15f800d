"""Which known contact a draft may repeat, and why the curator should think so.

The strongest sign is a record that already quotes the same words of the same source:
that is almost surely the contact drafted again. Without one, a contact with the same
parties and type is only a guess, so the hint says what matched (parties, type, date,
place) and from which source, instead of pointing at the first such record as if it
were the one.
"""

from __future__ import annotations

import re

from dipgraph.facts import Contact, Facts
from dipgraph.suggest.drafts import ContactDraft

_FINAL = "decide topics; write the summary"


def quoted_spans(quote: str, text: str) -> list[tuple[int, int]]:
    """Every place ``quote`` sits in ``text``, up to white space (as ``check`` compares)."""
    words = quote.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    return [(found.start(), found.end()) for found in pattern.finditer(text)]


def _overlap(draft: ContactDraft, spans: list[tuple[int, int]]) -> int:
    """How many characters the draft's quotes share with ``spans``."""
    return sum(
        max(0, min(mine.end, end) - max(mine.start, start))
        for mine in draft.spans
        for start, end in spans
    )


def _same_quotes(
    draft: ContactDraft, quoting: list[tuple[Contact, list[tuple[int, int]]]]
) -> list[tuple[Contact, int, tuple[int, int]]]:
    """Known contacts quoting words of this source that the draft quotes too: each with
    the characters shared and the first shared span, most shared first."""
    found = []
    for known, spans in quoting:
        shared = [s for s in spans if _overlap(draft, [s])]
        if shared:
            found.append((known, _overlap(draft, shared), shared[0]))
    same_parties = set(draft.participants)
    found.sort(key=lambda f: (set(f[0].participants) != same_parties, -f[1]))
    return found


def _place_names(facts: Facts, place: str | None) -> set[str]:
    known = facts.places.get(place) if place else None
    if known is None:
        return set()
    names = [*known.names.values(), *(a for v in known.aliases.values() for a in v)]
    return {name.casefold() for name in names}


def _why(draft: ContactDraft, known: Contact, facts: Facts) -> list[str]:
    reasons = ["the same parties and type"]
    if draft.date and known.date is not None and str(known.date) == draft.date:
        reasons.append(f"the same date {draft.date}")
    if draft.place and draft.place.get("en", "").casefold() in _place_names(facts, known.place):
        reasons.append(f"the same place {draft.place['en']}")
    return reasons


class _Known:
    """The facts' contacts as the hints look them up: by parties and type, and the ones
    quoting this source with where their quotes sit in the article (located once)."""

    def __init__(self, facts: Facts, source: str | None, text: str) -> None:
        self.facts = facts
        self.source = source
        self.alike: dict[tuple[frozenset[str], str], list[Contact]] = {}
        self.quoting: list[tuple[Contact, list[tuple[int, int]]]] = []
        for known in facts.contacts.values():
            key = (frozenset(known.participants), known.type)
            self.alike.setdefault(key, []).append(known)
            spans = [
                span
                for evidence in known.evidence
                if source is not None and evidence.source == source
                for span in quoted_spans(evidence.quote, text)
            ]
            if spans:
                self.quoting.append((known, spans))


def duplicate_hint(draft: ContactDraft, known: _Known) -> str | None:
    """The comment pointing the curator to the known contact this draft may repeat."""
    quoting = _same_quotes(draft, known.quoting)
    if quoting:
        contact, _, (start, end) = quoting[0]
        parties = (
            "with these parties"
            if set(contact.participants) == set(draft.participants)
            else f"with parties {', '.join(contact.participants)}"
        )
        return (
            f"the facts have contact '{contact.id}' ({contact.type}, {parties}), which quotes "
            f"these words of {known.source} (characters {start}-{end}): the same?"
        )
    alike = known.alike.get((frozenset(draft.participants), draft.type), [])
    if not alike:
        return None
    best = max(alike, key=lambda contact: len(_why(draft, contact, known.facts)))
    reasons = _why(draft, best, known.facts)
    cited = sorted({e.source for e in best.evidence})
    others = f"; {len(alike) - 1} more like it" if len(alike) > 1 else ""
    return (
        f"the facts have contact '{best.id}' with {' and '.join(reasons)} "
        f"(quoted from {', '.join(cited)}, not from these words{others}): the same?"
    )


def add_duplicate_hints(
    drafts: list[ContactDraft], facts: Facts, source: str | None, text: str
) -> None:
    """Put each draft's hint before its closing "decide topics" comment; ``source`` is
    the article's id when the facts cite it, else None."""
    if not drafts:
        return
    known = _Known(facts, source, text)
    for draft in drafts:
        hint = duplicate_hint(draft, known)
        if hint is None:
            continue
        at = draft.comments.index(_FINAL) if _FINAL in draft.comments else len(draft.comments)
        draft.comments.insert(at, hint)
