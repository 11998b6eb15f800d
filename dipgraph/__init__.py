"""dipgraph: a checked knowledge graph of diplomatic actors.

>>> import dipgraph
>>> kg = dipgraph.load("tests/fixtures/small")
>>> kg.actor("بوتين").id
'vladimir-putin'
"""

from __future__ import annotations

import os
from importlib import import_module
from typing import TYPE_CHECKING, Any

from dipgraph.bundled import default_facts_dir
from dipgraph.errors import DipgraphError, FactsNotFound

# The function shadows its package's name on purpose (``dipgraph.suggest(...)``, as the
# other twins); import the package's modules with ``from dipgraph.suggest.x import y``.
# The package is imported here, not on first use: importing it later would set the
# package's attribute ``suggest`` to the module and hide the function.
from dipgraph.suggest import ArticleError, suggest
from dipgraph.version import __version__ as __version__

if TYPE_CHECKING:
    import pyoxigraph

    from dipgraph.cached_graph.check_report import CheckReport
    from dipgraph.facts import Facts
    from dipgraph.graph.knowledge import KnowledgeGraph, QueryError
    from dipgraph.loader import FactsError, Problem, check_facts, load_facts
    from dipgraph.names import NameLookupError

# The rest of the API loads on first use (PEP 562): ``import dipgraph`` stays a few
# milliseconds, so the command line reaches its Ctrl-C handling before the loader,
# the graph and YAML are imported (a Ctrl-C during an import it does not guard prints
# a traceback).
_LAZY = {
    "Facts": "dipgraph.facts",
    "KnowledgeGraph": "dipgraph.graph.knowledge",
    "QueryError": "dipgraph.graph.knowledge",
    "FactsError": "dipgraph.loader",
    "Problem": "dipgraph.loader",
    "check_facts": "dipgraph.loader",
    "load_facts": "dipgraph.loader",
    "NameLookupError": "dipgraph.names",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'dipgraph' has no attribute {name!r}")


__all__ = [
    "ArticleError",
    "DipgraphError",
    "Facts",
    "FactsError",
    "FactsNotFound",
    "KnowledgeGraph",
    "NameLookupError",
    "Problem",
    "QueryError",
    "check",
    "check_facts",
    "check_report",
    "load",
    "load_facts",
    "open_store",
    "suggest",
]


def load(
    facts_dir: str | os.PathLike[str] | None = None,
    base_iri: str | None = None,
    cache: bool = False,
    prepare_store: bool = False,
    first_query: str | None = None,
) -> KnowledgeGraph:
    """Load and check a facts directory (default: ./facts, else the bundled dataset).

    ``base_iri`` sets where data IRIs live (``{base_iri}actor/{id}``...; default: the
    base the facts' dataset.yaml declares, see :mod:`dipgraph.loader.dataset`). With
    ``cache=True`` a compile of identical files is reused (see :mod:`dipgraph.cache`);
    the command line does this for every query. ``prepare_store`` (with the cache) says
    the SPARQL store will be wanted: on a cold cache the store is then loaded while a
    child process checks and compiles, file by file, so this one holds the store and not
    the facts as well. When this returns the child may still be running its last checks
    (``kg.store`` waits for them, ``kg.answer`` queries meanwhile) and writing the cache
    entry (see :mod:`dipgraph.cache.child`). ``first_query`` (a named query, ``@FILE``
    or SPARQL text; with ``prepare_store``) is the query ``kg.answer`` will be asked
    first: a cold start then loads only the quads it can read (at 100k contacts, 2.4
    of 3.8 million for ``who-talked-to-whom``), and any later query waits for the
    whole store (see :mod:`dipgraph.graph.sparql.footprint`).
    """
    from pathlib import Path

    from dipgraph.graph.iris import check_base_iri
    from dipgraph.graph.knowledge import KnowledgeGraph
    from dipgraph.loader import load_facts
    from dipgraph.loader.dataset import dataset_of

    root = Path(facts_dir or default_facts_dir())
    base = check_base_iri(base_iri) if base_iri else dataset_of(root).base
    if not cache:
        return KnowledgeGraph(load_facts(root), base)
    from dipgraph.cached_graph import load_cached

    if not root.exists():
        raise FactsNotFound(f"facts directory not found: {root}")
    return load_cached(root.resolve(), base, prepare_store, first_query)


def open_store(
    facts_dir: str | os.PathLike[str] | None = None, base_iri: str | None = None
) -> pyoxigraph.Store:
    """The facts as an in-memory Oxigraph store, through the compile cache: what a
    SPARQL worker process calls. FactsError when the facts have errors. On a cold
    cache it returns once the cache entry is written (the command line does not wait:
    it answers first)."""
    from dipgraph.cache.child import finish_children

    store = load(facts_dir, base_iri, cache=True, prepare_store=True).store
    finish_children()
    return store


def check(
    facts_dir: str | os.PathLike[str] | None = None,
    cache: bool = False,
    text_of: tuple[str | os.PathLike[str], bytes] | None = None,
) -> tuple[Facts, list[Problem]]:
    """Check a facts directory: what is valid, and every problem (``dipgraph check``).

    Clean facts are also held to the curation rules of facts/README.md (warnings: see
    dipgraph.curation).

    With ``cache=True`` clean facts are kept in the compile cache, so the query or
    build that usually follows a check starts warm instead of checking again.
    ``text_of=(path, data)`` checks the fact file ``path`` as if it held ``data`` (an
    editor's unsaved buffer), with the rest of the facts as they are; no cache then.

    >>> facts, problems = check("tests/fixtures/small")
    >>> len(facts.actors), problems
    (8, [])
    """
    from pathlib import Path

    from dipgraph.curation import with_curation
    from dipgraph.loader import check_facts
    from dipgraph.loader.dataset import dataset_of

    root = Path(facts_dir or default_facts_dir())
    if text_of is not None:
        from dipgraph.loader.reading import text_in_place_of

        with text_in_place_of(Path(text_of[0]).resolve(), text_of[1]):
            facts, problems = check_facts(root)
    elif not cache or not root.exists():
        facts, problems = check_facts(root)
    else:
        from dipgraph.cached_graph import check_cached

        facts, problems = check_cached(root.resolve(), dataset_of(root).base)
    return facts, with_curation(facts, problems)


def check_report(facts_dir: str | os.PathLike[str] | None = None) -> CheckReport:
    """``dipgraph check``'s answer through the cache: each fact file is read again only
    when its bytes changed since it was last checked, and a folder where nothing
    changed since a check without errors gets that check's report at the cost of a
    stat of each file (``report.unchanged``). FactsNotFound for a missing folder.

    >>> report = check_report("tests/fixtures/small")
    >>> report.counts["actor"], report.problems
    (8, [])
    """
    from pathlib import Path

    from dipgraph.cached_graph.check_report import check_report as cached_report
    from dipgraph.loader.dataset import dataset_of

    root = Path(facts_dir or default_facts_dir())
    if not root.exists():
        raise FactsNotFound(f"facts directory not found: {root}")
    return cached_report(root.resolve(), dataset_of(root).base)
