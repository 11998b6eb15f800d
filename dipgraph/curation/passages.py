"""What of a source text no quote covers (curation rule 2), and where it is in the file.

White space is compared normalised (a quote may cross lines), and each stretch left
uncovered is reported at the line and column where it starts in the text as written.

>>> text = "Title\\nThe minister said the talks were useful and frank.\\nPhoto: an agency"
>>> [(g.text, g.line, g.col) for g in uncovered(text, ["The minister said the talks"])]
[('Title', 1, 1), ('were useful and frank. Photo: an agency', 2, 29)]
>>> [g.text for g in uncovered("He said: yes. Then he left.", ["He said: yes"])]
['Then he left.']
>>> undocumented_words("were useful and frank. Photo: an agency", ["Photo: an agency"])
['were', 'useful', 'and', 'frank']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from dipgraph.curation.text import fold

#: Shorter stretches are connectives between quotes ("وأضاف أوشاكوف:").
MIN_WORDS = 5
_WORD = re.compile(r"\S+")
_OPEN = re.compile(rb"\x00+")  # a run of characters no quote covers
_LEAD = re.compile(r"[\W_]*(?=\w)")  # what comes before a stretch's first word


@dataclass(frozen=True, slots=True)
class Gap:
    """An uncovered stretch: its text (white space normalised) and where it starts."""

    text: str
    line: int
    col: int


def uncovered(text: str, covering: Iterable[str]) -> list[Gap]:
    """The stretches of ``text`` that no text of ``covering`` (quotes, a title) covers."""
    flat = " ".join(text.split())
    covered = bytearray(len(flat))
    for quote in covering:
        needle = " ".join(quote.split())
        found = flat.find(needle) if needle else -1
        while found >= 0:
            covered[found : found + len(needle)] = b"\x01" * len(needle)
            found = flat.find(needle, found + 1)
    stretches = []
    for run in _OPEN.finditer(covered):
        stretch = flat[run.start() : run.end()]
        lead = _LEAD.match(stretch)  # the punctuation a quote left off, with the spaces
        if lead is not None:
            stretches.append((run.start() + lead.end(), stretch[lead.end() :].rstrip()))
    return _placed(text, stretches) if stretches else []


def _placed(text: str, stretches: list[tuple[int, str]]) -> list[Gap]:
    """Each stretch (its offset in the text with white space normalised, and its words)
    placed in the text as written: one walk over the words, done only when some are left."""
    words, starts, at = [], [], 0  # each word's offset in the text and the normalised one
    for word in _WORD.finditer(text):
        words.append(word.start())
        starts.append(at)
        at += word.end() - word.start() + 1
    gaps = []
    for offset, words_of in stretches:
        index = bisect_right(starts, offset) - 1
        raw = words[index] + (offset - starts[index])
        line_start = text.rfind("\n", 0, raw) + 1
        gaps.append(Gap(words_of, text.count("\n", 0, raw) + 1, raw - line_start + 1))
    return gaps


def undocumented_words(passage: str, documented: Iterable[str]) -> list[str]:
    """The words of ``passage`` left once every documented phrase is taken out of it."""
    rest = fold(passage)
    for phrase in documented:
        rest = rest.replace(fold(phrase), " ")
    return [word for word in rest.split() if len(word) > 1]
