"""Tables on a narrow terminal: a grid that would fold ids and squeeze prose into a
10-character column prints each row as a record instead (psql's expanded display)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from rich.cells import cell_len

from conftest import BUNDLED, REPO, run_cli


def run(width: int, *args: str) -> list[str]:
    done = run_cli(*args, "--facts", BUNDLED, columns=width)
    assert done.code == 0, done.err
    return done.out.splitlines()


def test_at_80_columns_talks_prints_records_with_whole_ids_and_readable_prose() -> None:
    lines = run(80, "talks", "Lavrov", "--any-status")
    assert lines[0] == "2 contact(s)"
    rules = [line for line in lines if line.endswith("─")]
    assert [r.split()[0] for r in rules] == [
        "lavrov-tillerson-regular-meetings",
        "two-plus-two-meetings-proposed",
    ]  # each id whole, on its own rule
    summary = next(i for i, line in enumerate(lines) if line.startswith("summary  "))
    assert lines[summary].startswith("summary  Antonov refers to the regular meetings")
    assert lines[summary + 1].startswith(" " * 9 + "and Tillerson")  # folded under itself
    assert all(len(line) <= 80 and line == line.rstrip() for line in lines)
    assert not any("┃" in line or "│" in line for line in lines)  # no grid


def test_a_record_shows_only_the_columns_that_have_a_value() -> None:
    lines = run(80, "talks", "Lavrov", "--any-status")
    first = lines[2 : lines.index(next(r for r in lines[2:] if r.endswith("─")))]
    assert [line.split()[0] for line in first if not line.startswith(" ")] == [
        "date",
        "type",
        "sides",
        "status",
        "summary",  # no topics: it has none
    ]


def test_a_wide_terminal_keeps_the_grid() -> None:
    lines = run(200, "talks", "Lavrov", "--any-status")
    assert lines[0].startswith("2 contact(s)") and any("┃ date" in line for line in lines)
    assert any("│ lavrov-tillerson-regular-meetings │" in line for line in lines)


def test_path_hops_become_records_at_100_columns() -> None:
    lines = run(100, "path", "Trump", "Biden")
    assert lines[0] == "path 1 (2 hops): Donald Trump → Vladimir Putin → Joe Biden"
    starts = [line for line in lines if line.startswith("from ")]
    assert [line.split()[1] for line in starts] == ["donald-trump", "vladimir-putin"]
    assert "fact      putin-trump-hamburg-meeting" in lines


def test_a_grid_that_only_wraps_words_stays_a_grid() -> None:
    """stats at 80 columns: its total label wraps at a space, no id is cut: a grid."""
    lines = run(80, "stats")
    assert any(line.startswith("│ src-001-antonov-kommersant ") for line in lines)
    assert any(line.startswith("│ total (5 sources") for line in lines)


def run_piped(*args: str) -> list[str]:
    """The CLI writing into a pipe (| less, | head) with no COLUMNS set."""
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    done = subprocess.run(
        [sys.executable, "-m", "dipgraph", *args, "--facts", str(BUNDLED)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


@pytest.mark.slow
def test_piped_tables_fit_80_columns() -> None:
    for args in (("talks",), ("actors",), ("show", "Lavrov"), ("path", "Trump", "Biden")):
        lines = run_piped(*args)
        assert lines and max(map(cell_len, lines)) <= 80, args


def test_show_gives_each_contact_its_status() -> None:
    lines = run(80, "show", "Lavrov")
    rules = [line.split()[0] for line in lines if line.endswith("─")]
    at = {ident: lines.index(next(x for x in lines if x.startswith(ident))) for ident in rules}
    assert lines[at["two-plus-two-meetings-proposed"] + 1] == "status       proposed"
    assert lines[at["lavrov-tillerson-regular-meetings"] + 1] == "status       happened"


def test_path_says_each_hops_summary_and_a_status_that_is_not_happened() -> None:
    lines = run(100, "path", "Trump", "Biden")
    assert any(line.startswith("summary   The first meeting of Putin and Trump") for line in lines)
    lines = run(100, "path", "Lavrov", "Shoigu", "--any-status")
    assert any(line.startswith("relation") and "(proposed)" in line for line in lines)
