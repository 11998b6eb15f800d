"""Whether a name is printed in any source, answered from an index of the folded texts.

Rules 5 and 8 ask this of every actor's and topic's Arabic name and alias. Asked of the
joined texts by :func:`~dipgraph.curation.text.printed_in`, each question scans them all:
at 100k synthetic contacts (24 MB of text, 60,000 names) that was half of a cold ``check``.
The index gives the same answer, never a different one, looking at few texts:

- a folded text is a run of words of ``\\w`` characters, one space apart, so a name of
  several words is printed where its first word ends a word of the text, its middle
  words are words of the text and its last word begins the next one;
- so only the texts holding a word that ends with the first word, every middle word and
  a word that begins with the last one can print it, and :func:`printed_in` itself
  decides on each of those;
- a name of one word is in a word of some text: the distinct words are searched, not
  the texts (a hit is usually a word that begins with the name, found by bisection).

>>> index = PrintedIndex(["وقال لافروف ان", "the us envoy"])
>>> index.printed("لافروف"), index.printed("سيرغي لافروف")
(True, False)
>>> index.printed("us"), index.printed("us envoy"), index.printed("s envoy")
(True, True, False)
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from dipgraph.curation.text import printed_in

_LATIN = re.compile(r"[a-z]")
# Letters Arabic writes onto the next word (and, so, for, by, as, the): a printed name
# is most often a word of its own or one of these before it, found without a scan.
_PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "ولل")
# Past this many distinct words beginning with the last word, the filter saves nothing.
_WIDEST_PREFIX = 2_000


class PrintedIndex:
    """The folded source texts, with each distinct word's texts, sorted for prefixes."""

    def __init__(self, folded_texts: Iterable[str]) -> None:
        self._texts = [text for text in folded_texts if text]
        texts_of: dict[str, list[int]] = {}
        for number, text in enumerate(self._texts):
            for word in set(text.split(" ")):
                texts_of.setdefault(word, []).append(number)
        self._texts_of = texts_of
        self._words = sorted(texts_of)
        self._reversed = sorted(word[::-1] for word in texts_of)
        self._joined_words: str | None = None

    def printed(self, key: str) -> bool:
        """``printed_in(key, T)`` for the texts T joined by line breaks: ``key`` folded."""
        if not key:
            return False
        if _LATIN.search(key):
            return self._found(key, latin=True)
        return self._found(key, latin=False) or (
            key.startswith("ال") and self._found("لل" + key[2:], latin=False)
        )

    def _found(self, key: str, *, latin: bool) -> bool:
        words = key.split(" ")
        if len(words) == 1 and not latin:
            return self._inside_a_word(key)
        found = self._candidates(words, latin=latin)
        candidates = range(len(self._texts)) if found is None else sorted(found)
        return any(printed_in(key, self._texts[number]) for number in candidates)

    def _inside_a_word(self, key: str) -> bool:
        """Whether some word of some text holds ``key``."""
        if any(self._begin_with(proclitic + key) for proclitic in _PROCLITICS):
            return True
        if self._joined_words is None:
            self._joined_words = "\n".join(self._words)
        return key in self._joined_words

    def _begin_with(self, prefix: str) -> bool:
        at = bisect_left(self._words, prefix)
        return at < len(self._words) and self._words[at].startswith(prefix)

    def _candidates(self, words: list[str], *, latin: bool) -> set[int] | None:
        """The texts that can print ``words`` (None: any text can)."""
        exact = words if latin else words[1:-1]
        found: set[int] | None = None
        for word in exact:
            texts = set(self._texts_of.get(word, ()))
            found = texts if found is None else found & texts
            if not found:
                return set()
        if latin:
            return found
        for ends in (self._texts_ending(words[0]), self._texts_beginning(words[-1])):
            if ends is not None:
                found = ends if found is None else found & ends
        return found

    def _texts_beginning(self, prefix: str) -> set[int] | None:
        """The texts holding a word that begins with ``prefix`` (None: too many words do)."""
        return self._texts_holding(_beginning(self._words, prefix))

    def _texts_ending(self, suffix: str) -> set[int] | None:
        """The texts holding a word that ends with ``suffix`` (None: too many words do)."""
        return self._texts_holding(w[::-1] for w in _beginning(self._reversed, suffix[::-1]))

    def _texts_holding(self, words: Iterable[str]) -> set[int] | None:
        texts: set[int] = set()
        for count, word in enumerate(words):
            if count == _WIDEST_PREFIX:
                return None
            texts.update(self._texts_of[word])
        return texts


def _beginning(words: list[str], prefix: str) -> Iterator[str]:
    """The words of the sorted ``words`` that begin with ``prefix``."""
    at = bisect_left(words, prefix)
    while at < len(words) and words[at].startswith(prefix):
        yield words[at]
        at += 1
