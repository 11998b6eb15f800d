"""Stable IRIs derived from ids; no rdflib import, so queries can bind them cheaply."""

from __future__ import annotations

DEFAULT_BASE = "https://dipgraph.example/id/"
DG_NS = "https://dipgraph.example/ns#"
SEM_NS = "http://semanticweb.cs.vu.nl/2009/11/sem/"


def fact_iri(base: str, kind: str, ident: str) -> str:
    """``{base}{kind}/{id}``: the same id always gives the same IRI."""
    return f"{base}{kind}/{ident}"
