"""The command line as a whole: version, completion, messages that name what the user
gave, output files listed, a closed pipe, the browser tests' skip rule, the licence
metadata."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CACHE_DIR, REPO, TESTS


def test_version(cli) -> None:
    import dipgraph

    result = cli("--version")
    assert result.code == 0
    assert result.out.strip() == f"dipgraph {dipgraph.__version__}"


def test_shell_completion_is_on() -> None:
    """The bash completion script is offered, and completing 'ta' gives 'talks'."""
    program = "import sys; sys.argv[0] = 'dipgraph'; from dipgraph.cli import main; main()"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    # typer takes the shell from the process tree (shellingham), not from an argument:
    # run under bash, as a user's terminal would, so that a detached test run finds one.
    shown = subprocess.run(
        ["bash", "-c", '"$0" -c "$1" --show-completion; exit $?', sys.executable, program],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert shown.returncode == 0 and "_DIPGRAPH_COMPLETE" in shown.stdout
    completed = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        env={**env, "_DIPGRAPH_COMPLETE": "complete_bash", "COMP_WORDS": "dipgraph ta"}
        | {"COMP_CWORD": "1"},
        timeout=60,
    )
    assert completed.stdout.split() == ["talks"]


def test_unknown_topic_says_topic(cli) -> None:
    result = cli("talks", "--topic", "nukes")
    assert result.code == 1
    assert "error: 'nukes' matches no topic" in result.err
    assert "actor" not in result.err


def test_actor_kind_is_validated(cli) -> None:
    result = cli("actors", "--kind", "persons")
    assert result.code == 1
    assert "error: unknown actor kind 'persons'; choose from: person, organization, state" in (
        result.err
    )
    assert cli("actors", "--kind", "Person", "--format", "json").json()  # case folded


def test_show_csv_keeps_the_mentioned_in_rows(cli) -> None:
    profile = cli("show", "Ushakov", "--format", "json").json()
    assert profile["mentioned_in"], "the bundled data mentions Ushakov in statements"
    rows = cli("show", "Ushakov", "--format", "csv").out.splitlines()
    mentioned = [row for row in rows if row.startswith("mentioned,")]
    assert [row.split(",")[1] for row in mentioned] == [s["id"] for s in profile["mentioned_in"]]


def test_build_all_lists_every_file_written(cli, tmp_path: Path) -> None:
    result = cli("build", "--formats", "all", "--out", tmp_path / "out")
    assert result.code == 0, result.err
    listed = {Path(line.removeprefix("wrote ")).name for line in result.out.splitlines()}
    on_disk = {path.name for path in (tmp_path / "out").iterdir()}
    assert "dipgraph-edges.csv" in listed
    assert listed == on_disk


BROWSER_TEST = """
def test_needs_a_browser(browser):
    assert browser
"""


@pytest.mark.parametrize(
    ("ci", "outcome", "exit_code"), [("", "1 skipped", 0), ("true", "1 error", 1)]
)
def test_browser_tests_skip_outside_ci_and_fail_in_ci(
    tmp_path: Path, ci: str, outcome: str, exit_code: int
) -> None:
    """A pytest run of one browser test with no Chromium anywhere: skipped with the
    reason outside CI; in CI (CI=true) the run fails."""
    shutil.copy(TESTS / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_browser_needed.py").write_text(BROWSER_TEST, encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "PATH": str(tmp_path),  # no chromium on this PATH
        "DIPGRAPH_CHROMIUM": "",
        "CI": ci,
    }
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-rs", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert outcome in done.stdout, done.stdout
    assert done.returncode == exit_code
    assert "Chromium not found: apt-get install chromium" in done.stdout


def test_license_file_matches_the_metadata() -> None:
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "Copyright (c) 2026 dipgraph authors" in text
    assert 'license = "MIT"' in (REPO / "pyproject.toml").read_text(encoding="utf-8")


def test_pyoxigraph_floor_has_json_ld() -> None:
    """pyoxigraph 0.4.9 has no RdfFormat.JSON_LD (build --formats jsonld crashed on it);
    0.4.10 is the first with it (measured: build --formats all and the RDF tests pass)."""
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    floor = re.search(r'"pyoxigraph>=([0-9.]+)"', pyproject)
    assert floor is not None
    assert tuple(map(int, floor[1].split("."))) >= (0, 4, 10)
    import pyoxigraph

    assert hasattr(pyoxigraph.RdfFormat, "JSON_LD")


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["talks"],
        ["talks", "--format", "csv"],
        ["show", "Lavrov"],
        ["actors"],
        ["stats"],
        ["sparql", "who-talked-to-whom"],
        ["path", "Burns", "Lavrov"],
    ],
    ids=" ".join,
)
def test_a_closed_pipe_ends_quietly_and_the_same_way(args: list[str]) -> None:
    """`dipgraph talks | true`: the first write fails; no traceback, no message, exit 1
    (click's answer; the entry point's own handler now gives the same, it gave 0)."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "DIPGRAPH_CACHE_DIR": str(CACHE_DIR)}
    reader, writer = os.pipe()
    os.close(reader)  # the reader has gone before anything is written
    try:
        done = subprocess.run(
            [sys.executable, "-m", "dipgraph", *args],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=REPO,
            timeout=120,
        )
    finally:
        os.close(writer)
    assert (done.returncode, done.stderr) == (1, "")


@pytest.mark.parametrize(
    "command",
    [
        ["build", "--formats", "ttl"],
        ["html"],
    ],
)
def test_an_output_path_that_cannot_be_made_is_a_message(
    cli, small_copy: Path, command: list[str]
) -> None:
    blocker = small_copy / "facts.yaml"  # a file where a folder would have to be
    out = blocker / ("out" if command[0] == "build" else "page.html")
    result = cli(*command, "--out", out, "--facts", small_copy)
    assert result.code == 1, result
    assert "Traceback" not in result.err, result.err
    assert f"error: cannot write {out}" in result.err


def test_a_host_serve_cannot_use_is_a_message(cli, small_copy: Path) -> None:
    result = cli("serve", "--host", "no such\x1b[31mhost", "--port", "0", "--facts", small_copy)
    assert result.code == 1, result
    assert "Traceback" not in result.err, result.err
    assert "cannot listen on no such\\x1b[31mhost" in result.err
    assert "\x1b" not in result.err


def _entry_point_with_ctrl_c_in(
    module: str, signalled: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run the console script's code with a Ctrl-C raised while ``module`` is imported
    (a real Ctrl-C lands at a moment no test can choose; this one lands at a known one),
    or, ``signalled``, a real SIGINT sent to the process then."""
    interrupt = "os.kill(os.getpid(), signal.SIGINT)" if signalled else "raise KeyboardInterrupt"
    program = f"""
import os, signal, sys

class CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            {interrupt}

sys.meta_path.insert(0, CtrlC())
sys.argv = ["dipgraph", "talks", "Putin"]
from dipgraph.cli import main
main()
"""
    env = {**os.environ, "PYTHONPATH": str(REPO), "DIPGRAPH_CACHE_DIR": str(CACHE_DIR)}
    return subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=env, timeout=60
    )


@pytest.mark.parametrize("module", ["dipgraph.cli.commands", "typer", "dipgraph.process_memory"])
def test_ctrl_c_while_the_commands_import_ends_quietly(module: str) -> None:
    """Exit 130, as a shell reports SIGINT, and no traceback, however early it comes."""
    result = _entry_point_with_ctrl_c_in(module)
    assert (result.returncode, result.stderr) == (130, "")


def test_ctrl_c_while_a_command_runs_exits_130() -> None:
    """A real SIGINT inside a running command: 130 and no traceback, as at start-up (typer
    0.28 exits 130 on KeyboardInterrupt; click alone would say "Aborted!" and exit 1)."""
    result = _entry_point_with_ctrl_c_in("dipgraph.cached_graph", signalled=True)
    assert result.returncode == 130 and "Traceback" not in result.stderr, result.stderr


def test_importing_the_package_imports_no_library() -> None:
    """``import dipgraph`` (what the console script does first, before any Ctrl-C can be
    handled) reads no YAML, graph or loader module: the rest of the API loads on use."""
    program = (
        "import sys, dipgraph\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('yaml', 'rdflib', 'networkx', 'pyoxigraph', 'typer', 'click') "
        "or m.startswith(('dipgraph.loader', 'dipgraph.graph'))))\n"
        "print(dipgraph.FactsError.__name__, dipgraph.suggest.__name__)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    shown = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=env, timeout=60
    )
    assert shown.stdout.splitlines() == ["[]", "FactsError suggest"], shown.stderr
