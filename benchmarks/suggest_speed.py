"""Seconds ``dipgraph suggest`` takes per article, for issue #24's "under 1 s an article".

Run: nice -n 10 python benchmarks/suggest_speed.py [--texts /work/corpus/texts]
         [--facts facts] [--runs 3] [--cli]

Each ``*.txt`` in the folder is drafted against the facts directory ``--runs`` times; an
article's time is its fastest run (the machine is shared: the slower runs measure the
neighbours). Prints the median and the maximum over the articles, the slowest article,
and how many took 1 s or more. The facts are loaded and ``suggest`` is warmed (lexicons,
schema) once before timing, as a curator's session would have them. ``--cli`` times the
whole command instead, ``python -m dipgraph suggest FILE --facts DIR`` in a new process
(start, imports, facts, lexicons and drafting), as a curator running it once pays. Reads
texts only: no gold, so it may run on every split.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from dipgraph.loader import load_facts
from dipgraph.suggest import suggest

TARGET = 1.0  # seconds an article (issue #24)


def time_articles(texts: list[Path], facts, runs: int) -> dict[str, float]:
    """The fastest of ``runs`` drafting times of each text, by file stem."""
    times: dict[str, float] = {}
    for path in texts:
        text = path.read_text(encoding="utf-8")
        best = float("inf")
        for _ in range(runs):
            began = time.perf_counter()
            suggest(text=text, facts=facts, source_id=path.stem)
            best = min(best, time.perf_counter() - began)
        times[path.stem] = best
    return times


def time_commands(texts: list[Path], facts_dir: str, runs: int) -> dict[str, float]:
    """The fastest of ``runs`` wall times of ``dipgraph suggest`` on each text, by stem."""
    times: dict[str, float] = {}
    for path in texts:
        command = [sys.executable, "-m", "dipgraph", "suggest", str(path), "--facts", facts_dir]
        best = float("inf")
        for _ in range(runs):
            began = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            best = min(best, time.perf_counter() - began)
        times[path.stem] = best
    return times


def summary(times: dict[str, float]) -> str:
    """Median, maximum (and where), and how many reached the target."""
    slowest = max(times, key=times.__getitem__)
    over = sum(1 for t in times.values() if t >= TARGET)
    return (
        f"{len(times)} articles: median {statistics.median(times.values()):.3f} s, "
        f"max {times[slowest]:.3f} s ({slowest}); {over} took {TARGET:g} s or more"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", default="/work/corpus/texts", help="folder of *.txt")
    parser.add_argument("--facts", default="facts", help="facts directory (default: facts)")
    parser.add_argument("--runs", type=int, default=3, help="runs per article (fastest kept)")
    parser.add_argument("--cli", action="store_true", help="time the whole command per article")
    args = parser.parse_args()
    texts = sorted(Path(args.texts).glob("*.txt"))
    if not texts or args.runs < 1:
        print(f"no *.txt in {args.texts} (or --runs below 1)", file=sys.stderr)
        return 2
    if args.cli:
        print("whole command, " + summary(time_commands(texts, args.facts, args.runs)))
        return 0
    facts = load_facts(args.facts)
    suggest(text=texts[0].read_text(encoding="utf-8"), facts=facts)  # warm
    print("in process, " + summary(time_articles(texts, facts, args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
