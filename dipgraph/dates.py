"""Partial dates: a year, a month or a day, never more precise than the evidence.

A source often says only "2022" or "November 2022"; inventing a day would be a
fabrication. ``PartialDate`` keeps the precision and exposes the interval it
covers, so filters and time-ordered paths can reason about uncertainty.

>>> d = PartialDate.parse("2022-11")
>>> d.precision, str(d), d.first_day.isoformat(), d.last_day.isoformat()
('month', '2022-11', '2022-11-01', '2022-11-30')
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from dipgraph.errors import InputError

# ASCII digits only (\d also takes Arabic-Indic ones), to the very end ($ takes a "\n").
_PATTERN = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")  # schema/rules.DATE


class DateError(InputError):
    """A text that is not a valid partial date; the message says why."""


@dataclass(frozen=True, order=True, slots=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise DateError otherwise."""
        match = _PATTERN.match(text.strip())
        if not match:
            raise DateError(f"'{text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
        year = int(match[1])
        if year < dt.MINYEAR:
            raise DateError(f"'{text}' has year 0000, which does not exist: years start at 0001")
        month = int(match[2]) if match[2] else None
        day = int(match[3]) if match[3] else None
        if month is not None and not 1 <= month <= 12:
            raise DateError(f"'{text}' has month {month}: months run from 01 to 12")
        if day is not None:
            assert month is not None
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise DateError(
                    f"'{text}' does not exist: {calendar.month_name[month]} {year} has {last} days"
                )
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        """'year', 'month' or 'day'."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def first_day(self) -> dt.date:
        """The earliest day this date may denote."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        """The latest day this date may denote."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def may_overlap(first: Any, last: Any, since: Any, until: Any) -> bool:
    """True when the span [first, last] may fall inside [since, until].

    The bounds are dates or day numbers (``date.toordinal()``), all of one kind.

    Open ends (None) are unbounded. An undated fact (both ends None) never
    matches a bounded window: nothing shows that it falls inside it.
    """
    if since is None and until is None:
        return True
    if first is None and last is None:
        return False
    if since is not None and last is not None and last < since:
        return False
    return not (until is not None and first is not None and first > until)
