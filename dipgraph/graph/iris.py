"""Stable IRIs derived from ids, and the one function that writes an IRI term.

No rdflib import, so queries can bind IRIs cheaply. Every IRI that reaches
N-Triples, N-Quads or a SPARQL store goes through :func:`iri_term`, which refuses
anything that is not a well-formed absolute IRI (RFC 3987): a ``>`` or a newline
in a value could otherwise close the term and add triples of its own.

>>> iri_term("https://example.org/a")
'<https://example.org/a>'
>>> iri_term("https://example.org/a> <https://x> <https://y> .")
Traceback (most recent call last):
...
dipgraph.graph.iris.IriError: not a valid IRI: 'https://example.org/a> <https://x> <https://y> .' \
(it contains '>' at character 22, which an IRI cannot hold)
"""

from __future__ import annotations

import re

from dipgraph.errors import InputError
from dipgraph.loader.dataset import DEFAULT_BASE as DEFAULT_BASE
from dipgraph.loader.dataset import base_problem
from dipgraph.loader.iri_syntax import iri_problem
from dipgraph.schema.namespace import DG_NS as DG_NS

SEM_NS = "http://semanticweb.cs.vu.nl/2009/11/sem/"

# The IRIs dipgraph writes ({base}{kind}/{id}, vocabulary terms) have a simple shape:
# checked first with a flat pattern that admits only valid IRIs; the rest get the
# whole grammar.
_SIMPLE = re.compile(
    r"[A-Za-z][A-Za-z0-9+.-]*+://[A-Za-z0-9\-._~!$&'()*+,;=]*+(?::[0-9]*+)?"
    r"(?:/[A-Za-z0-9\-._~!$&'()*+,;=:@/]*+)?(?:#[A-Za-z0-9\-._~!$&'()*+,;=:@/?]*+)?"
)


class IriError(InputError):
    """A value that cannot be written as an IRI; the message says why."""


# Terms already checked: a compile writes the same actor, predicate and graph IRIs
# over and over (94% of calls at 10k contacts); bounded, so memory stays small.
_CHECKED: dict[str, str] = {}
_CHECKED_MAX = 100_000


def iri_term(value: str) -> str:
    """``<value>`` in N-Triples syntax; IriError when ``value`` is not an absolute IRI.

    The check runs for every term written: no caller (however its value was
    obtained) can make malformed or injected output.
    """
    term = _CHECKED.get(value)
    if term is not None:
        return term
    if _SIMPLE.fullmatch(value) is None:
        problem = iri_problem(value)
        if problem is not None:
            raise IriError(f"not a valid IRI: {value!r} ({problem})")
    term = f"<{value}>"
    if len(_CHECKED) < _CHECKED_MAX:
        _CHECKED[value] = term
    return term


def class_name(term: str) -> str:
    """'phone_call' -> 'PhoneCall': the dipgraph class or individual for a vocabulary term."""
    return "".join(part.capitalize() for part in term.split("_"))


def status_iri(status: str) -> str:
    """The individual of a contact status: ``happened`` -> ``dg:StatusHappened``."""
    return DG_NS + "Status" + class_name(status)


def fact_iri(base: str, kind: str, ident: str) -> str:
    """``{base}{kind}/{id}``: the same id always gives the same IRI."""
    return f"{base}{kind}/{ident}"


def check_base_iri(base: str) -> str:
    """A base IRI must be absolute and end with '/', '#' or ':' so ids can follow it."""
    problem = base_problem(base)
    if problem is not None:
        raise InputError(problem)
    return base
