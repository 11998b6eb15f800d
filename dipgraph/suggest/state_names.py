"""Where a name, capital or adjective of the gazetteer (:mod:`dipgraph.suggest.gazetteer`)
names a state or organisation in an article, and which actor it is.

Each entry joins the actor index: a state the facts declare (one of its names or aliases
is one of the entry's) keeps the facts' id; one they lack joins as a new actor under the
gazetteer's id. A name is refused where it is something else: a phrase of ``not_states``
("نهر الأردن"), a capital after "في" (where something happened, not who did it), a name
that is also a common word without a word before it that makes it a state ("في مالي",
not "دعم مالي"), an adjective right after a given name ("محمد المصري": a family name).
The index and mentions are typed by what is read of them (:class:`Index`,
:class:`Named`): dipgraph.suggest.mentions defines them and imports this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from dipgraph.facts import Actor
from dipgraph.suggest.gazetteer import CAPITAL, CONTEXT, NAME, Entry, Gazetteer
from dipgraph.suggest.lexicon import Lexicon, PhraseTable
from dipgraph.suggest.text import Token, fold_phrase


class Index(Protocol):
    """What is read and written of dipgraph.suggest.mentions.ActorIndex."""

    names: PhraseTable
    actors: dict[str, Actor]
    states: dict[str, str]
    gazetteer: dict[str, Entry]
    gazetteer_forms: dict[tuple[str, ...], str]


class Named(Protocol):
    """What is read and written of dipgraph.suggest.mentions.Mention."""

    first: int
    last: int
    actor: str
    how: str
    in_title: bool


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
    index: Index, lexicon: Lexicon, by_name: dict[tuple[str, ...], set[str]]
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


def given_name(lexicon: Lexicon, tokens: Sequence[Token], last: int) -> bool:
    """Whether the word at ``last`` is a given name because a name link ("بن", "بنت")
    follows it with nothing between: a state's adjective or name before "بن" names no
    state but the father of nobody else ("تركي بن محمد", Turki son of Mohammed)."""
    after = last + 1
    return (
        after + 1 < len(tokens)
        and tokens[after].sentence == tokens[last].sentence
        and not tokens[after].gap.strip()
        and not tokens[last].definite
        and lexicon.name_links.has(tokens[after])
    )


def accepted(
    index: Index,
    lexicon: Lexicon,
    tokens: Sequence[Token],
    at: int,
    length: int,
    how: str,
    found: Sequence[Named],
) -> str | None:
    """How a state's (or gazetteer organisation's) name or adjective at ``tokens[at]``
    names it ("name" or "demonym"), or None where it names no state here."""
    gazetteer = lexicon.gazetteer
    words = tuple(t.folded for t in tokens[at : at + length])
    if _in_pattern(gazetteer, tokens, at, length):
        return None
    if given_name(lexicon, tokens, at + length - 1):
        return None  # "الأمير تركي بن محمد": a given name, not Turkish
    if how == "demonym":
        return None if _family_name(gazetteer, lexicon, tokens, at, found) else how
    form = _form(index, tokens, at, length, words)
    if form is None:
        return how  # a name the facts give: as the facts say
    previous = tokens[at - 1] if at > 0 and tokens[at - 1].sentence == tokens[at].sentence else None
    # "بالرياض": a preposition attached; not "براغ", a spelling of its own with its "ب"
    attached = (
        tokens[at].folded[:1] in "بل"
        and tokens[at].folded[1:] in tokens[at].names
        and words not in index.gazetteer_forms
    )
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
    index: Index, tokens: Sequence[Token], at: int, length: int, words: tuple[str, ...]
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
    found: Sequence[Named],
) -> bool:
    """A definite adjective right after a given name is a family name: "محمد المصري",
    "عبد الله السعودي" (a definite adjective never follows an indefinite noun)."""
    token = tokens[at]
    if at == 0 or not token.definite or token.text.isascii() or token.gap.strip():
        return False
    if token.folded[:1] == "و" and token.folded[1:] in token.names:
        return False  # "سامي نادر والفنزويلي كريم": "و" joins another, no name has it
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


def printed_name(
    index: Index, tokens: Sequence[Token], mention: Named, capitals: bool = False
) -> str | None:
    """The entry's spelling that a mention by name prints ("والسعودية" -> "السعودية"); a
    capital ("دمشق") only if ``capitals``: it stands for the state but is not its name."""
    entry = index.gazetteer.get(mention.actor)
    if entry is None or mention.how != "name":
        return None
    span = tokens[mention.first : mention.last]
    for spelling in entry.capitals if capitals else entry.ar:
        words = fold_phrase(spelling)
        if len(words) == len(span) and all(w in t.names for w, t in zip(words, span, strict=True)):
            return spelling
    return None


def new_actors_named(
    index: Index, lexicon: Lexicon, tokens: Sequence[Token], mentions: Sequence[Named]
) -> dict[str, Entry]:
    """Each new state or organisation of the gazetteer the article names, by id; each of
    its mentions that is where or what a contact was ("الوضع في سوريا") is marked as no
    party (``in_title``)."""
    found: dict[str, Entry] = {}
    # the tokens of states' adjectives, once an article (per mention it was quadratic)
    adjectives = {i for m in mentions if m.how == "demonym" for i in range(m.first, m.last)}
    for mention in mentions:
        entry = index.gazetteer.get(mention.actor)
        if entry is None:
            continue
        if _bystander(lexicon, tokens, mention, entry, adjectives):
            mention.in_title = True  # "الوضع في سوريا": where or what, no party
        found.setdefault(entry.id, entry)
    return found


def _bystander(
    lexicon: Lexicon,
    tokens: Sequence[Token],
    mention: Named,
    entry: Entry,
    adjectives: set[int],
) -> bool:
    """A new state named where a contact was or what it was about ("الوضع في سوريا",
    "الصراع الإسرائيلي الفلسطيني"; gazetteer.yaml: topic_before), or a new organisation
    right after a contact word ("اجتماع آسيان": where it was). ``adjectives``: the
    positions of the article's tokens that are states' adjectives."""
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
