"""The README's 1,000-word walk, timed command by command, and the curator's edits counted.

Run: nice -n 10 python benchmarks/curator_walk.py [--runs 3]
     python benchmarks/curator_walk.py --rediff   (after a change to suggest's drafts)

Issue #23's target is "under 10 minutes of a curator's work" for an article of about 1,000
words. That is the commands' time plus the time of the edits a curator makes by hand, which
no machine measures; this script gives both parts as figures to judge:

- each command of the README walk (the bash block under "A whole article"), run as written
  in a scratch folder holding a copy of the bundled facts and tests/fixtures/walk/, ``--runs``
  times; a command's time is its fastest run (the machine is shared), printed with the
  slowest and the load average before and after;
- the curator's edits, from the diffs the walk applies: lines removed, lines added, and of
  the added lines those that paste a span of the article (a quote, a passage, a title) and
  those typed, with the characters typed. The estimate of the hand work is written out in
  the output with the rates it assumes, so a reader can redo it with other rates.

``--rediff`` rewrites tests/fixtures/walk/curator.diff when ``suggest`` drafts differently:
the diff is one hunk of the whole file, so its context and ``+`` lines are the curated file;
the walk runs up to its first ``git apply`` and the curated file is diffed against that
draft again (the README's excerpts of the diff may then need the same update).
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WALK = REPO / "tests" / "fixtures" / "walk"
ARTICLE = WALK / "src-006-oasis-hartley.txt"
HEADING = "#### A whole article"

# The rates of the estimate (seconds), stated so they can be disputed.
READ_WORDS_PER_MINUTE = 150  # a careful reading of Arabic news, once, before editing
PASTE_SECONDS = 15  # select a span of the article, copy, paste between quotes
TYPE_CHARS_PER_MINUTE = 200  # typing YAML and English summaries (about 40 words a minute)
DELETE_SECONDS = 0.5  # a line removed or copied from the draft: done in blocks
THINK_SECONDS_PER_FACT = 30  # deciding a fact: kind, parties, status, what to quote


def commands() -> list[str]:
    """The walk's command lines, from the README."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split(HEADING, 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.DOTALL)
    assert block, "no bash block under " + HEADING
    return [line.split("  #")[0].strip() for line in block.group(1).splitlines() if line.strip()]


def run_walk(folder: Path, lines: list[str]) -> list[float]:
    """Run the walk once in ``folder``; each command's wall time in seconds."""
    shutil.copytree(REPO / "facts", folder / "facts")
    shutil.copytree(WALK, folder / "tests" / "fixtures" / "walk")
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "utf-8"}
    times = []
    for index, line in enumerate(lines):
        words = shlex.split(line)
        if words[0] == "dipgraph":
            words = [sys.executable, "-m", "dipgraph", *words[1:]]
        began = time.perf_counter()
        done = subprocess.run(words, cwd=folder, env=env, capture_output=True)
        times.append(time.perf_counter() - began)
        refused = words[-3:] == ["check", "--facts", "walk"]  # the draft's check: exit 1
        if done.returncode != (1 if refused and index < 3 else 0):
            sys.exit(f"{line}: exit {done.returncode}\n{done.stderr.decode()[-2000:]}")
    return times


def rediff(lines: list[str]) -> None:
    """Rewrite curator.diff against what the walk drafts now (see the module docstring)."""
    diff = WALK / "curator.diff"
    old = diff.read_text(encoding="utf-8").splitlines(keepends=True)
    (label,) = [line[6:].strip() for line in old if line.startswith("+++ b/")]
    curated = [line[1:] for line in old[2:] if line[:1] in (" ", "+")]
    before = lines[: next(i for i, line in enumerate(lines) if line.startswith("git apply"))]
    with tempfile.TemporaryDirectory(prefix="dipgraph-walk-") as scratch:
        run_walk(Path(scratch), before)
        (Path(scratch) / "curated.yaml").write_text("".join(curated), encoding="utf-8")
        files = [str(Path(scratch) / "walk" / label), str(Path(scratch) / "curated.yaml")]
        done = subprocess.run(
            ["diff", "-U", "100000", "--label", f"a/{label}", "--label", f"b/{label}", *files],
            capture_output=True,
            text=True,
        )  # GNU diff, as the committed diff was made: its alignment, not difflib's
    diff.write_text(done.stdout, encoding="utf-8")
    print(f"wrote {diff.relative_to(REPO)}")


def edits() -> dict[str, int]:
    """Counts of the lines the walk's diffs remove and add, by what the adding takes."""
    text = ARTICLE.read_text(encoding="utf-8")
    counts = {"removed": 0, "added": 0, "pasted": 0, "copied": 0, "typed": 0}
    counts.update(typed_chars=0, facts=0)
    for diff in sorted(WALK.glob("*.diff")):
        lines = diff.read_text(encoding="utf-8").splitlines()
        drafted = {line[1:].strip() for line in lines if line.startswith(("-", " "))}
        for line in lines:
            if line.startswith(("---", "+++")):
                continue
            if line.startswith(" ") and re.match(r"- (id|fact): ", line.strip()):
                counts["facts"] += 1  # a drafted record kept: decided all the same
            if line.startswith("-"):
                counts["removed"] += 1
            elif line.startswith("+"):
                counts["added"] += 1
                body = line[1:].strip()
                value = body.split(": ", 1)[-1].strip().strip("\"'")
                if re.match(r"(quote|passage|title): ", body) and value and value in text:
                    counts["pasted"] += 1
                elif body in drafted:  # a line of the draft, moved or repeated
                    counts["copied"] += 1
                else:
                    counts["typed"] += 1
                    counts["typed_chars"] += len(body)
                if re.match(r"- (id|fact): ", body):
                    counts["facts"] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rediff", action="store_true", help="rewrite curator.diff, then stop")
    args = parser.parse_args()
    lines = commands()
    if args.rediff:
        rediff(lines)
        return
    load_before = os.getloadavg()
    runs = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="dipgraph-walk-") as scratch:
            runs.append(run_walk(Path(scratch), lines))
    load_after = os.getloadavg()
    print(
        f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f}; {args.runs} run(s)"
    )
    print("fastest  slowest  command")
    best_total = 0.0
    for index, line in enumerate(lines):
        times = [run[index] for run in runs]
        best_total += min(times)
        print(f"{min(times):6.2f}s {max(times):7.2f}s  {line}")
    print(f"{best_total:6.2f}s          all {len(lines)} commands (sum of the fastest runs)")

    words = len(ARTICLE.read_text(encoding="utf-8").split())
    count = edits()
    reading = words / READ_WORDS_PER_MINUTE * 60
    pasting = count["pasted"] * PASTE_SECONDS
    typing = count["typed_chars"] / TYPE_CHARS_PER_MINUTE * 60
    deleting = (count["removed"] + count["copied"]) * DELETE_SECONDS
    thinking = count["facts"] * THINK_SECONDS_PER_FACT
    hand = reading + pasting + typing + deleting + thinking
    print()
    print(f"article: {words} words")
    print(
        f"edits: {count['removed']} line(s) removed, {count['added']} added: {count['pasted']} "
        f"pasted from the article, {count['copied']} copied from the draft, {count['typed']} "
        f"typed ({count['typed_chars']} characters); "
        f"{count['facts']} records in the curated file(s)"
    )
    print(
        f"estimate: reading {reading / 60:.1f} min ({READ_WORDS_PER_MINUTE} words/min) + pasting "
        f"{pasting / 60:.1f} min ({PASTE_SECONDS} s a span) + typing {typing / 60:.1f} min "
        f"({TYPE_CHARS_PER_MINUTE} characters/min) + deleting {deleting / 60:.1f} min "
        f"({DELETE_SECONDS} s a line removed or copied) + deciding {thinking / 60:.1f} min "
        f"({THINK_SECONDS_PER_FACT} s a record) = {hand / 60:.0f} min by hand, "
        f"{(hand + best_total) / 60:.0f} min with the commands"
    )


if __name__ == "__main__":
    main()
