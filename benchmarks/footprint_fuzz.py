"""Random SPARQL queries through the first query's partial store and the whole store.

A cold first query loads only the quads whose predicate the query can read
(dipgraph.graph.sparql.footprint). Any query for which that store answers otherwise
than the whole store is a wrong answer. This script writes random queries over a facts
folder's predicates (paths, OPTIONAL, UNION, MINUS, EXISTS, GRAPH, VALUES, BIND,
subqueries, collections, blank nodes; SELECT, ASK, CONSTRUCT, DESCRIBE), with comments
ending in a line feed, a carriage return or both, and every kind of white space between
tokens, and counts the differences (there must be none).

Run: python benchmarks/footprint_fuzz.py [--count 5000] [--seed 1] [--facts DIR]
tests/test_first_query_footprint.py runs a few hundred of them on every test run.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import pyoxigraph as ox  # noqa: E402

import dipgraph  # noqa: E402
from dipgraph.graph.sparql import named_queries  # noqa: E402
from dipgraph.graph.sparql.footprint import predicates_read  # noqa: E402

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
GAPS = [" ", " ", " ", "\n", "\t", "\r", "\r\n", "  \n ", "\r\r"]
COMMENT_ENDS = ["\n", "\r", "\r", "\r\n", "\n\r"]
COMMENT_WORDS = ["note", "}", "{", ".", "?x", "<http://x/>", '"', "'", "#", "SELECT", ";"]


@dataclass
class Data:
    """What the queries are written from: the store, its N-Quads lines by predicate,
    its predicates (a prefix each namespace), subjects, objects and graphs."""

    store: ox.Store
    lines: dict[str, list[str]]
    prefixes: dict[str, str]
    predicates: list[str]
    terms: list[str]
    graphs: list[str]
    beside: dict[str, list[str]]  # predicate -> those its subjects also have
    after: dict[str, list[str]]  # predicate -> those its objects have

    @classmethod
    def of(cls, facts: Path) -> Data:
        kg = dipgraph.load(facts)
        lines: dict[str, list[str]] = {}
        for line in kg.nquads.splitlines(True):
            lines.setdefault(line.split(" ", 2)[1][1:-1], []).append(line)
        predicates = sorted(lines)
        prefixes: dict[str, str] = {}
        for iri in predicates:
            namespace = re.match(r".*[#/]", iri).group()  # type: ignore[union-attr]
            if namespace not in prefixes.values():
                prefixes[f"p{len(prefixes)}"] = namespace
        terms = sorted({q.subject.value for q in kg.store if isinstance(q.subject, ox.NamedNode)})
        graphs = sorted({g.value for g in kg.store.named_graphs()})
        has: dict[str, set[str]] = {}
        for quad in kg.store:
            has.setdefault(quad.subject.value, set()).add(quad.predicate.value)
        beside: dict[str, set[str]] = {p: set() for p in predicates}
        after: dict[str, set[str]] = {p: set() for p in predicates}
        for quad in kg.store:
            beside[quad.predicate.value] |= has[quad.subject.value]
            after[quad.predicate.value] |= has.get(quad.object.value, set())
        return cls(
            kg.store,
            lines,
            prefixes,
            predicates,
            terms,
            graphs,
            {p: sorted(found) for p, found in beside.items()},
            {p: sorted(found) for p, found in after.items()},
        )

    def part(self, reads: frozenset[str]) -> ox.Store:
        store = ox.Store()
        text = "".join(line for iri in reads for line in self.lines.get(iri, ()))
        store.load(text, format=ox.RdfFormat.N_QUADS)
        return store


@dataclass
class Writer:
    """One random query, as a list of tokens joined by random white space and comments."""

    data: Data
    rng: random.Random
    tokens: list[str] = field(default_factory=list)
    bound: list[str] = field(default_factory=list)
    fresh: int = 0
    # What a variable has been seen with, so that patterns mostly join: the predicates
    # its values may have (those beside or after the predicate it came with).
    may_have: dict[str, list[str]] = field(default_factory=dict)
    subject: str = ""  # the subject of the pattern being written
    last: str = ""  # the last predicate IRI written

    # -- tokens and terms --------------------------------------------------------------
    def word(self, keyword: str) -> str:
        """A keyword, in a random case."""
        pick = self.rng.random()
        return keyword.lower() if pick < 0.2 else keyword.title() if pick < 0.3 else keyword

    def var(self, new: bool = False) -> str:
        if self.bound and not new and self.rng.random() < 0.8:
            return self.rng.choice(self.bound)
        self.fresh += 1
        name = f"?v{self.fresh}"
        self.bound.append(name)
        return name

    def iri(self, iri: str) -> str:
        for prefix, namespace in self.data.prefixes.items():
            local = iri[len(namespace) :]
            readable = iri.startswith(namespace) and re.fullmatch(r"[A-Za-z][\w-]*", local)
            if readable and self.rng.random() < 0.7:
                return f"{prefix}:{local}"
        return f"<{iri}>"

    def predicate(self) -> str:
        likely = self.may_have.get(self.subject)
        if likely and self.rng.random() < 0.85:
            self.last = self.rng.choice(likely)
        else:
            self.last = self.rng.choice(self.data.predicates)
        return self.iri(self.last)

    def path(self, depth: int = 0) -> str:
        pick = self.rng.random()
        if depth > 1 or pick < 0.6:
            return "a" if self.rng.random() < 0.05 else self.predicate()
        if pick < 0.7:
            return f"{self.path(depth + 1)}/{self.path(depth + 1)}"
        if pick < 0.78:
            return f"({self.path(depth + 1)}|{self.path(depth + 1)})"
        if pick < 0.84:
            return f"^{self.path(depth + 1)}"
        if pick < 0.92:
            return f"({self.path(depth + 1)}){self.rng.choice('++*?')}"
        if pick < 0.95:
            return f"!{self.predicate()}"
        if pick < 0.97:
            return f"!(^{self.predicate()}|{self.predicate()})"
        return self.var()

    def term(self) -> str:
        pick = self.rng.random()
        if pick < 0.9:
            return self.var()
        if pick < 0.96:
            return self.iri(self.rng.choice(self.data.terms))
        return self.rng.choice(['"x"', "1", '"2021"^^xsd:gYear', "true", '"a"@en'])

    # -- patterns ------------------------------------------------------------------------
    def object(self) -> str:
        """The object of the pattern being written: its values may have what the
        objects of the last predicate have."""
        term = self.term()
        if term.startswith("?") and self.last:
            self.may_have[term] = self.data.after[self.last] or self.may_have.get(term, [])
        return term

    def triples(self) -> None:
        self.subject = subject = self.var() if self.bound else self.var(new=True)
        if self.rng.random() < 0.08:
            self.subject = ""
            self.tokens += ["[", self.path(), self.object(), "]", self.path(), self.object()]
        elif self.rng.random() < 0.05:
            self.tokens += [subject, self.path(), "(", self.term(), self.term(), ")"]
        else:
            self.tokens += [subject, self.path(), self.object()]
            while self.rng.random() < 0.25:
                self.tokens += [self.rng.choice([";", ","])]
                if self.tokens[-1] == ";":
                    self.tokens.append(self.path())
                self.tokens.append(self.object())
        if self.last and subject not in self.may_have:
            self.may_have[subject] = self.data.beside[self.last]
        self.tokens.append(".")

    def group(self, depth: int) -> None:
        self.tokens.append("{")
        for _ in range(self.rng.randint(1, 3)):
            self.element(depth)
        self.tokens.append("}")

    def element(self, depth: int) -> None:
        pick = self.rng.random()
        if depth > 2 or pick < 0.5:
            self.triples()
        elif pick < 0.57:
            self.tokens.append(self.word("OPTIONAL"))
            self.group(depth + 1)
        elif pick < 0.63:
            self.group(depth + 1)
            self.tokens.append(self.word("UNION"))
            self.group(depth + 1)
        elif pick < 0.67:
            self.tokens.append(self.word("MINUS"))
            self.group(depth + 1)
        elif pick < 0.73:
            self.tokens += [self.word("FILTER"), *self.rng.choice([["EXISTS"], ["NOT", "EXISTS"]])]
            self.group(depth + 1)
        elif pick < 0.77:
            self.tokens += [self.word("FILTER"), "(", self.var(), "!=", self.term(), ")"]
        elif pick < 0.82:
            graph = (
                self.var()
                if self.rng.random() < 0.6
                else self.iri(self.rng.choice(self.data.graphs))
            )
            self.tokens += [self.word("GRAPH"), graph]
            self.group(depth + 1)
        elif pick < 0.86:
            values = [self.iri(self.rng.choice(self.data.terms)) for _ in range(2)]
            self.tokens += [self.word("VALUES"), self.var(new=True), "{", *values, "}"]
        elif pick < 0.9:
            self.tokens += [self.word("BIND"), "(", self.term(), "AS", self.var(new=True), ")"]
        elif pick < 0.95:
            inner = self.var()
            self.tokens += ["{", self.word("SELECT"), inner, self.word("WHERE")]
            self.group(depth + 1)
            self.tokens += ["}"]
        else:
            self.tokens += [self.word("FILTER"), "(", "isIRI", "(", self.var(), ")", "||"]
            self.tokens += [self.word("EXISTS")]
            self.group(depth + 1)
            self.tokens.append(")")

    def query(self) -> str:
        self.tokens = []
        for prefix, namespace in self.data.prefixes.items():
            self.tokens += [self.word("PREFIX"), f"{prefix}:", f"<{namespace}>"]
        self.tokens += ["PREFIX", "xsd:", "<http://www.w3.org/2001/XMLSchema#>"]
        head = len(self.tokens)
        pick = self.rng.random()
        where: list[str] = []
        body_at = len(self.tokens)
        self.group(0)
        where, self.tokens = self.tokens[body_at:], self.tokens[:body_at]
        if pick < 0.45:
            shown = "*" if self.rng.random() < 0.5 else " ".join(self.bound[:3])
            distinct = ["DISTINCT"] if self.rng.random() < 0.3 else []
            self.tokens += [self.word("SELECT"), *distinct, shown, self.word("WHERE")]
        elif pick < 0.65:
            self.tokens += [self.word("SELECT"), "(", "COUNT", "(", "*", ")", "AS", "?n", ")"]
        elif pick < 0.8:
            self.tokens += [self.word("ASK")]
        elif pick < 0.97:
            first, last = self.bound[0], self.bound[-1]
            self.tokens += [self.word("CONSTRUCT"), "{", first, "<http://x/t>", last, "}"]
            self.tokens += [self.word("WHERE")]
        else:
            self.tokens += [self.word("DESCRIBE"), self.bound[0], self.word("WHERE")]
        self.tokens += where
        return self.join(self.tokens, head)

    def join(self, tokens: list[str], head: int = 0) -> str:
        """The tokens with random white space between them, a line end mostly after
        ``.``, ``{`` and ``}`` (as queries are written, one pattern a line), and comments
        now and then, ending in a line feed, a carriage return or both (mostly after a
        pattern, where a reader that ends it elsewhere reads the next pattern as comment)."""
        out = []
        for number, token in enumerate(tokens):
            out.append(token)
            if self.rng.random() < (0.25 if token in (".", "{", ";") else 0.05):
                words = " ".join(self.rng.choices(COMMENT_WORDS, k=self.rng.randint(0, 4)))
                out.append(f" # {words}{self.rng.choice(COMMENT_ENDS)}")
            elif token in (".", "{", "}") and self.rng.random() < 0.7:
                out.append("\n")
            elif number >= head or self.rng.random() < 0.3:
                out.append(self.rng.choice(GAPS))
            else:
                out.append(" ")
        return "".join(out)


def mutated_named_query(rng: random.Random) -> str:
    """A shipped query (its answers are not empty) with its line ends changed: now and
    then a comment that ends in a carriage return, a lone carriage return, or both
    (a reader that ends a comment at a line feed only reads the next line as comment)."""
    text = rng.choice(sorted(named_queries().values(), key=lambda q: q.name)).text
    out = []
    for line in text.split("\n"):
        out.append(line)
        pick = rng.random()
        if pick < 0.15:
            out.append(f" # {rng.choice(COMMENT_WORDS)}{rng.choice(COMMENT_ENDS)}")
        else:
            out.append(rng.choice(["\n", "\n", "\n", "\r", "\r\n"]))
    return "".join(out)


#: Memory one query may take beyond what the process holds: a random query can be a
#: product of several large patterns (one written from the bundled facts took 24 GiB and
#: the test run with it), so each is answered in a forked child under this limit.
QUERY_MEMORY = 1024**3
TOO_LARGE = "too large"


def answers(data: Data, text: str, reads: frozenset[str]) -> tuple[Any, Any]:
    """What the whole store and the part of it ``reads`` selects answer, computed in a
    forked child whose address space is bounded: (TOO_LARGE, TOO_LARGE) when the child
    dies of it (Oxigraph aborts when an allocation fails)."""
    import os
    import pickle
    import resource

    readable, writable = os.pipe()
    child = os.fork()
    if child == 0:  # the child: answer, send, and leave without running any cleanup
        code = 1
        try:
            import faulthandler

            faulthandler.disable()  # an abort for want of memory is expected: no dump
            os.close(readable)
            with open("/proc/self/statm") as statm:
                size = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
            hard = resource.getrlimit(resource.RLIMIT_AS)[1]
            soft = size + QUERY_MEMORY
            if hard != resource.RLIM_INFINITY:
                soft = min(soft, hard)
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
            whole = answer(data.store, text)
            part = answer(data.part(reads), text)
            with os.fdopen(writable, "wb") as out:
                out.write(pickle.dumps((whole, part)))
            code = 0
        finally:
            os._exit(code)
    os.close(writable)
    with os.fdopen(readable, "rb") as source:
        sent = source.read()
    _, status = os.waitpid(child, 0)
    if os.waitstatus_to_exitcode(status) != 0 or not sent:
        return TOO_LARGE, TOO_LARGE
    found: tuple[Any, Any] = pickle.loads(sent)
    return found


def answer(store: ox.Store, text: str) -> Any:
    """What Oxigraph answers, in a form that compares: sorted rows, a boolean, sorted
    triples; or the error it raises."""
    try:
        result = store.query(text, use_default_graph_as_union=True)
        if isinstance(result, ox.QueryTriples):
            return sorted(str(t) for t in result)
        answered = json.loads(result.serialize(format=ox.QueryResultsFormat.JSON) or b"{}")
        if "boolean" in answered:
            return answered["boolean"]
        return sorted(json.dumps(r, sort_keys=True) for r in answered["results"]["bindings"])
    except (SyntaxError, OSError, RuntimeError, ValueError) as error:
        return f"error: {type(error).__name__}: {error}"


def fuzz(data: Data, count: int, seed: int) -> dict[str, Any]:
    """``count`` random queries (a quarter of them shipped queries mutated): how many
    were narrowed to a part of the store, how many read anything, how many answered
    differently (each listed), and how many were empty or errors (which prove less)."""
    rng = random.Random(seed)
    seen: Counter[str] = Counter()
    differences = []
    for _ in range(count):
        text = mutated_named_query(rng) if rng.random() < 0.25 else Writer(data, rng).query()
        reads = predicates_read(text)
        if reads is None:
            seen["whole store"] += 1
            continue
        seen["narrowed"] += 1
        whole, part = answers(data, text, reads)
        if whole == TOO_LARGE:
            seen["too large"] += 1
            continue
        if isinstance(whole, str):
            seen["errors"] += 1
        elif not whole:
            seen["empty"] += 1
        if part != whole:
            differences.append(text)
    return {"queries": count, **seen, "differences": differences}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--facts", type=Path, default=REPO / "facts")
    args = parser.parse_args()
    began = time.perf_counter()
    data = Data.of(args.facts)
    found = fuzz(data, args.count, args.seed)
    seconds = time.perf_counter() - began
    differences = found.pop("differences")
    print(json.dumps({**found, "differences": len(differences), "seconds": round(seconds, 1)}))
    for text in differences[:5]:
        print(repr(text))
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
