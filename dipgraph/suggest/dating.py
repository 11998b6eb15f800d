"""The publication date an article prints, and relative dates resolved against it.

A contact the text dates "yesterday, Thursday" (أمس الخميس) is dated only once the
article's own date is known: ``suggest`` drafts it undated with a note quoting the words
(see :mod:`dipgraph.suggest.when`). When the article prints its publication date (on one
of its first lines, as a byline does), that note's anchor is resolved against it: the day
before, the same day or the day after, as a partial date of the publication's precision,
with the anchor kept in the note. A weekday the text names must be the resolved day's,
else nothing is resolved.

>>> find_published("Wire, 27 November 2026\\nSome text.")
PartialDate(year=2026, month=11, day=27)
>>> find_published("وكالات - الجمعة 27 نوفمبر/ تشرين الثاني 2026")
PartialDate(year=2026, month=11, day=27)
>>> resolve("أمس الخميس", PartialDate(2026, 11, 27))
(PartialDate(year=2026, month=11, day=26), None)
>>> resolve("غدا الثلاثاء", PartialDate(2026, 11, 27))[1]
'غدا الثلاثاء names a Tuesday, but that day is a Saturday'
"""

from __future__ import annotations

import datetime
import re
from functools import cache
from pathlib import Path

import yaml

from dipgraph.dates import PartialDate
from dipgraph.names import normalise_name

HEAD_LINES = 5  # a byline or dateline sits on the article's first lines
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_OFFSETS = {"امس": -1, "yesterday": -1, "اليوم": 0, "today": 0, "غدا": 1, "tomorrow": 1}
_WEEKDAYS = {  # Monday is 0, as datetime counts
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4,
    "السبت": 5, "الأحد": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
_DAY_BEFORE = re.compile(r"(?<!\d)(\d{1,2})\s*\Z")  # "27 November"
_DAY_AFTER = re.compile(r"\s*(\d{1,2})(?!\d)")  # "November 27, 2026"
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@cache
def _months() -> dict[str, int]:
    """Folded month name -> number, from the lexicon's dates.yaml (the names suggest reads)."""
    path = Path(__file__).with_name("lexicon") / "dates.yaml"
    with path.open(encoding="utf-8") as handle:
        months = yaml.safe_load(handle)["months"]
    return {normalise_name(str(name)): int(n) for n, names in months.items() for name in names}


def _month_pattern() -> re.Pattern[str]:
    names = sorted(_months(), key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names))


def find_published(text: str) -> PartialDate | None:
    """The first full date (day, month, year) printed on the article's first lines."""
    lines = [line for line in text.splitlines() if line.strip()][:HEAD_LINES]
    months = _months()
    pattern = _month_pattern()
    for line in lines:
        digits = line.translate(_DIGITS)
        folded = normalise_name(digits)  # (folding makes '-' a space)
        iso = re.search(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)", digits)
        if iso:
            found = _day(int(iso[1]), int(iso[2]), int(iso[3]))
            if found:
                return found
        for match in pattern.finditer(folded):
            before, after = folded[: match.start()], folded[match.end() :]
            day = _DAY_BEFORE.search(before) or _DAY_AFTER.match(after)
            year = re.search(r"(?<!\d)(\d{4})(?!\d)", after[:40])
            if day and year:
                found = _day(int(year[1]), months[match[0]], int(day[1]))
                if found:
                    return found
    return None


def _day(year: int, month: int, day: int) -> PartialDate | None:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return None
    return PartialDate(year, month, day) if 1900 <= year <= 2100 else None


def resolve(words: str, published: PartialDate) -> tuple[PartialDate | None, str | None]:
    """(the date ``words`` name, counted from ``published``; or None and why not)."""
    folded = normalise_name(words).split()
    offsets = [_OFFSETS[w] for w in folded if w in _OFFSETS]
    if len(offsets) != 1:
        return None, None  # "last Monday", "next month": not a day counted from this one
    if published.month is None or published.day is None:
        return None, "the publication date has no day"
    day = datetime.date(published.year, published.month, published.day)
    day += datetime.timedelta(days=offsets[0])
    named = {_WEEKDAYS[k] for k in _WEEKDAYS if normalise_name(k) in folded}
    if named and named != {day.weekday()}:
        weekday = min(named)
        return None, (
            f"{words} names a {_WEEKDAY_NAMES[weekday]}, but that day is a "
            f"{_WEEKDAY_NAMES[day.weekday()]}"
        )
    return PartialDate(day.year, day.month, day.day), None
