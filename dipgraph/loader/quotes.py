"""Finding a quote in its source text, allowing only whitespace differences.

>>> normalise_space("  a\\n  b\\tc ")
'a b c'
>>> matched_prefix("the quick fox", "the quick brown fox")
'the quick '
"""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")


def normalise_space(text: str) -> str:
    """Fold every run of Unicode white space to one space and trim the ends."""
    return _SPACE.sub(" ", text).strip()


def matched_prefix(quote: str, text: str) -> str:
    """The longest start of ``quote`` found in ``text``: where a bad quote goes wrong."""
    low, high = 0, len(quote)
    while low < high:
        middle = (low + high + 1) // 2
        if quote[:middle] in text:
            low = middle
        else:
            high = middle - 1
    return quote[:low]
