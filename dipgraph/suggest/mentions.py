"""Who an article names: known actors by any name or alias, states by their adjectives,
an organisation by a short form ("المجلس"). Titles are in :mod:`dipgraph.suggest.titles`.

Names are matched on folded words with attached prefixes stripped, so "وبوتين" and
"للرئيس" are found; the longest name wins ("فلاديمير بوتين" over "بوتين").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dipgraph.facts import Actor, Facts
from dipgraph.names import close_matches, normalise_name
from dipgraph.suggest.gazetteer import Entry
from dipgraph.suggest.lexicon import Lexicon, PhraseTable
from dipgraph.suggest.state_names import accepted, enrol_gazetteer
from dipgraph.suggest.text import Token, fold_phrase


@dataclass(slots=True)
class Mention:
    """A span of tokens naming an actor."""

    first: int
    last: int  # one past the last token
    actor: str
    # "name"; "demonym" (a state's adjective); "short" ("المجلس" for the council last named);
    # "title" (the one holder of a known post of that title); "guess" ("his American
    # counterpart": the American the article names most)
    how: str
    in_title: bool = False  # part of another person's title: not a party on its own


@dataclass(slots=True)
class ActorIndex:
    """Known actors' names as phrases, and the state each adjective stands for."""

    names: PhraseTable
    actors: dict[str, Actor]
    states: dict[str, str]  # demonym key (a state's name) -> actor id
    post_titles: dict[tuple[str, ...], set[str]]  # folded title -> holders of known posts
    post_names: dict[tuple[str, ...], dict[str, str]]  # folded title -> the post's names
    # an organisation's id -> the first words of its multi-word Arabic names ("مجلس")
    heads: dict[str, set[str]] = field(default_factory=dict)
    # states and organisations of the gazetteer the facts lack (new actors), by id, and
    # how each folded name of the gazetteer is used (dipgraph/suggest/gazetteer.py)
    gazetteer: dict[str, Entry] = field(default_factory=dict)
    gazetteer_forms: dict[tuple[str, ...], str] = field(default_factory=dict)

    @classmethod
    def build(cls, facts: Facts, lexicon: Lexicon) -> ActorIndex:
        phrases: dict[tuple[str, ...], set[str]] = {}
        spelled: dict[tuple[str, ...], str] = {}
        for actor in facts.actors.values():
            every = [*actor.names.values()]
            for names in actor.aliases.values():
                every.extend(names)
            for name in every:
                words = fold_phrase(name)
                if words:
                    phrases.setdefault(words, set()).add(actor.id)
                    spelled[words] = name
        # a person's surname alone ("Clark", "بايدن") names them when no one else has it
        surnames: dict[tuple[str, ...], set[str]] = {}
        for words, ids in list(phrases.items()):
            if len(words) > 1 and len(words[-1]) >= 3:
                for ident in ids:
                    if facts.actors[ident].kind == "person":
                        surnames.setdefault(words[-1:], set()).add(ident)
                        spelled.setdefault(words[-1:], spelled[words].split()[-1])
        table = PhraseTable()
        for words, ids in phrases.items():
            if len(ids) == 1:  # a name two actors share identifies neither
                name = spelled[words]
                case = "upper" if name.isascii() and name.isupper() and len(words) == 1 else "any"
                state = facts.actors[next(iter(ids))].kind == "state"
                if case == "any" and name.isascii() and state:
                    case = "capital"  # "Turkey", "China": not "turkey", "china"
                table.add(name, (next(iter(ids)), case))
        for words, ids in surnames.items():
            if words not in phrases and len(ids) == 1:
                name = spelled[words]
                table.add(name, (next(iter(ids)), "capital" if name.isascii() else "any"))
        states: dict[str, str] = {}
        for payloads in lexicon.demonyms.by_first.values():
            for _, state in payloads:
                ids = phrases.get(fold_phrase(state), set())
                if len(ids) == 1:
                    states[state] = next(iter(ids))
        post_titles: dict[tuple[str, ...], set[str]] = {}
        post_names: dict[tuple[str, ...], dict[str, str]] = {}
        for post in facts.posts.values():
            for title in post.post.values():
                post_titles.setdefault(fold_phrase(title), set()).add(post.holder)
                post_names.setdefault(fold_phrase(title), dict(post.post))
        heads: dict[str, set[str]] = {}
        for actor in facts.actors.values():
            if actor.kind != "organization":
                continue
            for name in [actor.names.get("ar", ""), *actor.aliases.get("ar", ())]:
                words = fold_phrase(name)
                if len(words) > 1:
                    heads.setdefault(actor.id, set()).add(words[0])
        index = cls(table, dict(facts.actors), states, post_titles, post_names, heads)
        enrol_gazetteer(index, lexicon, phrases)
        return index

    def kind(self, actor: str) -> str:
        return self.actors[actor].kind

    def country(self, actor: str) -> str:
        """The state an actor belongs to (a state is its own)."""
        record = self.actors[actor]
        if record.kind == "state":
            return actor
        return record.country or actor


def find_mentions(tokens: list[Token], index: ActorIndex, lexicon: Lexicon) -> list[Mention]:
    """Every known actor named in the article, longest name first, left to right."""
    found: list[Mention] = []
    last_named: dict[str, str] = {}  # first word of an organisation's name -> the one last named
    at = 0
    while at < len(tokens):
        name = index.names.longest(tokens, at, suffixes=False)
        if name is not None and _in_lineage(tokens, at, lexicon):
            name = None  # "بن سلمان": a father's name inside another's name
        if name is not None:
            length, (actor, case) = name
            text = tokens[at].text
            how = _state_how(index, lexicon, tokens, at, length, actor, "name", found)
            if how is not None and (
                case == "any"
                or (case == "upper" and text.isupper())
                or (case == "capital" and text[:1].isupper())
            ):
                first = at
                if length == 1 and _given_name_before(tokens, at, index.actors[actor], found):
                    first = at - 1  # "سيرغي لافروف" for the known "سيرجي لافروف"
                found.append(Mention(first, at + length, actor, how))
                for word in index.heads.get(actor, ()):
                    last_named[word] = actor
                at += length
                continue
        demonym = lexicon.demonyms.longest(tokens, at, suffixes=False)
        lower = tokens[at].text.isascii() and not tokens[at].text[:1].isupper()
        if demonym is not None and lower:
            demonym = None  # "a polish vase", "french fries": a state's adjective is capitalised
        if demonym is not None and demonym[1] in index.states:
            actor = index.states[demonym[1]]
            if _state_how(index, lexicon, tokens, at, demonym[0], actor, "demonym", found):
                found.append(Mention(at, at + demonym[0], actor, "demonym"))
                at += demonym[0]
                continue
        short = _short_reference(tokens[at], last_named)
        if short is not None:
            found.append(Mention(at, at + 1, short, "short"))
        at += 1
    return _state_kinds(tokens, index, lexicon, found)


def _in_lineage(tokens: list[Token], at: int, lexicon: Lexicon) -> bool:
    """Whether the word before ``at`` is a lineage word of the same name ("بن", "آل")."""
    if at == 0 or tokens[at].gap.strip():
        return False
    before = tokens[at - 1]
    if before.sentence != tokens[at].sentence:
        return False
    return lexicon.lineage.has(before) or lexicon.families.has(before)


def _state_kinds(
    tokens: list[Token], index: ActorIndex, lexicon: Lexicon, found: list[Mention]
) -> list[Mention]:
    """A state's kind alone ("حرص المملكة على", "إلى السلطنة"; gazetteer.yaml short_forms)
    names the one state of that kind the article names otherwise; none, or two, and it
    names none."""
    forms = lexicon.gazetteer.short_forms
    if not forms:
        return found
    named = {m.actor for m in found}
    taken = {i for m in found for i in range(m.first, m.last)}
    added: list[Mention] = []
    for at, token in enumerate(tokens):
        form = next((f for f in forms if f in token.names), None)
        if form is None or at in taken:
            continue
        states = {index.states[gid] for gid in forms[form] if gid in index.states} & named
        if len(states) == 1:
            added.append(Mention(at, at + 1, states.pop(), "name"))
    return sorted(found + added, key=lambda m: m.first) if added else found


def _state_how(
    index: ActorIndex,
    lexicon: Lexicon,
    tokens: list[Token],
    at: int,
    length: int,
    actor: str,
    how: str,
    found: list[Mention],
) -> str | None:
    """How a state or organisation is named here, or None where its name or adjective is
    something else ("نهر الأردن", "محمد المصري"; dipgraph/suggest/gazetteer.py)."""
    if index.kind(actor) != "state" and actor not in index.gazetteer:
        return how
    return accepted(index, lexicon, tokens, at, length, how, found)


def _given_name_before(tokens: list[Token], at: int, actor: Actor, found: list[Mention]) -> bool:
    """Whether the word before a known person's surname spells their given name another
    way ("سيرغي" for "سيرجي"), so the two words name them."""
    if at == 0 or tokens[at].gap.strip() or actor.kind != "person":
        return False
    if found and found[-1].last > at - 1:
        return False
    before = tokens[at - 1]
    if tokens[at].sentence != before.sentence or before.definite:
        return False
    givens = [
        normalise_name(name.split()[0]) for name in actor.names.values() if len(name.split()) > 1
    ]
    return bool(givens) and bool(close_matches(before.folded, givens, n=1, cutoff=0.7))


def _short_reference(token: Token, last_named: dict[str, str]) -> str | None:
    """ "المجلس" (the council) after "مجلس الاتحاد الروسي": the organisation last named
    whose name starts with that word."""
    if not last_named or not token.definite or token.text.isascii():
        return None
    for form in token.names:
        if form.startswith("ال") and form[2:] in last_named:
            return last_named[form[2:]]
    return None


def _listed(opener: Token, lexicon: Lexicon) -> bool:
    """ "X، ونائب أمير المنطقة Y": a title behind "و" after the comma opens the next item
    of a list, not a description of X ("وزير" itself is a title, not "و" and "زير")."""
    word = opener.folded
    return (
        word.startswith("و")
        and word not in lexicon.titles.by_first
        and word not in lexicon.apposition.by_first
    )


def mark_appositions(
    tokens: list[Token],
    mentions: list[Mention],
    lexicon: Lexicon,
    others: frozenset[int] = frozenset(),
) -> None:
    """Actors inside a description set off by commas after a name are not parties.

    "يوري أوشاكوف، أحد كبار مساعدي ... للرئيس فلاديمير بوتين، ..." describes Ushakov.
    A title starting at one of ``others`` is someone else's ("بوتين، المبعوث الأمريكي
    X": X's), so it describes no one before it.
    """
    by_first = {m.first: m for m in mentions}
    for mention in mentions:
        after = mention.last
        if after >= len(tokens) or not set(tokens[after].gap) & set("،,"):
            continue
        if mention.how != "name":
            continue
        opener = tokens[after]
        if not (lexicon.apposition.has(opener) or lexicon.titles.longest(tokens, after)):
            continue
        if after in others or _listed(opener, lexicon):
            continue
        at = after
        while at < len(tokens) and tokens[at].sentence == opener.sentence:
            if at > after and set(tokens[at].gap) & set("،,.;؛"):
                break
            inner = by_first.get(at)
            if inner is not None and inner is not mention:
                inner.in_title = True
            at += 1
