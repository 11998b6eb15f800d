"""Help for a quote that is not in its source: the closest span, ready to paste.

Quotes fail on small things: straight quotes for curly ones, a hamza, a diacritic, a
dropped word. Both texts are folded the way names are (case, Arabic diacritics, hamza
forms of alef, taa marbuta, alef maqsura, tatweel, quotation marks and dashes), the
quote is aligned on the source with rapidfuzz, and the aligned span is mapped back to
the source's own characters, widened to whole words.

>>> closest_span('Belov said "we agree"', 'On Monday Belov said “we agree” at last.')
(100.0, 10, 31, 'Belov said “we agree”')
>>> quote_hint('Belov said "we agree"', 'On Monday Belov said “we agree” at last.')
'; closest span (100% alike) at character 10, to paste: "Belov said “we agree”"'
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache

MAX_TEXT = 2_000_000  # characters: longer sources get no hint (alignment cost grows)
MIN_SCORE = 60.0
_SHIFT = 3  # words each end of the aligned span may move

_SAME = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "`": "'",
        "–": "-", "—": "-", "ـ": "", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك",
    }
)  # fmt: skip


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """``text`` folded, and for each folded character the index it came from."""
    folded: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        lower = char.lower() if len(char.lower()) == 1 else char
        for part in unicodedata.normalize("NFKD", lower).translate(_SAME):
            if unicodedata.category(part) != "Mn":
                folded.append(part)
                where.append(index)
    return "".join(folded), where


@lru_cache(maxsize=4)
def _folded_source(text: str) -> tuple[str, list[int]]:
    """A source folded once for all its failing quotes (a check reports many per file)."""
    return fold_with_map(text)


def closest_span(quote: str, text: str) -> tuple[float, int, int, str] | None:
    """(similarity 0-100, start, end, the span) of ``text`` closest to ``quote``."""
    if not quote or not text or len(text) > MAX_TEXT:
        return None
    from rapidfuzz import fuzz

    folded_quote, _ = fold_with_map(quote)
    folded_text, where = _folded_source(text)
    if not folded_quote or not folded_text:
        return None
    found = fuzz.partial_ratio_alignment(folded_quote, folded_text, score_cutoff=MIN_SCORE)
    if found is None or found.dest_end <= found.dest_start:
        return None
    start = where[found.dest_start]
    end = where[found.dest_end - 1] + 1
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and (text[end].isalnum() or unicodedata.category(text[end]) == "Mn"):
        end += 1
    return _refine(folded_quote, text, start, end)


def _word_edges(text: str, position: int, before: bool) -> list[int]:
    """Up to ``_SHIFT`` word boundaries on each side of ``position`` (itself included)."""
    edges = {position}
    for step in (-1, 1):
        at, found = position, 0
        while found < _SHIFT and 0 < at < len(text):
            at += step
            inside = 0 < at < len(text)
            # a word starts here (before=True) or ends here (before=False)
            if inside and text[at - 1].isspace() == before and text[at].isspace() != before:
                edges.add(at)
                found += 1
    return sorted(edges)


def _refine(folded_quote: str, text: str, start: int, end: int) -> tuple[float, int, int, str]:
    """Move each end by whole words while that makes the span more like the quote: the
    alignment window has the quote's length, so an edit inside shifts its ends."""
    from rapidfuzz import fuzz

    best = (-1.0, start, end)
    for left in _word_edges(text, start, before=True):
        for right in _word_edges(text, end, before=False):
            if right <= left:
                continue
            score = fuzz.ratio(folded_quote, fold_with_map(text[left:right])[0])
            if score > best[0]:
                best = (score, left, right)
    score, left, right = best
    return score, left, right, text[left:right].strip()


def quote_hint(quote: str, text: str) -> str:
    """A message tail naming the closest span and a corrected quote, or ''."""
    found = closest_span(quote, text)
    if found is None:
        return ""
    score, start, _, span = found
    pasted = json.dumps(span, ensure_ascii=False)
    return f"; closest span ({score:.0f}% alike) at character {start}, to paste: {pasted}"
