"""dipgraph at scale: loading, checking, building, querying, for 10k and 100k contacts.

For each size, in one run, prints:
- the floor: PyYAML's CSafeLoader alone loading every fact file;
- `dipgraph check`, then `dipgraph build --formats ttl,nq` (whole processes), each and
  their sum as a ratio to the floor (target <= 2), and `build` alone on a cold cache
  (it checks too);
- `talks` and `path` whole-process time with a warm cache (target <= 1 s at 100k);
- who-talked-to-whom SPARQL on dipgraph's store (Oxigraph) and on a plain rdflib
  memory Dataset of the same quads, load and query times, and the ratio (target >= 20x;
  rdflib's query runs in a child process stopped after --rdflib-timeout seconds, which
  then gives a lower bound);
- peak memory (max RSS) of each step.

Run: python benchmarks/scale.py [--sizes 10000 100000] [--rdflib-timeout SECONDS]
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

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


def own_peak_kib() -> int:
    """This process's high-water RSS (VmHWM), in KiB."""
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))


def floor(facts: Path, collector: bool = True) -> float:
    """PyYAML's CSafeLoader loading every fact file: the issue's floor (collector on, as
    PyYAML runs by default); with ``collector=False``, the same with the collector paused."""
    paused = gc.isenabled() and not collector
    if paused:
        gc.disable()
    started = time.perf_counter()
    for path in sorted(facts.rglob("*.yaml")):
        with path.open(encoding="utf-8") as handle:
            yaml.load(handle, Loader=yaml.CSafeLoader)
    elapsed = time.perf_counter() - started
    if paused:
        gc.enable()
    return elapsed


_RDFLIB_CHILD = """
import sys, time
from rdflib import Dataset
nquads, query = open(sys.argv[1], encoding="utf-8").read(), open(sys.argv[2]).read()
started = time.perf_counter()
dataset = Dataset(default_union=True)
dataset.parse(data=nquads, format="nquads")
hwm = [line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")]
print("load", time.perf_counter() - started, hwm[0], flush=True)
started = time.perf_counter()
rows = len(list(dataset.query(query)))
print("query", time.perf_counter() - started, rows, flush=True)
"""


class RdflibTiming(NamedTuple):
    load: float  # seconds
    loaded_peak_kib: int
    query: float  # seconds; a lower bound when rows is None
    rows: int | None  # None: the query was stopped at the timeout


def rdflib_timing(nquads: str, query: str, work: Path, timeout: float) -> RdflibTiming:
    """rdflib's load and query times, in a child process stopped after ``timeout`` s of
    querying."""
    data, text = work / "rdflib.nq", work / "query.rq"
    data.write_text(nquads, encoding="utf-8")
    text.write_text(query, encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, "-c", _RDFLIB_CHILD, str(data), str(text)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    _, load, peak = child.stdout.readline().split()  # the load itself is not timed out
    started = time.perf_counter()
    try:
        out, _ = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        return RdflibTiming(float(load), int(peak), time.perf_counter() - started, None)
    finally:
        data.unlink()
    _, seconds, rows = out.split()
    return RdflibTiming(float(load), int(peak), float(seconds), int(rows))


def sparql_comparison(facts: Path, work: Path, rdflib_timeout: float) -> None:
    query = dipgraph.graph.sparql.named_queries()["who-talked-to-whom"].text
    kg = dipgraph.load(facts)
    started = time.perf_counter()
    quads = len(kg.quads)
    compiled = time.perf_counter() - started
    nquads = kg.nquads
    started = time.perf_counter()
    store = kg.store
    oxi_load = time.perf_counter() - started
    started = time.perf_counter()
    rows = len(list(store.query(query, use_default_graph_as_union=True)))
    oxi_query = time.perf_counter() - started
    print(f"  RDF: {quads:,} quads, compiled in {compiled:.1f} s")
    print(
        f"  who-talked-to-whom on Oxigraph: load {oxi_load:.1f} s, query {oxi_query:.2f} s "
        f"({rows:,} rows); peak of this process (facts, quads, store) {mib(own_peak_kib())}"
    )
    del store, kg
    rdflib = rdflib_timing(nquads, query, work, rdflib_timeout)
    stopped = rdflib.rows is None
    answered = (
        f"> {rdflib.query:.0f} s (stopped)"
        if stopped
        else f"{rdflib.query:.2f} s ({rdflib.rows:,} rows)"
    )
    print(
        f"  who-talked-to-whom on an rdflib memory Dataset: load {rdflib.load:.1f} s "
        f"(peak {mib(rdflib.loaded_peak_kib)} loaded), query {answered}"
    )
    print(
        f"  query speed-up Oxigraph / rdflib: {'at least ' if stopped else ''}"
        f"{rdflib.query / oxi_query:.0f}x (target >= 20x)"
    )


def measure(size: int, work: Path, rdflib_timeout: float) -> None:
    facts = work / f"facts-{size}"
    counts = synth.synthesize(facts, size)
    files = sum(1 for _ in facts.rglob("*.yaml"))
    megabytes = sum(p.stat().st_size for p in facts.rglob("*") if p.is_file()) / 1e6
    print(f"\n== {size:,} contacts: {counts} in {files} files, {megabytes:.0f} MB")
    cache = work / "cache"
    env = {**os.environ, "DIPGRAPH_CACHE_DIR": str(cache), "COLUMNS": "120"}
    base = floor(facts)
    print(f"  floor, CSafeLoader load of all YAML: {base:.1f} s")
    print(
        "  (for reference, CSafeLoader with the garbage collector paused, as dipgraph "
        f"runs: {floor(facts, collector=False):.1f} s)"
    )
    build_argv = ["build", "--facts", str(facts), "--out", str(work / "out"), "--formats", "ttl,nq"]

    def ratio(seconds: float) -> str:
        return f"{seconds:.1f} s = {seconds / base:.2f}x floor"

    shutil.rmtree(cache, ignore_errors=True)
    check, check_rss = run(["check", "--facts", str(facts)], env)
    print(f"  dipgraph check (cold cache): {ratio(check)}, peak {mib(check_rss)}")
    build, build_rss = run(build_argv, env)
    print(
        f"  dipgraph build --formats ttl,nq, after that check: {ratio(build)}, "
        f"peak {mib(build_rss)}"
    )
    print(f"  check + build: {ratio(check + build)} (target <= 2)")
    shutil.rmtree(cache, ignore_errors=True)
    alone, alone_rss = run(build_argv, env)
    print(
        f"  dipgraph build alone, cold cache (checks too): {ratio(alone)}, "
        f"peak {mib(alone_rss)} (target <= 2)"
    )
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
    sparql_comparison(facts, work, rdflib_timeout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument(
        "--rdflib-timeout",
        type=float,
        default=900,
        help="seconds rdflib may spend on the query before it is stopped (a lower bound)",
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dipgraph-scale-"))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; work dir {work}")
    try:
        for size in args.sizes:
            measure(size, work, args.rdflib_timeout)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
