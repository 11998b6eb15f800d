"""What only a draft holds: ``suggest`` writes these marks, ``check`` refuses them.

A drafted file is a valid fact file (``check`` reads it as is), but some of its values are
guesses or placeholders that a curator must replace: a provisional actor id, a summary
that only restates the type, a status or kind guessed from a verb. ``suggest`` writes them
with the marks defined here, so that ``check`` can name each one left, at its place,
until the curator has decided. One definition serves both (one rule, one place).

>>> draft_summary("Putin and Biden: phone call.")
'DRAFT: Putin and Biden: phone call.'
>>> is_provisional_id("new-person-2"), is_provisional_id("newton-person")
(True, False)
>>> guessed("happened?"), guessed("happened")
('happened', None)
"""

from __future__ import annotations

import re

SUMMARY_MARK = "DRAFT: "
# Words every message below holds, so that a reader of problems can tell a draft's
# leftovers from real errors (suggest reads a folder holding undecided drafts).
_PLACEHOLDER, _GUESS, _PROVISIONAL_WORDS = (
    "the draft's placeholder",
    "is a draft's guess",
    "is a provisional id from a draft",
)
GUESS_MARK = "?"
_PROVISIONAL = re.compile(r"^new-(?:person|actor)(?:-[0-9]+)?\Z")


def draft_summary(text: str) -> str:
    """A placeholder summary, as ``suggest`` writes it."""
    return SUMMARY_MARK + text


def provisional_id(number: int | None = None) -> str:
    """The id ``suggest`` gives a person the facts do not know yet."""
    return "new-person" if number is None else f"new-person-{number}"


def is_provisional_id(ident: str) -> bool:
    return _PROVISIONAL.match(ident) is not None


def guess(value: str) -> str:
    """A vocabulary value ``suggest`` guessed (a status from a verb): ``happened?``."""
    return value + GUESS_MARK


def guessed(text: str) -> str | None:
    """The value a guess stands for, or None when ``text`` is no guess."""
    return text[: -len(GUESS_MARK)] if text.endswith(GUESS_MARK) else None


def draft_name(text: str) -> str:
    """A placeholder English name (the draft only has the article's spelling)."""
    return SUMMARY_MARK + text


def name_problem(name: str) -> str | None:
    """Why an English name is still the draft's placeholder, or None."""
    if name.startswith(SUMMARY_MARK):
        return (
            f"the English name is still {_PLACEHOLDER} (it starts with "
            f"'{SUMMARY_MARK.strip()}'): write the name as the English-language press spells it"
        )
    return None


def summary_problem(summary: str) -> str | None:
    """Why a summary is still the draft's placeholder, or None."""
    if summary.startswith(SUMMARY_MARK):
        return (
            f"the summary is still {_PLACEHOLDER} (it starts with "
            f"'{SUMMARY_MARK.strip()}'): write one English sentence saying what the quotes say"
        )
    return None


def note_problem(note: str) -> str | None:
    """Why a corroboration's note is still the draft's placeholder, or None: ``suggest``
    writes one where it guessed that a draft repeats a known fact."""
    if note.startswith(SUMMARY_MARK):
        return (
            f"the note is still {_PLACEHOLDER} (it starts with '{SUMMARY_MARK.strip()}'): "
            "confirm that this article reports that fact (say what it adds, or delete the "
            "note), or draft the fact anew"
        )
    return None


def id_problem(ident: str) -> str | None:
    """Why an id is still a draft's provisional one, or None."""
    if is_provisional_id(ident):
        return (
            f"'{ident}' {_PROVISIONAL_WORDS}: choose the actor's id (or merge it "
            f"into a known actor) with `dipgraph actor accept|merge {ident} ...`"
        )
    return None


def guess_problem(field: str, text: str, allowed: list[str]) -> str:
    """Why a guessed vocabulary value (``happened?``) is refused."""
    return (
        f"{field} '{text}' {_GUESS}: write {guessed(text)} (or another of "
        f"{', '.join(allowed)}) once the text says so"
    )


def is_draft_leftover(message: str) -> bool:
    """Whether a problem's message is one of the above: a mark a curator has yet to decide."""
    return any(words in message for words in (_PLACEHOLDER, _GUESS, _PROVISIONAL_WORDS))
