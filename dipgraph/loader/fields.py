"""Checking one field's value against its schema property type.

References and quotes cannot be judged from one file, so they are collected
here (with their locations) and checked once every file is read.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from dipgraph.dates import DateError, PartialDate
from dipgraph.facts import Citation, Designation, Evidence, Location, Unrecorded
from dipgraph.loader.characters import codepoint, invisible_characters, odd_letters, scripts
from dipgraph.loader.citations import CITATION_KEYS, REQUIRED_KEYS, CitationUse, written_out
from dipgraph.loader.drafts import (
    guess_problem,
    guessed,
    id_problem,
    name_problem,
    note_problem,
    summary_problem,
)
from dipgraph.loader.iri_syntax import web_address_problem
from dipgraph.loader.nodes import NodeReader
from dipgraph.loader.problems import did_you_mean, with_article
from dipgraph.schema import rules
from dipgraph.schema.model import PROPERTY_TYPES, Model, Property

INVALID: Any = object()
# The rules themselves live in schema/rules.py, which the JSON Schema is generated from.
ID_PATTERN = rules.full_match(rules.ID)
WIKIDATA_PATTERN = rules.full_match(rules.WIKIDATA_ID)
LANGUAGE_PATTERN = rules.full_match(rules.LANGUAGE)
MIN_QUOTE_CHARS = rules.MIN_QUOTE_CHARS
EXCEPTION_PATTERN = rules.full_match(rules.EXCEPTION)
MAX_GLOSS_CHARS = rules.MAX_GLOSS_CHARS
MAX_ID_CHARS = rules.MAX_ID_CHARS
_EVIDENCE_SOURCE = Property(name="source", type="ref", range=("source",))
_ADDRESS = Property(name="address", type="iri")
_DESIGNATED = Property(name="designations", type="ref", range=("actor",), list=True, required=True)
_WHY = Property(name="why", type="text")


def is_wikidata_id(text: str) -> bool:
    """Whether ``text`` is a Wikidata item id (Q42): the one rule the loader and the
    importers use."""
    return WIKIDATA_PATTERN.match(text) is not None


class _Written:
    """Where a pending value was written, as plain numbers: a :class:`Location` is made
    only for a message (one a reference cost 80 MB at 100k contacts)."""

    __slots__ = ()
    path: str
    line: int
    col: int

    @property
    def where(self) -> Location:
        return Location(self.path, self.line, self.col)


@dataclass(frozen=True, slots=True)
class Reference(_Written):
    """An id used in a field, to resolve once all files are read."""

    target: str
    range: tuple[str, ...]
    field: str
    path: str
    line: int
    col: int


@dataclass(frozen=True, slots=True)
class ReferenceColumns:
    """One file's references as columns, as a kept check stores them: a reference is
    made only when asked for (a message, a loop), the checks across files reading the
    targets and each field's number (420k references at 100k contacts were as many
    objects made at each check after an edit)."""

    path: str
    targets: list[str]
    fields: list[tuple[tuple[str, ...], str]]  # (range, field name): ``which`` numbers them
    which: list[int]
    lines: list[int]
    cols: list[int]

    def made(self, number: int) -> Reference:
        kinds, name = self.fields[self.which[number]]
        return Reference(
            self.targets[number], kinds, name, self.path, self.lines[number], self.cols[number]
        )

    def __iter__(self) -> Iterator[Reference]:
        return map(self.made, range(len(self.targets)))


class References:
    """The references of a run, in the files' order: each file's as a list, or as the
    columns of a kept check (:class:`ReferenceColumns`); read as one sequence of
    :class:`Reference`, and by the checks across files through :func:`targets_of`,
    :func:`unresolved` and :func:`with_field`, which spare the columns' objects."""

    __slots__ = ("chunks",)

    def __init__(self, references: Iterable[Reference] = ()) -> None:
        self.chunks: list[list[Reference] | ReferenceColumns] = [list(references)]

    def append(self, reference: Reference) -> None:
        last = self.chunks[-1]
        if type(last) is not list:
            last = []
            self.chunks.append(last)
        last.append(reference)

    def extend(self, more: Iterable[Reference]) -> None:
        if isinstance(more, References):
            self.chunks.extend(chunk for chunk in more.chunks if _size(chunk))
        elif isinstance(more, ReferenceColumns):
            self.chunks.append(more)
        else:
            for reference in more:
                self.append(reference)

    def __iter__(self) -> Iterator[Reference]:
        for chunk in self.chunks:
            yield from chunk

    def __len__(self) -> int:
        return sum(map(_size, self.chunks))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, References | list):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"References({list(self)!r})"


def _size(chunk: list[Reference] | ReferenceColumns) -> int:
    return len(chunk.targets) if isinstance(chunk, ReferenceColumns) else len(chunk)


def _chunks(references: Iterable[Reference]) -> Iterable[Any]:
    return references.chunks if isinstance(references, References) else [references]


def targets_of(references: Iterable[Reference]) -> set[str]:
    """Every id referred to."""
    used: set[str] = set()
    for chunk in _chunks(references):
        used.update(chunk.targets if type(chunk) is ReferenceColumns else (r.target for r in chunk))
    return used


def unresolved(references: Iterable[Reference], kinds: Mapping[str, str]) -> Iterator[Reference]:
    """The references, in order, whose target is not declared (``kinds``: each declared
    id's kind) or is of a kind their field does not take."""
    for chunk in _chunks(references):
        if type(chunk) is not ReferenceColumns:
            yield from (r for r in chunk if kinds.get(r.target) not in r.range)
            continue
        ranges = [kinds_taken for kinds_taken, _ in chunk.fields]
        get = kinds.get
        for number, (target, which) in enumerate(zip(chunk.targets, chunk.which, strict=True)):
            if get(target) not in ranges[which]:
                yield chunk.made(number)


def with_field(
    references: Iterable[Reference], name: str, kind: str | None = None
) -> Iterator[Reference]:
    """The references, in order, made in the field ``name`` (and, given ``kind``, whose
    field takes that kind)."""
    for chunk in _chunks(references):
        if type(chunk) is not ReferenceColumns:
            yield from (r for r in chunk if r.field == name and (kind is None or kind in r.range))
            continue
        wanted = {
            number
            for number, (kinds, field_name) in enumerate(chunk.fields)
            if field_name == name and (kind is None or kind in kinds)
        }
        if wanted:
            yield from (chunk.made(number) for number, w in enumerate(chunk.which) if w in wanted)


@dataclass(frozen=True, slots=True)
class QuoteUse(_Written):
    """A quote that must be found in its source's text."""

    source: str
    quote: str
    path: str
    line: int
    col: int


@dataclass(frozen=True, slots=True)
class Initiator:
    """An ``initiated_by`` that is not a party: it must be a state a party belongs to."""

    actor: str
    parties: tuple[str, ...]
    where: Location


@dataclass(slots=True)
class Pending:
    """Checks that need every file: references, quotes, initiators."""

    references: References = field(default_factory=References)
    quotes: list[QuoteUse] = field(default_factory=list)
    wikidata: list[tuple[str, Location]] = field(default_factory=list)
    initiators: list[Initiator] = field(default_factory=list)
    citations: list[CitationUse] = field(default_factory=list)


@dataclass(slots=True)
class FieldChecker:
    """Checks values for one file, collecting problems and pending checks."""

    reader: NodeReader
    model: Model
    pending: Pending

    def value(self, prop: Property, node: yaml.Node, what: str) -> Any:
        """The checked value of a property, or INVALID after reporting why."""
        if self.reader.is_null(node):
            self.reader.error(node, f"{what} is empty")
            return INVALID
        if not prop.list:
            return self._single(prop, node, what)
        items = self.reader.sequence(node, what)
        if not items and isinstance(node, yaml.SequenceNode) and prop.required:
            self.reader.error(node, f"{what} needs at least one entry")
            return INVALID
        values = [self._single(prop, item, f"an entry of {what}") for item in items]
        if INVALID in values or (not items and not isinstance(node, yaml.SequenceNode)):
            return INVALID
        if prop.type == "ref":
            return self._distinct(prop, items, values, what, node)
        return tuple(values)

    def _distinct(
        self, prop: Property, items: list, values: list, what: str, node: yaml.Node
    ) -> Any:
        seen: set[str] = set()
        for item, value in zip(items, values, strict=True):
            if value in seen:
                self.reader.error(item, f"'{value}' is listed twice in {what}")
                return INVALID
            seen.add(value)
        if len(seen) < prop.min_distinct:
            self.reader.error(
                node,
                f"{what} needs at least {prop.min_distinct} distinct actors, found {len(seen)}",
            )
            return INVALID
        if prop.max_items and len(seen) > prop.max_items:
            hint = f": {prop.max_items_hint}" if prop.max_items_hint else ""
            self.reader.error(
                node, f"{what} takes at most {prop.max_items} actors, found {len(seen)}{hint}"
            )
            return INVALID
        return tuple(values)

    def _single(self, prop: Property, node: yaml.Node, what: str) -> Any:
        return _CHECKS[prop.type](self, prop, node, what)

    def _text(self, prop: Property, node: yaml.Node, what: str) -> Any:
        text = self.reader.text(node, what)
        if text is None:
            return INVALID
        text = text.strip()
        if not text:
            self.reader.error(node, f"{what} is empty")
            return INVALID
        if prop.name == "summary" and (problem := summary_problem(text)):
            self.reader.error(node, problem)  # the value stays: nothing else is blamed
        elif prop.name == "note" and (problem := note_problem(text)):
            self.reader.error(node, problem)  # a corroboration suggest guessed
        return text

    def _id(self, prop: Property, node: yaml.Node, what: str) -> Any:
        text = self.reader.text(node, what)
        if text is None:
            return INVALID
        if len(text) > MAX_ID_CHARS:
            self.reader.error(
                node, f"an id of {len(text)} characters is too long (at most {MAX_ID_CHARS})"
            )
            return INVALID
        if not ID_PATTERN.match(text):
            self.reader.error(
                node,
                f"'{text}' is not a valid id: use lowercase letters, digits, "
                "and - _ . between them (e.g. sergei-lavrov)",
            )
            return INVALID
        if prop.name == "id" and (problem := id_problem(text)):
            self.reader.error(node, problem)  # the value stays: references to it resolve
        # One string an id, however often it is referred to (600k references to 33k
        # actors at 100k contacts).
        return sys.intern(text)

    def _ref(self, prop: Property, node: yaml.Node, what: str) -> Any:
        target = self._id(prop, node, what)
        if target is not INVALID:
            self.pending.references.append(
                Reference(target, prop.range, prop.name, *self.reader.place(node))
            )
        return target

    def _enum(self, prop: Property, node: yaml.Node, what: str) -> Any:
        text = self.reader.text(node, what)
        if text is None:
            return INVALID
        assert prop.vocabulary is not None
        allowed = self.model.vocabularies[prop.vocabulary]
        if text not in allowed and guessed(text) in allowed:
            self.reader.error(node, guess_problem(prop.name, text, list(allowed)))
            return INVALID
        if text not in allowed:
            self.reader.error(
                node,
                f"unknown {prop.name} '{text}'{did_you_mean(text, allowed)}; "
                f"allowed: {', '.join(allowed)}",
            )
            return INVALID
        return text

    def _date(self, prop: Property, node: yaml.Node, what: str) -> Any:
        text = self.reader.text(node, what)
        if text is None:
            return INVALID
        try:
            return PartialDate.parse(text)
        except DateError as error:
            self.reader.error(node, f"{what}: {error}")
            return INVALID

    def _bool(self, prop: Property, node: yaml.Node, what: str) -> Any:
        text = self.reader.text(node, what)
        if text is None:
            return INVALID
        if text.lower() in ("true", "false"):
            return text.lower() == "true"
        self.reader.error(node, f"{what} must be true or false, not '{text}'")
        return INVALID

    def _language(self, prop: Property, node: yaml.Node, what: str) -> Any:
        text = self.reader.text(node, what)
        if text is None:
            return INVALID
        if not LANGUAGE_PATTERN.match(text):
            self.reader.error(node, f"'{text}' is not a language code (use en, ar, ru...)")
            return INVALID
        return text

    def _wikidata(self, prop: Property, node: yaml.Node, what: str) -> Any:
        text = self.reader.text(node, what)
        if text is None:
            return INVALID
        if not is_wikidata_id(text):
            self.reader.error(
                node, f"'{text}' is not a Wikidata item id (Q followed by at most 12 digits)"
            )
            return INVALID
        self.pending.wikidata.append((text, self.reader.where(node)))
        return text

    def _path(self, prop: Property, node: yaml.Node, what: str) -> Any:
        text = self._text(prop, node, what)
        if text is not INVALID and (text.startswith("/") or ":" in text[:3]):
            self.reader.error(node, f"{what} must be relative to the fact file, not '{text}'")
            return INVALID
        return text

    def _iri(self, prop: Property, node: yaml.Node, what: str) -> Any:
        """An address written into RDF as an IRI: checked here, and again when written."""
        text = self._text(prop, node, what)
        if text is INVALID:
            return INVALID
        problem = web_address_problem(text)
        if problem is not None:
            self.reader.error(node, f"{what} is not a valid http(s) IRI: {problem}")
            return INVALID
        return text

    def _by_language(
        self, node: yaml.Node, what: str, read: Callable[[str, yaml.Node], Any]
    ) -> Any:
        """A mapping of language code -> value read by ``read``; INVALID after any error."""
        entries = self.reader.mapping(node, what)
        if entries is None:
            return INVALID
        values: dict[str, Any] = {}
        ok = True
        for lang, key_node, value_node in entries:
            if not LANGUAGE_PATTERN.match(lang):
                self.reader.error(key_node, f"'{lang}' is not a language code (en, ar, ru...)")
                ok = False
                continue
            values[lang] = read(lang, value_node)
            ok = ok and values[lang] is not INVALID
        return values if ok else INVALID

    def _name(self, prop: Property, node: yaml.Node, what: str) -> Any:
        """A name or alias: text, with a warning when it could pass for another name."""
        text = self._text(prop, node, what)
        if text is INVALID:
            return INVALID
        hidden = invisible_characters(text)
        if hidden:
            self.reader.warning(
                node,
                f"{what} '{text}' holds invisible characters ({', '.join(map(codepoint, hidden))}):"
                " it looks like a name it does not match",
            )
        mixed = scripts(text)
        if len(mixed) > 1:
            odd = ", ".join(map(codepoint, odd_letters(text)[:3]))
            self.reader.warning(
                node,
                f"{what} '{text}' mixes scripts ({', '.join(s.title() for s in mixed)}: {odd}):"
                " a look-alike letter from another alphabet makes a different name",
            )
        return text

    def _names(self, prop: Property, node: yaml.Node, what: str) -> Any:
        names = self._by_language(
            node, what, lambda lang, value: self._name(prop, value, f"the {lang} name")
        )
        if names is not INVALID and "en" not in names:
            self.reader.error(node, f"{what} needs an English name (en)")
        elif names is not INVALID and (problem := name_problem(names["en"])):
            self.reader.error(node, problem)
            return INVALID
        return names

    def _aliases(self, prop: Property, node: yaml.Node, what: str) -> Any:
        def read(lang: str, value: yaml.Node) -> Any:
            items = self.reader.sequence(value, f"the {lang} aliases")
            texts = tuple(self._name(prop, item, with_article(f"{lang} alias")) for item in items)
            if not isinstance(value, yaml.SequenceNode) or INVALID in texts:
                return INVALID
            return texts

        return self._by_language(node, what, read)

    def _sides(self, prop: Property, node: yaml.Node, what: str) -> Any:
        """Two or more sides, each one actor or a list of actors; no actor on two sides."""
        member = Property(name=prop.name, type="ref", range=prop.range)
        sides: list[tuple[str, ...]] = []
        side_of: dict[str, int] = {}
        if not self.reader.expect(node, yaml.SequenceNode, what):
            return INVALID
        ok = True
        for number, side_node in enumerate(self.reader.sequence(node, what), start=1):
            if isinstance(side_node, yaml.SequenceNode):
                items = self.reader.sequence(side_node, f"side {number} of {what}")
                if not items:
                    self.reader.error(side_node, f"side {number} of {what} is empty")
                    ok = False
                    continue
            else:
                items = [side_node]  # a side of one actor may be written without brackets
            side: list[str] = []
            for item in items:
                actor = self._ref(member, item, f"a member of side {number}")
                if actor is INVALID:
                    ok = False
                elif actor in side_of:
                    first = side_of[actor]
                    place = "twice on this side" if first == number else f"also on side {first}"
                    self.reader.error(item, f"'{actor}' is {place}: an actor takes one side")
                    ok = False
                else:
                    side_of[actor] = number
                    side.append(actor)
            sides.append(tuple(side))
        if ok and len(sides) < 2:
            self.reader.error(
                node,
                f"{what} needs at least 2 sides, found {len(sides)} "
                "(a delegation is one side: write sides: [[a, b], [c]])",
            )
            return INVALID
        return tuple(sides) if ok else INVALID

    def _evidence(self, prop: Property, node: yaml.Node, what: str) -> Any:
        found: dict[str, tuple[str, yaml.Node]] = {}
        entries = self.reader.mapping(node, what)
        if entries is None:
            return INVALID
        if any(key == "dataset" for key, _, _ in entries):
            return self._citation(prop, node, entries)
        for key, key_node, value_node in entries:
            if key not in ("source", "quote", "gloss"):
                self.reader.error(
                    key_node,
                    f"unknown field '{key}' in evidence"
                    f"{did_you_mean(key, ('source', 'quote', 'gloss'))}; "
                    "allowed: source, quote, gloss",
                )
                return INVALID
            found[key] = (key, value_node)
        missing = [k for k in ("source", "quote") if k not in found]
        if missing:
            self.reader.error(node, f"evidence is missing '{missing[0]}'")
            return INVALID
        source = self._ref(_EVIDENCE_SOURCE, found["source"][1], "the evidence source")
        quote_node = found["quote"][1]
        quote = self._text(prop, quote_node, "the quote")
        if source is INVALID or quote is INVALID:
            return INVALID
        if len(quote) < MIN_QUOTE_CHARS:
            self.reader.error(
                quote_node,
                f"the quote is too short to be evidence "
                f"({len(quote)} characters, at least {MIN_QUOTE_CHARS})",
            )
            return INVALID
        gloss = self._gloss(prop, found["gloss"][1]) if "gloss" in found else None
        if gloss is INVALID:
            return INVALID
        self.pending.quotes.append(QuoteUse(source, quote, *self.reader.place(quote_node)))
        return Evidence(source=source, quote=quote, gloss=gloss)

    def _gloss(self, prop: Property, node: yaml.Node) -> Any:
        """The curator's English translation of a quote: text, not too long."""
        gloss = self._text(prop, node, "the gloss")
        if gloss is not INVALID and len(gloss) > MAX_GLOSS_CHARS:
            self.reader.error(
                node, f"the gloss is too long ({len(gloss)} characters, at most {MAX_GLOSS_CHARS})"
            )
            return INVALID
        return gloss

    def _citation(
        self, prop: Property, node: yaml.Node, entries: list[tuple[str, yaml.Node, yaml.Node]]
    ) -> Any:
        """Evidence of the second kind: a dataset statement (dipgraph.loader.citations)."""
        found = {key: value_node for key, _, value_node in entries}
        for key, key_node, _ in entries:
            if key not in CITATION_KEYS:
                self.reader.error(
                    key_node,
                    f"unknown field '{key}' in dataset evidence{did_you_mean(key, CITATION_KEYS)}"
                    f"; allowed: {', '.join(CITATION_KEYS)}",
                )
                return INVALID
        missing = [k for k in REQUIRED_KEYS if k not in found]
        if missing:
            self.reader.error(node, f"dataset evidence is missing '{missing[0]}'")
            return INVALID
        source = self._ref(_EVIDENCE_SOURCE, found["dataset"], "the evidence dataset")
        texts = {k: self._text(prop, found[k], k) for k in ("entity", "property", "value")}
        retrieved = self._date(prop, found["retrieved"], "retrieved")
        address = self._iri(_ADDRESS, found["address"], "address") if "address" in found else None
        qualifiers: Any = {}
        if "qualifiers" in found:
            qualifiers = self._by_language_free(found["qualifiers"], "qualifiers")
        if INVALID in (source, retrieved, address, qualifiers, *texts.values()):
            return INVALID
        cites = Citation(
            texts["entity"], texts["property"], texts["value"], qualifiers, retrieved, address
        )
        where = self.reader.place(found["dataset"])
        self.pending.citations.append(CitationUse(source, cites, *where))
        return Evidence(source=source, quote=written_out(cites), cites=cites)

    def _exception(self, prop: Property, node: yaml.Node, what: str) -> Any:
        """A curation rule broken on purpose: ``"rule: why"`` (schema/rules.py)."""
        text = self.reader.text(node, what)
        if text is None:
            return INVALID
        if not EXCEPTION_PATTERN.match(text):
            self.reader.error(
                node,
                f"an exception is written 'rule: why', the rule's name then why "
                f"(e.g. 'speaker: named two lines up'), not '{text[:60]}'",
            )
            return INVALID
        return text.strip()

    def _fields(
        self, node: yaml.Node, what: str, keys: tuple[str, ...]
    ) -> dict[str, yaml.Node] | None:
        """A mapping of exactly ``keys`` (schema/rules.py): each required, no other."""
        entries = self.reader.mapping(node, what)
        if entries is None:
            return None
        found = {}
        for key, key_node, value_node in entries:
            if key not in keys:
                self.reader.error(
                    key_node,
                    f"unknown field '{key}' in {what}{did_you_mean(key, keys)}; "
                    f"fields: {', '.join(keys)}",
                )
                return None
            found[key] = value_node
        missing = [key for key in keys if key not in found]
        if missing:
            self.reader.error(node, f"{what} is missing '{missing[0]}'")
            return None
        return found

    def _designation(self, prop: Property, node: yaml.Node, what: str) -> Any:
        """A phrase the source uses for actors it names elsewhere, and why."""
        found = self._fields(node, "a designation", rules.DESIGNATION_FIELDS)
        if found is None:
            return INVALID
        phrase = self._text(prop, found["phrase"], "the phrase")
        actors = self.value(_DESIGNATED, found["actors"], "the designation's actors")
        why = self._text(_WHY, found["why"], "why")
        if INVALID in (phrase, actors, why):
            return INVALID
        return Designation(phrase, actors, why, self.reader.where(node))

    def _passage(self, prop: Property, node: yaml.Node, what: str) -> Any:
        """A passage of the source no fact quotes on purpose, and why."""
        found = self._fields(node, "a passage not recorded", rules.PASSAGE_FIELDS)
        if found is None:
            return INVALID
        passage = self._text(prop, found["passage"], "the passage")
        why = self._text(_WHY, found["why"], "why")
        if INVALID in (passage, why):
            return INVALID
        return Unrecorded(passage, why, self.reader.where(node))

    def _not_printed(self, prop: Property, node: yaml.Node, what: str) -> Any:
        """Names or aliases no source prints, each -> why (which ones: see records.py)."""
        entries = self.reader.mapping(node, what)
        if entries is None:
            return INVALID
        values = {
            key: self._text(_WHY, value, f"why '{key}' is not printed") for key, _, value in entries
        }
        return INVALID if INVALID in values.values() else values

    def _by_language_free(self, node: yaml.Node, what: str) -> Any:
        """A mapping of text -> text (a statement's qualifiers)."""
        entries = self.reader.mapping(node, what)
        if entries is None:
            return INVALID
        values = {key: self.reader.text(value, f"{what}: {key}") for key, _, value in entries}
        return INVALID if None in values.values() else values


# One checking method a property type, looked up once a value (the walk's hot path).
_CHECKS: dict[str, Callable[[FieldChecker, Property, yaml.Node, str], Any]] = {
    name: getattr(FieldChecker, f"_{name}") for name in PROPERTY_TYPES
}
