"""The printed-name index answers exactly as a scan of the joined texts (rules 5 and 8)."""

from __future__ import annotations

import random

import pytest

from dipgraph.curation.printed_index import PrintedIndex
from dipgraph.curation.text import fold, printed_in

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
LATIN = "abcdeus"


def _word(rng: random.Random, letters: str) -> str:
    word = "".join(rng.choice(letters) for _ in range(rng.randint(1, 5)))
    if letters is ARABIC and rng.random() < 0.4:
        word = rng.choice(("و", "ب", "ال", "لل", "وال")) + word
    return word


def _text(rng: random.Random) -> str:
    letters = LATIN if rng.random() < 0.3 else ARABIC
    return fold(" ".join(_word(rng, letters) for _ in range(rng.randint(0, 40))))


def _keys(rng: random.Random, texts: list[str]) -> list[str]:
    """Spans of the texts (cut anywhere, so inside words too), and words of no text."""
    keys = []
    for _ in range(300):
        text = rng.choice(texts)
        if text and rng.random() < 0.8:
            start = rng.randrange(len(text))
            keys.append(fold(text[start : start + rng.randint(1, 25)]))
        else:
            words = [_word(rng, rng.choice((ARABIC, LATIN))) for _ in range(rng.randint(1, 3))]
            keys.append(fold(" ".join(words)))
    return keys + ["ال" + key for key in keys[:50]]


@pytest.mark.parametrize("seed", range(12))
def test_the_index_answers_as_the_scan_of_every_text(seed: int) -> None:
    rng = random.Random(seed)
    texts = [_text(rng) for _ in range(rng.randint(1, 30))]
    index, joined = PrintedIndex(texts), "\n".join(texts)
    answers = {key: printed_in(key, joined) for key in _keys(rng, texts)}
    assert {key: index.printed(key) for key in answers} == answers
    assert any(answers.values()) and not all(answers.values())  # both answers were asked


def test_a_name_never_crosses_from_one_text_to_the_next() -> None:
    index = PrintedIndex([fold("قال سيرغي"), fold("لافروف ان")])
    assert not index.printed(fold("سيرغي لافروف"))
    assert index.printed(fold("سيرغي")) and index.printed(fold("لافروف"))


def test_the_article_dropped_after_lam_is_found() -> None:
    assert PrintedIndex([fold("دعا للحوار الوطني")]).printed(fold("الحوار الوطني"))


def test_a_latin_name_stands_alone() -> None:
    index = PrintedIndex([fold("the USSR envoy")])
    assert not index.printed(fold("US")) and index.printed(fold("USSR envoy"))
