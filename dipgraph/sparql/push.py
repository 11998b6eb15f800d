"""Uploading the graph to any SPARQL server with the SPARQL 1.1 Graph Store HTTP Protocol.

Each named graph (one a source, plus ``graph/entities``) is sent with
``PUT {endpoint}?graph={iri}`` as N-Triples, which replaces that graph on the
server: pushing twice leaves the same data, and graphs of other tools are left alone.
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

if TYPE_CHECKING:
    from dipgraph.graph.knowledge import KnowledgeGraph


class PushError(RuntimeError):
    """The server refused or could not be reached; the message says which graph."""


@dataclass(frozen=True, slots=True)
class Pushed:
    graph: str
    triples: int
    status: int


def push(
    kg: KnowledgeGraph,
    endpoint: str,
    user: str | None = None,
    password: str | None = None,
    timeout: float = 60.0,
) -> list[Pushed]:
    """PUT every named graph to a Graph Store Protocol endpoint; returns what was sent."""
    import pyoxigraph as ox

    if urlsplit(endpoint).scheme not in ("http", "https"):
        raise PushError(f"'{endpoint}' is not an http(s) URL")
    headers = {"Content-Type": "application/n-triples"}
    if user is not None:
        token = base64.b64encode(f"{user}:{password or ''}".encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    sent = []
    separator = "&" if "?" in endpoint else "?"
    for graph in sorted(kg.store.named_graphs(), key=lambda g: g.value):
        triples = [
            ox.Triple(q.subject, q.predicate, q.object)
            for q in kg.store.quads_for_pattern(None, None, None, graph)
        ]
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        url = f"{endpoint}{separator}graph={quote(graph.value, safe='')}"
        request = urllib.request.Request(url, data=body, headers=headers, method="PUT")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            detail = error.read(500).decode("utf-8", errors="replace").strip()
            raise PushError(
                f"{endpoint} refused graph {graph.value}: HTTP {error.code} {detail}"
            ) from None
        except (urllib.error.URLError, OSError) as error:
            raise PushError(f"cannot reach {endpoint}: {error}") from None
        sent.append(Pushed(graph.value, len(triples), status))
    return sent
