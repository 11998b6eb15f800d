"""The first SPARQL query after a change: the store loaded while a child checks and
compiles (dipgraph.cache.child). Same answer as warm, a whole entry, errors located."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import dipgraph
from conftest import REPO
from dipgraph.cache.child import ToParent
from dipgraph.graph.quad_stream import QuadsAsChecked
from dipgraph.graph.to_rdf import compile_quads
from dipgraph.loader import check_in_stages

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def compiled_as_checked(folder: Path) -> tuple[list[str], list[str]]:
    """The lines QuadsAsChecked writes while ``folder`` is checked, and compile_quads'."""
    kg = dipgraph.load(folder)
    lines: list[str] = []
    quads = QuadsAsChecked(kg.model, lines.append, kg.base)
    staged = check_in_stages(folder, each_file=quads.add_file)
    assert not staged.has_errors()
    count = quads.finish(staged.facts)
    assert not [p for p in staged.finish() if p.severity == "error"]
    assert count == len(lines) == len(set(lines))
    return lines, list(compile_quads(kg.facts, kg.model, kg.base).nquads_lines())


@pytest.mark.parametrize("folder", ["tests/fixtures/small", "tests/fixtures/sides", "facts"])
def test_quads_compiled_file_by_file_are_the_compiled_ones(folder: str) -> None:
    lines, expected = compiled_as_checked(REPO / folder)
    assert sorted(lines) == sorted(expected)


def test_compiling_file_by_file_waits_for_what_later_files_declare(tmp_path: Path) -> None:
    """Topics and places declared in the last file, where the reading order's guess
    misses them; two holdings of one position with different labels, the second
    file read first (it declares the source): the quads are still compile_quads'
    (the position described from its first holding in the facts' order)."""
    (tmp_path / "a-people.yaml").write_text(
        "actors:\n"
        "  - {id: ann, kind: person, names: {en: Ann}}\n"
        "  - {id: bob, kind: person, names: {en: Bob}}\n"
        "  - {id: acme, kind: organization, names: {en: Acme}}\n"
        "statements:\n"
        "  - id: said-1\n    speaker: ann\n    kind: said\n    about: [trade, bob]\n"
        "    summary: Ann spoke.\n"
        "    evidence: [{source: s1, quote: Ann spoke on trade and Bob}]\n"
        "posts:\n"
        "  - id: post-1\n    holder: ann\n    organization: acme\n"
        "    post: {en: Chair, fr: Présidente}\n"
        "    evidence: [{source: s1, quote: Ann chairs Acme}]\n",
        encoding="utf-8",
    )
    (tmp_path / "b-more.yaml").write_text(
        "posts:\n"
        "  - id: post-2\n    holder: bob\n    organization: acme\n"
        "    post: {en: Chair, fr: Président}\n"
        "    evidence: [{source: s1, quote: Bob chairs Acme}]\n"
        "contacts:\n"
        "  - id: met-1\n    type: meeting\n    participants: [ann, bob]\n    date: 2020\n"
        "    place: town\n    summary: Ann met Bob.\n"
        "    evidence: [{source: s1, quote: Ann and Bob met in 2020 in Town}]\n"
        "sources:\n"
        "  - {id: s1, title: Paper, language: en, file: s1.txt}\n",
        encoding="utf-8",
    )
    (tmp_path / "c-named.yaml").write_text(  # a flow mapping: not read first
        "{topics: [{id: trade, names: {en: Trade}}],\n"
        " places: [{id: town, names: {en: Town}, in: hamlet},\n"
        "          {id: hamlet, names: {en: Hamlet}}]}\n",
        encoding="utf-8",
    )
    (tmp_path / "s1.txt").write_text(
        "Ann spoke on trade and Bob. Ann chairs Acme. Bob chairs Acme. "
        "Ann and Bob met in 2020 in Town.",
        encoding="utf-8",
    )
    _, problems = dipgraph.check(tmp_path)
    assert not [p for p in problems if p.severity == "error"], problems
    lines, expected = compiled_as_checked(tmp_path)
    assert sorted(lines) == sorted(expected)
    described = [line for line in lines if "/position/" in line.split()[0]]
    assert any('"Pr\u00e9sidente"@fr' in line for line in described)
    assert not any('"Pr\u00e9sident"@fr' in line for line in described)


def sparql(facts: Path, cache: Path, *query: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DIPGRAPH_CACHE_DIR": str(cache), "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "dipgraph", "sparql", *query, "--facts", str(facts)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def entry_files(cache: Path) -> list[str]:
    return sorted(str(p.relative_to(cache)).split("/", 1)[-1] for p in cache.rglob("*.*"))


@pytest.mark.slow
def test_a_cold_answer_is_the_warm_answer_and_leaves_a_whole_entry(
    small_copy: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    for fmt in ("json", "csv"):
        cold = sparql(small_copy, cache, "who-talked-to-whom", "--format", fmt)
        assert cold.returncode == 0, cold.stderr
        assert cold.stderr == ""
        (entry,) = [p for p in cache.iterdir() if p.is_dir()]  # no leftover folder
        assert sorted(p.name for p in entry.iterdir()) == ["data.nq", "index.sqlite"]
        assert all(p.stat().st_mode & 0o777 == 0o600 for p in entry.iterdir())
        warm = sparql(small_copy, cache, "who-talked-to-whom", "--format", fmt)
        assert warm.returncode == 0 and warm.stdout == cold.stdout
        assert "boris-belov" in cold.stdout
        fresh = cache.parent / "fresh"  # and the same again without any cache at all
        env = {**os.environ, "DIPGRAPH_NO_CACHE": "1", "PYTHONPATH": str(REPO)}
        bare = subprocess.run(
            [
                sys.executable,
                "-m",
                "dipgraph",
                "sparql",
                "who-talked-to-whom",
                "--facts",
                str(small_copy),
                "--format",
                fmt,
            ],
            env={**env, "DIPGRAPH_CACHE_DIR": str(fresh)},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert bare.stdout == cold.stdout
        shutil.rmtree(cache)  # cold again for the next format


def test_a_cold_query_on_bad_facts_reports_every_error_located(
    small_copy: Path, tmp_path: Path
) -> None:
    (small_copy / "broken.yaml").write_text(
        "actors:\n  - id: Not An Id\n    kind: person\n", encoding="utf-8"
    )
    cache = tmp_path / "cache"
    done = sparql(small_copy, cache, "who-talked-to-whom")
    assert done.returncode == 1
    assert "broken.yaml:2:" in done.stderr and "Traceback" not in done.stderr
    assert not [p for p in cache.iterdir() if p.is_dir() and not p.name.startswith(".")]


def test_a_child_that_dies_midstream_leaves_no_store_and_no_entry(
    small_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    """Half the quads streamed, then the child dies: the half store is thrown away, the
    answer comes from a full compile in this process, and no entry is kept."""
    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    real = ToParent.write

    def dies(self: ToParent, chunk: bytes) -> None:  # runs in the forked child
        real(self, chunk[: len(chunk) // 2])  # half a chunk, cut within a line
        self._data.flush()
        os._exit(9)

    monkeypatch.setattr(ToParent, "write", dies)
    kg = dipgraph.load(small_copy, cache=True, prepare_store=True)
    expected = dipgraph.load(small_copy).store
    assert len(kg.store) == len(expected) > 400
    (entry,) = [p for p in (tmp_path / "cache").iterdir() if p.is_dir()]
    # the fallback made the entry itself, with the N-Quads it compiled whole
    assert kg.entry is not None and kg.entry.directory == entry
    monkeypatch.setattr(ToParent, "write", real)
    again = dipgraph.load(small_copy, cache=True, prepare_store=True)
    counts = {str(next(iter(s.query(COUNT)))["n"].value) for s in (kg.store, again.store)}
    assert counts == {str(len(expected))}


READS_ANYTHING = "SELECT ?o WHERE { ?s ?p ?o }"  # the whole store, loaded while checked


@pytest.mark.slow
@pytest.mark.parametrize("query", [READS_ANYTHING, "who-talked-to-whom"])
def test_when_the_answer_is_out_and_the_entry_written(
    small_copy: Path, tmp_path: Path, query: str
) -> None:
    """With the whole store, the query runs while the child writes the rest of the entry
    (slowed down here): standard output ends with the answer, and the process waits for
    the child before it exits. With a store of what the query reads
    (dipgraph.graph.sparql.footprint), the query waits until the child has written all
    but the facts: the child's memory is then given back before the query's grows."""
    script = (
        "import sys, time\n"
        "import dipgraph.cached_graph as cached\n"
        "real = cached.parts.fill\n"
        "def slow(kg, *rest):\n"
        "    fill = real(kg, *rest)\n"
        "    def slowly(writer):\n"
        "        time.sleep(3)\n"
        "        fill(writer)\n"
        "    return slowly\n"
        "cached.parts.fill = slow\n"
        "cached.FIRST_QUERY_FROM_BYTES = 0  # the fixture is small\n"
        "sys.argv = ['dipgraph', *sys.argv[1:]]\n"
        "import dipgraph.cli\n"
        "dipgraph.cli.main()\n"
    )
    cache = tmp_path / "cache"
    env = {**os.environ, "DIPGRAPH_CACHE_DIR": str(cache), "PYTHONPATH": str(REPO)}
    started = time.perf_counter()
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            script,
            "sparql",
            query,
            "--facts",
            str(small_copy),
            "--format",
            "json",
        ],
        env=env,
        stdout=subprocess.PIPE,
    )
    assert child.stdout is not None
    answer = child.stdout.read()
    answered = time.perf_counter() - started
    written = [p for p in cache.iterdir() if p.is_dir() and not p.name.startswith(".")]
    assert child.wait(timeout=120) == 0
    exited = time.perf_counter() - started
    if query == READS_ANYTHING:
        assert not written
        assert exited - answered > 2.0  # it waited for the slowed entry...
    else:
        assert answered > 3.0  # it waited for the slowed entry
    (entry,) = [p for p in cache.iterdir() if p.is_dir()]  # ...which is now whole
    assert sorted(p.name for p in entry.iterdir()) == ["data.nq", "index.sqlite"]
    assert answer.startswith(b"{") and b"belov" in answer


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [  # errors only the checks across files find: they run after the quads are streamed
        ("from 2019 until 2021.", "from 2019 until 2022.", "facts.yaml:10:"),
        ("[alice-adams, boris-belov]", "[alice-adams, nobody-known]", "facts.yaml:15:"),
    ],
)
def test_an_error_found_after_streaming_drops_the_store(
    small_copy: Path, tmp_path: Path, old: str, new: str, where: str
) -> None:
    facts = small_copy / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    assert old in text
    facts.write_text(text.replace(old, new), encoding="utf-8")
    past = time.time() - 120  # else the child keeps nothing (edited while read) and
    os.utime(facts, (past, past))  # streams nothing: this path would go untested
    cache = tmp_path / "cache"
    done = sparql(small_copy, cache, "who-talked-to-whom")
    assert done.returncode == 1 and done.stdout == ""
    assert where in done.stderr and "Traceback" not in done.stderr
    # (each file's own check is kept, errors included: files.sqlite; compiled.sqlite
    # remembers that this folder's store was asked for)
    left = [p for p in cache.iterdir() if not p.name.startswith("key-")]
    assert {p.name for p in left} <= {"files.sqlite", "compiled.sqlite"}


@pytest.mark.parametrize(
    ("old", "new", "errs"),
    [
        ("from 2019 until 2021.", "from 2019 until 2022.", True),  # quote not in source
        ("[alice-adams, boris-belov]", "[alice-adams, nobody-known]", True),  # reference
        ("  - id: adams-secretary\n", "  - id: adams-secretary\n", False),  # clean
    ],
)
def test_the_errors_only_verdict_is_the_full_checks_verdict(
    small_copy: Path, old: str, new: str, errs: bool
) -> None:
    """What the cold start's child runs (finds_errors, skipping the checks that only
    warn) says 'error' exactly when the full checks find one."""
    (small_copy / "unused.yaml").write_text(  # a warning only: not an error
        "actors:\n  - {id: nobody-cites, kind: person, names: {en: Nobody Cites}}\n",
        encoding="utf-8",
    )
    facts = small_copy / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    full = check_in_stages(small_copy).finish()
    assert any(p.severity == "warning" and "nobody-cites" in p.message for p in full)
    assert any(p.severity == "error" for p in full) is errs
    staged = check_in_stages(small_copy)
    assert staged.finds_errors() is errs
    with pytest.raises(RuntimeError):
        staged.finish()  # its problems would lack the warnings


def test_a_cold_answer_is_read_before_the_verdict_and_given_after_it(tmp_path: Path) -> None:
    """CachedGraph.answer on a store still being checked: the query is read first,
    the checks' verdict waited for next; only a passing verdict lets that answer out."""
    import pyoxigraph

    from dipgraph.cached_graph.graph import CachedGraph
    from dipgraph.loader import FactsError, load_facts

    order: list[str] = []
    ask = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

    def read(result) -> int:
        order.append("read")
        return int(next(iter(result))["n"].value)

    def verdict(ok: bool):
        def passed() -> bool:
            order.append("verdict")
            return ok

        return passed

    checked = dipgraph.load(REPO / "tests/fixtures/small")
    unchecked = pyoxigraph.Store()  # what a child that then fails may have streamed
    unchecked.add(pyoxigraph.Quad(*(pyoxigraph.NamedNode("urn:x") for _ in range(3))))

    def reload():
        raise AssertionError("no entry was damaged: nothing is read again")

    kg = CachedGraph(checked.facts, checked.base, reload)
    kg.hold_unchecked_store(unchecked, verdict(True))
    assert kg.answer(ask, read) == 1 and order == ["read", "verdict"]
    assert kg.store is unchecked

    order.clear()  # the verdict fails, the facts are clean: compiled again, asked again
    kg = CachedGraph(checked.facts, checked.base, reload)
    kg.hold_unchecked_store(unchecked, verdict(False))
    assert kg.answer(ask, read) == len(checked.store) > 1
    assert order == ["read", "verdict", "read"]

    shutil.copytree(REPO / "tests/fixtures/small", tmp_path / "bad")
    (tmp_path / "bad" / "broken.yaml").write_text(
        "actors:\n  - id: Not An Id\n    kind: person\n", encoding="utf-8"
    )
    kg = CachedGraph(lambda: load_facts(tmp_path / "bad"), checked.base, reload)
    kg.hold_unchecked_store(unchecked, verdict(False))
    with pytest.raises(FactsError):  # the verdict fails, the facts have errors
        kg.answer(ask, read)


def test_standard_output_ends_with_the_answer_not_with_the_process() -> None:
    """end_output: a reader sees the end of the answer while the process still has work
    left (freeing its store, waiting for a child), here a read of its standard input that
    lasts until the test closes it: no clock is involved."""
    script = (
        "import sys\n"
        "from dipgraph.cli.sparql_view import end_output\n"
        "print('answer')\n"
        "end_output()\n"
        "print('lost')\n"
        "sys.stdin.read()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-c", script], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert child.stdout is not None and child.stdin is not None
    assert child.stdout.read() == b"answer\n"  # end of file: the answer is whole
    assert child.poll() is None  # ...while the process still waits for its input
    child.stdin.close()
    assert child.wait(timeout=60) == 0


def test_a_cold_graph_is_freed_when_dropped(small_copy: Path, tmp_path: Path, monkeypatch) -> None:
    """No reference cycle keeps a cold start's graph (and its store, 1.5 GiB at 100k
    contacts) alive once its user lets go of it: it goes without a cyclic collection."""
    import gc
    import weakref

    from dipgraph.cache.child import finish_children

    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    kg = dipgraph.load(small_copy, cache=True, prepare_store=True)
    assert kg.answer("ASK { ?s ?p ?o }", bool)  # what `dipgraph sparql` asks of it
    gone = weakref.ref(kg)
    gc.disable()
    try:
        del kg
        assert gone() is None
    finally:
        gc.enable()
        finish_children()


def lengthen_the_quote_checks(facts: Path) -> None:
    """A long source text: the child's checks of quotes then take over half a second."""
    wire = facts / "sources" / "wire.txt"
    words = " ".join(f"word{i}" for i in range(2_000_000))
    wire.write_text(wire.read_text(encoding="utf-8") + "\n" + words, encoding="utf-8")
    past = time.time() - 120  # else the child keeps nothing (edited while read)
    os.utime(wire, (past, past))


@pytest.mark.slow
def test_a_cold_query_stopped_by_its_timeout_still_leaves_the_entry(
    small_copy: Path, tmp_path: Path
) -> None:
    """--timeout stops the query, not the child: the checks and the entry go on (the
    query process is gone when the child says 'ok')."""
    lengthen_the_quote_checks(small_copy)
    cache = tmp_path / "cache"
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    done = sparql(small_copy, cache, slow, "--timeout", "0.5")
    assert done.returncode == 1 and "stopped after 0.5 s" in done.stderr, done.stderr
    assert "cache not written" not in done.stderr
    deadline = time.monotonic() + 60
    while not [p for p in cache.iterdir() if p.is_dir() and not p.name.startswith(".")]:
        assert time.monotonic() < deadline, "no entry was written"
        time.sleep(0.2)
    (entry,) = [p for p in cache.iterdir() if p.is_dir() and not p.name.startswith(".")]
    assert sorted(p.name for p in entry.iterdir()) == ["data.nq", "index.sqlite"]


@pytest.mark.slow
def test_the_timeout_of_a_cold_query_does_not_count_the_checks(
    small_copy: Path, tmp_path: Path
) -> None:
    """The query is timed, not the wait for the child's last checks (as a warm query
    is timed once its store is loaded)."""
    lengthen_the_quote_checks(small_copy)
    done = sparql(small_copy, tmp_path / "cache", "who-talked-to-whom", "--timeout", "0.5")
    assert done.returncode == 0, done.stderr
    assert "boris-belov" in done.stdout


def test_a_full_disk_costs_the_cache_not_the_fast_answer(
    small_copy: Path, tmp_path: Path, monkeypatch, capfd
) -> None:
    """The entry's N-Quads file cannot be written (ENOSPC): the lines still reach the
    store, the checks still vouch for it, and no entry is kept; nothing is checked or
    compiled again in this process."""
    import contextlib
    import errno
    import warnings

    import dipgraph.cached_graph as cached
    from dipgraph.cache import Draft
    from dipgraph.cache.child import finish_children
    from dipgraph.cli import failures
    from dipgraph.errors import DipgraphWarning

    class Full:
        def write(self, chunk: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        def close(self) -> None:
            pass

    @contextlib.contextmanager
    def full(self: Draft):
        yield Full()

    def no_second_check(*args, **kwargs):
        raise AssertionError("the facts were checked again in the query process")

    monkeypatch.setattr(Draft, "nquads", full)  # the forked child inherits both
    monkeypatch.setattr(cached, "load_facts", no_second_check)
    # Warnings shown as the command line shows them (pytest records them instead, and
    # the forked child, which inherits this, has no one to hand its record to).
    monkeypatch.setattr(warnings, "showwarning", failures._show_warning)
    warnings.simplefilter("always", DipgraphWarning)  # pytest restores the filters
    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    kg = dipgraph.load(small_copy, cache=True, prepare_store=True)
    count = kg.answer(COUNT, lambda result: int(next(iter(result))["n"].value))
    finish_children()
    assert count == len(dipgraph.load(small_copy).store) > 400
    assert not [p for p in (tmp_path / "cache").iterdir() if p.is_dir()]
    assert "cache not written (No space left on device)" in capfd.readouterr().err


def test_a_killed_cold_query_leaves_a_child_that_says_nothing(
    small_copy: Path, tmp_path: Path
) -> None:
    """The query command is killed while its child streams the quads: the child stops
    at its next write, silently (it printed "cache not written (Broken pipe)" to the
    terminal seconds after the command had ended), and leaves no half-written entry."""
    script = (
        "import os, sys, time\n"
        "import dipgraph.cache.child as child\n"
        "command = os.getpid()\n"
        "real = child.ToParent.write\n"
        "def late(self, chunk):  # in the child: write once the command is gone\n"
        "    while os.getppid() == command:\n"
        "        time.sleep(0.02)\n"
        "    real(self, chunk)\n"
        "child.ToParent.write = late\n"
        "sys.argv = ['dipgraph', *sys.argv[1:]]\n"
        "import dipgraph.cli\n"
        "dipgraph.cli.main()\n"
    )
    cache = tmp_path / "cache"
    env = {**os.environ, "DIPGRAPH_CACHE_DIR": str(cache), "PYTHONPATH": str(REPO)}
    log = tmp_path / "stderr"
    with log.open("wb") as stderr:
        command = subprocess.Popen(
            [sys.executable, "-c", script, "sparql", COUNT, "--facts", str(small_copy)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    tasks = Path(f"/proc/{command.pid}/task")
    deadline = time.monotonic() + 60
    while not (kids := [c for t in tasks.iterdir() for c in _children(t)]):
        assert command.poll() is None and time.monotonic() < deadline, log.read_text()
        time.sleep(0.02)
    command.kill()
    command.wait()
    while Path(f"/proc/{kids[0]}").exists() and _state(kids[0]) != "Z":
        assert time.monotonic() < deadline, "the child outlived the command"
        time.sleep(0.05)
    assert log.read_text(encoding="utf-8") == ""
    assert not [p for p in cache.iterdir() if p.is_dir()]  # no entry, no building folder


def _children(task: Path) -> list[int]:
    try:
        return [int(pid) for pid in (task / "children").read_text().split()]
    except OSError:
        return []


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"
