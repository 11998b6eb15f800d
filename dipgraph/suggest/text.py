"""Sentences and tokens of an article, with character offsets and folded forms.

Every draft quotes the article exactly, so tokens keep their offsets in the original
text. Matching uses the folded form (``dipgraph.names.normalise_name``) and the forms
left after stripping the prefixes Arabic attaches to a word: the conjunctions و ف,
the prepositions ب ل ك, and the article ال ("وللكرملين" -> "الكرملين", "كرملين").
A word after ل that starts with ل itself loses only the preposition ("للقاء" -> "لقاء"),
so "لل" also gives the form without its first letter (a harmless "لكرملين" here).

>>> [t.folded for t in tokenise("وقال بوتين: نعم.")]
['وقال', 'بوتين', 'نعم']
>>> sorted(name_forms("وللكرملين"))
['الكرملين', 'كرملين', 'لكرملين', 'للكرملين', 'وللكرملين']
>>> "لقاء" in name_forms("للقاء")
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from dipgraph.names import normalise_name

# Letters, digits and the marks Arabic writes on letters (harakat, shadda, tatweel).
_WORD = re.compile(r"(?:[^\W_]|[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640])+")
# A sentence ends at a line break, or at a run of . ! ? ؟ followed by white space, the
# end of the text, or an Arabic letter ("قال.وأضاف": pages often drop the space), unless
# the dot closes a one-letter abbreviation ("U.S. President"). A run is tried only from
# its first mark and taken whole (``++``): retrying it from every mark, each time
# backing off to every shorter run, made 40,000 dots with no space after them take 30 s.
_END = re.compile(r"\n+|(?<![.!?؟])(?<![\s.][A-Z])(?<!^[A-Z])[.!?؟]++(?=\s|\Z|[\u0621-\u064A])")
# The longest sentence of the bundled sources has 110 words; longer runs are cut.
MAX_SENTENCE_TOKENS = 250
#: What ends a clause inside a sentence (a token's ``gap`` holding one of them).
CLAUSE_PUNCTUATION = frozenset("،,؛;")
_SUFFIXES = ("هما", "هم", "هن", "ها", "ه", "نا", "كم")
# Endings whose last letters are no attached pronoun: the divine name closing a compound
# given name ("عبدالله", "نصرالله", "فتحالله" are names, not "عبدالل" + "his").
_WHOLE_ENDINGS = ("الله",)
_CONJUNCTIONS = "وف"
# A word's last letter as written before a pronoun, folded -> as written at the word's end,
# folded: taa marbuta (ة, folded ه) is written ت, hamza sits on ي or و ("لقائه", "لقاؤه").
_SEATED = {"ت": "ه", "ي": "ء", "و": "ء"}
_PREPOSITIONS = "بلك"


@dataclass(slots=True)
class Token:
    """One word: where it is, how it folds, and what is between it and the previous word."""

    text: str
    start: int
    end: int
    index: int
    sentence: int
    gap: str  # the characters between the previous token and this one
    folded: str = ""
    names: frozenset[str] = field(default_factory=frozenset)  # with prefixes stripped
    forms: frozenset[str] = field(default_factory=frozenset)  # also pronoun suffixes
    verbs: frozenset[str] = field(default_factory=frozenset)  # as a verb: no ب ك ال stripped

    @property
    def after_clause_break(self) -> bool:
        """A clause ends before this word: its gap holds a comma or semicolon (either script)."""
        return not CLAUSE_PUNCTUATION.isdisjoint(self.gap)

    @property
    def definite(self) -> bool:
        """Carries the article ال (possibly behind a prefix), or is an English article's noun.
        The article is never written with hamza: "ألبرتو", "ألقى" only fold to "ال..."."""
        text = self.text[1:] if self.text[:1] in "وفبكل" else self.text
        if text[:2] in ("أل", "إل"):
            return False
        return any(f.startswith("ال") and len(f) > 3 for f in self.names)


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    first: int  # first token index
    last: int  # one past the last token index


def name_forms(word: str) -> set[str]:
    """The folded word and what remains after stripping attached prefixes."""
    folded = normalise_name(word).replace(" ", "")
    forms = {folded}
    bases = [folded]
    if len(folded) >= 3 and folded[0] in _CONJUNCTIONS:
        bases.append(folded[1:])
    for base in list(bases):
        if len(base) > 3 and base.startswith("لل"):
            bases.append("ال" + base[2:])
            if len(base) > 4:  # "للقاء": ل before a word that starts with ل (لقاء)
                bases.append(base[1:])
        elif len(base) > 3 and base[0] in _PREPOSITIONS:
            bases.append(base[1:])
    forms.update(bases)
    for base in bases:
        if base.startswith("ال") and len(base) > 4:
            forms.add(base[2:])
    return forms


def word_forms(word: str) -> set[str]:
    """Name forms, plus each without an attached pronoun ("محادثاتهما" -> "محادثات"), the
    word's own ending restored where the pronoun changed it: taa marbuta written ت
    ("زيارته", "قمتهما" -> "زيارة", "قمة") and hamza on its seat ("لقائهما" -> "لقاء")."""
    forms = name_forms(word)
    for form in list(forms):
        if form.endswith(_WHOLE_ENDINGS):
            continue
        for suffix in _SUFFIXES:
            base = form[: -len(suffix)]
            if not form.endswith(suffix) or len(base) < 3:
                continue
            if len(base) >= 4:
                forms.add(base)
            if base[-1] in _SEATED:
                forms.add(base[:-1] + _SEATED[base[-1]])
            break
    return forms


def verb_forms(word: str) -> set[str]:
    """The forms a verb may take: without و ف ل before it or a pronoun after it, but never
    without ب or ك, which attach to nouns ("وكيري" is a name, not "يري", he sees)."""
    folded = normalise_name(word).replace(" ", "")
    bases = [folded]
    if len(folded) >= 3 and folded[0] in _CONJUNCTIONS:
        bases.append(folded[1:])
    for base in list(bases):
        if len(base) > 3 and base[0] == "ل" and not base.startswith("لل"):
            bases.append(base[1:])
    forms = set(bases)
    for base in bases:
        for suffix in _SUFFIXES:
            if base.endswith(suffix) and len(base) - len(suffix) >= 4:
                forms.add(base[: -len(suffix)])
                break
    return forms


def tokenise(text: str) -> list[Token]:
    """Every word of ``text`` with offsets; sentence numbers are filled by :func:`split`."""
    tokens: list[Token] = []
    previous_end = 0
    seen: dict[str, tuple[str, frozenset[str], frozenset[str], frozenset[str]]] = {}
    for match in _WORD.finditer(text):
        word = match.group()
        token = Token(
            word, match.start(), match.end(), len(tokens), 0, text[previous_end : match.start()]
        )
        folded = seen.get(word)
        if folded is None:
            folded = (
                normalise_name(word).replace(" ", ""),
                frozenset(name_forms(word)),
                frozenset(word_forms(word)),
                frozenset(verb_forms(word)),
            )
            seen[word] = folded
        token.folded, token.names, token.forms, token.verbs = folded
        tokens.append(token)
        previous_end = match.end()
    return tokens


def split(text: str, tokens: list[Token]) -> list[Sentence]:
    """Sentences of ``text`` (offsets trimmed of white space), numbering each token's."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        bounds.append((start, match.end()))
        start = match.end()
    bounds.append((start, len(text)))
    sentences: list[Sentence] = []
    position = 0
    for _begin, end in bounds:
        first = position
        while position < len(tokens) and tokens[position].start < end:
            position += 1
        for a, b in _pieces(tokens, first, position):
            for token in tokens[a:b]:
                token.sentence = len(sentences)
            trimmed_start = tokens[a].start
            trimmed_end = end if b == position else tokens[b - 1].end
            while trimmed_end > trimmed_start and text[trimmed_end - 1].isspace():
                trimmed_end -= 1
            sentences.append(Sentence(len(sentences), trimmed_start, trimmed_end, a, b))
    return sentences


def _pieces(tokens: list[Token], first: int, last: int) -> list[tuple[int, int]]:
    """Token ranges of at most MAX_SENTENCE_TOKENS covering [first, last), cut after a
    comma or semicolon where one is near the limit. Each contact word looks over its
    whole sentence: an article that never ends a sentence made that quadratic (88 kB:
    41 s and 176 MB of drafts)."""
    pieces = []
    while last - first > MAX_SENTENCE_TOKENS:
        cut = first + MAX_SENTENCE_TOKENS
        for at in range(cut, first + MAX_SENTENCE_TOKENS // 2, -1):
            if tokens[at].after_clause_break:
                cut = at
                break
        pieces.append((first, cut))
        first = cut
    if last > first:
        pieces.append((first, last))
    return pieces


@lru_cache(maxsize=65536)  # the same names are folded for every article (the gazetteer's)
def fold_phrase(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as folded words, split the way the article is tokenised."""
    return tuple(normalise_name(m.group()).replace(" ", "") for m in _WORD.finditer(phrase))
