"""A curator's session, replayed on synthetic facts: cold and unchanged checks, then
rounds of editing one contact's summary (check, talks, sparql who-talked-to-whom,
show), adding a contact (check, talks, sparql) and deleting one (check, talks,
sparql). Each step is a whole process, timed with its peak RSS, and printed beside the
cold and warm times of the same command measured in the same run.

Run: python benchmarks/edit_loop.py [--size 10k|100k|1m | --contacts N] [--rounds 2]
     [--data DIR] [--baseline CHECKOUT] [--no-cold]

``--data`` reuses a folder benchmarks/synth.py wrote (copied, never edited).
``cpu s``: the process's user and system CPU seconds (its waited-for children's too),
which a shared machine's load moves far less than the seconds.
``--baseline`` replays the same session with another checkout's code (its own copy of
the facts and its own cache), each step run right after this checkout's: the last
columns are this checkout's seconds and CPU seconds over the baseline's, measured
under the same load.
The load average is printed at the start and the end: on a shared machine, compare
ratios, not seconds.
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
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
SETTLE = 2.1  # a file changed in the last two seconds is hashed, not known by its stat


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float, str, float]:
    """Seconds, peak RSS (MiB), the last line it printed (warnings, which name a file,
    left out) and the CPU seconds (user + system) of one whole process: on a shared
    machine the seconds follow the load, the CPU seconds far less."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        # (run from a folder holding no dipgraph: `python -m` puts the working folder
        # before PYTHONPATH, so from a checkout's root every side ran that checkout)
        child = subprocess.Popen(
            [sys.executable, "-m", "dipgraph", *argv],
            env=env,
            stdout=out,
            stderr=err,
            cwd=Path(env["DIPGRAPH_CACHE_DIR"]).parent,
        )
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.perf_counter() - started
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
        out.seek(0)
        said = out.read(1 << 20).decode("utf-8", "replace") if argv[0] == "check" else ""
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {text[-2000:]}")
    lines = [
        line
        for line in (said + text).splitlines()
        if line and not line.startswith("/") and ": warning: " not in line
    ]
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, usage.ru_maxrss / 1024, lines[-1] if lines else "", cpu


def party_of_first_contact(facts: Path) -> str:
    text = sorted((facts / "contacts").glob("*.yaml"))[0].read_text("utf-8")
    found = re.search(r"(?:participants|sides): \[+([\w-]+)", text)
    assert found is not None
    return found.group(1)


def _contact_files(facts: Path) -> list[Path]:
    return sorted((facts / "contacts").glob("*.yaml"))


def edit_summary(facts: Path, round_: int) -> str:
    """Change one contact's summary, as a curator fixing a sentence would."""
    files = _contact_files(facts)
    path = files[round_ % len(files)]
    text = path.read_text("utf-8")
    path.write_text(re.sub(r'summary: ("?)', rf"summary: \1Edited {round_}: ", text, count=1))
    return path.name


def _blocks(text: str) -> list[str]:
    return re.split(r"(?m)^(?=  - id: )", text)


def add_contact(facts: Path, round_: int) -> str:
    """Append a contact to the last contacts file: a copy of its first one under a new
    id (same parties, same quote: it passes every check)."""
    path = _contact_files(facts)[-1]
    text = path.read_text("utf-8")
    first = _blocks(text)[1]
    added = re.sub(r"- id: \S+", f"- id: contact-added-{round_}", first, count=1)
    path.write_text(text.rstrip("\n") + "\n" + added, "utf-8")
    return path.name


def delete_contact(facts: Path, round_: int) -> str:
    """Remove one contact (the second of a file: no other fact refers to contacts)."""
    files = _contact_files(facts)
    path = files[(round_ + 1) % len(files)]
    blocks = _blocks(path.read_text("utf-8"))
    del blocks[2]
    path.write_text("".join(blocks), "utf-8")
    return path.name


@dataclass
class Side:
    """One checkout under test: its code, its copy of the facts, its cache."""

    name: str
    code: Path
    facts: Path
    env: dict[str, str]
    cold: dict[str, tuple[float, float, str, float]] = field(default_factory=dict)
    warm: dict[str, tuple[float, float, str, float]] = field(default_factory=dict)

    def commands(self, actor: str) -> dict[str, list[str]]:
        facts = str(self.facts)
        return {
            "check": ["check", "--facts", facts],
            "talks": ["talks", actor, "--facts", facts, "--format", "json"],
            "show": ["show", actor, "--facts", facts, "--format", "json"],
            "sparql": ["sparql", "who-talked-to-whom", "--facts", facts, "--format", "json"],
        }

    def fresh_cache(self) -> None:
        shutil.rmtree(self.env["DIPGRAPH_CACHE_DIR"], ignore_errors=True)


def make_side(name: str, code: Path, work: Path, source: Path) -> Side:
    facts = work / name / "facts"
    shutil.copytree(source, facts)
    env = {
        **os.environ,
        "DIPGRAPH_CACHE_DIR": str(work / name / "cache"),
        "PYTHONPATH": str(code),
        "COLUMNS": "120",
    }
    env.pop("DIPGRAPH_NO_CACHE", None)
    return Side(name, code, facts, env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", choices=SIZES, help="10k, 100k or 1m contacts")
    parser.add_argument("--contacts", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--data", type=Path, help="a synth.py folder to copy")
    parser.add_argument("--baseline", type=Path, help="another checkout, run beside this one")
    parser.add_argument(
        "--no-cold", action="store_true", help="skip the cold commands (x cold then shows nan)"
    )
    args = parser.parse_args()
    contacts = SIZES[args.size] if args.size else args.contacts
    work = Path(tempfile.mkdtemp(prefix="dipgraph-edit-loop-"))
    source = args.data
    if source is None:
        sys.path.insert(0, str(HERE))
        from synth import synthesize

        source = work / "synth"
        synthesize(source, contacts)
    sides = [make_side("this", ROOT, work, source)]
    if args.baseline:
        sides.append(make_side("baseline", args.baseline.resolve(), work, source))
    actor = party_of_first_contact(source)
    size = f"{contacts}" if args.data is None else f"as in {args.data}"  # (not generated)
    print(
        f"contacts: {size}  rounds: {args.rounds}  sides: "
        f"{', '.join(f'{s.name}={s.code}' for s in sides)}  load average: {os.getloadavg()}",
        flush=True,
    )
    time.sleep(SETTLE)
    names = ("check", "talks", "show", "sparql")
    for name in names:  # each cold: a fresh cache for every command
        for side in sides:
            if args.no_cold:
                side.cold[name] = (float("nan"), 0.0, "", float("nan"))
                continue
            side.fresh_cache()
            side.cold[name] = run(side.commands(actor)[name], side.env)
    for side in sides:
        side.fresh_cache()
        run(side.commands(actor)["check"], side.env)
        run(side.commands(actor)["sparql"], side.env)  # writes the N-Quads: later ones warm
    time.sleep(SETTLE)
    for name in names:
        for side in sides:
            side.warm[name] = min(run(side.commands(actor)[name], side.env) for _ in range(2))
    header = f"{'step':44} {'s':>7} {'x cold':>7} {'x warm':>7} {'MiB':>6} {'cpu s':>6}"
    if len(sides) > 1:
        header += f" {'base s':>7} {'x base':>7} {'b cpu':>6} {'x cpu':>6}"
    print(header)

    def line(label: str, times: list[tuple[float, float, str, float]], name: str) -> None:
        took, peak, note, cpu = times[0]
        this = sides[0]
        text = (
            f"{label:44} {took:7.2f} {took / this.cold[name][0]:7.2f} "
            f"{took / this.warm[name][0]:7.2f} {peak:6.0f} {cpu:6.2f}"
        )
        if len(times) > 1:
            base, base_cpu = times[1][0], times[1][3]
            text += f" {base:7.2f} {took / base:7.2f} {base_cpu:6.2f} {cpu / base_cpu:6.2f}"
        print(text + (f"  {note}" if name == "check" and note else ""), flush=True)

    for name in names:
        line(f"cold {name}", [s.cold[name] for s in sides], name)
        line(f"warm {name} (best of 2)", [s.warm[name] for s in sides], name)

    def step(label: str, name: str) -> None:
        line(label, [run(s.commands(actor)[name], s.env) for s in sides], name)

    step("check, nothing changed", "check")
    edits = (
        ("edit a summary", edit_summary, ("check", "talks", "sparql", "show")),
        ("add a contact", add_contact, ("check", "talks", "sparql")),
        ("delete a contact", delete_contact, ("check", "talks", "sparql")),
    )
    for round_ in range(args.rounds):
        for what, edit, steps in edits:
            edited = {edit(side.facts, round_) for side in sides}.pop()  # each side's copy
            for name in steps:
                step(f"r{round_} {what} ({edited}): {name}", name)
    time.sleep(SETTLE)
    step("check, nothing changed", "check")
    print(f"load average at the end: {os.getloadavg()}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
