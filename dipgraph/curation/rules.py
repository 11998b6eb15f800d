"""The curation rules of facts/README.md that a machine can check, for any facts folder.

Each rule looks at the checked facts, the source texts and the :class:`Guide`, and yields
a :class:`Finding` for each fact that breaks it. A fact that breaks a rule on purpose says
why in its own ``exceptions:`` field, one entry a rule: ``"speaker: named two lines up
(وأضاف أوشاكوف)"``; an exception for a rule the fact passes is itself a finding, so
none goes stale. What belongs to a source or a name is recorded there, and goes stale
the same way: a source's ``designations`` (rule 1) and ``not_recorded`` passages (rule 2),
an actor's or topic's ``not_printed`` names and aliases (rules 5 and 8). ``dipgraph check``
reports findings as warnings (errors with ``--strict``); tests/test_curation.py runs the
same rules on the bundled facts and on an invented folder.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from dipgraph.curation.guide import Guide, read_guide
from dipgraph.curation.passages import MIN_WORDS, uncovered, undocumented_words
from dipgraph.curation.printed_index import PrintedIndex
from dipgraph.curation.text import fold, occurs, printed_in, words_without_conjunctions
from dipgraph.facts import (
    Actor,
    Contact,
    Evidence,
    Facts,
    Location,
    Post,
    Source,
    Statement,
    Topic,
)
from dipgraph.loader.problems import shown_path

Fact = Post | Contact | Statement
T = TypeVar("T")
_first = itemgetter(0)
_REMOVE = "remove the entry"


@dataclass(frozen=True, slots=True)
class Finding:
    """One fact (or actor, topic) breaking one rule."""

    rule: str
    record: object  # the fact, actor, topic or source, with its location
    message: str
    where: Location | None = None  # a place of its own (a line of a source's text)
    how: str = ""  # the remedy, when not the rule's usual one


class _Shared(Generic[T]):
    """A property computed once, on first need, and shared by every view of the facts
    :meth:`Curation.over` makes (each reads the same source texts, actors and guide):
    a rule run over one file computes nothing it does not read."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__

    def __get__(self, owner: Any, kind: type | None = None) -> T:
        shared = owner.shared
        if self.name not in shared:
            shared[self.name] = self.compute(owner)
        return cast(T, shared[self.name])


@dataclass
class Curation:
    """What the rules read: the facts (with their documented exceptions), their source
    texts and the guide's general tables."""

    facts: Facts
    guide: Guide
    shared: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, facts: Facts) -> Curation:
        return cls(facts, read_guide())

    def over(self, facts: Facts) -> Curation:
        """The rules' view of ``facts`` (part of these, with all their actors, topics
        and sources), sharing what was read and folded here."""
        return Curation(facts, self.guide, self.shared)

    def names_view(self, facts: Facts) -> Curation:
        """The rules' view of some actors and topics alone, for the rules of names
        (:data:`ENTITY_RULES`), which read those records and the source texts only."""
        shared = {"texts": self.texts, "_printed": self._printed}
        shared["printed_index"] = self.printed_index
        return Curation(facts, self.guide, shared)

    @_Shared
    def texts(self) -> dict[str, str]:
        texts = {}
        for source in self.facts.sources.values():
            try:
                texts[source.id] = Path(source.file).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                texts[source.id] = ""  # check reports the file itself
        return texts

    def evidenced(self) -> Iterator[Fact]:
        yield from self.facts.posts.values()
        yield from self.facts.contacts.values()
        yield from self.facts.statements.values()

    # -- naming (rule 1) --------------------------------------------------------------
    def names_actor(self, actor_id: str, source: str, text: str) -> bool:
        """Whether ``text`` (from ``source``) names the actor: a name or alias, a state's
        adjective, or one of the source's ``designations`` for it."""
        folded = fold(text)
        if any(printed_in(key, folded) for key in self._keys(actor_id)):
            return True
        record = self.facts.sources.get(source)
        return record is not None and any(
            actor_id in d.actors and occurs(d.phrase, text) for d in record.designations
        )

    @_Shared
    def _actor_keys(self) -> dict[str, tuple[str, ...]]:
        return {}

    def _keys(self, actor_id: str) -> tuple[str, ...]:
        """An actor's names, aliases, short forms and state adjectives, folded once."""
        keys = self._actor_keys.get(actor_id)
        if keys is None:
            actor = self.facts.actors.get(actor_id)
            names = [*names_of(actor), *surnames(actor)] if actor is not None else []
            names += self.guide.adjectives.get(actor_id, ())
            keys = self._actor_keys[actor_id] = tuple(dict.fromkeys(fold(n) for n in names))
        return keys

    def named_in_quotes(self, actor_id: str, evidence: Iterable[Evidence]) -> bool:
        return any(self.names_actor(actor_id, e.source, e.quote) for e in evidence)

    def topic_named(self, topic_id: str, evidence: Iterable[Evidence]) -> bool:
        topic = self.facts.topics[topic_id]
        return any(occurs(name, e.quote) for e in evidence for name in names_of(topic))

    @_Shared
    def printed_index(self) -> PrintedIndex:
        """Every source text folded and indexed by word (a name is looked up once in all)."""
        return PrintedIndex(fold(text) for text in self.texts.values())

    @_Shared
    def _printed(self) -> dict[str, bool]:
        return {}

    def printed_anywhere(self, name: str) -> bool:
        """Whether ``name`` is printed in some source, as :func:`occurs` finds it."""
        key = fold(name)
        known = self._printed.get(key)
        if known is None:
            known = self._printed[key] = self.printed_index.printed(key)
        return known

    @_Shared
    def _lines(self) -> dict[str, tuple[str, list[tuple[int, int, str]]]]:
        return {}  # filled source by source, on first need (see _lines_of)

    def _lines_of(self, ident: str) -> tuple[str, list[tuple[int, int, str]]]:
        """A source's lines, white space normalised, with their spans in the joined text."""
        known = self._lines.get(ident)
        if known is None:
            spans, offset = [], 0
            for raw in self.texts.get(ident, "").splitlines():
                line = " ".join(raw.split())
                if line:
                    spans.append((offset, offset + len(line), line))
                    offset += len(line) + 1
            known = self._lines[ident] = (" ".join(line for *_, line in spans), spans)
        return known

    def paragraphs_of(self, evidence: Evidence) -> list[str]:
        """The source lines a quote spans (white space may differ, a quote may cross lines)."""
        if evidence.source not in self.texts:
            return []
        joined, spans = self._lines_of(evidence.source)
        quote = " ".join(evidence.quote.split())
        start = joined.find(quote)
        if start < 0:
            return []
        end = start + len(quote)
        # Spans are in text order: from the line the quote starts in to the one it ends in.
        lines = []
        for at in range(max(0, bisect_right(spans, start, key=_first) - 1), len(spans)):
            first, last, line = spans[at]
            if first >= end:
                break
            if start < last:
                lines.append(line)
        return lines


def names_of(entity: Actor | Topic) -> list[str]:
    return [*entity.names.values(), *(a for forms in entity.aliases.values() for a in forms)]


def surnames(entity: Actor | Topic) -> set[str]:
    """The English name's short forms ("Antonov", "Jean-Pierre"), which rule 8 counts as
    names of a person."""
    if getattr(entity, "kind", None) != "person":
        return set()
    english = entity.names.get("en", "").split()
    return {" ".join(english[i:]) for i in range(1, len(english))}


# ---- the rules ----------------------------------------------------------------------
def named(cur: Curation) -> Iterator[Finding]:
    """Rule 1: every party, role-holder, initiator, topic, `about` and post holder is
    named in one of the fact's quotes."""
    for contact in cur.facts.contacts.values():
        linked = {
            "party": contact.participants,
            **contact.roles,
            "initiated_by": (contact.initiated_by,) if contact.initiated_by else (),
        }
        for role, actors in linked.items():
            for actor in actors:
                if not cur.named_in_quotes(actor, contact.evidence):
                    yield Finding("named", contact, f"{role} '{actor}' is named in no quote")
        for topic in contact.topics:
            if not cur.topic_named(topic, contact.evidence):
                yield Finding("named", contact, f"topic '{topic}' is named in no quote")
    for statement in cur.facts.statements.values():
        for ref in statement.about:
            if ref in cur.facts.actors:
                ok = cur.named_in_quotes(ref, statement.evidence)
            else:
                ok = cur.topic_named(ref, statement.evidence)
            if not ok:
                yield Finding("named", statement, f"about '{ref}' is named in no quote")
    for post in cur.facts.posts.values():
        if not cur.named_in_quotes(post.holder, post.evidence):
            yield Finding("named", post, f"holder '{post.holder}' is named in no quote")


def speaker(cur: Curation) -> Iterator[Finding]:
    """Rule 3: the speaker is named in the paragraph of one of the quotes."""
    for statement in cur.facts.statements.values():
        if not any(
            cur.names_actor(statement.speaker, e.source, paragraph)
            for e in statement.evidence
            for paragraph in cur.paragraphs_of(e)
        ):
            yield Finding(
                "speaker",
                statement,
                f"speaker '{statement.speaker}' is not named in the paragraph of any quote",
            )


def reporter(cur: Curation) -> Iterator[Finding]:
    """Rule 3, for accounts: whoever a fact is ``reported_by`` is named in the paragraph of
    one of its quotes (Ushakov, reporting what Biden told Putin)."""
    facts: list[Contact | Statement] = [
        *cur.facts.contacts.values(),
        *cur.facts.statements.values(),
    ]
    for fact in facts:
        reporters = fact.reported_by
        for who in (reporters,) if isinstance(reporters, str) else reporters or ():
            if not any(
                cur.names_actor(who, e.source, paragraph)
                for e in fact.evidence
                for paragraph in cur.paragraphs_of(e)
            ):
                yield Finding(
                    "reporter", fact, f"reported_by '{who}' is not named beside any quote"
                )


def kind(cur: Curation) -> Iterator[Finding]:
    """Rule 7: a statement of kind warned, called_for, denied or confirmed has that
    kind's verb in one of its quotes."""
    for statement in cur.facts.statements.values():
        verbs = cur.guide.verbs.get(statement.kind)
        if not verbs:
            continue
        words = set().union(*(words_without_conjunctions(e.quote) for e in statement.evidence))
        if not words & verbs:
            yield Finding(
                "kind", statement, f"kind '{statement.kind}' but no quote has one of its verbs"
            )


def anchors(cur: Curation) -> Iterator[Finding]:
    """Rule 9: every relative anchor in a fact's quotes is in its date_note."""
    for fact in cur.evidenced():
        quotes = " ".join(e.quote for e in fact.evidence)
        note = fact.date_note or ""
        for anchor in cur.guide.anchors:
            if occurs(anchor, quotes) and not occurs(anchor, note):
                yield Finding(
                    "anchors", fact, f"a quote says '{anchor}' but the date_note does not"
                )


def shared_quote(cur: Curation) -> Iterator[Finding]:
    """Rule 11: two facts share a quote only if all are posts (one phrase naming several
    office-holders) or one is a contact and the rest statements reporting it."""
    sharing: dict[str, list[Fact]] = defaultdict(list)
    for fact in cur.evidenced():
        evidence = fact.evidence
        if len(evidence) == 1:  # (most facts: no set of one made)
            sharing[" ".join(evidence[0].quote.split())].append(fact)
            continue
        for quote in {" ".join(e.quote.split()) for e in evidence}:
            sharing[quote].append(fact)
    for quote, facts in sharing.items():
        if len(facts) < 2:
            continue
        kinds = [type(f).__name__ for f in facts]
        all_posts = set(kinds) == {"Post"}
        contact_and_reports = kinds.count("Contact") == 1 and set(kinds) == {"Contact", "Statement"}
        if not (all_posts or contact_and_reports):
            for fact in facts:
                others = ", ".join(f.id for f in facts if f is not fact)
                yield Finding("shared-quote", fact, f"quote '{quote[:40]}…' is also {others}'s")


def unnamed_holder(cur: Curation) -> Iterator[Finding]:
    """Rule 4: an ``-unnamed`` actor holds a post whose Arabic title is its Arabic name,
    and says in outside_knowledge why it is not merged."""
    for actor in cur.facts.actors.values():
        if not actor.id.endswith("-unnamed"):
            continue
        titles = [p.post.get("ar") for p in cur.facts.posts.values() if p.holder == actor.id]
        if titles != [actor.names.get("ar")]:
            yield Finding(
                "unnamed-holder", actor, "an unnamed office-holder holds one post, its name"
            )
        if not actor.outside_knowledge:
            yield Finding("unnamed-holder", actor, "say in outside_knowledge why it is unmerged")


def printed_names(cur: Curation) -> Iterator[Finding]:
    """Rule 5: every actor's and topic's Arabic name is printed in a source, or its record
    says why under ``not_printed``."""
    for entity in _named(cur.facts):
        others = {n for lang, n in entity.names.items() if lang != "ar"} - _aliases_of(entity)
        for other in sorted(others & entity.not_printed.keys()):
            yield Finding(
                "printed",
                entity,
                f"not_printed '{other}' excuses nothing: only the Arabic "
                "name and the aliases are held to print",
                how=_REMOVE,
            )
        name = entity.names.get("ar")
        if name is None:
            continue
        printed = cur.printed_anywhere(name)
        listed = name in entity.not_printed
        if not printed and not listed:
            yield Finding("printed", entity, f"the Arabic name '{name}' is printed in no source")
        elif printed and listed:
            yield Finding(
                "printed", entity, f"'{name}' is under not_printed, yet printed", how=_REMOVE
            )


def _named(facts: Facts) -> list[Actor | Topic]:
    """The records that carry names and aliases: actors, then topics."""
    return [*facts.actors.values(), *facts.topics.values()]


def _aliases_of(entity: Actor | Topic) -> set[str]:
    return {alias for forms in entity.aliases.values() for alias in forms}


def aliases(cur: Curation) -> Iterator[Finding]:
    """Rule 8: every alias is printed in a source, an English surname, or its record says
    why under ``not_printed``; none folds like another name."""
    for entity in _named(cur.facts):
        english = entity.names.get("en", "").split()
        short = {" ".join(english[i:]) for i in range(1, len(english))}
        for language, forms in entity.aliases.items():
            for alias in forms:
                printed = cur.printed_anywhere(alias)
                listed = alias in entity.not_printed
                if listed and printed:
                    yield Finding(
                        "alias",
                        entity,
                        f"alias '{alias}' is under not_printed, yet printed",
                        how=_REMOVE,
                    )
                elif not (printed or listed or (language == "en" and alias in short)):
                    yield Finding("alias", entity, f"alias '{alias}' is printed in no source")
        seen: dict[str, str] = {}
        for name in names_of(entity):
            key = fold(name)
            if key in seen:
                yield Finding("alias", entity, f"'{name}' folds like '{seen[key]}'")
            seen.setdefault(key, name)


def passages(cur: Curation) -> Iterator[Finding]:
    """Rule 2: every passage of a source's text of five words or more that no quote and
    no title covers is listed under the source's ``not_recorded``, with why; a listed
    passage that a quote covers (or the text does not print) is reported too."""
    quotes = quotes_by_source(cur)
    for source in cur.facts.sources.values():
        yield from source_passages(cur, source, quotes.get(source.id, []))


def quotes_by_source(cur: Curation) -> dict[str, list[str]]:
    """The quotes of every fact (citations of a dataset aside), by source, in the facts'
    order: what rule 2 reads of the facts."""
    quotes: dict[str, list[str]] = defaultdict(list)
    for fact in cur.evidenced():
        for e in fact.evidence:
            if e.cites is None:
                quotes[e.source].append(e.quote)
    return quotes


def source_passages(cur: Curation, source: Source, quotes: list[str]) -> Iterator[Finding]:
    """Rule 2 on one source, given the quotes of it (its text, record and those quotes
    are all it reads)."""
    text = cur.texts.get(source.id, "")
    if source.format not in (None, "text") or not text:
        return  # a dataset's statements are checked as citations; an unread file by check
    gaps = uncovered(text, [*quotes, source.title or ""])
    listed = [entry.passage for entry in source.not_recorded]
    for gap in gaps:
        if len(undocumented_words(gap.text, listed)) >= MIN_WORDS:
            shown = gap.text if len(gap.text) <= 60 else gap.text[:60] + "…"
            yield Finding(
                "passages",
                source,
                f"no quote covers '{shown}' ({source.id})",
                Location(shown_path(Path(source.file)), gap.line, gap.col),
            )
    folded = [fold(gap.text) for gap in gaps]
    for entry in source.not_recorded:
        key = fold(entry.passage)
        if not any(key in gap for gap in folded):
            why = "the text does not print it" if key not in fold(text) else "a quote covers it"
            yield Finding(
                "passages",
                source,
                f"not_recorded '{entry.passage[:60]}' is stale: {why}",
                entry.location,
                _REMOVE,
            )


def designations(cur: Curation) -> Iterator[Finding]:
    """Rule 1's exceptions: a source's designation is printed in that source."""
    for source in cur.facts.sources.values():
        text = cur.texts.get(source.id, "")
        for entry in source.designations:
            if text and not occurs(entry.phrase, text):
                yield Finding(
                    "designations",
                    source,
                    f"designation '{entry.phrase}' is not printed in {source.id}",
                    entry.location,
                    "correct the phrase as printed, or remove the designation",
                )


# Rule name -> (rule number in facts/README.md, the rule).
RULES: dict[str, tuple[int, Callable[[Curation], Iterator[Finding]]]] = {
    "named": (1, named),
    "designations": (1, designations),
    "passages": (2, passages),
    "speaker": (3, speaker),
    "reporter": (3, reporter),
    "unnamed-holder": (4, unnamed_holder),
    "printed": (5, printed_names),
    "kind": (7, kind),
    "alias": (8, aliases),
    "anchors": (9, anchors),
    "shared-quote": (11, shared_quote),
}


def excepted(record: object) -> dict[str, str]:
    """A fact's documented exceptions, rule name -> reason (``"speaker: why"``)."""
    out = {}
    for entry in getattr(record, "exceptions", ()):
        rule, _, reason = entry.partition(":")
        out[rule.strip()] = reason.strip()
    return out


#: Rules whose findings on a fact read that fact alone (beside the actors, topics, source
#: texts and guide): run over the facts of one file, they find what a run over all finds
#: there, so a cache may keep them by file. The others look across facts.
LOCAL_RULES = ("named", "speaker", "reporter", "kind", "anchors")
#: Rules whose findings on an actor or topic read that record alone (beside the source
#: texts): run over one file's actors and topics, they find what a run over all finds
#: there, each record's in the same order.
ENTITY_RULES = ("printed", "alias")


def raw_findings(cur: Curation, names: Iterable[str]) -> list[Finding]:
    """What the rules ``names`` find, in that order, excused or not."""
    return [finding for name in names for finding in RULES[name][1](cur)]


def findings(cur: Curation, only: Iterable[str] | None = None) -> list[Finding]:
    """Every rule's findings not excused by the fact, then the exceptions that excuse
    nothing (an unknown rule, or a rule the fact passes)."""
    chosen = list(only) if only is not None else list(RULES)
    return settled(cur, raw_findings(cur, chosen), exceptions=only is None)


def findings_with(
    cur: Curation, local: list[Finding], kept: Mapping[str, list[Finding]] | None = None
) -> list[Finding]:
    """:func:`findings`, given what :data:`LOCAL_RULES` found (each fact's findings in
    the rules' order, as :func:`raw_findings` gives them over any part of the facts)
    and what some other rules found (``kept``, by rule: each rule's findings as it
    gives them): for each record, the same findings in the same order."""
    kept = kept or {}
    others = [name for name in RULES if name not in LOCAL_RULES]
    raw = [*local]
    for name in others:
        raw.extend(kept[name] if name in kept else RULES[name][1](cur))
    return settled(cur, raw)


def settled(cur: Curation, raw: list[Finding], exceptions: bool = True) -> list[Finding]:
    """The findings of ``raw`` a fact does not excuse, then (``exceptions``) those of
    the exceptions that excuse nothing."""
    found: list[Finding] = []
    broken: set[tuple[int, str]] = set()
    for finding in raw:
        broken.add((id(finding.record), finding.rule))
        if finding.rule not in excepted(finding.record):
            found.append(finding)
    if exceptions:
        for fact in cur.evidenced():
            for rule in excepted(fact):
                if rule not in RULES:
                    known = ", ".join(RULES)
                    found.append(Finding(rule, fact, f"exception for an unknown rule ({known})"))
                elif (id(fact), rule) not in broken:
                    found.append(Finding(rule, fact, "exception for a rule this fact passes"))
    return found


def message(finding: Finding) -> str:
    """The line ``check`` prints: the rule, what breaks it, and how to excuse it."""
    number = RULES[finding.rule][0] if finding.rule in RULES else "?"
    head = f"curation rule {number} ({finding.rule}, facts/README.md): {finding.message}"
    if finding.how:
        return f"{head}; {finding.how}"
    if finding.rule in ("printed", "alias"):
        how = "say why in its record: not_printed: {NAME: why}"
    elif finding.rule == "passages":
        how = "quote it in a fact, or say why on its source: not_recorded: [{passage, why}]"
    else:
        how = f'say why in the fact: exceptions: ["{finding.rule}: ..."]'
    return f"{head}; if the text really is so, {how}"
