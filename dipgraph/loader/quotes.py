"""Finding a quote in its source text, allowing only whitespace differences.

A source is normalised once and, when large, indexed once by word: a quote is
then found by looking up its rarest whole word and comparing at those few
places, instead of scanning the whole text for every quote (and a dozen times
more for every quote that fails, to say where it differs).

>>> normalise_space("  a\\n  b\\tc ")
'a b c'
>>> matched_prefix("the quick fox", "the quick brown fox")
'the quick '
>>> source = SourceText("the quick brown fox jumps over the lazy dog", index_from=0)
>>> source.contains("k brown fox jum"), source.contains("quick fox jumps")
(True, False)
>>> source.matched_prefix("brown fox jumps under the table")
'brown fox jumps '
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import islice, repeat
from operator import sub

_SPACE = re.compile(r"\s+")
# Below this size one scan of the text (C speed) is cheaper than building an index.
INDEX_FROM_CHARS = 64 * 1024


def normalise_space(text: str) -> str:
    """Fold every run of Unicode white space to one space and trim the ends."""
    return _SPACE.sub(" ", text).strip()


class SourceText:
    """A source's whitespace-normalised text, with a word index built on first need.

    The index maps each word to the offsets where it starts. A normalised quote
    that occurs in the text has its inner words (those with a space on both
    sides) at word starts of the text, so the candidates for the quote are the
    offsets of its rarest inner word; each is checked with one comparison. The
    cost is bounded by one plain scan, which is the fallback whenever the
    candidates would cost more (or the quote has no inner word).
    """

    def __init__(self, text: str, index_from: int = INDEX_FROM_CHARS) -> None:
        self.text = text
        self._index_from = index_from
        self._words: dict[str, list[int]] | None = None

    def _index(self) -> dict[str, list[int]]:
        if self._words is None:
            words: dict[str, list[int]] = {}
            offset = 0
            for word in self.text.split(" "):
                found = words.get(word)
                if found is None:
                    words[word] = [offset]
                else:
                    found.append(offset)
                offset += len(word) + 1
            self._words = words
        return self._words

    def contains(self, quote: str) -> bool:
        """True when the (normalised) ``quote`` is a span of the text."""
        text = self.text
        parts = quote.split(" ")
        if len(text) < self._index_from or len(parts) < 3:
            return quote in text
        index = self._index()
        best: list[int] | None = None
        best_offset = 0
        offset = len(parts[0]) + 1
        for part in parts[1:-1]:
            starts = index.get(part)
            if starts is None:
                return False  # an inner word the text never has as a whole word
            if best is None or len(starts) < len(best):
                best, best_offset = starts, offset
            offset += len(part) + 1
        assert best is not None
        if len(best) * len(quote) > len(text):
            return quote in text  # a quote of common words only: one scan is cheaper
        # Every candidate start, compared in C (map over bound methods: no Python loop);
        # offsets are ascending, so the ones too early to be a start are skipped by bisect.
        first = bisect_left(best, best_offset)
        candidates = map(sub, islice(best, first, None), repeat(best_offset))
        return any(map(text.startswith, repeat(quote), candidates))

    def matched_prefix(self, quote: str) -> str:
        """The longest start of ``quote`` found in the text: where a bad quote goes wrong."""
        low, high = 0, len(quote)
        while low < high:
            middle = (low + high + 1) // 2
            if self.contains(quote[:middle]):
                low = middle
            else:
                high = middle - 1
        return quote[:low]


def matched_prefix(quote: str, text: str) -> str:
    """The longest start of ``quote`` found in ``text`` (a one-off, unindexed search)."""
    return SourceText(text).matched_prefix(quote)
