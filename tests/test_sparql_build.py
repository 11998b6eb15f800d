"""SPARQL (named, bound, refused updates), exports that round-trip, atomic writes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import rdflib

import dipgraph
from conftest import REPO, SMALL
from dipgraph.exports.atomic import atomic_text


def test_named_who_talked_to_whom_as_sparql_results_json(cli) -> None:
    result = cli("sparql", "who-talked-to-whom", "--facts", SMALL, "--format", "json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["head"]["vars"][:3] == ["contact", "date", "type"]
    rows = data["results"]["bindings"]
    assert [r["contact"]["value"] for r in rows] == [  # what happened, as `talks` lists
        "clark-dorin-talks",
        "adams-belov-call",
        "belov-clark-meeting",
        "putin-belov-video",
    ]
    assert {r["status"]["value"] for r in rows} == {"happened"}
    assert rows[1]["date"] == {
        "type": "literal",
        "value": "2020-03",
        "datatype": "http://www.w3.org/2001/XMLSchema#gYearMonth",
    }
    assert rows[1]["cameo"]["value"] == "041"
    assert "date" not in rows[-1]  # undated: unbound, not invented


def test_parameters_are_bound_not_pasted(cli) -> None:
    ok = cli("sparql", "contacts-of", "--param", "actor=بيلوف", "--facts", SMALL, "--format", "csv")
    assert ok.code == 0, ok.err
    rows = list(csv.DictReader(io.StringIO(ok.out)))
    assert sorted(r["other"] for r in rows) == ["alice-adams", "carol-clark", "vladimir-putin"]
    hostile = cli(
        "sparql",
        "SELECT ?x WHERE { }",
        "--param",
        'x="} DROP ALL {"',
        "--facts",
        SMALL,
        "--format",
        "json",
    )
    assert hostile.code == 0
    assert hostile.json()["results"]["bindings"][0]["x"]["value"] == '"} DROP ALL {"'


def test_missing_parameter_and_unknown_actor(cli) -> None:
    missing = cli("sparql", "contacts-of", "--facts", SMALL)
    assert missing.code == 1 and "needs --param actor=VALUE" in missing.err
    unknown = cli("sparql", "contacts-of", "-p", "actor=nobody", "--facts", SMALL)
    assert unknown.code == 1 and "matches no actor" in unknown.err


@pytest.mark.parametrize(
    "query",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "DROP ALL",
    ],
)
def test_update_is_refused(cli, query: str) -> None:
    result = cli("sparql", query, "--facts", SMALL)
    assert result.code == 1
    assert "SPARQL UPDATE is refused" in result.err


def test_syntax_error_and_query_file(cli, tmp_path: Path) -> None:
    bad = cli("sparql", "SELECT ?x WHERE { ?x ?y }", "--facts", SMALL)
    assert bad.code == 1 and "SPARQL syntax error" in bad.err and "Traceback" not in bad.err
    query = tmp_path / "count.rq"
    query.write_text(
        "PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>\n"
        "SELECT (COUNT(?e) AS ?n) WHERE { ?e a sem:Event }",
        encoding="utf-8",
    )
    counted = cli("sparql", f"@{query}", "--facts", SMALL, "--format", "csv")
    assert counted.out.splitlines() == ["n", "6"]  # 5 contacts + 1 statement
    assert cli("sparql", "@/nonexistent.rq", "--facts", SMALL).code == 1


def test_sparql_list_names_the_shipped_queries(cli) -> None:
    result = cli("sparql", "--list", "--format", "json")
    names = {row["name"] for row in result.json()}
    assert {"who-talked-to-whom", "contacts-of"} <= names


def test_ask_and_construct(cli) -> None:
    ask = cli("sparql", "ASK { ?s ?p ?o }", "--facts", SMALL)
    assert ask.out.strip() == "true"
    construct = cli("sparql", "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 3", "--facts", SMALL)
    assert len(rdflib.Graph().parse(data=construct.out, format="turtle")) == 3


FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig", "nq": "nquads"}


def test_build_writes_every_format_and_each_parses_back(cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = cli("build", "--facts", SMALL, "--out", out, "--formats", "all")
    assert result.code == 0, result.err
    kg = dipgraph.load(SMALL)
    triples = len(set(kg.rdf.triples((None, None, None))))
    quads = len(list(kg.rdf.quads((None, None, None, None))))
    for suffix, rdf_format in FORMATS.items():
        path = out / f"dipgraph.{suffix}"
        assert path.is_file(), suffix
        if rdf_format in ("trig", "nquads", "json-ld"):  # keep the named graphs
            parsed = rdflib.Dataset()
            parsed.parse(path, format=rdf_format)
            assert len(list(parsed.quads((None, None, None, None)))) == quads, suffix
            graphs = {str(g.identifier) for g in parsed.graphs() if len(g)}
            assert "https://w3id.org/dipgraph/id/graph/wire" in graphs
        else:
            assert len(rdflib.Graph().parse(path, format=rdf_format)) == triples, suffix
    assert not list(out.glob(".*")), "temporary files left behind"


def test_build_refuses_unknown_format_and_writes_nothing(cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = cli("build", "--facts", SMALL, "--out", out, "--formats", "ttl,xlsx")
    assert result.code == 1 and "unknown format 'xlsx'" in result.err
    assert not out.exists()


def test_build_on_broken_facts_writes_nothing(cli, small_copy: Path, tmp_path: Path) -> None:
    (small_copy / "bad.yaml").write_text("actors: [", encoding="utf-8")
    out = tmp_path / "out"
    assert cli("build", "--facts", small_copy, "--out", out).code == 1
    assert not out.exists()


def test_atomic_write_keeps_the_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_text(target) as stream:
        stream.write("half")
        raise RuntimeError("crash half way")
    assert target.read_text(encoding="utf-8") == "old"
    assert list(tmp_path.iterdir()) == [target]


# A build killed while writing (SIGKILL, the OOM killer, a power cut) left its hidden
# temporary file in the output folder, and no later build removed it (issue #26, item 13).
WRITER = """
import os, signal, sys
from pathlib import Path
from dipgraph.exports.atomic import atomic_text
with atomic_text(Path(sys.argv[1])) as stream:
    stream.write("half an export")
    stream.flush()
    print("writing", flush=True)
    if sys.argv[2] == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    sys.stdin.read()  # until told to finish (its input closed)
"""


def _writer(target: Path, then: str) -> subprocess.Popen:
    """A process writing ``target``, killed then (``then`` "kill") or finishing once its
    standard input is closed ("wait")."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(target), then],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stdout.readline() == b"writing\n"
    return process


def test_a_later_build_removes_what_a_killed_one_left(cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert _writer(out / "other.csv", "kill").wait(30) < 0
    (left,) = out.iterdir()
    assert left.name.startswith(".other.csv.") and left.name.endswith(".dipgraph-partial")
    older = out / ".dipgraph.html.k2j3h4g5.tmp"  # an older version's, two hours old
    older.write_text("half", encoding="utf-8")
    os.utime(older, (time.time() - 7200,) * 2)
    mine = out / ".notes.txt"  # a hidden file of the user's own: never touched
    mine.write_text("mine", encoding="utf-8")
    assert cli("build", "--facts", SMALL, "--out", out, "--formats", "ttl").code == 0
    assert sorted(p.name for p in out.iterdir()) == [".notes.txt", "dipgraph.ttl"]


def test_a_build_leaves_a_running_writers_file_alone(cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    running = _writer(out / "dipgraph.html", "wait")
    assert cli("build", "--facts", SMALL, "--out", out, "--formats", "ttl").code == 0
    assert len(list(out.glob(".dipgraph.html.*"))) == 1  # still being written
    assert running.stdin is not None
    running.stdin.close()
    assert running.wait(30) == 0
    assert sorted(p.name for p in out.iterdir()) == ["dipgraph.html", "dipgraph.ttl"]
    assert (out / "dipgraph.html").read_text(encoding="utf-8") == "half an export"


def test_schema_command_prints_json_schema_that_accepts_the_dataset(cli) -> None:
    import jsonschema
    import yaml

    class TextDates(yaml.SafeLoader):
        """Reads dates as text, as editors' YAML checkers do."""

    TextDates.yaml_implicit_resolvers = {
        key: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    result = cli("schema")
    schema = json.loads(result.out)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in [*sorted(Path("facts").rglob("*.yaml")), *sorted(SMALL.rglob("*.yaml"))]:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=TextDates)
        errors = [e.message for e in validator.iter_errors(data)]
        assert not errors, (path, errors)
    bad = {
        "contacts": [
            {"id": "x", "type": "telegram", "participants": ["a"], "summary": "s", "evidence": []}
        ]
    }
    assert list(validator.iter_errors(bad))


def test_graph_exports_round_trip(cli, tmp_path: Path) -> None:
    import networkx as nx

    out = tmp_path / "out"
    assert cli("build", "--facts", SMALL, "--out", out, "--formats", "graphml,gexf,csv").code == 0
    graph = dipgraph.load(SMALL).networkx
    for reader, name in ((nx.read_graphml, "dipgraph.graphml"), (nx.read_gexf, "dipgraph.gexf")):
        parsed = reader(out / name)
        assert parsed.number_of_nodes() == graph.number_of_nodes(), name
        assert parsed.number_of_edges() == graph.number_of_edges(), name
    assert parsed.nodes["vladimir-putin"]["name_ar"] == "فلاديمير بوتين"
    with (out / "dipgraph-nodes.csv").open(encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == graph.number_of_nodes()
    with (out / "dipgraph-edges.csv").open(encoding="utf-8") as handle:
        edges = list(csv.DictReader(handle))
    assert len(edges) == graph.number_of_edges()
    parties = [e for e in edges if e["target"] == "adams-belov-call" and e["relation"] == "party"]
    assert [(e["source"], e["side"]) for e in parties] == [
        ("alice-adams", "1"),
        ("boris-belov", "2"),
    ]
    with (out / "dipgraph-nodes.csv").open(encoding="utf-8") as handle:
        call = next(n for n in csv.DictReader(handle) if n["id"] == "adams-belov-call")
    assert (call["node_type"], call["date"], call["cameo"]) == ("contact", "2020-03", "041")


def sparql_rows(cli, *args: str) -> list[dict[str, str]]:
    result = cli("sparql", *args, "--format", "csv")
    assert result.code == 0, result.err
    return list(csv.DictReader(io.StringIO(result.out)))


def test_named_queries_on_the_bundled_data(cli) -> None:
    held = sparql_rows(cli, "posts-held-on", "-p", "date=2017-12")
    assert [r["post"] for r in held] == ["antonov-ambassador-to-us", "tillerson-secretary-of-state"]
    assert sparql_rows(cli, "posts-held-on", "-p", "date=2018") == []
    small = sparql_rows(cli, "posts-held-on", "-p", "date=2020-06", "--facts", str(SMALL))
    assert [r["post"] for r in small] == ["adams-secretary"]  # from 2019 until 2021
    assert sparql_rows(cli, "posts-held-on", "-p", "date=2022", "--facts", str(SMALL)) == []
    evidence = sparql_rows(cli, "evidence-of", "-p", "fact=sullivan-patrushev-ushakov-secret-talks")
    assert sorted(r["source"] for r in evidence) == [
        "src-000-aljazeera",
        "src-000-aljazeera",
        "src-003-istanbul-talks",
        "src-003-istanbul-talks",
        "src-003-istanbul-talks",  # Peskov's denial: the channel is disputed
    ]
    topics = sparql_rows(cli, "topics-discussed")
    first = topics[0]  # the most discussed: 9 facts (contacts counted when they happened)
    assert first["topic"] == "us-russia-relations"
    assert (first["contacts"], first["statements"]) == ("3", "6")
    bad_date = cli("sparql", "posts-held-on", "-p", "date=2017-13")
    assert bad_date.code == 1 and "month 13" in bad_date.err
