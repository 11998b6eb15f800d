"""dipgraph at scale: loading, checking, building, querying, for 10k and 100k contacts.

For each size, in one run, prints:
- the floor: PyYAML's CSafeLoader alone loading every fact file;
- `dipgraph check`, then `dipgraph build --formats ttl,nq` (whole processes), each and
  their sum as a ratio to the floor (target <= 2), and `build` alone on a cold cache
  (it checks too);
- a warm `check` (same facts again): its time and how many cache files it wrote (target 0);
- `talks` and `path` (a connected pair and a pair with no path) whole-process time with a
  warm cache, in the default table output, beside the CLI's own floor (`sparql --list`,
  which reads no facts) (target <= 0.3 s at 100k);
- who-talked-to-whom side by side: the bulk-load route (a short script bulk-loading
  dipgraph's own N-Quads into an in-memory pyoxigraph Store, querying, writing JSON),
  `dipgraph sparql` from a cold cache (check, compile, store, query) and from a warm one,
  whole process trees, with ratios to the route (targets: cold <= 1.5x and < 1.5 GiB,
  warm <= 1.2x): the time until the output ends (the answer) and until the process
  exits, the CPU time of the tree, and the peak of the tree's summed RSS (sampled every
  50 ms); and `serve` answering it (inside its default 30 s timeout);
- Oxigraph against a plain rdflib memory Dataset of the same quads (skipped with
  --no-rdflib; rdflib's query is stopped after --rdflib-timeout seconds, a lower bound);
- peak memory (the process's own high-water RSS) of each step.

Every dipgraph process runs with bytecode written (PYTHONDONTWRITEBYTECODE unset), as an
installed package does. Run: python benchmarks/scale.py [--sizes 10000 100000]
[--rdflib-timeout SECONDS] [--no-rdflib] [--queries-only] [--sparql-only]
[--build-runs N [--baseline CHECKOUT]] [--facts FOLDER ...]
(--sparql-only: only the who-talked-to-whom routes, cold and warm; --build-runs N: only
`build` with its default formats, Turtle and the page, from a cold cache, N times, each
beside a floor measured just before it, in wall and CPU seconds, and with --baseline the
same build by another checkout's code right after the same floor; --facts: folders
synth.py wrote, one for each of --sizes, instead of writing new ones).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
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
import os, sys
sys.argv = ["dipgraph", *sys.argv[1:]]
import dipgraph.cli

def report():
    # VmHWM resets on exec; ru_maxrss would carry this script's peak over the fork.
    import resource
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            sys.stderr.write("childrss=%d maxrss=%s" % (children, line.split()[1]))
            sys.stderr.flush()

# `sparql` ends with os._exit once its answer is out (it does not free its store):
# report then too, from this process only (a cold start's child exits that way too).
me, real_exit = os.getpid(), os._exit
def exit_reporting(code):
    if os.getpid() == me:
        report()
    real_exit(code)
os._exit = exit_reporting
try:
    dipgraph.cli.main()
finally:
    report()
"""


LAST_CHILD_PEAK = [0]  # KiB: the highest peak of a child process of the last run()
LAST_CPU = [0.0]  # CPU seconds (user + system) of the last run(): steadier than wall time
# on a shared machine, where other people's work stretches the wall clock.


class Watched(NamedTuple):
    """What run(..., watch=True) saw of a process tree, beyond its wall time."""

    answered: float  # seconds until its standard output ended (the answer is out)
    tree_peak_kib: int  # the highest sum of the RSS of every process in the tree
    output_sha256: str


LAST_WATCHED: list[Watched | None] = [None]


def _tree(pid: int) -> list[int]:
    """``pid`` and every descendant (from /proc/PID/task/*/children)."""
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as kids:
                    stack.extend(int(kid) for kid in kids.read().split())
        except OSError:
            continue
    return found


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            return next((int(line.split()[1]) for line in status if line.startswith("VmRSS:")), 0)
    except OSError:
        return 0


def _watch(child: subprocess.Popen, started: float) -> Watched:
    """Read the child's output to its end (hashing it) while a thread samples the RSS of
    its whole process tree every 50 ms (a peak between samples can be missed). Not the
    PSS: reading /proc/PID/smaps_rollup walks the page tables under the process's memory
    lock, and slowed the measured run by 15% (its wall time 23.5 s for 20.1 s of CPU)."""
    peak, running = [0], [True]

    def sample() -> None:
        while running[0]:
            peak[0] = max(peak[0], sum(_rss_kib(pid) for pid in _tree(child.pid)))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    digest = hashlib.sha256()
    assert child.stdout is not None
    while chunk := child.stdout.read(1 << 20):
        digest.update(chunk)
    answered = time.perf_counter() - started
    child.wait()
    running[0] = False
    sampler.join()
    return Watched(answered, peak[0], digest.hexdigest())


def run(
    argv: list[str],
    env: dict[str, str],
    script: str = _CHILD,
    watch: bool = False,
    cwd: Path | None = None,
) -> tuple[float, int]:
    """Wall time and peak RSS (KiB, the process's own high-water mark) of one dipgraph run
    (or of ``script`` run with ``argv``); its CPU time (children included) goes to
    LAST_CPU. ``watch``: also time the end of its output and sample its process tree's
    memory (LAST_WATCHED)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", script, *argv],
        env=env,
        cwd=cwd,  # (python -c puts the working directory before PYTHONPATH)
        # /dev/null, as the route's script writes to, unless the output is watched
        stdout=subprocess.PIPE if watch else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=False,
    )
    if watch:
        stderr_chunks: list[bytes] = []
        reader = threading.Thread(
            target=lambda: stderr_chunks.append(child.stderr.read()),
            daemon=True,  # type: ignore[union-attr]
        )
        reader.start()
        LAST_WATCHED[0] = _watch(child, started)
        reader.join()
        stderr = b"".join(stderr_chunks).decode("utf-8", "replace")
    else:
        LAST_WATCHED[0] = None
        stderr = child.communicate()[1].decode("utf-8", "replace")
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    LAST_CPU[0] = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if child.returncode != 0:
        raise SystemExit(f"dipgraph {' '.join(argv)} failed:\n{stderr[-2000:]}")
    rss = int(stderr.rsplit("maxrss=", 1)[1])
    kid = stderr.rsplit("childrss=", 1)
    LAST_CHILD_PEAK[0] = int(kid[1].split()[0]) if len(kid) == 2 else 0
    return elapsed, rss


def own_peak_kib() -> int:
    """This process's high-water RSS (VmHWM), in KiB."""
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))


FLOOR_CPU = [0.0]  # CPU seconds of the last floor() (process time)


def floor(facts: Path, collector: bool = True) -> float:
    """PyYAML's CSafeLoader loading every fact file: the issue's floor (collector on, as
    PyYAML runs by default); with ``collector=False``, the same with the collector paused.
    Wall seconds; its CPU seconds go to FLOOR_CPU."""
    paused = gc.isenabled() and not collector
    if paused:
        gc.disable()
    started, cpu = time.perf_counter(), time.process_time()
    for path in sorted(facts.rglob("*.yaml")):
        with path.open(encoding="utf-8") as handle:
            yaml.load(handle, Loader=yaml.CSafeLoader)
    elapsed = time.perf_counter() - started
    FLOOR_CPU[0] = time.process_time() - cpu
    if paused:
        gc.enable()
    return elapsed


def default_build(
    facts: Path, work: Path, env: dict[str, str], runs: int, baseline: Path | None = None
) -> None:
    """`dipgraph build` with its default formats (Turtle and the page), cold cache, against
    the floor measured just before each run (issue #29: within 2x, target 0.5x; peak
    under 1.5 GiB at 100k). CPU seconds are steadier than wall time on a shared machine.
    ``baseline``: a checkout of other code (main, say) whose build runs right after the
    floor as well, before this code's, in each run."""
    cache = Path(env["DIPGRAPH_CACHE_DIR"])
    argv = ["build", "--facts", str(facts), "--out", str(work / "out-default")]
    here = Path(dipgraph.__file__).resolve().parent.parent
    codes = (
        [("this code", here)] if baseline is None else [("baseline", baseline), ("this code", here)]
    )
    for number in range(1, runs + 1):
        load = os.getloadavg()[0]
        base = floor(facts)
        base_cpu = FLOOR_CPU[0]
        print(f"  run {number}/{runs} (load {load:.1f}): floor {base:.1f} s (cpu {base_cpu:.1f} s)")
        for name, code in codes:
            shutil.rmtree(cache, ignore_errors=True)
            elapsed, peak = run(argv, {**env, "PYTHONPATH": str(code)}, cwd=work)
            cpu = LAST_CPU[0]
            print(
                f"    build (ttl,html), cold cache, {name} ({code}): {elapsed:.1f} s "
                f"= {elapsed / base:.2f}x, cpu {cpu:.1f} s = {cpu / base_cpu:.2f}x the floor's; "
                f"peak {mib(peak)}; load after {os.getloadavg()[0]:.1f} (targets <= 2x, "
                "then <= 0.5x; < 1.5 GiB at 100k)"
            )


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


_ROUTE = """
import sys
import pyoxigraph
store = pyoxigraph.Store()
store.bulk_load(path=sys.argv[1], format=pyoxigraph.RdfFormat.N_QUADS)
result = store.query(open(sys.argv[2], encoding="utf-8").read(), use_default_graph_as_union=True)
with open("/dev/null", "wb") as out:
    result.serialize(out, pyoxigraph.QueryResultsFormat.JSON)
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        sys.stderr.write("maxrss=%s" % line.split()[1])
"""


def gib(kib: int) -> str:
    return f"{kib / 1024 / 1024:.2f} GiB"


def sparql_routes(facts: Path, work: Path, env: dict[str, str], serve: bool = True) -> None:
    """who-talked-to-whom: the bulk-load route, then dipgraph cold and warm, then serve.

    Each runs as its own process tree with its output read through a pipe: the time to
    the end of the output (the answer) and to the exit, the CPU time of the whole tree,
    and the peak of the tree's summed RSS (sampled) are printed.
    """
    query = dipgraph.graph.sparql.named_queries()["who-talked-to-whom"].text
    nquads, text = work / "route.nq", work / "query.rq"
    text.write_text(query, encoding="utf-8")
    kg = dipgraph.load(facts)
    with nquads.open("w", encoding="utf-8") as out:
        out.writelines(kg.quads.nquads_lines())
    del kg
    os.sync()  # the N-Quads just written: their write-back must not slow the route down
    print(f"  load average before the route: {os.getloadavg()[0]:.1f}")
    route, _ = run([str(nquads), str(text)], env, _ROUTE, watch=True)
    route_cpu, route_seen = LAST_CPU[0], LAST_WATCHED[0]
    assert route_seen is not None
    nquads.unlink()
    print(
        f"  who-talked-to-whom, bulk-load route (in-memory Store, JSON out): {route:.1f} s "
        f"(cpu {route_cpu:.1f} s), peak {gib(route_seen.tree_peak_kib)}"
    )
    argv = ["sparql", "who-talked-to-whom", "--facts", str(facts), "--format", "json"]
    shutil.rmtree(env["DIPGRAPH_CACHE_DIR"], ignore_errors=True)
    os.sync()
    print(f"  load average before the cold run: {os.getloadavg()[0]:.1f}")
    cold, _ = run(argv, env, watch=True)
    cold_cpu, cold_seen = LAST_CPU[0], LAST_WATCHED[0]
    assert cold_seen is not None
    print(
        f"  dipgraph sparql, cold cache (check + compile + store + query): answer in "
        f"{cold_seen.answered:.1f} s = {cold_seen.answered / route:.2f}x route; exit (cache "
        f"entry written) in {cold:.1f} s = {cold / route:.2f}x; cpu {cold_cpu:.1f} s = "
        f"{cold_cpu / route_cpu:.2f}x; peak of the process tree "
        f"{gib(cold_seen.tree_peak_kib)} = "
        f"{cold_seen.tree_peak_kib / route_seen.tree_peak_kib:.2f}x the route's "
        "(target <= 1.5x, < 1.5 GiB)"
    )
    warm, _ = run(argv, env, watch=True)
    warm_seen = LAST_WATCHED[0]
    assert warm_seen is not None
    same = "the same" if warm_seen.output_sha256 == cold_seen.output_sha256 else "DIFFERENT"
    print(
        f"  dipgraph sparql, warm cache: {warm:.1f} s = {warm / route:.2f}x route "
        f"(cpu {LAST_CPU[0]:.1f} s = {LAST_CPU[0] / route_cpu:.2f}x), peak "
        f"{gib(warm_seen.tree_peak_kib)} (target <= 1.2x); its output is {same} bytes as "
        "the cold run's"
    )
    print(f"  load average after: {os.getloadavg()[0]:.1f}")
    if serve:
        serve_timing(facts, env, query)


def serve_timing(facts: Path, env: dict[str, str], query: str) -> None:
    """Start `dipgraph serve` (warm cache) and time the query through HTTP."""
    import urllib.error
    import urllib.parse
    import urllib.request

    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "dipgraph", "serve", "--port", "0", "--facts", str(facts)],
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stderr is not None
        line = ""
        while "serving http://" not in line:
            line = server.stderr.readline()
            if not line and server.poll() is not None:
                print("  serve did not start")
                return
        ready = time.perf_counter() - started
        url = line.split("serving ", 1)[1].split()[0]
        request = urllib.request.Request(
            f"{url}?{urllib.parse.urlencode({'query': query})}",
            headers={"Accept": "application/sparql-results+json"},
        )
        asked = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=300) as response:
                status, size = response.status, len(response.read())
        except urllib.error.HTTPError as error:
            status, size = error.code, 0
        answered = time.perf_counter() - asked
        print(
            f"  serve: ready in {ready:.1f} s; who-talked-to-whom answered {status} "
            f"({size / 1e6:.0f} MB) in {answered:.1f} s (default timeout 30 s)"
        )
    finally:
        server.terminate()
        server.wait(timeout=60)


def rdflib_comparison(facts: Path, work: Path, rdflib_timeout: float) -> None:
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


def cache_files(cache: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in cache.rglob("*") if p.is_file()
    }


def connected_pair(facts: Path) -> tuple[str, str]:
    """A pair of people three or more contacts apart (the path benchmark's positive case)."""
    kg = dipgraph.load(facts)
    for number in range(2, 400):
        found = kg.path("person-17", f"person-{number}")["paths"]
        if found and len(found[0]["hops"]) >= 3:
            return "person-17", f"person-{number}"
    raise SystemExit("no connected pair found")


def timed_runs(name: str, argv: list[str], env: dict[str, str], floor_s: float) -> None:
    times, cpu, rss = [], [], 0
    for _ in range(5):
        elapsed, rss = run(argv, env)
        times.append(elapsed)
        cpu.append(LAST_CPU[0])
    median = statistics.median(times)
    print(
        f"  {name}, warm cache, table output, 5 runs: median {median:.2f} s "
        f"({median / floor_s:.2f}x the CLI floor; cpu {statistics.median(cpu):.2f} s), "
        f"max {max(times):.2f} s, peak {mib(rss)} (target <= 0.3 s)"
    )


def measure(
    size: int,
    work: Path,
    rdflib_timeout: float,
    queries_only: bool = False,
    sparql_only: bool = False,
    build_runs: int = 0,
    given: Path | None = None,
    baseline: Path | None = None,
) -> None:
    if given is not None:  # a folder synth.py wrote before (it is not changed)
        facts, counts = given, "given"
    else:
        facts = work / f"facts-{size}"
        counts = synth.synthesize(facts, size)
    files = sum(1 for _ in facts.rglob("*.yaml"))
    megabytes = sum(p.stat().st_size for p in facts.rglob("*") if p.is_file()) / 1e6
    print(f"\n== {size:,} contacts: {counts} in {files} files, {megabytes:.0f} MB")
    cache = work / "cache"
    env = {**os.environ, "DIPGRAPH_CACHE_DIR": str(cache), "COLUMNS": "120"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("DIPGRAPH_NO_CACHE", None)
    if sparql_only:
        sparql_routes(facts, work, env, serve=False)
        return
    if build_runs:
        default_build(facts, work, env, build_runs, baseline)
        return
    if queries_only:  # the SPARQL routes first: the cold run leaves the entry the rest reads
        sparql_routes(facts, work, env)
    else:
        check_and_build(facts, work, env)
    warm_queries(facts, env)
    if not queries_only:
        sparql_routes(facts, work, env)
    if rdflib_timeout > 0:
        rdflib_comparison(facts, work, rdflib_timeout)


def check_and_build(facts: Path, work: Path, env: dict[str, str]) -> None:
    """check and build against the YAML floor (cold and after a check)."""
    cache = Path(env["DIPGRAPH_CACHE_DIR"])
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


def warm_queries(facts: Path, env: dict[str, str]) -> None:
    """A warm check (what it writes), the CLI floor, warm talks and path."""
    cache = Path(env["DIPGRAPH_CACHE_DIR"])
    settled = time.time() + 2.1  # a file touched in the last 2 s is always hashed again
    time.sleep(max(0.0, settled - time.time()))
    before = cache_files(cache)
    again, again_rss = run(["check", "--facts", str(facts)], env)
    written = sum(1 for k, v in cache_files(cache).items() if before.get(k) != v)
    print(
        f"  dipgraph check again, same facts (warm): {again:.1f} s, peak {mib(again_rss)}; "
        f"cache files written: {written} (target 0)"
    )
    floors, floor_cpu = [], []
    for _ in range(5):
        floors.append(run(["sparql", "--list"], env)[0])
        floor_cpu.append(LAST_CPU[0])
    floor_s = statistics.median(floors)
    print(
        f"  CLI floor, `dipgraph sparql --list` (reads no facts), median of 5: {floor_s:.2f} s "
        f"(cpu {statistics.median(floor_cpu):.2f} s)"
    )
    first, second = connected_pair(facts)
    for name, argv in (
        ("talks person-17", ["talks", "person-17"]),
        (f"path {first} {second} (connected)", ["path", first, second]),
        ("path person-1 person-2 (no path within 6 hops)", ["path", "person-1", "person-2"]),
    ):
        timed_runs(name, [*argv, "--facts", str(facts)], env, floor_s)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument(
        "--rdflib-timeout",
        type=float,
        default=900,
        help="seconds rdflib may spend on the query before it is stopped (a lower bound)",
    )
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib comparison")
    parser.add_argument(
        "--queries-only", action="store_true", help="skip check/build against the YAML floor"
    )
    parser.add_argument(
        "--sparql-only",
        action="store_true",
        help="only who-talked-to-whom: the bulk-load route, then dipgraph cold and warm",
    )
    parser.add_argument(
        "--build-runs",
        type=int,
        default=0,
        help="only the default `build` (ttl,html) from a cold cache against the floor, "
        "this many times",
    )
    parser.add_argument(
        "--facts",
        type=Path,
        nargs="+",
        help="folders synth.py wrote, one a size, used instead of writing new ones",
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        help="with --build-runs: a checkout of other code (main) built too, in each run",
    )
    args = parser.parse_args()
    if args.no_rdflib:
        args.rdflib_timeout = 0
    work = Path(tempfile.mkdtemp(prefix="dipgraph-scale-"))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; work dir {work}")
    try:
        folders = args.facts or [None] * len(args.sizes)
        for size, given in zip(args.sizes, folders, strict=True):
            measure(
                size,
                work,
                args.rdflib_timeout,
                args.queries_only,
                args.sparql_only,
                args.build_runs,
                given,
                args.baseline,
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    from dipgraph.process_memory import allow_tuning

    allow_tuning()  # as the command line does: collector paused while loading, heap trimmed
    main()
