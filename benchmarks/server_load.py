"""How `dipgraph serve` answers a light query while heavy queries time out.

Run: python benchmarks/server_load.py [--heavy 6] [--timeout 2] [--workers 2]
Starts a real server on 127.0.0.1 over the bundled dataset, then measures the latency of
a light query: idle (the baseline), while --heavy queries that can never finish run, and
right after the heavy ones were stopped. Prints seconds and ratios to the idle baseline.
Every loop is bounded; the server is killed at the end.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

LIGHT = "ASK { ?s ?p ?o }"
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def get(base: str, query: str) -> tuple[int, float]:
    started = time.monotonic()
    url = f"{base}/sparql?query={urllib.parse.quote(query)}"
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return status, time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--heavy", type=int, default=6)
    parser.add_argument("--timeout", type=float, default=2.0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "DIPGRAPH_CACHE_DIR": tempfile.mkdtemp(prefix="dipgraph-bench-")}
    command = [sys.executable, "-m", "dipgraph", "serve", "--port", str(port)]
    options = ["--timeout", str(args.timeout), "--workers", str(args.workers)]
    server = subprocess.Popen([*command, *options], env=env, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):  # up to 60 s to start
            try:
                get(base, LIGHT)
                break
            except OSError:
                time.sleep(0.1)
        idle = statistics.median(get(base, LIGHT)[1] for _ in range(20))
        heavy: list[tuple[int, float]] = []
        threads = [
            threading.Thread(target=lambda: heavy.append(get(base, HEAVY)))
            for _ in range(args.heavy)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        time.sleep(0.3)
        during = get(base, LIGHT)
        for thread in threads:
            thread.join(600)
        heavy_done = time.monotonic() - started
        after = get(base, LIGHT)
    finally:
        server.kill()
        server.wait()
    print(f"workers {args.workers}, timeout {args.timeout:g} s, {args.heavy} heavy queries")
    print(f"light query, idle (median of 20):   {idle:.3f} s")
    print(f"heavy queries: statuses {sorted(s for s, _ in heavy)}, all back in {heavy_done:.1f} s")
    print(
        f"light query during them:            {during[1]:.3f} s (HTTP {during[0]}), "
        f"{during[1] / idle:.0f}x idle"
    )
    print(
        f"light query right after them:       {after[1]:.3f} s (HTTP {after[0]}), "
        f"{after[1] / idle:.1f}x idle"
    )


if __name__ == "__main__":
    main()
