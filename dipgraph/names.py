"""Finding an actor by id, name or alias, in any language and spelling variant.

Arabic news spells one name several ways (أنتونوف / انتونوف, with or without
diacritics or tatweel); readers type whichever they know. Every name is folded
to one key before comparing.

>>> normalise_name("أناتولي  أنتونوف")
'اناتولي انتونوف'
>>> normalise_name("بـوتيـن") == normalise_name("بوتين")
True
>>> normalise_name("Sergéi LAVROV")
'sergei lavrov'
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from dipgraph.errors import NotFoundError

# Arabic letters written more than one way, each folded to one spelling: the one table
# of them. Quotes are matched with it (loader/quote_hint.py) and the page folds names with
# it (it travels in the page's data: templates/js/helpers.js, norm).
LETTER_FOLDS: dict[str, str] = {
    "ٱ": "ا",  # alef wasla
    "ى": "ي",  # alef maqsura
    "ة": "ه",  # taa marbuta
    "ی": "ي",  # farsi yeh
    "ک": "ك",  # keheh
    "ھ": "ه",  # heh doachashmee (Persian and Urdu texts print it for heh)
    "ـ": "",  # tatweel
}
_LETTER_MAP = str.maketrans(
    {
        **{letter: folded or None for letter, folded in LETTER_FOLDS.items()},
        "-": " ",
        "_": " ",
        "'": None,
        "’": None,
        ".": None,
    }
)
_SPACE = re.compile(r"\s+")
# Marks (Mn) and invisible format characters (Cf: zero-width spaces and joiners, bidi
# marks) change how a name is drawn, never which name it is.
_DROPPED = frozenset(("Mn", "Cf"))
# Cyrillic and Greek letters drawn like Latin ones (Unicode's confusables, the letters
# a name can hide): "Рutin" with a Cyrillic Р is the same name to a reader.
_LOOK_ALIKES = str.maketrans(
    dict(
        zip(
            "АВСЕНІЈКМОРЅТХУасеорухіјѕԁһԛԝӏΑΒΕΖΗΙΚΜΝΟΡΤΥΧοανρικυı",
            "ABCEHIJKMOPSTXYaceopyxijsdhqwlABEZHIKMNOPTYXoavpikui",
            strict=True,
        )
    )
)


class _Folding(dict):
    """The letter map, and each character learnt as it is first met (a mark or format
    character dropped, any other kept): ``str.translate`` then folds a text in one pass
    at C speed, with no table of all of Unicode built up front. It learns at most
    :data:`_LEARNT` characters, so a text of every code point cannot grow it unbounded."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.category(chr(code)) in _DROPPED else code
        if len(self) < _LEARNT:
            self[code] = kept
        return kept


_LEARNT = 1 << 16


_FOLDING = _Folding(_LETTER_MAP)


def normalise_name(text: str) -> str:
    """Fold case, diacritics, hamza forms of alef, alef maqsura, taa marbuta, tatweel."""
    if text.isascii():  # no marks, no format characters, no compatibility forms
        return _SPACE.sub(" ", text.lower().translate(_LETTER_MAP)).strip()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    # Hamza on alef/waw/yeh and madda decompose to a base letter + combining mark (Mn).
    return _SPACE.sub(" ", decomposed.translate(_FOLDING)).strip()


def name_skeleton(text: str) -> str:
    """The folded name with look-alike letters made Latin: what a reader sees.

    Two actors whose names share a skeleton look like one person on screen.

    >>> name_skeleton("Vlаdimir Рutin\u200b") == name_skeleton("Vladimir Putin")
    True
    """
    return normalise_name(text.translate(_LOOK_ALIKES))


# How well folded words match a folded text, best first: each is a whole word of it;
# each starts a word of it (a plural, "Secretary" for "secret"); some is only inside a
# word (Arabic joins و, ب, ل and ال to the front of the next word). Names and contacts are
# ranked by it, the CLI's (NameIndex.search) and the page's (templates/js/search.js,
# wordTier: tests/test_html_search.py compares the two): "secret" lists the contacts
# reported secret before "Secretary Adams".
WHOLE_WORD, WORD_START, INSIDE_WORD = 0, 1, 2


def _word_char(text: str, at: int) -> bool:
    return 0 <= at < len(text) and unicodedata.category(text[at])[0] in "LN"


def word_tier(words: Iterable[str], text: str) -> int | None:
    """The worst of the words' best matches in ``text`` (both folded), None when one is
    missing: WHOLE_WORD, WORD_START or INSIDE_WORD.

    >>> word_tier(["secret"], "secret talks"), word_tier(["secret"], "adams secretary")
    (0, 1)
    >>> word_tier(["utin"], "vladimir putin"), word_tier(["putin", "x"], "vladimir putin")
    (2, None)
    """
    worst = WHOLE_WORD
    for word in words:
        best, at = None, text.find(word)
        while at != -1 and best != WHOLE_WORD:
            starts = not _word_char(text, at - 1)
            tier = WORD_START if starts else INSIDE_WORD
            if starts and not _word_char(text, at + len(word)):
                tier = WHOLE_WORD
            best = tier if best is None else min(best, tier)
            at = text.find(word, at + 1)
        if best is None:
            return None
        worst = max(worst, best)
    return worst


class NameLookupError(NotFoundError):
    """A name that matches no actor, or several."""

    def __init__(
        self,
        query: str,
        candidates: list[tuple[str, str]],
        ambiguous: bool,
        noun: str = "actor",
    ) -> None:
        self.query = query
        self.candidates = candidates
        self.ambiguous = ambiguous
        listed = ", ".join(f"{name} ({ident})" for ident, name in candidates)
        if ambiguous:
            message = f"'{query}' matches several {noun}s: {listed}; be more specific"
        elif candidates:
            message = f"'{query}' matches no {noun}; closest: {listed}"
        elif noun == "actor":
            message = f"'{query}' matches no actor (dipgraph actors lists them all)"
        else:
            message = f"'{query}' matches no {noun}"
        super().__init__(message)


_SHORTLIST = 50  # more choices than this are narrowed in C first


def close_matches(word: str, options: list[str], n: int, cutoff: float) -> list[str]:
    """``difflib.get_close_matches``, with a long list first narrowed to the closest
    few by rapidfuzz (the same ratio, in C). difflib compares in Python: `talks` with a
    mistyped name took 0.83 s at 100k contacts (0.5 s with the shortlist), and a file of
    6,000 unknown references against 3,000 actors held `check` for 355 s.

    >>> close_matches("lavrof", ["lavrov", "lenin", "shoigu"], n=1, cutoff=0.6)
    ['lavrov']
    """
    if len(options) > _SHORTLIST:
        from rapidfuzz import fuzz, process

        found = process.extract(
            word, options, scorer=fuzz.ratio, limit=max(5, 3 * n), score_cutoff=cutoff * 100 - 10
        )
        options = [choice for choice, _, _ in found]
    return difflib.get_close_matches(word, options, n=n, cutoff=cutoff)


@dataclass(slots=True)
class NameIndex:
    """Normalised names and aliases of every actor, for exact and token lookup.

    >>> index = NameIndex.build([("putin", "Vladimir Putin", ["فلاديمير بوتين", "بوتين"])])
    >>> index.resolve("بوتين"), index.resolve("PUTIN"), index.resolve("vladimir")
    ('putin', 'putin', 'putin')
    """

    # normalised name -> ids (a set while building; a tuple when loaded from the cache)
    exact: dict[str, Collection[str]] = field(default_factory=dict)
    display: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, entries: Iterable[tuple[str, str, Iterable[str]]]) -> NameIndex:
        """Index (id, display name, every other name) triples."""
        index = cls()
        for ident, shown, names in entries:
            index.display[ident] = shown
            for name in (ident, shown, *names):
                index.exact.setdefault(normalise_name(name), set()).add(ident)  # type: ignore[attr-defined]
        return index

    def search(self, text: str) -> list[str]:
        """Ids with a name containing every word of ``text``: best matched first
        (:func:`word_tier`, over its best-matching name), then by display name."""
        words = normalise_name(text).split()
        tiers: dict[str, int] = {}
        for key, idents in self.exact.items():
            tier = word_tier(words, key)
            if tier is None:
                continue
            for ident in idents:
                tiers[ident] = min(tier, tiers.get(ident, tier))
        return sorted(tiers, key=lambda i: (tiers[i], self.display[i].casefold()))

    def _known(self, ident: str) -> str:
        """``ident``, when the index names it (KeyError: a stored index was tampered
        with, and the graph reads the facts again)."""
        if ident not in self.display:
            raise KeyError(f"the name index points at an id it does not name: {ident!r}")
        return ident

    def resolve(self, text: str, noun: str = "actor") -> str:
        """The one id ``text`` names; NameLookupError lists candidates otherwise.

        ``noun`` names what the index holds ("actor", "topic") in the error.
        """
        key = normalise_name(text)
        found = set(self.exact.get(key, ()))
        if len(found) == 1:
            return self._known(next(iter(found)))
        if not found:
            words = key.split()
            found = {
                ident
                for name, idents in self.exact.items()
                if words and all(word in name.split() for word in words)
                for ident in idents
            }
            if len(found) == 1:
                return self._known(next(iter(found)))
        if found:
            ranked = sorted(found, key=lambda i: self.display[i].casefold())
            candidates = [(i, self.display[i]) for i in ranked]
            raise NameLookupError(text, candidates, ambiguous=True, noun=noun)
        close = close_matches(key, list(self.exact), n=8, cutoff=0.5)
        idents = list(dict.fromkeys(i for name in close for i in sorted(self.exact[name])))[:5]
        candidates = [(i, self.display[i]) for i in idents]
        raise NameLookupError(text, candidates, ambiguous=False, noun=noun)
