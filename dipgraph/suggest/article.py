"""An article read once: tokens, sentences, actor mentions and titles, for every rule."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from dipgraph.facts import Facts
from dipgraph.suggest.drafts import Span
from dipgraph.suggest.furniture import read_without_furniture
from dipgraph.suggest.institutions import enrol_institutions, find_institutions
from dipgraph.suggest.lexicon import Lexicon
from dipgraph.suggest.mentions import ActorIndex, Mention, find_mentions, mark_appositions
from dipgraph.suggest.newcomers import Newcomer, enrol, find_newcomers, find_speakers
from dipgraph.suggest.outlets import enrol_outlets, find_outlets, mark_outlet_names
from dipgraph.suggest.state_names import new_actors_named
from dipgraph.suggest.text import Sentence, Token, fold_phrase
from dipgraph.suggest.titles import Title, find_titles, implied_holders

_TRIM = " \t\n.,،؛;:"
_NAMING = ("name", "short", "demonym")  # mentions that print an actor's own name
_LOOK_BACK = 8  # sentences searched for the people "the two presidents" refers to
_QUOTES = (('"', '"'), ("“", "”"), ("«", "»"), ("(", ")"))


@dataclass(slots=True)
class Article:
    text: str
    tokens: list[Token]
    sentences: list[Sentence]
    mentions: list[Mention]  # explicit names and adjectives, left to right
    implied: list[Mention]  # people named only by a known post's title
    titles: list[Title]
    index: ActorIndex
    lexicon: Lexicon
    facts: Facts
    by_sentence: dict[int, list[Mention]] = field(default_factory=dict)  # explicit + implied
    named: frozenset[int] = frozenset()  # token indices inside an actor's name
    title_tokens: frozenset[int] = frozenset()  # token indices inside a title
    titles_by_last: dict[int, Title] = field(default_factory=dict)  # by the token after it
    newcomers: dict[str, Newcomer] = field(default_factory=dict)  # provisional id -> person
    _namings: dict[str, tuple[list[int], list[Mention]]] | None = None

    @classmethod
    def read(cls, text: str, facts: Facts, lexicon: Lexicon) -> Article:
        """Read twice when a title introduces someone new: the second time they are known."""
        index = ActorIndex.build(facts, lexicon)
        # furniture blanked for reading; quotes still come from ``text``
        _, tokens, sentences = read_without_furniture(text, lexicon)
        read = cls._read(text, tokens, sentences, index, lexicon, facts)
        found = find_newcomers(read.titles, tokens, read.mentions, lexicon, text, index)
        found += find_speakers(tokens, read.mentions, lexicon, text)
        outlets = find_outlets(tokens, read.mentions, lexicon, text)
        institutions = find_institutions(tokens, read.mentions, lexicon, text, read.title_tokens)
        if not found and not outlets and not institutions:
            return read
        newcomers = enrol(index, found, tokens, text, read.mentions, lexicon)
        newcomers.update(enrol_outlets(index, outlets, tokens, text))
        heads = lexicon.institutions.by_first
        newcomers.update(enrol_institutions(index, institutions, tokens, len(newcomers), heads))
        _outlet_heads(index, lexicon, newcomers)
        read = cls._read(text, tokens, sentences, index, lexicon, facts)
        read.newcomers.update(newcomers)
        return read

    @classmethod
    def _read(
        cls,
        text: str,
        tokens: list[Token],
        sentences: list[Sentence],
        index: ActorIndex,
        lexicon: Lexicon,
        facts: Facts,
    ) -> Article:
        mentions = find_mentions(tokens, index, lexicon)
        titles = find_titles(tokens, mentions, index, lexicon)
        named = {
            id(t) for _, t, _ in find_newcomers(titles, tokens, mentions, lexicon, text, index)
        }
        # a title followed by a new name is that person's, not a known holder's
        implied = implied_holders(
            [t for t in titles if id(t) not in named], tokens, mentions, index, lexicon
        )
        others = frozenset(
            t.first for t in titles if t.holder is None or t.holder.last > t.first
        )  # titles not of the name before them
        mark_appositions(tokens, mentions + implied, lexicon, others)
        mark_outlet_names(tokens, mentions, index, lexicon)
        read = cls(text, tokens, sentences, mentions, implied, titles, index, lexicon, facts)
        read.newcomers = {  # states and organisations the facts lack (state_names.py)
            i: Newcomer(i, e.ar[0], "gazetteer.yaml", kind=e.kind)
            for i, e in new_actors_named(index, lexicon, tokens, mentions).items()
        }
        for mention in sorted(mentions + implied, key=lambda m: m.first):
            read.by_sentence.setdefault(tokens[mention.first].sentence, []).append(mention)
        read.named = frozenset(i for m in mentions for i in range(m.first, m.last))
        read.title_tokens = frozenset(i for t in titles for i in range(t.first, t.last))
        read.titles_by_last = {t.last: t for t in titles}
        return read

    def span(self, first: int, last: int) -> Span:
        """The exact text from token ``first`` to token ``last - 1``."""
        start, end = self.tokens[first].start, self.tokens[last - 1].end
        return self.char_span(start, end)

    def char_span(self, start: int, end: int) -> Span:
        """The exact text between two offsets, trimmed of spaces and end punctuation.

        A closing quotation mark or bracket the span opened stays in.
        """
        while start < end and self.text[start] in _TRIM:
            start += 1
        while end > start and self.text[end - 1] in _TRIM:
            end -= 1
        for opening, closing in _QUOTES:
            inside = self.text[start:end]
            if opening == closing:
                unbalanced = inside.count(opening) % 2 == 1
            else:
                unbalanced = inside.count(opening) > inside.count(closing)
            if unbalanced and self.text[end : end + 1] == closing:
                end += 1
        return Span(self.text[start:end], start, end)

    def honorific_subject(self, at: int) -> Mention | None:
        """Whom an honorific with a pronoun at token ``at`` stands for ("وأشار معاليه"،
        "نقل سموه"; cues.yaml: honorific_pronouns, as printed): the first person the
        article names by name, outside a title; None if the token is no such honorific."""
        if not 0 <= at < len(self.tokens):
            return None
        if self.tokens[at].folded not in self.lexicon.honorific_pronouns.by_first:
            return None
        return next(
            (
                m
                for m in self.mentions
                if m.how == "name" and not m.in_title and self.index.kind(m.actor) == "person"
            ),
            None,
        )

    def sentence_mentions(self, sentence: Sentence, implied: bool = True) -> list[Mention]:
        """Mentions inside one sentence, in text order."""
        inside = self.by_sentence.get(sentence.index, [])
        return inside if implied else [m for m in inside if m.how != "title" and m.how != "guess"]

    def previous_pair(
        self, sentence: Sentence, kind: str, reporters: Collection[str] = ()
    ) -> list[Mention]:
        """The last two people (or states) of different countries named in the sentences
        before: whom "the two presidents" or "the two sides" refers to."""
        chosen: list[Mention] = []
        for back in range(1, _LOOK_BACK + 1):
            if sentence.index - back < 0:
                break
            earlier = self.sentences[sentence.index - back]
            for mention in reversed(self.sentence_mentions(earlier)):
                if self.index.kind(mention.actor) != kind or mention.in_title:
                    continue
                if mention.actor in reporters:
                    continue  # "وذكر أوشاكوف أن الرئيسين ...": the reporter is not one of them
                countries = {self.index.country(m.actor) for m in chosen}
                if mention.actor in {m.actor for m in chosen}:
                    continue
                if self.index.country(mention.actor) in countries:
                    continue
                chosen.append(mention)
                if len(chosen) == 2:
                    return chosen
        return chosen

    def clause(self, sentence: Sentence, first: int, last: int) -> tuple[int, int]:
        """Token range [first, last) widened to the clause punctuation around it."""
        tokens = self.tokens
        while first > sentence.first and not tokens[first].after_clause_break:
            first -= 1
        while last < sentence.last and not tokens[last].after_clause_break:
            last += 1
        return first, last

    def namings(self) -> dict[str, tuple[list[int], list[Mention]]]:
        """Each actor's mentions by a name of its own (not a title), in text order, with
        their start offsets (for bisecting); built once."""
        if self._namings is None:
            found: dict[str, tuple[list[int], list[Mention]]] = {}
            for mention in self.mentions:
                if mention.how in _NAMING:
                    starts, mentions = found.setdefault(mention.actor, ([], []))
                    starts.append(self.tokens[mention.first].start)
                    mentions.append(mention)
            self._namings = found
        return self._namings

    def covered(self) -> frozenset[int]:
        """Token indices inside an actor's name: no lexicon word is looked for there."""
        return self.named

    def name(self, actor: str) -> str:
        return self.index.actors[actor].name


def _outlet_heads(index: ActorIndex, lexicon: Lexicon, newcomers: dict[str, Newcomer]) -> None:
    """A new outlet's kind ("وكالة الأنباء العمانية", "وكالة تاس") is its head word, so
    that "الوكالة" after it refers back to it, as "المجلس" to a known council."""
    for ident, newcomer in newcomers.items():
        if newcomer.kind != "organization":
            continue
        words = fold_phrase(f"{newcomer.title} {newcomer.name}")
        for word in dict.fromkeys(words[:2]):
            head = word[2:] if word.startswith("ال") else word
            if head in lexicon.outlets.by_first and len(head) >= 3:
                index.heads.setdefault(ident, set()).add(head)
