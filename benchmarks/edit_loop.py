"""A curator's session, replayed: edit one contact, check, ask again (talks, show,
sparql), repeated; each step timed as a whole process and printed beside the cold
and warm times of the same command measured in the same run.

Run: python benchmarks/edit_loop.py --contacts 10000 [--rounds 3] [--data DIR]
(``--data`` reuses a folder benchmarks/synth.py wrote; it is copied, never edited).
The machine's load average is printed at the start and the end: on a shared machine,
compare ratios, not seconds.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def run(argv: list[str], env: dict[str, str]) -> tuple[float, str, str]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "dipgraph", *argv], env=env, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {done.stderr[-2000:]}")
    return elapsed, done.stdout, done.stderr


def first_actor(facts: Path) -> str:
    text = next((facts / "actors").glob("*.yaml")).read_text("utf-8")
    return re.search(r"- id: (\S+)", text).group(1)  # type: ignore[union-attr]


def edit_one_contact(facts: Path, round_: int) -> Path:
    """Change one contact's summary, as a curator fixing a sentence would."""
    path = sorted((facts / "contacts").glob("*.yaml"))[round_ % 3 + 1]
    text = path.read_text("utf-8")
    edited = re.sub(r'summary: ("?)', rf"summary: \1Edited {round_}: ", text, count=1)
    path.write_text(edited, "utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--data", type=Path, help="a synth.py folder to copy")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dipgraph-edit-loop-"))
    facts = work / "facts"
    if args.data:
        shutil.copytree(args.data, facts)
    else:
        sys.path.insert(0, str(HERE))
        from synth import synthesize

        synthesize(facts, args.contacts)
    env = {
        **os.environ,
        "DIPGRAPH_CACHE_DIR": str(work / "cache"),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DIPGRAPH_NO_CACHE", None)
    actor = first_actor(facts)
    commands = {
        "check": ["check", "--facts", str(facts)],
        "talks": ["talks", actor, "--facts", str(facts), "--format", "json"],
        "show": ["show", actor, "--facts", str(facts), "--format", "json"],
        "sparql": ["sparql", "who-talked-to-whom", "--facts", str(facts), "--format", "json"],
    }
    print(f"contacts: {args.contacts}  rounds: {args.rounds}  load average: {os.getloadavg()}")
    time.sleep(2.1)  # the copied files settle: an unchanged file is known by its stat
    cold: dict[str, float] = {}
    warm: dict[str, float] = {}
    for name in commands:  # each cold: a fresh cache for every command
        shutil.rmtree(work / "cache", ignore_errors=True)
        cold[name], _, _ = run(commands[name], env)
    shutil.rmtree(work / "cache", ignore_errors=True)
    run(commands["check"], env)
    run(commands["sparql"], env)  # writes the N-Quads: later ones are warm
    time.sleep(2.1)
    for name in commands:
        warm[name] = min(run(commands[name], env)[0] for _ in range(2))
    print(f"{'step':34} {'s':>7} {'x cold':>7} {'x warm':>7}")
    for name in commands:
        print(f"{'cold ' + name:34} {cold[name]:7.2f} {1:7.2f} {cold[name] / warm[name]:7.2f}")
        print(f"{'warm ' + name:34} {warm[name]:7.2f} {warm[name] / cold[name]:7.2f} {1:7.2f}")
    for round_ in range(args.rounds):
        edited = edit_one_contact(facts, round_)
        for name in ("check", "talks", "show", "sparql"):
            took, _, err = run(commands[name], env)
            label = f"r{round_} {name} after editing {edited.name}"
            note = err.strip().splitlines()[-1] if name == "check" and err.strip() else ""
            print(
                f"{label:34} {took:7.2f} {took / cold[name]:7.2f} {took / warm[name]:7.2f}  {note}"
            )
    time.sleep(2.1)
    took, _, err = run(commands["check"], env)
    print(
        f"{'check, nothing changed':34} {took:7.2f} {took / cold['check']:7.2f} "
        f"{took / warm['check']:7.2f}  {err.strip()}"
    )
    print(f"load average at the end: {os.getloadavg()}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
