"""Characters that fact text must not carry, and a way to print any text safely.

Fact files arrive in other people's pull requests. A control character in a
name reaches a terminal as an escape sequence and makes GraphML or GEXF
ill-formed XML; a bidirectional override makes "Putin" display as something
else; a zero-width space makes two names look the same. ``check`` refuses the
first two kinds (located), warns about the third, and :func:`visible` escapes
whatever reaches a terminal or a message anyway (a server's reply, a path).

>>> visible("red \\x1b[31mtext\\u202e")
'red \\\\x1b[31mtext\\\\u202e'
>>> refused_character("tab\\tand newline\\n are fine") is None
True
>>> refused_character("bell\\x07")
(4, '\\x07', 'a control character')
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls but tab and newline, DEL, C1 controls, surrogates, U+FFFE/U+FFFF: none is
# text, and XML 1.0 cannot carry most of them (a document holding one is ill-formed).
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
# Embeddings, overrides (U+202A-202E) and isolates (U+2066-2069) reorder what follows.
_BIDI = "\u202a-\u202e\u2066-\u2069"
# Invisible, but not harmful on a terminal: a warning in names, allowed in quotes
# (Persian and Arabic text uses the zero-width non-joiner).
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u180e")
_ZERO_WIDTH = re.compile(f"[{''.join(sorted(ZERO_WIDTH))}]")
REFUSED = re.compile(f"[{_CONTROL}{_BIDI}]")
# What visible() escapes: the refused characters plus line and paragraph separators.
# In messages (one line each) also tab, newline and the zero-width characters.
_UNSAFE = re.compile(f"[{_CONTROL}{_BIDI}\u2028\u2029\t\n{''.join(ZERO_WIDTH)}]")
_UNSAFE_KEEP_LINES = re.compile(f"[{_CONTROL}{_BIDI}\u2028\u2029]")


def refused_character(text: str) -> tuple[int, str, str] | None:
    """(index, character, what it is) of the first character check refuses, else None."""
    found = REFUSED.search(text)
    if found is None:
        return None
    char = found.group()
    what = "a bidirectional control" if "\u202a" <= char <= "\u2069" else "a control character"
    if char in "\ufffe\uffff":
        what = "a non-character"
    elif "\ud800" <= char <= "\udfff":
        what = "a lone surrogate"
    return found.start(), char, what


def codepoint(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE': a character named for a message."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, keep_lines: bool = False) -> str:
    """``text`` with every control, bidi and separator character written as an escape.

    What a terminal would act on (ESC, CSI, BEL, a carriage return, a bidi override)
    is shown as ``\\x1b``, ``\\u202e``..., never sent raw. ``keep_lines`` keeps tab
    and newline (table cells and CSV fields may span lines; messages may not).
    """
    pattern = _UNSAFE_KEEP_LINES if keep_lines else _UNSAFE
    return pattern.sub(_escape, text) if pattern.search(text) else text


_FORMULA = re.compile(r"[=+\-@\t\r]")


def no_formula(text: str) -> str:
    """A CSV cell a spreadsheet reads as text: one starting ``= + - @`` (or tab, CR)
    gets a leading ``'``, as the HTML page's CSV does (``=HYPERLINK(...)`` in a
    name would otherwise run when the file is opened).

    >>> print(no_formula('=HYPERLINK("http://x")'), no_formula("Vienna"))
    '=HYPERLINK("http://x") Vienna
    """
    return "'" + text if _FORMULA.match(text) else text


_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{_BIDI}\u2028\u2029\ufffe\uffff]")


def visible_json(text: str) -> str:
    """JSON text with the characters JSON leaves raw (C1, bidi) written as ``\\uXXXX``.

    Only valid inside JSON strings, where every such character is: the result
    parses to the same data.

    >>> visible_json('"a\u202eb"')
    '"a\\\\u202eb"'
    """
    if _JSON_UNSAFE.search(text) is None:
        return text
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def invisible_characters(text: str) -> list[str]:
    """The zero-width characters in ``text``, in order, each once."""
    if _ZERO_WIDTH.search(text) is None:
        return []
    return list(dict.fromkeys(_ZERO_WIDTH.findall(text)))


def _script(char: str) -> str | None:
    """The writing system of a letter (LATIN, CYRILLIC...), None for anything else."""
    category = unicodedata.category(char)
    if not category.startswith("L") or category == "Lm":
        return None
    script = unicodedata.name(char, "UNKNOWN").split(" ")[0]
    # Japanese mixes kana and kanji by nature, so those count as one.
    return "CJK" if script in ("HIRAGANA", "KATAKANA", "HALFWIDTH", "IDEOGRAPHIC") else script


def scripts(text: str) -> list[str]:
    """The writing systems of the letters in ``text``, most used first.

    >>> scripts("Vlаdimir")  # the 'а' is Cyrillic
    ['LATIN', 'CYRILLIC']
    >>> scripts("Sergey Lavrov (سيرجي لافروف)")
    ['LATIN', 'ARABIC']
    """
    if text.isascii():  # the common case: only Latin letters are possible
        return ["LATIN"] if any(c.isalpha() for c in text) else []
    counts: dict[str, int] = {}
    for char in text:
        script = _script(char)
        if script is not None:
            counts[script] = counts.get(script, 0) + 1
    return sorted(counts, key=lambda s: -counts[s])


def odd_letters(text: str) -> list[str]:
    """The letters of ``text`` written in a script other than its main one, each once.

    >>> odd_letters("Vlаdimir Putin")
    ['а']
    """
    found = scripts(text)
    if len(found) < 2:
        return []
    return list(dict.fromkeys(c for c in text if _script(c) not in (None, found[0])))
