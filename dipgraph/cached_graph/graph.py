"""A knowledge graph answering from a cache entry, and recovering when it is damaged.

:class:`~dipgraph.graph.knowledge.KnowledgeGraph` answers from the data it is given
and knows no cache. :class:`CachedGraph` gives it the parts an entry holds (see
:mod:`dipgraph.cached_graph.parts`), keeps the store's N-Quads in the entry, and,
when a stored part turns out damaged mid-question, discards the entry, reads the
facts again from their files and asks the question again. On a cold start it takes
the store a child process streamed while checking the facts (see
:mod:`dipgraph.cache.child`) and answers from it once the checks passed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from dipgraph.cache.child import finish_children
from dipgraph.cache.folder import UnsafeCache, warn_once
from dipgraph.cache.tables import CacheDamaged, Tables
from dipgraph.cached_graph.parts import read_parts, stored_facts
from dipgraph.errors import warn
from dipgraph.facts import Facts
from dipgraph.graph.knowledge import KnowledgeGraph
from dipgraph.process_memory import give_back_memory

if TYPE_CHECKING:
    import pyoxigraph

    from dipgraph.cache import CacheEntry
    from dipgraph.graph.sparql import NamedQuery

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")

# What reading a stored part of the wrong shape raises (not ValueError: QueryError is one).
_WRONG_SHAPE = (TypeError, KeyError, IndexError, AttributeError)


def open_entry(entry: CacheEntry | None) -> Tables | None:
    """The entry's tables; None when there are none or they are refused (said once)."""
    if entry is None:
        return None
    try:
        return entry.open()
    except UnsafeCache as error:
        warn_once(f"cache entry refused: {error}; running without the cache")
        return None


class _Unchecked(NamedTuple):
    """A cold start's store, its checks still running (see hold_unchecked_store)."""

    store: pyoxigraph.Store
    passed: Callable[[], bool]
    only_for: str | None


def _recovering(method: F) -> F:
    """Answer from the facts read again when stored parts turn out damaged mid-question."""

    @wraps(method)
    def run(self: CachedGraph, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except CacheDamaged as error:
            self.recover(error)
        except _WRONG_SHAPE as error:
            if not self.recoverable:
                raise  # no stored parts: a fault of the code, to be seen as such
            # Valid JSON of the wrong shape in a stored part (a tampered or foreign
            # entry): damage like any other.
            self.recover(CacheDamaged(f"a stored part has the wrong shape ({error!r})"))
        return method(self, *args, **kwargs)

    return run  # type: ignore[return-value]


class CachedGraph(KnowledgeGraph):
    """A graph whose parts, facts and N-Quads may come from a cache entry.

    ``reload`` reads the facts from their files (FactsError on errors): what the graph
    answers from once the entry is found damaged."""

    def __init__(
        self, facts: Facts | Callable[[], Facts], base: str, reload: Callable[[], Facts]
    ) -> None:
        super().__init__(facts, base)
        self._reload = reload
        self.entry: CacheEntry | None = None  # where the N-Quads are kept, if anywhere
        self.recoverable = False  # whether there is an entry to recover from
        self._attached = False  # parts read from the entry (discarded when damaged)
        self._pending = False  # a child process is writing the entry (see waiting)
        self._unchecked: _Unchecked | None = None

    @classmethod
    def from_entry(
        cls, tables: Tables, entry: CacheEntry, base: str, reload: Callable[[], Facts]
    ) -> CachedGraph:
        """A graph answering from the stored parts (the facts decoded only if asked for)."""
        kg = cls(stored_facts(tables), base, reload)
        kg.attach(tables, entry)
        return kg

    @classmethod
    def waiting(cls, entry: CacheEntry, base: str, reload: Callable[[], Facts]) -> CachedGraph:
        """A graph whose entry a child process is writing: once the facts are wanted,
        it waits for the child and answers from the entry (or from the facts read
        again: the errors, if any)."""
        kg = cls(reload, base, reload)
        kg.entry = entry
        kg.recoverable = True
        kg._pending = True
        return kg

    def attach(self, tables: Tables, entry: CacheEntry) -> None:
        """Answer from the entry's parts; the facts held may then be let go and read back."""
        self.entry = entry
        self.read_facts_with(stored_facts(tables))
        self.use_parts(*read_parts(tables))
        self.recoverable = self._attached = True

    @property
    def facts(self) -> Facts:
        if self._pending and self._facts is None:
            self._pending = False
            finish_children()
            tables = open_entry(self.entry)
            if tables is not None:
                assert self.entry is not None
                self.attach(tables, self.entry)
        try:
            return super().facts
        except CacheDamaged as error:
            self.recover(error)
            return super().facts

    def recover(self, error: CacheDamaged) -> None:
        """Drop every stored part (and the entry, if they came from it) and answer from
        the facts read afresh; ``error`` again when there is nothing to recover from."""
        if not self.recoverable:
            raise error
        warn(f"{error}; reading the facts again")
        if self._attached and self.entry is not None:
            self.entry.discard()  # damaged: the next run builds it again
        facts = self._reload()
        self.recoverable = self._attached = self._pending = False
        self.entry = None
        self.answer_from(facts)

    def new_store(self) -> pyoxigraph.Store:
        """Loaded from the entry's N-Quads when there are any (damaged ones are
        rewritten whole); else the quads are compiled, written there, and loaded."""
        import pyoxigraph

        if self._unchecked is not None and self._settle() and "store" in self.__dict__:
            return self.__dict__["store"]  # what the child streamed, now checked
        if self.entry is None:
            return super().new_store()
        if not self._attached:
            finish_children()  # a child may still be writing the entry's N-Quads
        n_quads = pyoxigraph.RdfFormat.N_QUADS
        files = self.entry.nquads_files()
        if files is not None:
            try:
                store = pyoxigraph.Store()
                for path in files:  # (one file, or a set: see dipgraph.cache)
                    store.load(path=str(path), format=n_quads)
                return store
            except (OSError, SyntaxError, ValueError):
                self.entry.forget_nquads()
        kept = self.entry.keep_nquads(self.quads.nquads_lines())
        if kept is None:
            return super().new_store()
        # The quads (and the facts, when they can be read back) take a gigabyte at 100k
        # contacts: free them before the store grows.
        self.let_go()
        give_back_memory()
        store = pyoxigraph.Store()
        store.load(path=str(kept), format=n_quads)
        return store

    def hold_unchecked_store(
        self,
        store: pyoxigraph.Store,
        passed: Callable[[], bool],
        only_for: str | None = None,
    ) -> None:
        """Take a store loaded while its facts are still being checked (a cold start, see
        dipgraph.cache.child): :attr:`store` is that store once ``passed()`` (which
        waits) says the checks passed; :meth:`answer` queries it meanwhile.

        ``only_for``: the store holds only the quads that query text reads (see
        dipgraph.graph.sparql.footprint): :meth:`answer` uses it for that query alone,
        once ``passed()``, and it never becomes :attr:`store`."""
        self._unchecked = _Unchecked(store, passed, only_for)

    def _settle(self) -> bool:
        """Wait for the checks of a store still being checked: True when they passed
        (it is then :attr:`store`, unless it holds only a query's part); else it is
        dropped, and FactsError raised when the facts have errors (False when they
        have none: compile them again)."""
        assert self._unchecked is not None
        store, passed, only_for = self._unchecked
        self._unchecked = None
        if passed():
            if only_for is None:
                self.__dict__["store"] = store
            return True
        del store
        self.facts  # noqa: B018  (FactsError when they have errors)
        return False

    def prepare_store(self) -> None:
        """Load :attr:`store` now, unless a cold start loaded it already and its checks
        are still running (:meth:`answer` then queries it meanwhile)."""
        if self._unchecked is None:
            super().prepare_store()

    def answer(
        self,
        query: str,
        read: Callable[[Any], T],
        params: dict[str, str] | None = None,
        allow_service: bool = False,
        run: Callable[[Callable[[], T]], T] = lambda evaluate: evaluate(),
    ) -> T:
        """As :meth:`KnowledgeGraph.answer`; on a cold start the query runs while the
        last checks of the facts do: the answer is returned once they pass, and
        FactsError raised when they fail (the wait for the checks is not part of
        ``run``)."""
        if self._unchecked is not None and self._unchecked.only_for is None:
            store = self._unchecked.store
            answered = run(lambda: read(self._query(store, query, params, allow_service)))
            del store  # dropped, if the checks fail, before a store is compiled again
            if self._settle():  # waits for the checks: FactsError when they fail
                return answered
        elif self._unchecked is not None:
            from dipgraph.graph.sparql import resolve_query

            # The words the part of the store was made for, read once: an @FILE read
            # again could have changed meanwhile.
            resolved: tuple[str, NamedQuery | None] = resolve_query(query)
            if self._unchecked.only_for == resolved[0]:
                store = self._unchecked.store  # what this query reads: it runs once checked
                if self._settle():  # FactsError when the checks fail
                    return run(
                        lambda: read(self._query(store, query, params, allow_service, resolved))
                    )
                del store  # the child failed midway: compiled whole, below
        return super().answer(query, read, params, allow_service, run)


# The questions that read stored parts: each is asked again after a recovery.
_ANSWERS = ("actor", "actors", "talks", "rank", "explain_rank", "path", "show", "stats", "_query")
for _name in _ANSWERS:
    setattr(CachedGraph, _name, _recovering(getattr(KnowledgeGraph, _name)))
