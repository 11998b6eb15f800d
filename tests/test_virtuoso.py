"""`push` into two real SPARQL servers, Virtuoso and Oxigraph, and the named queries
answering the same on both as on the embedded store.

Virtuoso is Debian's `virtuoso-opensource` (installed by .ci/run); the test starts it
on loopback ports chosen free, in a temporary database, and stops it after.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_server import free_port, wait_for

import dipgraph
from conftest import BUNDLED, TESTS, tool_missing
from dipgraph.graph.sparql import named_queries

DELEGATIONS = TESTS / "fixtures" / "delegations"
XSD = "http://www.w3.org/2001/XMLSchema#"
VIRTUOSO_INI = """\
[Database]
DatabaseFile       = {db}/virtuoso.db
ErrorLogFile       = {db}/virtuoso.log
LockFile           = {db}/virtuoso.lck
TransactionFile    = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
TempStorage        = TempDatabase
[TempDatabase]
DatabaseFile       = {db}/virtuoso-temp.db
TransactionFile    = {db}/virtuoso-temp.trx
[Parameters]
ServerPort           = 127.0.0.1:{sql_port}
DisableUnixSocket    = 1
DirsAllowed          = ., {db}
NumberOfBuffers      = 20000
MaxDirtyBuffers      = 12000
ThreadsPerQuery      = 2
[HTTPServer]
ServerPort           = 127.0.0.1:{http_port}
ServerRoot           = {db}
MaxClientConnections = 4
ServerThreads        = 4
Charset              = UTF-8
[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryExecutionTime      = 120
MaxQueryCostEstimationTime = 400
"""


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh Virtuoso server on loopback; its SPARQL user may write (a throwaway database)."""
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if not binary or not isql:
        tool_missing(
            "Virtuoso is missing: apt-get install virtuoso-opensource (.ci/run does)",
            "the second-server tests",
        )
    db = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    ini = db / "virtuoso.ini"
    ini.write_text(
        VIRTUOSO_INI.format(db=db, sql_port=sql_port, http_port=http_port), encoding="utf-8"
    )
    process = subprocess.Popen(
        [binary, "+foreground", "+configfile", str(ini)],
        cwd=db,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{http_port}"
    try:
        wait_for(f"{base}/sparql?query=ASK%7B%7D", seconds=60, process=process)
        grant = (
            "GRANT SPARQL_UPDATE TO \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);"
        )
        done = subprocess.run(
            [isql, f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={grant}"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        yield base
    finally:
        stop(process)


@pytest.fixture
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh Oxigraph server (the `oxigraph` package) with a union default graph."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    assert Path(binary).exists(), "install the test extras: pip install -e '.[test]'"
    port = free_port()
    store = tmp_path_factory.mktemp("oxigraph") / "store"
    process = subprocess.Popen(
        [binary, "serve", "--location", str(store), "--bind", f"127.0.0.1:{port}",
         "--union-default-graph"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/query?query=ASK%7B%7D", seconds=60, process=process)
        yield base
    finally:
        stop(process)


def ask(endpoint: str, query: str) -> list[dict[str, str]]:
    """SELECT results over HTTP, as {variable: lexical value} rows."""
    request = urllib.request.Request(
        endpoint,
        data=urllib.parse.urlencode({"query": query}).encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            results = json.loads(response.read())
    except urllib.error.HTTPError as error:
        raise AssertionError(f"{endpoint}: {error.read(2000).decode()}") from None
    return [{k: v["value"] for k, v in row.items()} for row in results["results"]["bindings"]]


def local(kg: dipgraph.KnowledgeGraph, query: str) -> list[dict[str, str]]:
    results = kg.sparql(query)
    names = [v.value for v in results.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in results]


def bound(text: str, name: str, term: str) -> str:
    """A named query with one parameter bound by VALUES at the top of its WHERE block,
    as a user sends it to a server (a trailing VALUES would bind it after the filters)."""
    return text.replace("WHERE {", f"WHERE {{\n  VALUES ?{name} {{ {term} }}", 1)


def named_query_texts(kg: dipgraph.KnowledgeGraph) -> dict[str, str]:
    """Every shipped query, parameters bound to values that give rows on the data."""
    queries = {name: q.text for name, q in named_queries().items()}
    contact = next(iter(kg.facts.contacts.values()))
    actor = contact.participants[0]
    queries["contacts-of"] = bound(queries["contacts-of"], "actor", f"<{kg.base}actor/{actor}>")
    queries["evidence-of"] = bound(
        queries["evidence-of"], "fact", f"<{kg.base}contact/{contact.id}>"
    )
    post = next(p for p in kg.facts.posts.values() if p.from_ or p.as_of)
    date = post.from_ or post.as_of
    precision = {"year": "gYear", "month": "gYearMonth", "day": "date"}[date.precision]
    queries["posts-held-on"] = bound(
        queries["posts-held-on"], "date", f'"{date}"^^<{XSD}{precision}>'
    )
    assert set(queries) == set(named_queries()), "a new named query needs a binding here"
    return queries


def canonical(rows: list[dict[str, str]]) -> list[tuple]:
    return sorted(tuple(sorted(row.items())) for row in rows)


@pytest.mark.parametrize("facts", [DELEGATIONS, BUNDLED], ids=["deleg", "bundled"])
def test_push_and_named_queries_on_virtuoso_and_oxigraph(
    cli, virtuoso: str, oxigraph: str, facts: Path
) -> None:
    kg = dipgraph.load(facts)
    for target in (f"{virtuoso}/sparql-graph-crud", f"{oxigraph}/store"):
        for _ in range(2):  # pushing again replaces each graph: nothing doubles
            result = cli("push", target, "--facts", facts)
            assert result.code == 0, result.err
    dipgraph_graphs = f'FILTER (STRSTARTS(STR(?g), "{kg.base}"))'
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {dipgraph_graphs} }}"
    expected = str(len(kg.quads))
    assert ask(f"{virtuoso}/sparql", count) == [{"n": expected}]
    assert ask(f"{oxigraph}/query", count) == [{"n": expected}]
    contacts = (
        "PREFIX dg: <https://w3id.org/dipgraph/ns#> SELECT (COUNT(*) AS ?n) { ?c a dg:Contact }"
    )
    for endpoint in (f"{virtuoso}/sparql", f"{oxigraph}/query"):  # union default graphs
        assert ask(endpoint, contacts) == [{"n": str(len(kg.facts.contacts))}], endpoint
    for name, query in named_query_texts(kg).items():
        embedded = local(kg, query)
        assert embedded, f"{name} gives no row: the comparison would prove nothing"
        on_virtuoso = ask(f"{virtuoso}/sparql", query)
        on_oxigraph = ask(f"{oxigraph}/query", query)
        assert canonical(on_virtuoso) == canonical(embedded), name
        assert canonical(on_oxigraph) == canonical(embedded), name
        if name == "who-talked-to-whom":  # the same date order on both servers
            assert [r["contact"] for r in on_virtuoso] == [r["contact"] for r in embedded]
            assert [r["contact"] for r in on_oxigraph] == [r["contact"] for r in embedded]
