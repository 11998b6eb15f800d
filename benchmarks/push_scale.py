"""Push throughput into real SPARQL servers (Oxigraph, Virtuoso) at a synthetic size.

Starts each server on a free loopback port in a temporary directory, pushes the
compiled graph with ``dipgraph.push`` (Graph Store Protocol PUTs, one a named graph),
counts the triples back on the server, and stops it. The graph is compiled and its
store built before the clock starts, so the figure is the push alone.

Run: python benchmarks/push_scale.py --contacts 100000
     python benchmarks/push_scale.py --facts /tmp/synth-100k   # an existing directory
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # this checkout's dipgraph, and test helpers

from test_virtuoso import VIRTUOSO_INI, ask, free_port, stop, wait_for  # noqa: E402

import dipgraph  # noqa: E402
from dipgraph.sparql.push import push  # noqa: E402


def start_oxigraph(work: Path) -> tuple[subprocess.Popen, str, str]:
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    port = free_port()
    process = subprocess.Popen(
        [binary, "serve", "--location", str(work / "oxigraph"), "--bind", f"127.0.0.1:{port}",
         "--union-default-graph"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    wait_for(f"{base}/query?query=ASK%7B%7D", process)
    return process, f"{base}/store", f"{base}/query"


def start_virtuoso(work: Path) -> tuple[subprocess.Popen, str, str]:
    db = work / "virtuoso"
    db.mkdir()
    sql_port, http_port = free_port(), free_port()
    ini = db / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(db=db, sql_port=sql_port, http_port=http_port))
    process = subprocess.Popen(
        ["virtuoso-t", "+foreground", "+configfile", str(ini)],
        cwd=db,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{http_port}"
    wait_for(f"{base}/sparql?query=ASK%7B%7D", process)
    grant = "GRANT SPARQL_UPDATE TO \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);"
    subprocess.run(
        ["isql-vt", f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={grant}"],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return process, f"{base}/sparql-graph-crud", f"{base}/sparql"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--facts", type=Path, help="an existing facts directory")
    parser.add_argument("--servers", default="oxigraph,virtuoso")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dipgraph-push-") as temporary:
        work = Path(temporary)
        facts = args.facts
        if facts is None:
            facts = work / "facts"
            subprocess.run(
                [sys.executable, str(ROOT / "benchmarks" / "synth.py"),
                 "--contacts", str(args.contacts), "--out", str(facts)],
                check=True,
            )  # fmt: skip
        started = time.perf_counter()
        kg = dipgraph.load(facts)
        triples = len(kg.quads)
        kg.store  # noqa: B018 - built before the clock starts
        print(f"facts: {facts} ({len(kg.facts.contacts):,} contacts, {triples:,} triples; "
              f"load, compile and store {time.perf_counter() - started:.1f} s)")  # fmt: skip
        print("| server | graphs | triples | push (s) | triples/s | counted back |")
        print("|---|---:|---:|---:|---:|---:|")
        # Baseline, same run: Oxigraph's own bulk loader reading the same quads from a file.
        dump = work / "dipgraph.nq"
        with dump.open("w", encoding="utf-8") as stream:
            stream.writelines(kg.quads.nquads_lines())
        binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
        clock = time.perf_counter()
        subprocess.run(
            [binary, "load", "--location", str(work / "bulk"), "--file", str(dump)],
            check=True,
            capture_output=True,
        )
        seconds = time.perf_counter() - clock
        print(f"| oxigraph load (baseline: a file, no HTTP) | - | {triples:,} | {seconds:.1f} | "
              f"{triples / seconds:,.0f} | - |")  # fmt: skip
        for name in args.servers.split(","):
            process, store, query = (start_oxigraph if name == "oxigraph" else start_virtuoso)(work)
            try:
                clock = time.perf_counter()
                sent = push(kg, store, timeout=3600)
                seconds = time.perf_counter() - clock
                counted = ask(query, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                              f'FILTER (STRSTARTS(STR(?g), "{kg.base}")) }}')[0]["n"]  # fmt: skip
            finally:
                stop(process)
            pushed = sum(item.triples for item in sent)
            print(f"| {name} | {len(sent)} | {pushed:,} | {seconds:.1f} | "
                  f"{pushed / seconds:,.0f} | {int(counted):,} |")  # fmt: skip


if __name__ == "__main__":
    from dipgraph.process_memory import allow_tuning

    allow_tuning()  # as the command line does: collector paused while loading, heap trimmed
    main()
