"""What an IRI may hold (RFC 3987), checked where values enter and where IRIs are written.

>>> web_address_problem("https://www.aljazeera.net/news/2022/%D8%A7")
>>> web_address_problem("http://x/a> <http://evil> <http://e> .")
"it contains '>' at character 11, which an IRI cannot hold"
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

# RFC 3987: no space, controls, <>"{}|\^`, C1 controls, bidi formatting characters
# (section 4.1), surrogates or non-characters; '%' only as a percent-encoded octet.
_NONCHARACTERS = "".join(f"\\U{plane:04x}fffe\\U{plane:04x}ffff" for plane in range(1, 17))
_NOT_IN_IRI = (
    '\\x00-\\x20<>"{}|\\\\^`\\x7f-\\x9f\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069'
    "\\ud800-\\udfff\\ufdd0-\\ufdef\\ufff0-\\uffff" + _NONCHARACTERS
)


@cache
def _bad_character() -> re.Pattern[str]:
    return re.compile(f"[{_NOT_IN_IRI}]|%(?![0-9A-Fa-f]{{2}})")


# The IRI grammar of RFC 3987 (section 2.2), component by component.
_UCSCHAR = "\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef" + "".join(
    f"\\U{plane:04x}0000-\\U{plane:04x}fffd" for plane in range(1, 15)
)
_IPRIVATE = "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"


@cache
def _grammar(ucschar: str, iprivate: str) -> re.Pattern[str]:
    """The IRI grammar as one regular expression; runs of allowed characters are
    matched by one class each (a loop unrolled around percent-escapes: no backtracking).
    Compiled on first use: 18 ms that a query answered from the cache never needs."""

    def run(allowed: str) -> str:
        return f"[{allowed}]*+(?:%[0-9A-Fa-f]{{2}}[{allowed}]*+)*+"

    unreserved = f"A-Za-z0-9\\-._~{ucschar}"
    sub_delims = "!$&'()*+,;="
    ipchar = f"{unreserved}{sub_delims}:@"
    authority = (
        f"(?:{run(unreserved + sub_delims + ':')}@)?"  # user info
        f"(?:\\[[0-9A-Fa-f:.vV{sub_delims}]+\\]|{run(unreserved + sub_delims)})"  # host
        "(?::[0-9]*)?"  # port
    )
    return re.compile(
        "[A-Za-z][A-Za-z0-9+.-]*:"
        f"(?://{authority}(?:/{run(ipchar + '/')})?|(?!//){run(ipchar + '/')})"  # hier-part
        f"(?:\\?{run(ipchar + '/?' + iprivate)})?"  # query
        f"(?:#{run(ipchar + '/?')})?"  # fragment
    )


_WEB_ADDRESS = re.compile(r"https?://", re.IGNORECASE)


def iri_problem(value: str) -> str | None:
    """Why ``value`` is not an absolute IRI (RFC 3987), or None when it is one."""
    bad = _bad_character().search(value)
    if bad is not None:
        char = bad.group()[:1]
        if char == "%":
            return f"the '%' at character {bad.start() + 1} is not followed by two hex digits"
        shown = repr(char)[1:-1] if char.isprintable() else f"U+{ord(char):04X}"
        return f"it contains '{shown}' at character {bad.start() + 1}, which an IRI cannot hold"
    if not re.match("[A-Za-z][A-Za-z0-9+.-]*:", value):
        return "it has no scheme (an absolute IRI starts like https:)"
    if not _grammar(_UCSCHAR, _IPRIVATE).fullmatch(value):
        return (
            "it is not a well-formed IRI (RFC 3987): '[' and ']' belong only around an "
            "IPv6 host, '#' only once, '@' and ':' only in their places"
        )
    return None


def web_address_problem(value: str) -> str | None:
    """Why ``value`` is not an absolute http(s) IRI with a host, or None when it is one."""
    problem = iri_problem(value)
    if problem is not None:
        return problem
    if not _WEB_ADDRESS.match(value):
        return "it must start with http:// or https://"
    try:
        parts = urlsplit(value)
        port_ok = parts.port is None or parts.port > 0
    except ValueError as error:  # a bad port or bracketed host
        return f"its host or port is malformed ({error})"
    if not parts.hostname:
        return "it names no host"
    if not port_ok:
        return "its port is malformed"
    return None
