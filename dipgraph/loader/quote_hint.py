"""Help for a quote that is not in its source: the closest span, ready to paste.

Quotes fail on small things: straight quotes for curly ones, a hamza, a diacritic, a
dropped word. Both texts are folded the way names are (case, Arabic diacritics, hamza
forms of alef, taa marbuta, alef maqsura, tatweel, quotation marks and dashes), the
quote is aligned on the source with rapidfuzz, and the aligned span is mapped back to
the source's own characters, widened to whole words. When the quote's start is found
verbatim (the checker knows how far it matches), only the few places it occurs are
searched.

Each character folds to one character or none, so folding a source is one
``str.translate`` and the way back is a binary search over the removed characters. A
check gives hints for the first ``HINTS_PER_SOURCE`` failing quotes of each source: a
hint costs a few scans of the source, or an alignment over all of it when the quote's
start matches nowhere, and a broken file can fail thousands of quotes.

>>> closest_span('Belov said "we agree"', 'On Monday Belov said “we agree” at last.')
(100.0, 10, 31, 'Belov said “we agree”')
>>> hint = quote_hint('Belov said "we agree"', 'On Monday Belov said “we agree” at last.')
>>> print(hint[:100])
; the source differs only in marks or punctuation (after 'said' the source has U+201C LEFT DOUBLE QU
>>> print(hint[-50:])
at character 10, to paste: "Belov said “we agree”"
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
import weakref
from dataclasses import dataclass
from typing import Any

from dipgraph.names import LETTER_FOLDS

MAX_TEXT = 20_000_000  # characters: longer sources get no hint
# The alignment costs about the quote's length squared times the text's: a 16,000-character
# quote took 108 s against a 40,000-character source, so a fact file could hold `check` (and
# CI) for hours. Real quotes are a sentence or two (the longest bundled one: 301).
MAX_HINT_QUOTE = 1_000  # characters: a longer quote gets no closest-span hint
MAX_ALIGN_WORK = 6_000_000_000  # quote characters x text characters, about 1 s
MIN_SCORE = 60.0
_NAME_DIFFERENCES = 90.0  # % alike from which the few differences are named too
HINTS_PER_SOURCE = 10
_SHIFT = 3  # words each end of the aligned span may move
_MIN_PREFIX = 8  # characters of verbatim start that pin where to look
_PLACES = 5  # occurrences of that start tried
_MARGIN = 40  # characters around each

_SAME = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "`": "'",
        "–": "-", "—": "-", **LETTER_FOLDS,
    }
)  # fmt: skip


def _fold_char(char: str) -> str:
    """One character folded: lower case, no marks, one spelling; '' when it is a mark."""
    lower = char.lower() if len(char.lower()) == 1 else char
    for part in unicodedata.normalize("NFKD", lower).translate(_SAME):
        if unicodedata.category(part) != "Mn":
            return part
    return ""


@dataclass
class Folded:
    """A text folded, and where its folded characters came from."""

    text: str
    removed: list[int]  # for each removed character, the folded offset it sat before

    @classmethod
    def of(cls, text: str) -> Folded:
        table = {ord(c): _fold_char(c) for c in set(text)}
        gone = "".join(c for c in set(text) if not table[ord(c)])
        removed: list[int] = []
        if gone:
            pattern = re.compile("[" + re.escape(gone) + "]")
            removed = [m.start() - i for i, m in enumerate(pattern.finditer(text))]
        return cls(text.translate(table), removed)

    def original(self, folded_offset: int) -> int:
        """The source offset of the character at ``folded_offset`` of the folded text."""
        return folded_offset + bisect.bisect_right(self.removed, folded_offset)


_FOLDED: weakref.WeakKeyDictionary[Any, Folded] = weakref.WeakKeyDictionary()


_BUDGETS: weakref.WeakKeyDictionary[Any, list[int]] = weakref.WeakKeyDictionary()


def _budget(source: Any) -> list[int]:
    """Hints given against this source object ([count]); a string gets a fresh one."""
    if isinstance(source, str):
        return [0]
    return _BUDGETS.setdefault(source, [0])


def _folded(source: Any, text: str) -> Folded:
    """The folded source, kept while the checker's source object lives (strings: none)."""
    if isinstance(source, str):
        return Folded.of(text)
    found = _FOLDED.get(source)
    if found is None:
        found = _FOLDED[source] = Folded.of(text)
    return found


def closest_span(
    quote: str, text: str, folded: Folded | None = None
) -> tuple[float, int, int, str] | None:
    """(similarity 0-100, start, end, the span) of ``text`` closest to ``quote``."""
    if not quote or not text or len(text) > MAX_TEXT or not _affordable(quote, text):
        return None
    from rapidfuzz import fuzz

    folded_quote = Folded.of(quote).text
    source = folded or Folded.of(text)
    if not folded_quote or not source.text:
        return None
    found = fuzz.partial_ratio_alignment(folded_quote, source.text, score_cutoff=MIN_SCORE)
    if found is None or found.dest_end <= found.dest_start:
        return None
    start = source.original(found.dest_start)
    end = source.original(found.dest_end - 1) + 1
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and (text[end].isalnum() or unicodedata.category(text[end]) == "Mn"):
        end += 1
    return _refine(folded_quote, text, start, end)


def _affordable(quote: str, text: str) -> bool:
    """Whether aligning ``quote`` on ``text`` stays within about a second."""
    return len(quote) <= MAX_HINT_QUOTE and len(quote) * len(text) <= MAX_ALIGN_WORK


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
            score = fuzz.ratio(folded_quote, Folded.of(text[left:right]).text)
            if score > best[0]:
                best = (score, left, right)
    score, left, right = best
    return score, left, right, text[left:right].strip()


def _near_prefix(quote: str, text: str, prefix: str) -> tuple[float, int, int, str] | None:
    """The closest span among the few places the quote's verbatim start occurs: a window
    a little longer than the quote at each, instead of the whole source."""
    best = None
    at = text.find(prefix)
    for _ in range(_PLACES):
        if at < 0:
            break
        left = max(0, at - _MARGIN)
        window = text[left : at + 2 * len(quote) + _MARGIN]
        found = closest_span(quote, window)
        if found is not None and (best is None or found[0] > best[0]):
            best = (found[0], found[1] + left, found[2] + left, found[3])
        at = text.find(prefix, at + 1)
    return best


def quote_hint(quote: str, source: Any, prefix: str = "") -> str:
    """A message tail naming the closest span and a corrected quote, or ''.

    ``source`` is the source's normalised text, or an object holding it as ``.text``
    (the checker's per-source object: its folding and hint count are kept with it).
    ``prefix``, the quote's longest start found verbatim, narrows the search to where it
    occurs; without one, the whole source is searched, for a bounded number of quotes.
    """
    text = source if isinstance(source, str) else source.text
    budget = _budget(source)
    if budget[0] >= HINTS_PER_SOURCE:
        return ""
    budget[0] += 1
    found = _near_prefix(quote, text, prefix) if len(prefix) >= _MIN_PREFIX else None
    if found is None:
        found = closest_span(quote, text, _folded(source, text))
    if found is None:
        return ""
    score, start, _, span = found
    pasted = json.dumps(span, ensure_ascii=False)
    where = f"at character {start}, to paste: {pasted}"
    if round(score) >= 100:  # alike once folded: the difference is one the eye misses
        named = "; ".join(differences(quote, span)[:3])
        return f"; the source differs only in marks or punctuation ({named}), {where}"
    if score >= _NAME_DIFFERENCES and len(listed := differences(quote, span)) <= 3:
        return f"; closest span ({score:.0f}% alike: {'; '.join(listed)}) {where}"
    return f"; closest span ({score:.0f}% alike) {where}"


def differences(quote: str, span: str) -> list[str]:
    """Each place where ``span`` (the source) differs from ``quote``, a few characters
    named by their code points: a fathatan or an Arabic comma looks like nothing or like
    its Latin twin, so "100% alike" alone left the curator searching.

    >>> differences("لم تحرز تقدما بشأن", "لم تحرز تقدماً بشأن")
    ["after 'تقدما' the source has U+064B ARABIC FATHATAN where the quote has nothing"]
    >>> differences("said, no", "said، no")
    ["after 'said' the source has U+060C ARABIC COMMA where the quote has U+002C COMMA"]
    >>> print(*differences("met in Vienna on Monday", "met in Vienna, Austria on Monday"))
    after 'Vienna' the source has ", Austria" where the quote has nothing
    """
    from difflib import SequenceMatcher

    def named(chars: str) -> str:
        if not chars:
            return "nothing"
        if len(chars) > 3:  # a word or more: the text itself reads better than its names
            return json.dumps(chars, ensure_ascii=False)
        return " ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'UNNAMED CHARACTER')}" for c in chars)

    found = []
    for tag, q1, q2, s1, s2 in SequenceMatcher(None, quote, span, autojunk=False).get_opcodes():
        if tag != "equal":
            word = quote[:q1].split()[-1:]
            where = f"after '{word[0]}'" if word else "at the start"
            source, typed = named(span[s1:s2]), named(quote[q1:q2])
            found.append(f"{where} the source has {source} where the quote has {typed}")
    return found
