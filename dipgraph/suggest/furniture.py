"""Page furniture: the "اقرأ أيضاً" / "Read more" lines a news page prints around an
article, and the related-link teaser a bare marker introduces on the next line. They
report other stories, so nothing is drafted from them: their characters are blanked
(offsets kept) before the article is read.

>>> from dipgraph.suggest.lexicon import load_lexicon
>>> text = "التقى بوتين بايدن.\\nاقرأ أيضاً:\\nلقاء آخر في جنيف\\nوقال الكرملين إن اللقاء مفيد."
>>> print(blank_furniture(text, load_lexicon()).replace(" ", "_"))
التقى_بوتين_بايدن.
___________
________________
وقال_الكرملين_إن_اللقاء_مفيد.
"""

from __future__ import annotations

from dipgraph.suggest.lexicon import Lexicon
from dipgraph.suggest.text import Sentence, Token, split, tokenise

_BARE = 3  # a marker line of at most this many words introduces a teaser on the next line


def blank_furniture(text: str, lexicon: Lexicon) -> str:
    """``text`` with each furniture line (and the teaser after a bare marker) blanked."""
    return read_without_furniture(text, lexicon)[0]


def read_without_furniture(text: str, lexicon: Lexicon) -> tuple[str, list[Token], list[Sentence]]:
    """The text with its furniture blanked, its tokens and its sentences (tokenised once
    when there is no furniture, twice when there is)."""
    tokens = tokenise(text)
    sentences = split(text, tokens)
    scanned = _blanked(text, tokens, sentences, lexicon)
    if scanned is text:
        return text, tokens, sentences
    tokens = tokenise(scanned)
    return scanned, tokens, split(scanned, tokens)


def _blanked(text: str, tokens: list[Token], sentences: list[Sentence], lexicon: Lexicon) -> str:
    if not lexicon.furniture.by_first:
        return text
    blank: list[tuple[int, int]] = []
    teaser_next = False
    for sentence in sentences:
        if sentence.first == sentence.last:
            continue
        marker = lexicon.furniture.longest(tokens, sentence.first, suffixes=False)
        line_start = text.rfind("\n", 0, sentence.start) + 1
        at_line_start = not text[line_start : sentence.start].strip()
        if marker is not None and at_line_start:
            blank.append((sentence.start, sentence.end))
            teaser_next = sentence.last - sentence.first <= _BARE
            continue
        if teaser_next:
            blank.append((sentence.start, sentence.end))
        teaser_next = False
    if not blank:
        return text
    pieces = []
    previous = 0
    for start, end in blank:
        pieces.append(text[previous:start])
        pieces.append(" " * (end - start))
        previous = end
    pieces.append(text[previous:])
    return "".join(pieces)
