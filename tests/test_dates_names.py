"""Partial dates keep their precision; names match across languages and spellings."""

from __future__ import annotations

import datetime as dt

import pytest

from dipgraph.dates import DateError, PartialDate, may_overlap
from dipgraph.names import NameIndex, NameLookupError, normalise_name


@pytest.mark.parametrize(
    ("text", "precision", "first", "last"),
    [
        ("2022", "year", dt.date(2022, 1, 1), dt.date(2022, 12, 31)),
        ("2024-02", "month", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2022-11-14", "day", dt.date(2022, 11, 14), dt.date(2022, 11, 14)),
    ],
)
def test_partial_dates_keep_precision(text, precision, first, last) -> None:
    date = PartialDate.parse(text)
    assert (date.precision, str(date), date.first_day, date.last_day) == (
        precision,
        text,
        first,
        last,
    )


@pytest.mark.parametrize(
    "text", ["2022-13-01", "2022-02-30", "2023-02-29", "22", "2022/11", "2022-1", "November 2022"]
)
def test_impossible_or_malformed_dates_are_refused(text) -> None:
    with pytest.raises(DateError):
        PartialDate.parse(text)


def test_overlap_treats_partial_dates_as_intervals() -> None:
    month = PartialDate.parse("2022-11")
    assert may_overlap(month.first_day, month.last_day, dt.date(2022, 11, 15), None)
    assert not may_overlap(month.first_day, month.last_day, dt.date(2022, 12, 1), None)
    assert not may_overlap(None, None, dt.date(2022, 1, 1), None)  # undated never matches
    assert may_overlap(None, None, None, None)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("أنتونوف", "انتونوف"),  # hamza on alef
        ("إيران", "ايران"),  # hamza below
        ("آمنة", "امنه"),  # madda, taa marbuta
        ("مصطفى", "مصطفي"),  # alef maqsura
        ("بـوتـيـن", "بوتين"),  # tatweel
        ("مھدی کریمی", "مهدي كريمي"),  # Persian heh, yeh and keheh
        ("مُسْتَشَار", "مستشار"),  # diacritics
        ("LAVROV", "lavrov"),
        ("Sergéi", "sergei"),
    ],
)
def test_arabic_and_latin_variants_fold_together(a, b) -> None:
    assert normalise_name(a) == normalise_name(b)


def test_index_resolves_ids_names_aliases_and_words() -> None:
    index = NameIndex.build(
        [
            ("sergey-lavrov", "Sergey Lavrov", ["سيرجي لافروف", "Lavrov"]),
            ("sergei-shoigu", "Sergei Shoigu", ["سيرجي شويجو"]),
        ]
    )
    assert index.resolve("sergey-lavrov") == "sergey-lavrov"
    assert index.resolve("لافروف") == "sergey-lavrov"  # a word of the Arabic name
    assert index.resolve("shoigu") == "sergei-shoigu"
    with pytest.raises(NameLookupError) as ambiguous:
        index.resolve("سيرجي")
    assert ambiguous.value.ambiguous
    assert "Sergei Shoigu (sergei-shoigu)" in str(ambiguous.value)
    with pytest.raises(NameLookupError) as unknown:
        index.resolve("lavrof")
    assert not unknown.value.ambiguous
    assert "closest: Sergey Lavrov (sergey-lavrov)" in str(unknown.value)


def test_close_names_are_difflib_s_at_a_fraction_of_the_cost() -> None:
    """A long list is narrowed by rapidfuzz first; the matches (their scores, in order:
    names that tie may differ) are difflib's own, for 300 random typos."""
    import difflib
    import random

    from dipgraph.names import close_matches

    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz "
    names = sorted(
        {"".join(rng.choice(letters) for _ in range(rng.randint(5, 18))) for _ in range(400)}
    )
    for _ in range(300):
        word = list(rng.choice(names))
        word[rng.randrange(len(word))] = rng.choice(letters)
        typo = "".join(word)
        ours = close_matches(typo, names, n=8, cutoff=0.5)
        theirs = difflib.get_close_matches(typo, names, n=8, cutoff=0.5)

        def scores(found: list[str], typo: str = typo) -> list[float]:
            return [difflib.SequenceMatcher(None, typo, name).ratio() for name in found]

        assert scores(ours) == scores(theirs)


def test_folding_drops_every_mark_and_format_character_and_keeps_the_rest() -> None:
    """The folding table learns each character as it meets it: for every code point it
    does what the definition says (NFKD, marks and format characters dropped, letters
    mapped, white space runs made one space)."""
    import re
    import sys
    import unicodedata

    from dipgraph.names import _LETTER_MAP

    def defined(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        kept = "".join(c for c in decomposed if unicodedata.category(c) not in ("Mn", "Cf"))
        return re.sub(r"\s+", " ", kept.translate(_LETTER_MAP)).strip()

    for start in range(0x80, sys.maxunicode + 1, 509):
        chunk = "".join(
            chr(c) for c in range(start, min(start + 509, sys.maxunicode + 1))
            if not 0xD800 <= c < 0xE000
        )  # fmt: skip
        assert normalise_name("ب" + chunk) == defined("ب" + chunk), hex(start)
