"""Finding SPARQL keywords the way a SPARQL parser does, so SERVICE can be refused.

Oxigraph evaluates ``SERVICE <iri> { … }`` by sending an HTTP request to that IRI
(pyoxigraph offers no switch to turn it off): a query from a web client could make
the server fetch any address it can reach (SSRF). A substring test for "SERVICE" is
both too strict (it refuses a comment or a string that mentions the word) and too
weak (quotes and escapes fool a regex that tries to skip strings). So the text is
split into SPARQL tokens (comments, the four kinds of string, IRIs, variables,
prefixed names, bare words) as the parser splits it, and SERVICE counts only in a bare
word or a prefix. Case does not matter, and what SERVICE names (an IRI, a prefixed
name, a variable) does not either.

SPARQL allows ``\\uXXXX`` escapes anywhere in a query text (section 19.2). Oxigraph
does not decode them outside strings today, but a parser that did would see other
tokens; the text is therefore read both as written and with escapes decoded, and a
keyword found in either reading counts.

>>> uses_service('SELECT * WHERE { SeRvIcE <http://127.0.0.1:9/> { ?s ?p ?o } }')
True
>>> uses_service('SELECT ?service WHERE { ?service ex:SERVICE "SERVICE" } # SERVICE')
False
"""

from __future__ import annotations

import re

_NAME_CHARS = r"[\w\-.\u00B7\u0300-\u036F\u203F-\u2040]"
# In a local name: %HH, or a backslash before one of SPARQL's escapable characters.
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?\#@%]"
_TOKEN = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<comment>\#[^\n\r]*)
    | (?P<string>
          '''(?:(?:'|'')?(?:[^'\\]|\\.))*'''
        | \"\"\"(?:(?:"|"")?(?:[^"\\]|\\.))*\"\"\"
        | '(?:[^'\\\n\r]|\\.)*'
        | "(?:[^"\\\n\r]|\\.)*"
      )
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+)
    | (?P<name>(?:[^\W\d_]"""
    + _NAME_CHARS
    + r"""*)?:(?:(?:[\w:]|"""
    + _PLX
    + r""")(?:[\w\-.:\u00B7\u0300-\u036F\u203F-\u2040]|"""
    + _PLX
    + r""")*)?
        | [^\W\d]"""
    + _NAME_CHARS
    + r"""*)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _words(text: str) -> list[str]:
    """The word part of every name token (a bare word, or a prefixed name's prefix),
    upper-cased; IRIs that could be a ``<`` operator followed by code are read as code too."""
    found = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        if match.lastgroup == "name":
            prefix, _, local = token.upper().partition(":")
            # The parser may end a local name at a dot (the triple's end): x:a.SERVICE
            found += [prefix, *local.split(".")[1:]]
        elif match.lastgroup == "iri" and ")" in token and "#" in token:
            # FILTER(?a<?b)SERVICE x:y#> … : Oxigraph reads `<` as less-than here.
            found.extend(_words(token[1:-1]))
    return found


def _decode_escapes(text: str) -> str:
    def char(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else match.group()

    return _ESCAPE.sub(char, text)


def uses_service(text: str) -> bool:
    """True when the query may hold a SERVICE clause (federation: an outgoing request).

    Oxigraph matches keywords without a word boundary (``SERVICEx:a`` is SERVICE then
    ``x:a``; ``trueSERVICE`` is true then SERVICE), so a word that merely contains
    SERVICE counts, and so does one after a dot in a local name. Variables, strings,
    comments and IRIs never do: the parser reads each of them whole, as this lexer does.
    """
    return any(
        "SERVICE" in reading.upper()  # (else no word can hold it: tokens need not be read)
        and any("SERVICE" in word for word in _words(reading))
        for reading in (text, _decode_escapes(text))
    )


_UPDATE_WORDS = frozenset(
    ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")
)


def starts_an_update(text: str) -> bool:
    """True when the first word after the prologue (spaces, comments, and the
    declarations ``PREFIX name: <iri>`` and ``BASE <iri>``) is one a SPARQL UPDATE
    begins with. Tokens are read one by one up to that word, each once: the time is
    linear in the prologue's length (a regex over it backtracked, 19 s for 64 kB).

    >>> starts_an_update("PREFIX x: <http://x/> # note\\rINSERT DATA { x:a x:b x:c }")
    True
    >>> starts_an_update("PREFIX insert: <http://x/> SELECT * { ?s insert:p ?o }")
    False
    """
    declaration = 0  # tokens of a PREFIX or BASE declaration still to pass
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind in ("space", "comment"):
            continue
        if declaration:
            declaration -= 1
            continue
        word = match.group().upper() if kind == "name" else ""
        if word in ("PREFIX", "BASE"):
            declaration = 2 if word == "PREFIX" else 1
            continue
        return word in _UPDATE_WORDS
    return False


def nesting_depth(text: str) -> int:
    """How deep the query's brackets ``( { [`` nest, outside strings, IRIs and comments.

    Oxigraph's parser recurses per level: 3,000 nested groups crash the process (a
    segmentation fault, no message), 1,000 nested collections take minutes.

    >>> nesting_depth('SELECT * WHERE { FILTER(?x = "((((") { ?s ?p ?o } }')
    2
    """
    depth = deepest = 0
    for match in _TOKEN.finditer(text):
        if match.lastgroup != "other":
            continue
        char = match.group()
        if char in "({[":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")}]":
            depth -= 1
    return deepest
