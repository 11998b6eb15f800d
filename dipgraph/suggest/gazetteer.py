"""The world's states and a few international organisations (lexicon/gazetteer.yaml), so
that ``suggest`` knows any state an article names, not only those the facts declare.

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

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dipgraph.facts import Actor
from dipgraph.suggest.text import Token, fold_phrase

if TYPE_CHECKING:
    from dipgraph.suggest.article import Article
    from dipgraph.suggest.drafts import ActorDraft, ContactDraft, PostDraft, StatementDraft
    from dipgraph.suggest.lexicon import Lexicon, PhraseTable
    from dipgraph.suggest.mentions import ActorIndex, Mention
    from dipgraph.suggest.statements import Speech

# The regular forms of a masculine nisba ending in ي: feminine, plural (nominative,
# oblique), dual, feminine plural, indefinite accusative. "الإيراني" -> "الإيرانية",
# "الإيرانيون", "الإيرانيين", "الإيرانيان", "الإيرانيات", "إيرانيا".
_NISBA_ENDINGS = ("ة", "ون", "ين", "ان", "ات", "ا")
_KINDS = {"states": "state", "organizations": "organization"}
# how a name form of an entry is used (ActorIndex.gazetteer_forms)
NAME, CAPITAL, CONTEXT = "name", "capital", "context"


class GazetteerError(Exception):
    """Raised as LexiconError by :func:`read_gazetteer` (kept apart to avoid an import cycle)."""


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
    return gazetteer


def add_adjectives(demonyms: PhraseTable, gazetteer: Gazetteer) -> None:
    """Every entry's adjectives into the demonyms table, with the entry's id as payload
    (resolved to an actor by :func:`enrol_gazetteer`). Phrases demonyms.yaml lists keep
    their payload (the first added wins)."""
    for entry in gazetteer.entries.values():
        for adjective in entry.adjectives:
            demonyms.add(adjective, entry.id)


def _facts_actor(
    entry: Entry, by_name: dict[tuple[str, ...], set[str]], actors: dict
) -> str | None:
    """The facts' actor this entry is: one of its names is one of the actor's, of the same
    kind (the facts always win)."""
    if entry.id in actors and actors[entry.id].kind == entry.kind:
        return entry.id
    for name in (*entry.ar, entry.en, *entry.english):
        ids = [i for i in by_name.get(fold_phrase(name), ()) if actors[i].kind == entry.kind]
        if len(ids) == 1:
            return ids[0]
    return None


def enrol_gazetteer(
    index: ActorIndex, lexicon: Lexicon, by_name: dict[tuple[str, ...], set[str]]
) -> None:
    """Resolve every entry to the facts' actor it is, or enrol it as a new one, and put its
    names, capitals and adjectives in the index. ``by_name``: the facts' folded names and
    aliases to actor ids; a phrase the facts use keeps naming what the facts say."""
    gazetteer = lexicon.gazetteer
    resolved: dict[str, str] = {}
    for entry in gazetteer.entries.values():
        known = _facts_actor(entry, by_name, index.actors)
        if known is None:
            if entry.id in index.actors:
                continue  # the id names another kind of actor in the facts: leave it be
            known = entry.id
            names = {"en": entry.en, "ar": entry.ar[0]}
            index.actors[known] = Actor(known, entry.kind, names)
            index.gazetteer[known] = entry
        resolved[entry.id] = known
        index.states[entry.id] = known  # its adjectives' payload
    taken: set[tuple[str, ...]] = set(by_name)
    for form in (NAME, CAPITAL):  # names first: "عمان" is Oman, not Jordan's capital
        for gid, ident in resolved.items():
            entry = gazetteer.entries[gid]
            spellings = [*entry.ar, entry.en, *entry.english] if form == NAME else entry.capitals
            for spelling in spellings:
                words = fold_phrase(spelling)
                if not words or words in taken:
                    continue
                taken.add(words)
                latin = spelling.isascii()
                index.names.add(spelling, (ident, "capital" if latin else "any"))
                index.gazetteer_forms[words] = CONTEXT if words in entry.context else form
    by_spelling = {fold_phrase(name): gid for gid, e in gazetteer.entries.items() for name in e.ar}
    for payloads in lexicon.demonyms.by_first.values():  # demonyms.yaml keyed by a name
        for _, key in payloads:
            spelled = by_spelling.get(fold_phrase(key))
            if key not in index.states and spelled is not None and spelled in resolved:
                index.states[key] = resolved[spelled]


def accepted(
    index: ActorIndex,
    lexicon: Lexicon,
    tokens: Sequence[Token],
    at: int,
    length: int,
    how: str,
    found: Sequence[Mention],
) -> str | None:
    """How a state's (or gazetteer organisation's) name or adjective at ``tokens[at]``
    names it ("name" or "demonym"), or None where it names no state here."""
    gazetteer = lexicon.gazetteer
    words = tuple(t.folded for t in tokens[at : at + length])
    if _in_pattern(gazetteer, tokens, at, length):
        return None
    if how == "demonym":
        return None if _family_name(gazetteer, lexicon, tokens, at, found) else how
    form = _form(index, tokens, at, length, words)
    if form is None:
        return how  # a name the facts give: as the facts say
    previous = tokens[at - 1] if at > 0 and tokens[at - 1].sentence == tokens[at].sentence else None
    attached = tokens[at].folded[:1] in "بل" and tokens[at].folded[1:] in tokens[at].names
    if form == CAPITAL and (
        (attached and tokens[at].folded[0] == "ب")
        or (previous is not None and lexicon.place_links.has(previous))
    ):
        return None  # "في الرياض", "بالرياض": where, not who
    if (
        form == CONTEXT
        and not attached
        and (previous is None or not previous.names & gazetteer.context_words)
    ):
        return None  # "دعم مالي": financial, not Mali
    if (
        previous is not None
        and not tokens[at].gap.strip(" -")
        and previous.definite
        and (_adjective_at(lexicon, tokens, at, length))
    ):
        return "demonym"  # "الخارجية السعودية": the adjective that is also a name
    return how


def _form(
    index: ActorIndex, tokens: Sequence[Token], at: int, length: int, words: tuple[str, ...]
) -> str | None:
    """The gazetteer's use of the name at ``at`` (NAME, CAPITAL, CONTEXT), None if none."""
    forms = index.gazetteer_forms
    if not forms:
        return None
    if words in forms:
        return forms[words]
    first = tokens[at]
    for name in first.names:  # "والرياض", "بمالي": the name behind its prefixes
        found = forms.get((name, *words[1:]))
        if found is not None:
            return found
    return None


def _adjective_at(lexicon: Lexicon, tokens: Sequence[Token], at: int, length: int) -> bool:
    hit = lexicon.demonyms.longest(tokens, at, suffixes=False)
    return hit is not None and hit[0] == length


def _in_pattern(gazetteer: Gazetteer, tokens: Sequence[Token], at: int, length: int) -> bool:
    """Whether a phrase of ``not_states`` holds the name ("نهر الأردن", "إنه مصر على")."""
    sentence = tokens[at].sentence
    for before, after in gazetteer.not_states:
        first, last = at - len(before), at + length + len(after)
        if first < 0 or last > len(tokens):
            continue
        around = [*tokens[first:at], *tokens[at + length : last]]
        if any(t.sentence != sentence for t in around):
            continue
        if all(w in t.forms for w, t in zip((*before, *after), around, strict=True)):
            return True
    return False


def _family_name(
    gazetteer: Gazetteer,
    lexicon: Lexicon,
    tokens: Sequence[Token],
    at: int,
    found: Sequence[Mention],
) -> bool:
    """A definite adjective right after a given name is a family name: "محمد المصري",
    "عبد الله السعودي" (a definite adjective never follows an indefinite noun)."""
    token = tokens[at]
    if at == 0 or not token.definite or token.text.isascii() or token.gap.strip():
        return False
    previous = tokens[at - 1]
    if previous.sentence != token.sentence or (found and found[-1].last == at):
        return False
    if previous.definite:
        # "عبد الله": a compound given name ends on a definite word after an indefinite one
        if not (gazetteer.given_name_ends & previous.names) or at < 2 or previous.gap.strip():
            return False
        return _given(lexicon, tokens[at - 2]) and not tokens[at - 2].definite
    return _given(lexicon, previous)


def _given(lexicon: Lexicon, token: Token) -> bool:
    """A word that may be a given name: Arabic, no pronoun attached, no lexicon word."""
    if token.text.isascii() or not any(c.isalpha() for c in token.text):
        return False
    if token.forms != token.names or len(token.folded) < 2:
        return False
    if lexicon.speech.has(token, verb=True) or lexicon.contact_types.has(token, verb=True):
        return False
    return not any(
        table.has(token)
        for table in (
            lexicon.titles,
            lexicon.not_names,
            lexicon.contact_types,
            lexicon.honorifics,
            lexicon.places,
            lexicon.months,
            lexicon.relative_dates,
            lexicon.status,
            lexicon.complementisers,
            lexicon.demonyms,
            lexicon.institutions,
            lexicon.outlets,
            lexicon.delegation,
        )
    )


def printed_name(index: ActorIndex, tokens: Sequence[Token], mention: Mention) -> str | None:
    """The entry's spelling that a mention by name prints ("والسعودية" -> "السعودية")."""
    entry = index.gazetteer.get(mention.actor)
    if entry is None or mention.how != "name":
        return None
    span = tokens[mention.first : mention.last]
    for spelling in (*entry.ar, *entry.capitals):
        words = fold_phrase(spelling)
        if len(words) == len(span) and all(w in t.names for w, t in zip(words, span, strict=True)):
            return spelling
    return None


def named_new_actors(
    index: ActorIndex, lexicon: Lexicon, tokens: Sequence[Token], mentions: Sequence[Mention]
) -> dict[str, Any]:
    """A newcomer (dipgraph.suggest.newcomers.Newcomer, kind state or organization) for
    each new state or organisation of the gazetteer the article names, under the
    gazetteer's id, as new people are; and each of its mentions that is where or what a
    contact was ("الوضع في سوريا") marked as no party (``in_title``)."""
    from dipgraph.suggest.newcomers import Newcomer  # it imports the index, which imports this

    found: dict[str, Any] = {}
    for mention in mentions:
        entry = index.gazetteer.get(mention.actor)
        if entry is None:
            continue
        if _bystander(lexicon, tokens, mention, entry, mentions):
            mention.in_title = True  # "الوضع في سوريا": where or what, no party
        if entry.id not in found:
            found[entry.id] = Newcomer(entry.id, entry.ar[0], "gazetteer.yaml", kind=entry.kind)
    return found


def _bystander(
    lexicon: Lexicon,
    tokens: Sequence[Token],
    mention: Mention,
    entry: Entry,
    mentions: Sequence[Mention],
) -> bool:
    """A new state named where a contact was or what it was about ("الوضع في سوريا",
    "الصراع الإسرائيلي الفلسطيني"; gazetteer.yaml: topic_before), or a new organisation
    right after a contact word ("اجتماع آسيان": where it was)."""
    adjectives = {i for m in mentions if m.how == "demonym" for i in range(m.first, m.last)}
    at = mention.first
    while at > 0 and at - 1 in adjectives and not tokens[at].gap.strip(" -"):
        at -= 1  # back over states' adjectives to their noun ("العاصمة الإندونيسية جاكرتا")
    if at == 0 or tokens[at - 1].sentence != tokens[at].sentence:
        return False
    if tokens[at].gap.strip(' "“«-'):
        return False  # punctuation between: "... في القاهرة، السعودية": no longer its noun
    head = tokens[at - 1]
    if head.names & lexicon.gazetteer.topic_before:
        return True
    return entry.kind == "organization" and lexicon.contact_types.has(head)


def new_actor_comments(entry: Entry, printed: bool, adjective: str) -> list[str]:
    """What the curator must confirm of a state (organisation) drafted from the gazetteer."""
    code = f"; ISO 3166 {entry.iso3}" if entry.iso3 else ""
    comments = [
        f"a new {entry.kind} from the gazetteer (dipgraph/suggest/lexicon/gazetteer.yaml"
        f"{code}): not in the facts. Confirm it is the one meant and keep the id, then "
        "remove 'DRAFT: ' from its English name (check refuses it until then); add aliases "
        "as printed"
    ]
    if not printed:
        comments.append(
            f"named only by an adjective ('{adjective}'): the Arabic name is the gazetteer's; "
            "list it under not_printed with why"
        )
    return comments


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
    from dipgraph.suggest.statements import _after  # the rule statements.py applies

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
