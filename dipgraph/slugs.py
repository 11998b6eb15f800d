"""Readable ASCII ids from labels: one rule, for suggested ids and for IRI segments.

>>> slug("Sergéi Lavrov, 2017!"), slug("مدير")
('sergei-lavrov-2017', '')
>>> iri_segment("Secretary of State"), iri_segment("مدير")
('secretary-of-state', 'h-6a05608678d2')
"""

from __future__ import annotations

import hashlib
import re
import unicodedata


def slug(text: str) -> str:
    """Lowercase ASCII letters and digits joined by '-': accents folded away, other
    scripts dropped (so it may be empty: an Arabic-only label)."""
    folded = unicodedata.normalize("NFKD", text).casefold()
    ascii_text = folded.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def iri_segment(text: str) -> str:
    """:func:`slug`, never empty: a label that leaves no ASCII letter or digit (an
    Arabic-only title) gets a short digest of itself, so the segment is IRI-safe and
    stable."""
    return slug(text) or "h-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
