"""The value rules of fact files, written once: ``dipgraph check`` (loader/fields.py)
compiles them, and the JSON Schema (schema/jsonschema.py) and the page (through
exports/graph_view.py) are generated from or tested against them.

Patterns are given without anchors: :func:`full_match` anchors them for Python (``\\Z``:
``$`` would let a trailing newline through), :func:`json_pattern` for JSON Schema.
"""

from __future__ import annotations

import re

#: An id: lowercase letters and digits, with - _ . between them (``sergei-lavrov``).
ID = r"[a-z0-9]+(?:[-_.][a-z0-9]+)*"
#: Ids go into IRIs, file-like keys and every message that names a record: kept short.
MAX_ID_CHARS = 120
#: A Wikidata item id: Q and at most 12 digits, no leading zero (items are near Q130M).
WIKIDATA_ID = r"Q[1-9][0-9]{0,11}"
#: A language code: ISO 639 (two or three letters), optional BCP 47 subtags.
LANGUAGE = r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*"
#: A partial date as written: YYYY, YYYY-MM or YYYY-MM-DD.
DATE = r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?"
#: The shortest quote accepted as evidence, in characters.
MIN_QUOTE_CHARS = 8
#: A curation rule's name (facts/README.md): lowercase words joined by -, ``shared-quote``.
RULE_NAME = r"[a-z]+(?:-[a-z]+)*"
#: An entry of a fact's ``exceptions:``: the rule's name, a colon, and why, never empty
#: (``"speaker: named two lines up"``).
EXCEPTION = rf"{RULE_NAME}:[ \t]*[^\s][\s\S]*"
#: The fields of a documented exception kept on a source, each required: a phrase the
#: source uses for actors it names elsewhere (rule 1), a passage no fact quotes (rule 2).
DESIGNATION_FIELDS = ("phrase", "actors", "why")
PASSAGE_FIELDS = ("passage", "why")
#: An evidence entry's optional ``gloss``: the curator's English translation of its quote
#: (never checked against the source), at most this many characters.
MAX_GLOSS_CHARS = 2000


def full_match(pattern: str) -> re.Pattern[str]:
    """The pattern compiled to match a whole text (no trailing newline let through)."""
    return re.compile(rf"^(?:{pattern})\Z")


def json_pattern(pattern: str) -> str:
    """The pattern anchored for JSON Schema. ``(?![\\s\\S])`` (nothing follows) is the end
    of the text in ECMA 262 and in Python alike; ``$`` would let a trailing newline
    through the validators written in Python."""
    return f"^(?:{pattern})(?![\\s\\S])"
