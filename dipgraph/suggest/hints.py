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
    draft: ContactDraft, facts: Facts, source: str, text: str
) -> list[tuple[Contact, int, tuple[int, int]]]:
    """Known contacts quoting words of this source that the draft quotes too: each with
    the characters shared and the first shared span, most shared first."""
    found = []
    for known in facts.contacts.values():
        spans = [
            span
            for evidence in known.evidence
            if evidence.source == source
            for span in quoted_spans(evidence.quote, text)
        ]
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


def duplicate_hint(draft: ContactDraft, facts: Facts, source: str | None, text: str) -> str | None:
    """The comment pointing the curator to the known contact this draft may repeat."""
    if source is not None:
        quoting = _same_quotes(draft, facts, source, text)
        if quoting:
            known, _, (start, end) = quoting[0]
            parties = (
                "with these parties"
                if set(known.participants) == set(draft.participants)
                else f"with parties {', '.join(known.participants)}"
            )
            return (
                f"the facts have contact '{known.id}' ({known.type}, {parties}), which quotes "
                f"these words of {source} (characters {start}-{end}): the same?"
            )
    alike = [
        known
        for known in facts.contacts.values()
        if set(known.participants) == set(draft.participants) and known.type == draft.type
    ]
    if not alike:
        return None
    scored = sorted(alike, key=lambda known: -len(_why(draft, known, facts)))
    best = scored[0]
    reasons = _why(draft, best, facts)
    cited = sorted({e.source for e in best.evidence})
    others = f"; {len(alike) - 1} more like it" if len(alike) > 1 else ""
    return (
        f"the facts have contact '{best.id}' with {' and '.join(reasons)} "
        f"(quoted from {', '.join(cited)}, not from these words{others}): the same?"
    )


def add_duplicate_hints(
    drafts: list[ContactDraft], facts: Facts, source: str | None, text: str
) -> None:
    """Put each draft's hint before its closing "decide topics" comment."""
    for draft in drafts:
        hint = duplicate_hint(draft, facts, source, text)
        if hint is None:
            continue
        at = draft.comments.index(_FINAL) if _FINAL in draft.comments else len(draft.comments)
        draft.comments.insert(at, hint)
