"""The drafts ``suggest`` returns: each with its quote as an exact span of the article."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Span:
    """A quote and where it sits in the article (``text[start:end] == quote``)."""

    quote: str
    start: int
    end: int
    # quoted only because it names a party or speaker the draft's own words do not
    naming: bool = field(default=False, compare=False)

    def as_dict(self) -> dict:
        return {"quote": self.quote, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Draft:
    """What every draft has: evidence spans, a confidence in [0, 1] and curator comments."""

    spans: list[Span]
    confidence: float
    comments: list[str] = field(default_factory=list)
    # the words of the spans cited, and how many spans that covers (spans may also be
    # added directly): each cite is one lookup, where comparing with every span made a
    # run-on article of distinct clauses quadratic
    _cited: set[tuple[str, ...]] = field(default_factory=set, repr=False, compare=False)
    _cited_count: int = field(default=0, repr=False, compare=False)

    @property
    def quote(self) -> str:
        return self.spans[0].quote

    def cite(self, span: Span) -> bool:
        """Add ``span`` unless its words are already cited (a headline printed three
        times is one piece of evidence, not three); whether it was added."""
        if self._cited_count != len(self.spans):
            self._cited = {tuple(s.quote.split()) for s in self.spans}
            self._cited_count = len(self.spans)
        words = tuple(span.quote.split())
        if words in self._cited:
            return False
        self.spans.append(span)
        self._cited.add(words)
        self._cited_count += 1
        return True

    def evidence_dict(self) -> dict:
        first = self.spans[0]
        return {
            **first.as_dict(),
            "evidence": [s.as_dict() for s in self.spans],
            "confidence": round(self.confidence, 2),
            "comments": list(self.comments),
        }


@dataclass(slots=True)
class ActorDraft(Draft):
    id: str | None = None  # a known actor; None for a new one
    name: str = ""
    kind: str | None = None
    mentions: int = 1
    provisional_id: str | None = None  # a new one's id in the other drafts, until chosen
    english: str | None = None  # a new one's English name, where known (the gazetteer's)

    def as_dict(self) -> dict:
        known = {"id": self.id, "name": self.name} if self.id else {"name": self.name}
        if self.provisional_id:
            known["provisional_id"] = self.provisional_id
        if self.english:
            known["english"] = self.english
        if self.kind:
            known["kind"] = self.kind
        return {**known, "mentions": self.mentions, **self.evidence_dict()}


@dataclass(slots=True)
class PostDraft(Draft):
    holder: str = ""
    title: str = ""
    language: str = "ar"
    organization: str | None = None
    names: dict[str, str] = field(default_factory=dict)  # the title in other languages

    def as_dict(self) -> dict:
        return {
            "holder": self.holder,
            "post": {**self.names, self.language: self.title},
            "organization": self.organization,
            **self.evidence_dict(),
        }


@dataclass(slots=True)
class ContactDraft(Draft):
    type: str = ""
    cameo: str | None = None
    sides: list[list[str]] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)
    mediators: list[str] = field(default_factory=list)
    status: str = "happened"
    # whether words of a quote decided the status (else happened for want of a cue, which
    # another mention of the same contact may still decide)
    status_cue: bool = field(default=False, compare=False)
    secret: bool = False
    initiated_by: str | None = None
    place: dict[str, str] | None = None
    date: str | None = None
    date_note: str | None = None

    @property
    def participants(self) -> list[str]:
        return [actor for side in self.sides for actor in side]

    def as_dict(self) -> dict:
        return {
            "type": self.type,
            "cameo": self.cameo,
            "sides": [list(s) for s in self.sides],
            "participants": self.participants,
            "subjects": list(self.subjects),
            "hosts": list(self.hosts),
            "mediators": list(self.mediators),
            "status": self.status,
            "secret": self.secret,
            "initiated_by": self.initiated_by,
            "place": self.place,
            "date": self.date,
            "date_note": self.date_note,
            **self.evidence_dict(),
        }


@dataclass(slots=True)
class StatementDraft(Draft):
    speaker: str = ""
    kind: str = "said"
    about: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "speaker": self.speaker,
            "kind": self.kind,
            "about": list(self.about),
            **self.evidence_dict(),
        }
