"""Stable IRIs derived from ids; no rdflib import, so queries can bind them cheaply."""

from __future__ import annotations

import re

DEFAULT_BASE = "https://dipgraph.example/id/"
DG_NS = "https://dipgraph.example/ns#"
SEM_NS = "http://semanticweb.cs.vu.nl/2009/11/sem/"


def fact_iri(base: str, kind: str, ident: str) -> str:
    """``{base}{kind}/{id}``: the same id always gives the same IRI."""
    return f"{base}{kind}/{ident}"


_BASE_IRI = re.compile(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]*[/#:]$", re.IGNORECASE)


def check_base_iri(base: str) -> str:
    """A base IRI must be absolute and end with '/', '#' or ':' so ids can follow it."""
    if not _BASE_IRI.match(base):
        raise ValueError(
            f"base IRI '{base}' must be an absolute IRI ending with '/', '#' or ':' "
            "(for example https://example.org/dipgraph/)"
        )
    return base
