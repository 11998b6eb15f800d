"""The world's states and a few international organisations (lexicon/gazetteer.yaml), so
that ``suggest`` knows any state an article names, not only those the facts declare: the
data as read. Where a name names a state is :mod:`dipgraph.suggest.state_names`; what the
drafts do with a new one, :mod:`dipgraph.suggest.new_states`.

Each entry's names, adjectives (nisba: "السعودي"، "الإيرانية"), capitals and English names
join the actor index. A state the facts declare (one of its names or aliases is one of the
entry's) keeps the facts' id and everything the facts say of it; one they lack joins the
index as a new actor under the gazetteer's id, and is drafted as a new actor the curator
confirms. A name is refused where it is something else: a phrase of ``not_states`` ("نهر
الأردن"), a capital after "في" (where something happened, not who did it), a name that is
also a common word without a word before it that makes it a state ("في مالي", not "دعم
مالي"), and an adjective right after a given name ("محمد المصري": a family name).

>>> from dipgraph.suggest.lexicon import load_lexicon
>>> entry = load_lexicon().gazetteer.entries["saudi-arabia"]
>>> entry.iso3, entry.ar[0], "سعوديين" in entry.adjectives
('SAU', 'السعودية', True)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from dipgraph.errors import InputError
from dipgraph.suggest.text import fold_phrase

# The regular forms of a masculine nisba ending in ي: feminine, plural (nominative,
# oblique), dual, feminine plural, indefinite accusative. "الإيراني" -> "الإيرانية",
# "الإيرانيون", "الإيرانيين", "الإيرانيان", "الإيرانيات", "إيرانيا".
_NISBA_ENDINGS = ("ة", "ون", "ين", "ان", "ات", "ا")
_KINDS = {"states": "state", "organizations": "organization"}
# how a name form of an entry is used (ActorIndex.gazetteer_forms)
NAME, CAPITAL, CONTEXT = "name", "capital", "context"


class _Table(Protocol):  # dipgraph.suggest.lexicon.PhraseTable, which imports this module
    def add(self, phrase: str, payload: Any) -> None: ...


class GazetteerError(InputError):
    """A malformed gazetteer; the lexicon reader raises it again as its LexiconError (this
    module cannot import the lexicon's, which imports this one)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One state or organisation of the gazetteer."""

    id: str
    kind: str  # "state" or "organization"
    en: str
    ar: tuple[str, ...]  # the first is the name drafted
    adjectives: tuple[str, ...]  # every form, derived ones included
    capitals: tuple[str, ...]  # those that stand for the state
    english: tuple[str, ...]  # other English names
    iso3: str | None = None
    context: frozenset[tuple[str, ...]] = frozenset()  # folded forms needing a context word


@dataclass(slots=True)
class Gazetteer:
    entries: dict[str, Entry] = field(default_factory=dict)
    context_words: frozenset[str] = frozenset()  # folded
    not_states: list[tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)
    given_name_ends: frozenset[str] = frozenset()  # folded
    topic_before: frozenset[str] = frozenset()  # folded
    # a state's kind alone ("المملكة", folded) -> the entries whose names begin with it
    short_forms: dict[str, tuple[str, ...]] = field(default_factory=dict)


def nisba_forms(adjective: str) -> list[str]:
    """An adjective and its regular forms, word by word ("كوري شمالي" -> "كورية شمالية")."""
    words = adjective.split()
    if not words or not all(w.endswith("ي") for w in words):
        return [adjective]
    return [adjective] + [" ".join(w + ending for w in words) for ending in _NISBA_ENDINGS]


def _strings(entry: dict, key: str, where: str) -> list[str]:
    value = entry.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise GazetteerError(f"{where}: {key}: expected a list of words")
    return value


def read_gazetteer(data: Any) -> Gazetteer:
    """The gazetteer from the YAML mapping of gazetteer.yaml (see the file's header)."""
    if data is None:
        return Gazetteer()
    if not isinstance(data, dict):
        raise GazetteerError("gazetteer.yaml: expected a mapping (states:, organizations:, ...)")
    gazetteer = Gazetteer()
    unused = {fold_phrase(c) for c in _strings(data, "not_metonyms", "gazetteer")}
    for section, kind in _KINDS.items():
        entries = data.get(section) or []
        if not isinstance(entries, list):
            raise GazetteerError(f"gazetteer.yaml: {section}: expected a list of entries")
        for entry in entries:
            if not isinstance(entry, dict) or not all(
                isinstance(entry.get(k), str) for k in ("id", "en")
            ):
                raise GazetteerError(f"gazetteer.yaml: {section}: each entry needs id: and en:")
            where = f"gazetteer.yaml: {entry['id']}"
            names = _strings(entry, "ar", where)
            if not names:
                raise GazetteerError(f"{where}: ar: at least one Arabic name")
            if entry["id"] in gazetteer.entries:
                raise GazetteerError(f"{where}: listed twice")
            adjectives = [f for a in _strings(entry, "adj", where) for f in nisba_forms(a)]
            adjectives += _strings(entry, "plural", where) + _strings(entry, "en_adj", where)
            capitals = [
                c for c in _strings(entry, "capital", where) if fold_phrase(c) not in unused
            ]
            iso3 = entry.get("iso3")
            gazetteer.entries[entry["id"]] = Entry(
                entry["id"],
                kind,
                entry["en"],
                tuple(names),
                tuple(adjectives),
                tuple(capitals),
                tuple(_strings(entry, "english", where)),
                str(iso3) if iso3 else None,
                frozenset(fold_phrase(c) for c in _strings(entry, "context", where)),
            )
    contexts = data.get("contexts") or {}
    lists = contexts.values() if isinstance(contexts, dict) else [contexts]
    words = [w for v in lists for w in v]
    gazetteer.context_words = frozenset(w for word in words for w in fold_phrase(str(word)))
    for pattern in _strings(data, "not_states", "gazetteer"):
        before, marker, after = pattern.partition("_")
        if not marker:
            raise GazetteerError(f"gazetteer.yaml: not_states: {pattern!r} has no _")
        gazetteer.not_states.append((fold_phrase(before), fold_phrase(after)))
    gazetteer.given_name_ends = frozenset(
        w for end in _strings(data, "given_name_ends", "gazetteer") for w in fold_phrase(end)
    )
    gazetteer.topic_before = frozenset(
        w for word in _strings(data, "topic_before", "gazetteer") for w in fold_phrase(word)
    )
    gazetteer.short_forms = _short_forms(gazetteer, _strings(data, "short_forms", "gazetteer"))
    return gazetteer


def _bare(word: str) -> str:
    return word[2:] if word.startswith("ال") else word


def _short_forms(gazetteer: Gazetteer, forms: list[str]) -> dict[str, tuple[str, ...]]:
    """Each short form (folded) and the entries one of whose Arabic names begins with it,
    with or without the article ("المملكة" -> "مملكة البحرين", "المملكة المغربية")."""
    found: dict[str, tuple[str, ...]] = {}
    for form in forms:
        words = fold_phrase(form)
        if len(words) != 1:
            raise GazetteerError(f"gazetteer.yaml: short_forms: {form!r} is not one word")
        head = _bare(words[0])
        found[words[0]] = tuple(
            gid
            for gid, entry in gazetteer.entries.items()
            if any(len(n) > 1 and _bare(n[0]) == head for n in map(fold_phrase, entry.ar))
        )
    return found


def add_adjectives(demonyms: _Table, gazetteer: Gazetteer) -> None:
    """Every entry's adjectives into the demonyms table, with the entry's id as payload
    (resolved to an actor by dipgraph.suggest.state_names.enrol_gazetteer). Phrases
    demonyms.yaml lists keep their payload (the first added wins)."""
    for entry in gazetteer.entries.values():
        for adjective in entry.adjectives:
            demonyms.add(adjective, entry.id)


def new_actor_comments(
    entry: Entry, printed: bool, adjective: str, capital: str | None = None
) -> list[str]:
    """What the curator must confirm of a state (organisation) drafted from the gazetteer."""
    code = f"; ISO 3166 {entry.iso3}" if entry.iso3 else ""
    comments = [
        f"a new {entry.kind} from the gazetteer (dipgraph/suggest/lexicon/gazetteer.yaml"
        f"{code}): not in the facts. Confirm it is the one meant and keep the id, then "
        "remove 'DRAFT: ' from its English name (check refuses it until then); add aliases "
        "as printed"
    ]
    if not printed and capital:
        comments.append(
            f"named only by its capital ('{capital}'): the Arabic name is the gazetteer's; "
            "add the capital as an alias, or list the name under not_printed with why"
        )
    elif not printed:
        comments.append(
            f"named only by an adjective ('{adjective}'): the Arabic name is the gazetteer's; "
            "list it under not_printed with why"
        )
    return comments
