"""Finding a name in a quote the way a reader does: after folding, prefixes allowed.

>>> occurs("أنتونوف", "وقال انتونوف إن")
True
>>> occurs("US", "the USSR"), occurs("US", "the US envoy")
(False, True)
>>> occurs("الحوار", "دعا للحوار")
True
>>> printed_in("us", "ussr and the us"), printed_in("us", "ussr")
(True, False)
"""

from __future__ import annotations

import re
from functools import lru_cache

from dipgraph.names import normalise_name

_PUNCTUATION = re.compile(r"[^\w\s]")
_LATIN = re.compile(r"[a-z]")
CONJUNCTIONS = ("و", "ف", "ل")


@lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """dipgraph's name folding, with punctuation (quotes, commas, brackets) as spaces."""
    return " ".join(_PUNCTUATION.sub(" ", normalise_name(text)).split())


@lru_cache(maxsize=65536)
def _latin_pattern(key: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(key)}(?!\w)")


def occurs(name: str, text: str) -> bool:
    """``name`` in ``text`` after folding: Latin as whole words, Arabic also with prefixes.

    Arabic attaches و، ب، ل، ال to the next word, so an Arabic name is found inside a word;
    a Latin one must stand alone ("US" is not in "USSR").
    """
    key, folded = fold(name), fold(text)
    if not key:
        return False
    if _LATIN.search(key):
        return _latin_pattern(key).search(folded) is not None
    # ل before the article ال drops its alef: الحوار is printed للحوار ("for the dialogue").
    return key in folded or (key.startswith("ال") and "لل" + key[2:] in folded)


def printed_in(key: str, folded: str) -> bool:
    """:func:`occurs` for a name already folded (``key``) in a long folded text, without a
    regular expression over the whole text: Latin keys are found and their ends checked."""
    if not key:
        return False
    if not _LATIN.search(key):
        return key in folded or (key.startswith("ال") and "لل" + key[2:] in folded)
    at = folded.find(key)
    while at >= 0:
        end = at + len(key)
        if not _word(folded, at - 1) and not _word(folded, end):
            return True
        at = folded.find(key, at + 1)
    return False


def _word(text: str, at: int) -> bool:
    """Whether the character at ``at`` (if any) is a word character, as regex ``\\w``."""
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] == "_")


def words_without_conjunctions(text: str) -> set[str]:
    """The folded words of ``text``, each also without a conjunction in front (وحذر: حذر)."""
    words = set(fold(text).split())
    return words | {w[1:] for w in words if w[:1] in CONJUNCTIONS and len(w) > 2}
