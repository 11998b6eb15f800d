"""When and where a contact took place, and what the sentence says of its status.

Explicit dates keep the precision the text gives (2017, 2017-12, 2017-12-12); a date
without a year, or a relative one ("الخميس", "last week"), becomes a ``date_note``
quoting the words, never a guessed date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dipgraph.suggest.article import Article
from dipgraph.suggest.text import Sentence

_PLACE_LINKS = {"في", "in", "at"}


@dataclass(slots=True)
class When:
    date: str | None = None
    note: str | None = None


def _number(text: str, low: int, high: int) -> int | None:
    digits = text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
    if digits.isdigit() and low <= int(digits) <= high:
        return int(digits)
    return None


def find_when(article: Article, sentence: Sentence) -> When:
    """The first explicit date of the sentence, else a note quoting its relative date."""
    tokens = article.tokens
    for at in range(sentence.first, sentence.last):
        month = article.lexicon.months.longest(tokens, at, suffixes=False)
        if month is None:
            continue
        length, number = month
        after = at + length
        # Levantine and Egyptian names side by side: "كانون الثاني/ يناير"
        if after < sentence.last:
            twin = article.lexicon.months.longest(tokens, after, suffixes=False)
            if twin is not None and twin[1] == number:
                after += twin[0]
        day = _number(tokens[at - 1].text, 1, 31) if at > sentence.first else None
        if day is None and after < sentence.last:
            day = _number(tokens[after].text, 1, 31)
            if day is not None:
                after += 1
        year = _number(tokens[after].text, 1900, 2100) if after < sentence.last else None
        first = (
            at - 1
            if day is not None and at > sentence.first and _number(tokens[at - 1].text, 1, 31)
            else at
        )
        words = article.span(first, after + (1 if year else 0)).quote
        if year is None:
            return When(note=f'The text says "{words}" without a year, so no date is recorded.')
        if day is None:
            return When(date=f"{year:04d}-{number:02d}")
        return When(date=f"{year:04d}-{number:02d}-{day:02d}")
    for at in range(sentence.first, sentence.last):
        year = _number(tokens[at].text, 1900, 2100)
        if year is not None:
            return When(date=f"{year:04d}")
    for at in range(sentence.first, sentence.last):
        relative = article.lexicon.relative_dates.longest(tokens, at, suffixes=False)
        if relative is not None:
            last = at + relative[0]
            while last < sentence.last and not tokens[last].gap.strip():
                more = article.lexicon.relative_dates.longest(tokens, last, suffixes=False)
                if more is None:
                    break
                last += more[0]  # "اليوم الثلاثاء", "الشهر المقبل"
            return When(note=relative_note(article.span(at, last).quote))
    return When()


_RELATIVE_NOTE = re.compile(r'^The text says "(.+)"; no date is printed\.\Z')


def relative_note(words: str) -> str:
    """The draft's date note for a relative date ("أمس الخميس"): its words, no date."""
    return f'The text says "{words}"; no date is printed.'


def relative_words(note: str | None) -> str | None:
    """The words of a note :func:`relative_note` wrote (to resolve them once the
    publication date is known), else None."""
    match = _RELATIVE_NOTE.match(note or "")
    return match[1] if match else None


def find_place(article: Article, sentence: Sentence) -> dict[str, str] | None:
    """A gazetteer place after "في" / "in" / "at" in the sentence."""
    tokens = article.tokens
    for at in range(sentence.first, sentence.last):
        place = article.lexicon.places.longest(tokens, at, suffixes=False)
        if place is None:
            continue
        linked = at > sentence.first and tokens[at - 1].folded in _PLACE_LINKS
        prefixed = tokens[at].folded.startswith("ب") and tokens[at].folded[1:] in tokens[at].names
        if linked or prefixed:
            return dict(place[1])
    return None


def find_status(
    article: Article, sentence: Sentence, keep: Callable[[str, int, int, str], bool] | None = None
) -> tuple[str, str | None, str | None, int | None]:
    """(status, the cue's words, the cue's group, its first token): the first cue group
    in lexicon order with a cue here; ``keep(status, first, last, group)`` may refuse a cue by
    where it sits."""
    lexicon = article.lexicon
    best: tuple[int, str, str, int] | None = None
    for at in range(sentence.first, sentence.last):
        cue = lexicon.status.longest(article.tokens, at, suffixes=False)
        if cue is None:
            continue
        status = lexicon.status_of[cue[1]]
        if keep is not None and not keep(status, at, at + cue[0], cue[1]):
            continue
        rank = lexicon.status_rank[cue[1]]
        if best is None or rank < best[0]:
            best = (rank, cue[1], article.span(at, at + cue[0]).quote, at)
    if best is None:
        return "happened", None, None, None
    return lexicon.status_of[best[1]], best[2], best[1], best[3]


def find_cue(article: Article, sentence: Sentence, table_name: str) -> tuple[str, int] | None:
    """The words of the first cue of one table (secret, request...) in the sentence, and
    the index of the token after it."""
    table = getattr(article.lexicon, table_name)
    for at in range(sentence.first, sentence.last):
        cue = table.longest(article.tokens, at, suffixes=False)
        if cue is not None:
            return article.span(at, at + cue[0]).quote, at + cue[0]
    return None


def has_cue(article: Article, sentence: Sentence, table_name: str) -> str | None:
    """The words of the first cue of one table in the sentence."""
    found = find_cue(article, sentence, table_name)
    return found[0] if found else None
