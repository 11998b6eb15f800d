"""The README's examples print what the README says they print.

Every ``$ dipgraph …`` line in a README code block runs here as a shell command on the
bundled dataset (``dipgraph`` replaced by this checkout's ``python -m dipgraph``, 100
columns wide), and its output is compared with the lines the README shows under it.
A README line ``…`` stands for any number of lines, and a line ending in ``…`` for any
line that starts with the text before it. Examples that need a server (`serve`, `push`) or a
broken copy of a fixture (``broken/``) are left to the tests of those commands; the
server and push examples' counts are compared with the same count taken through
``dipgraph sparql``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from itertools import pairwise

import pytest

from conftest import CACHE_DIR, REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
ELLIPSIS = "…"


def examples() -> list[tuple[str, list[str]]]:
    """(command, expected lines) for each ``$ dipgraph`` line in a README code block."""
    found = []
    for block in re.findall(r"```\n(\$ .*?)```", README, re.S):
        lines = block.splitlines()
        starts = [i for i, line in enumerate(lines) if line.startswith("$ ")] + [len(lines)]
        for start, end in pairwise(starts):
            command = lines[start][2:].split("  #")[0].strip()
            expected = lines[start + 1 : end]
            while expected and not expected[-1].strip():
                expected.pop()
            runnable = not re.match(r"dipgraph (serve|push)\b", command)
            if runnable and command.startswith("dipgraph ") and "broken/" not in command:
                found.append((command, expected))
    return found


def shell(command: str) -> list[str]:
    env = {
        **os.environ,
        "COLUMNS": "100",
        "PYTHONIOENCODING": "utf-8",
        "DIPGRAPH_CACHE_DIR": str(CACHE_DIR),
        "PYTHONPATH": str(REPO),
    }
    program = f"{sys.executable} -m dipgraph" + command.removeprefix("dipgraph")
    done = subprocess.run(
        program, shell=True, capture_output=True, text=True, cwd=REPO, env=env, timeout=300
    )
    assert "Traceback" not in done.stderr, done.stderr
    return [line.rstrip() for line in done.stdout.splitlines()]


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` fits ``expected``, where ``…`` lines and ``…`` endings stand for
    what the README leaves out."""
    if not expected:
        return not actual
    head, rest = expected[0].rstrip(), expected[1:]
    if head.strip() == ELLIPSIS:
        return any(matches(rest, actual[skip:]) for skip in range(len(actual) + 1))
    if not actual:
        return False
    line = actual[0]
    fits = line.startswith(head[:-1].rstrip()) if head.endswith(ELLIPSIS) else line == head
    return fits and matches(rest, actual[1:])


def test_the_readme_has_examples_to_run() -> None:
    assert len(examples()) >= 6


@pytest.mark.parametrize(("command", "expected"), examples(), ids=[c for c, _ in examples()])
def test_a_readme_example_prints_what_the_readme_shows(command: str, expected: list[str]) -> None:
    actual = shell(command)
    assert matches(expected, actual), "\n".join(["README shows:", *expected, "", "got:", *actual])


def test_the_broken_copy_example_runs_as_shown(tmp_path) -> None:
    """The README's broken copy of a fixture, made as it says, fails as it shows."""
    block = next(b for b in re.findall(r"```\n(\$ .*?)```", README, re.S) if "cat > broken/" in b)
    make, _, shown = block.partition("\n$ dipgraph check --facts broken/\n")
    make = make[make.index("$ cp ") + 2 :].replace("tests/fixtures/", f"{REPO}/tests/fixtures/", 1)
    subprocess.run(make + "\n", shell=True, cwd=tmp_path, check=True)
    env = {**os.environ, "DIPGRAPH_CACHE_DIR": str(CACHE_DIR), "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-m", "dipgraph", "check", "--facts", "broken/"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    expected = [line for line in shown.splitlines() if line.strip()]
    actual = [line.rstrip() for line in done.stderr.splitlines()]
    assert done.returncode == 1 and len(expected) == 5
    assert matches(expected, actual), "\n".join(["README shows:", *expected, "", "got:", *actual])


def test_the_server_and_push_examples_show_the_real_counts() -> None:
    count = shell(
        "dipgraph sparql 'SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }' --format csv"
    )[1]
    graphs = shell(
        "dipgraph sparql 'SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?s ?p ?o } }' --format csv"
    )[1]
    served = re.search(r"/sparql\nn\n(\d+)", README)
    assert served and served.group(1) == count
    pushed = re.search(r"pushed (\d+) triples in (\d+) graphs", README)
    assert pushed and pushed.groups() == (count, graphs)


def test_a_wrong_readme_line_is_caught() -> None:
    """The matcher is strict where the README is not elided."""
    assert matches(["a", ELLIPSIS, "d"], ["a", "b", "c", "d"])
    assert matches(["abc…"], ["abcdef"])
    assert not matches(["a", "b"], ["a", "c"])
    assert not matches(["a"], ["a", "b"])
    assert not matches(["abd…"], ["abcdef"])


def test_readme_paths_exist() -> None:
    """Files the README links to are in the repository."""
    missing = [
        link
        for link in re.findall(r"\]\(([^)#:]+)\)", README)
        if not (REPO / link).exists() and not link.startswith("http")
    ]
    assert missing == []
