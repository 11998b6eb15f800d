"""dipgraph at scale: loading, checking, building, querying, for 10k and 100k contacts.

For each size, in one run, prints:
- the floor: PyYAML's CSafeLoader alone loading every fact file;
- `dipgraph check` and `dipgraph build --formats ttl,nq` (whole process) and their
  ratio to the floor (target <= 2);
- `talks` and `path` whole-process time with a warm cache (target <= 1 s at 100k);
- who-talked-to-whom SPARQL on dipgraph's store (Oxigraph) and on a plain rdflib
  memory Dataset of the same quads, load and query times, and the ratio (target >= 20x);
- peak memory (max RSS) of each step.

Run: python benchmarks/scale.py [--sizes 10000 100000] [--skip-rdflib-above N]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import synth
import yaml

import dipgraph
import dipgraph.graph.sparql


def mib(kib: int) -> str:
    return f"{kib / 1024:.0f} MiB"


_CHILD = """
import sys
sys.argv = ["dipgraph", *sys.argv[1:]]
import dipgraph.cli
try:
    dipgraph.cli.main()
finally:
    # VmHWM resets on exec; ru_maxrss would carry this script's peak over the fork.
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            sys.stderr.write("maxrss=%s" % line.split()[1])
"""


def run(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time and peak RSS (KiB, the process's own high-water mark) of one dipgraph run."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, *argv], env=env, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"dipgraph {' '.join(argv)} failed:\n{done.stderr[-2000:]}")
    rss = int(done.stderr.rsplit("maxrss=", 1)[1])
    return elapsed, rss


def floor(facts: Path) -> float:
    started = time.perf_counter()
    for path in sorted(facts.rglob("*.yaml")):
        with path.open(encoding="utf-8") as handle:
            yaml.load(handle, Loader=yaml.CSafeLoader)
    return time.perf_counter() - started


def sparql_comparison(facts: Path, with_rdflib: bool) -> None:
    query = dipgraph.graph.sparql.named_queries()["who-talked-to-whom"].text
    kg = dipgraph.load(facts)
    started = time.perf_counter()
    nquads = kg.nquads
    compiled = time.perf_counter() - started
    quads = nquads.count("\n")
    started = time.perf_counter()
    store = kg.store
    oxi_load = time.perf_counter() - started
    started = time.perf_counter()
    rows = len(list(store.query(query, use_default_graph_as_union=True)))
    oxi_query = time.perf_counter() - started
    print(f"  RDF: {quads:,} quads, compiled in {compiled:.1f} s")
    print(
        f"  who-talked-to-whom on Oxigraph: load {oxi_load:.1f} s, query {oxi_query:.2f} s "
        f"({rows:,} rows)"
    )
    if not with_rdflib:
        print("  rdflib comparison skipped at this size (--skip-rdflib-above)")
        return
    from rdflib import Dataset

    started = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(data=nquads, format="nquads")
    rdflib_load = time.perf_counter() - started
    started = time.perf_counter()
    rdflib_rows = len(list(dataset.query(query)))
    rdflib_query = time.perf_counter() - started
    print(
        f"  who-talked-to-whom on rdflib Dataset: load {rdflib_load:.1f} s, query "
        f"{rdflib_query:.2f} s ({rdflib_rows:,} rows)"
    )
    print(
        f"  query speed-up Oxigraph / rdflib: {rdflib_query / oxi_query:.0f}x "
        f"(target >= 20x); load speed-up {rdflib_load / oxi_load:.0f}x"
    )
    print(
        "  peak RSS of this benchmark process (Oxigraph and rdflib stores): "
        f"{mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)}"
    )


def measure(size: int, work: Path, with_rdflib: bool) -> None:
    facts = work / f"facts-{size}"
    counts = synth.synthesize(facts, size)
    files = sum(1 for _ in facts.rglob("*.yaml"))
    megabytes = sum(p.stat().st_size for p in facts.rglob("*") if p.is_file()) / 1e6
    print(f"\n== {size:,} contacts: {counts} in {files} files, {megabytes:.0f} MB")
    env = {**os.environ, "DIPGRAPH_CACHE_DIR": str(work / "cache"), "COLUMNS": "120"}
    base = floor(facts)
    print(f"  floor, CSafeLoader load of all YAML: {base:.1f} s")
    check, check_rss = run(["check", "--facts", str(facts)], env)
    print(f"  dipgraph check: {check:.1f} s = {check / base:.2f}x floor, peak {mib(check_rss)}")
    build, build_rss = run(
        ["build", "--facts", str(facts), "--out", str(work / "out"), "--formats", "ttl,nq"], env
    )
    print(
        f"  dipgraph build --formats ttl,nq (checks too): {build:.1f} s = "
        f"{build / base:.2f}x floor, peak {mib(build_rss)}"
    )
    cold, _ = run(["talks", "person-17", "--facts", str(facts), "--format", "json"], env)
    print(f"  first query (fills the cache): {cold:.1f} s")
    for name, argv in (
        ("talks person-17", ["talks", "person-17"]),
        ("path person-1 person-2", ["path", "person-1", "person-2"]),
    ):
        times, rss = [], 0
        for _ in range(5):
            elapsed, rss = run([*argv, "--facts", str(facts), "--format", "json"], env)
            times.append(elapsed)
        print(
            f"  {name}, warm cache, 5 runs: median {statistics.median(times):.2f} s, "
            f"max {max(times):.2f} s, peak {mib(rss)} (target <= 1 s)"
        )
    sparql_comparison(facts, with_rdflib)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--skip-rdflib-above", type=int, default=10**9)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dipgraph-scale-"))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; work dir {work}")
    try:
        for size in args.sizes:
            measure(size, work, size <= args.skip_rdflib_above)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
