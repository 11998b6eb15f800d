"""An incremental check (each file's check kept by its content) says exactly what a
full check says, over random sequences of edits."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import time
from pathlib import Path

import pytest

import dipgraph
import dipgraph.cache as cache
from conftest import REPO
from dipgraph.cache import CacheEntry, entry_for
from dipgraph.cache.records import encode_facts
from dipgraph.cache.tables import Tables, TableWriter
from dipgraph.cached_graph import check_cached
from dipgraph.cached_graph.check_report import check_report
from dipgraph.cached_graph.parts import fill
from dipgraph.curation import with_curation
from dipgraph.facts import RECORD_TYPES
from dipgraph.graph.iris import DEFAULT_BASE
from dipgraph.graph.knowledge import KnowledgeGraph
from dipgraph.graph.to_rdf import compile_quads
from dipgraph.loader import check_facts, fact_files


@pytest.fixture
def spy(monkeypatch):
    """``spy(owner, name, noted)``: ``owner.name`` replaced by a function that runs it
    and appends ``noted(*args)`` (by default its first argument) to the list returned."""

    def watch(owner: object, name: str, noted=lambda first, *rest: first) -> list:
        calls: list = []
        real = getattr(owner, name)

        def spied(*args, **kwargs):
            calls.append(noted(*args))
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, spied)
        return calls

    return watch


MOVED = """  - id: adams-dorin-message
    type: message
    participants: [alice-adams, dmitri-dorin]
    initiated_by: alice-adams
    date: 2022-01
    status: proposed
    summary: Adams proposed sending a message to Dorin.
    evidence:
      - source: wire
        quote: Adams proposed to send a message to Dorin in January 2022.
"""
QUOTE = "Secretary Alice Adams spoke by telephone with Minister Boris Belov in March 2020."
ACTORS = ["alice-adams", "boris-belov", "carol-clark", "dmitri-dorin", "vladimir-putin"]
EXTRAS = {  # files of other kinds, each exercising a check across files
    "lookalike": "actors:\n  - id: boris-belov-2\n    kind: person\n"
    "    names: {en: Boris Bel\u043ev}\n",
    "cycle": "topics:\n  - id: loop-a\n    names: {en: loop a}\n    broader: loop-b\n"
    "  - id: loop-b\n    names: {en: loop b}\n    broader: loop-a\n",
    "broken": "contacts:\n  - id: [unclosed\n",
    "quote": "contacts:\n  - id: bad-quote\n    type: meeting\n"
    "    participants: [alice-adams, boris-belov]\n    summary: s\n"
    "    evidence:\n      - source: wire\n        quote: words that are in no source\n",
}


TOGGLES = {
    # a line no quote covers (rule 2), which also prints a name
    "text": (
        "sources/wire.txt",
        "arms control.\n",
        "arms control.\nCarol Clark met Dmitri Dorin again in Geneva last week.\n",
    ),
    # a shorter quote, still in the text: a passage left uncovered, the parties unnamed
    "quote": (
        "facts.yaml",
        "quote: In 2019 Clark held talks with Dmitri Dorin about arms control.",
        "quote: arms control.",
    ),
    # an alias printed nowhere (rule 8)
    "alias": (
        "people/actors.yaml",
        "names: {en: Carol Clark}",
        "names: {en: Carol Clark}\n    aliases: {en: [Carol C]}",
    ),
}


def contact(rng: random.Random, known: bool = False) -> str:
    """An added contact; ``known``: its id new, its parties known (no error)."""
    a, b = rng.sample(ACTORS, 2)
    if not known and rng.random() < 0.15:
        b = "nobody-known"  # an unknown reference
    ident = f"extra-{rng.randrange(10**9 if known else 6)}"
    return (
        f"  - id: {ident}\n    type: meeting\n    participants: [{a}, {b}]\n"
        f"    summary: Extra meeting {rng.randrange(1000)}.\n    evidence:\n"
        f"      - source: wire\n        quote: {QUOTE}\n"
    )


def extras(root: Path) -> list[Path]:
    return sorted((root / "extra").rglob("*.yaml")) if (root / "extra").exists() else []


EDITS = ["add", "add", "change", "delete", "rename", "move", "break", "repair", "extra", *TOGGLES]


def edit(root: Path, rng: random.Random, step: int, choices: list[str] = EDITS) -> Path | None:
    """One random edit among ``choices``; the file it wrote, if any. Without "extra",
    every added contact names known actors."""
    facts = root / "facts.yaml"
    files = extras(root)
    choice = rng.choice(choices)
    known = "extra" not in choices
    target = root / "extra" / f"e{step}.yaml"
    if choice == "add" or (not files and choice in ("change", "delete", "rename")):
        target.parent.mkdir(exist_ok=True)
        target.write_text("contacts:\n" + "".join(contact(rng, known) for _ in range(2)), "utf-8")
        return target
    if choice == "extra":
        target.parent.mkdir(exist_ok=True)
        target.write_text(EXTRAS[rng.choice(sorted(EXTRAS))], "utf-8")
        return target
    if choice == "change":
        path = rng.choice([*files, facts])
        text = path.read_text("utf-8")
        edited = re.sub(r"summary: (.*)", rf"summary: \1 ({step})", text, count=1)
        path.write_text(edited, "utf-8")
        return path
    if choice == "delete":
        rng.choice(files).unlink()
        return None
    if choice == "rename":
        path = rng.choice(files)
        new = root / "extra" / rng.choice(["", "sub/"]) / f"r{step}.yaml"
        new.parent.mkdir(exist_ok=True)
        path.rename(new)
        return new
    if choice == "move":  # a fact from one file to another, and back
        text = facts.read_text("utf-8")
        if MOVED in text:
            target.parent.mkdir(exist_ok=True)
            target.write_text("contacts:\n" + MOVED, "utf-8")
            facts.write_text(text.replace(MOVED, ""), "utf-8")
            return target
        holder = next((p for p in files if MOVED in p.read_text("utf-8")), None)
        if holder is not None:
            holder.write_text(holder.read_text("utf-8").replace(MOVED, ""), "utf-8")
            facts.write_text(
                text.replace("  - id: putin-belov-video", MOVED + "  - id: putin-belov-video"),
                "utf-8",
            )
        return facts
    if choice in TOGGLES:  # a line of a source text, a quote, an alias: there or not
        name, old, new = TOGGLES[choice]
        path = root / name
        text = path.read_text("utf-8")
        path.write_text(text.replace(new, old) if new in text else text.replace(old, new), "utf-8")
        return path
    old, new = "[carol-clark, dmitri-dorin]", "[carol-clark, dmitri-dorrin]"
    if choice == "repair":
        old, new = new, old
    facts.write_text(facts.read_text("utf-8").replace(old, new), "utf-8")
    return facts


def contents(index: Path) -> dict:
    """Every part of an entry's tables, read whole (the source texts' digests aside)."""
    tables = Tables(index)
    found: dict = {}
    for name, (kind, *_) in tables.parts.items():
        if kind == "list":
            found[name] = list(tables.list(name))
        elif kind in ("map", "shards"):
            found[name] = dict(tables.map(name).items())
        elif name != "value:sources":
            found[name] = tables.value(name.removeprefix("value:"))
    return found


def entry_agrees(root: Path, facts, tmp: Path) -> None:
    """The entry the cache holds for ``root`` (assembled from the files' parts) is the
    one a whole compile of ``facts`` writes; its N-Quads, if written, are the quads."""
    entry = entry_for(root.resolve(), DEFAULT_BASE)
    assert entry is not None and entry.directory.exists()
    kg = KnowledgeGraph(facts, DEFAULT_BASE)
    whole = tmp / "whole.sqlite"
    whole.unlink(missing_ok=True)
    writer = TableWriter(whole)
    fill(kg)(writer)
    writer.close()
    assert contents(entry.index_path) == contents(whole)
    files = entry.nquads_files()
    if files is not None:
        lines = [line for path in files for line in path.read_text("utf-8").splitlines(True)]
        # (a quad of a shared graph may be in several files: a store holds it once)
        assert sorted(set(lines)) == sorted(compile_quads(facts, kg.model, kg.base).nquads_lines())
        # what sparql answers from: the store loaded from the entry's N-Quads
        cached = dipgraph.load(root, cache=True)
        assert len(cached.store) == len(kg.store)
        for query in ("who-talked-to-whom", "SELECT ?g ?s ?p ?o { GRAPH ?g { ?s ?p ?o } }"):
            assert sorted(map(str, cached.sparql(query))) == sorted(map(str, kg.sparql(query)))


def cached_folder(small_copy: Path, tmp_path: Path, monkeypatch, store_asked: bool = False) -> Path:
    """The small facts moved to ``tmp_path/facts``, a cache of their own under
    ``tmp_path/cache``, the working folder ``tmp_path`` (messages show paths relative to
    it); ``store_asked``: the folder's SPARQL store marked as asked for, so entries keep
    their N-Quads."""
    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "facts"
    shutil.move(small_copy, root)
    monkeypatch.chdir(tmp_path)
    if store_asked:
        entry_for(root.resolve(), DEFAULT_BASE).mark_nquads_wanted()  # type: ignore[union-attr]
    return root


def agree(root: Path) -> None:
    full_facts, full_problems = check_facts(root)
    report = check_report(root.resolve(), DEFAULT_BASE)
    # check's report adds the curation rules to the loader's problems, whichever way read
    assert report.problems == with_curation(full_facts, full_problems)
    assert report.counts == {k: len(full_facts.by_kind(k)) for k in RECORD_TYPES}
    assert report.files == len(full_facts.files)
    facts, problems = check_cached(root.resolve(), DEFAULT_BASE)
    assert problems == full_problems
    assert encode_facts(facts) == encode_facts(full_facts)  # locations included
    if not any(p.severity == "error" for p in full_problems):
        entry_agrees(root, full_facts, root.parent)


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("trust_stat", [False, True], ids=["hashed", "stat-index"])
def test_incremental_and_full_checks_agree_over_random_edits(
    small_copy: Path, tmp_path: Path, monkeypatch, spy, seed: int, trust_stat: bool
) -> None:
    """add, change, delete, rename, move a fact between files, break and repair a
    reference, files whose checks across files fail (look-alikes, cycles, quotes, YAML).
    ``stat-index``: files count as settled at once (each edit gets its own mtime), so
    unchanged files are known by their stat and unchanged folders by the report."""
    root = cached_folder(small_copy, tmp_path, monkeypatch)
    if trust_stat:
        monkeypatch.setattr(cache, "RECENT_NS", -(10**18))
    rng = random.Random(seed)
    entry = entry_for(root.resolve(), DEFAULT_BASE)
    if seed != 3:  # the store was asked for: entries are written with their N-Quads
        entry.mark_nquads_wanted()  # type: ignore[union-attr]
    patched = spy(TableWriter, "patch_map", lambda writer, name, *rest: name)
    agree(root)
    for step in range(14):
        written = edit(root, rng, step)
        if written is not None and written.suffix == ".txt":  # a source text: an entry is
            past = time.time() - 100 + step  # kept only if it did not change as it was read
            os.utime(written, (past, past))
        elif trust_stat and written is not None:
            os.utime(written, ns=(10**18 + step * 10**9,) * 2)
        agree(root)
    assert "views" in patched  # entries patched from earlier ones are among those compared


@pytest.mark.slow
@pytest.mark.parametrize("seed", [4, 5])
def test_kept_quote_verdicts_and_findings_agree_over_random_edits(
    small_copy: Path, tmp_path: Path, monkeypatch, seed: int
) -> None:
    """The same comparison over edits that leave the facts without errors most of the
    time, so that the curation rules run: what is kept by file, by fact, by source
    and by text (quote verdicts, the quotes a text holds, the rules of names and of
    passages) gives a full check's report after each edit of a fact, a quote, a source
    text or an actor's aliases, and after a fact moves between files."""
    root = cached_folder(small_copy, tmp_path, monkeypatch)
    rng = random.Random(seed)
    choices = [c for c in EDITS if c not in ("extra", "break")]
    agree(root)
    clean = 0
    for step in range(16):
        written = edit(root, rng, step, choices)
        if written is not None and written.suffix == ".txt":
            past = time.time() - 100 + step
            os.utime(written, (past, past))
        agree(root)
        problems = check_report(root.resolve(), DEFAULT_BASE).problems
        clean += not any(p.severity == "error" for p in problems)
    assert clean >= 8  # the rules ran after most edits


def test_an_unchanged_folder_is_answered_from_the_stat_of_its_files(
    small_copy: Path, tmp_path: Path, monkeypatch, spy
) -> None:
    """No fact file or source text is read when none changed since a clean check."""
    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "RECENT_NS", -(10**18))
    root = small_copy.resolve()
    first = check_report(root, DEFAULT_BASE)
    assert not first.unchanged and first.problems == []
    real_open = Path.open
    opened = spy(Path, "open")
    again = check_report(root, DEFAULT_BASE)
    assert again.unchanged and (again.problems, again.counts) == (first.problems, first.counts)
    assert [p for p in opened if p.is_relative_to(root)] == []
    monkeypatch.setattr(Path, "open", real_open)
    wire = root / "sources" / "wire.txt"
    wire.write_text("changed", encoding="utf-8")
    os.utime(wire, ns=(10**18,) * 2)
    changed = check_report(root, DEFAULT_BASE)
    assert not changed.unchanged and any("quote" in p.message for p in changed.problems)


def test_an_edit_of_the_curation_guide_is_seen_and_the_readme_is_prose(
    small_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    """The rules read the general guide (a fact carries its own exceptions): a check
    after the guide changed checks again and says what a full check says; the folder's
    README.md is prose, and editing it keeps the report."""
    import dipgraph.curation.guide as guide

    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "RECENT_NS", -(10**18))
    copy = tmp_path / "guide.yaml"
    shutil.copy(guide.GUIDE_FILE, copy)
    monkeypatch.setattr(guide, "GUIDE_FILE", copy)
    root = small_copy.resolve()
    assert check_report(root, DEFAULT_BASE).problems == with_curation(*check_facts(root))
    assert check_report(root, DEFAULT_BASE).unchanged
    (root / "README.md").write_text("# Notes\n\nProse only.\n", "utf-8")
    assert check_report(root, DEFAULT_BASE).unchanged
    copy.write_text(copy.read_text("utf-8") + "# edited\n", "utf-8")
    os.utime(copy, ns=(10**18, 10**18))
    report = check_report(root, DEFAULT_BASE)
    assert not report.unchanged
    assert report.problems == with_curation(*check_facts(root))


def test_a_damaged_stored_check_is_checked_again(small_copy: Path, tmp_path: Path, monkeypatch):
    """A stored result of the wrong shape is a miss, never an answer or a traceback."""
    import sqlite3

    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    root = small_copy.resolve()
    expected = check_facts(root)[1]
    check_cached(root, DEFAULT_BASE)
    with sqlite3.connect(tmp_path / "cache" / "files.sqlite") as db:
        db.execute('UPDATE parts SET value = \'{"composed": true, "problems": 5}\'')
    assert check_cached(root, DEFAULT_BASE)[1] == expected
    assert dipgraph.check_report(root).problems == expected


def test_every_fixture_checks_the_same_through_the_cache(tmp_path: Path, monkeypatch) -> None:
    """Hostile and broken fixtures too: the stored form keeps every problem and record."""
    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    folders = [p for p in (REPO / "tests" / "fixtures").rglob("*") if p.is_dir()]
    folders = [p for p in folders if any(p.glob("*.yaml"))]
    assert folders
    for folder in folders:
        full_facts, full_problems = check_facts(folder)
        for _ in range(2):  # checked, then answered from the stored checks
            facts, problems = check_cached(folder.resolve(), DEFAULT_BASE)
            assert problems == full_problems, folder
            assert encode_facts(facts) == encode_facts(full_facts), folder


def test_a_cold_load_after_an_edit_reads_only_the_changed_file(
    small_copy: Path, tmp_path: Path, monkeypatch, spy
) -> None:
    """A query after an edit checks the edited file; the others' checks are reused."""
    import dipgraph.cache.file_checks as file_checks

    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    root = small_copy.resolve()
    dipgraph.load(root, cache=True)
    topics = root / "topics.yaml"
    topics.write_text(topics.read_text("utf-8").replace("New START", "New START treaty"), "utf-8")
    checked = spy(file_checks, "check_one_file", lambda path, *rest: path.name)
    warm = dipgraph.load(root, cache=True)
    assert checked == ["topics.yaml"]
    assert encode_facts(warm.facts) == encode_facts(dipgraph.load(root).facts)
    assert warm.facts.topics["new-start"].names["en"] == "New START treaty"


@pytest.mark.slow
def test_check_says_what_it_read_again(cli, small_copy: Path) -> None:
    """The command line says when no file changed, and how many files it read again."""
    # Files changed in the last two seconds are always read, and the report of a check
    # that read them is not kept: wait as a user would.
    time.sleep(2.1)
    first = cli("check", "--facts", small_copy)
    assert first.code == 0, first.err
    again = cli("check", "--facts", small_copy)
    ok = first.out.splitlines()[0]  # the "ok:" line; a note on what was read may follow
    assert again.code == 0 and again.out.splitlines()[0] == ok and again.err == ""
    assert "no file changed since the last check" in again.out  # stderr is for problems
    topics = small_copy / "topics.yaml"
    topics.write_text(topics.read_text("utf-8") + "# a comment\n", "utf-8")
    edited = cli("check", "--facts", small_copy)
    assert edited.code == 0 and edited.out.splitlines()[0] == ok
    assert "1 of 4 file(s) read again" in edited.out


# Runs `dipgraph check` in this process, noting every file under the facts folder that
# is opened (the audit hook sees builtins.open, io.open and os.open), stat'd or listed.
WATCHED_CHECK = """
import collections, json, os, sys
root = os.path.realpath(sys.argv[1])
seen = {"opened": [], "listed": [], "stats": collections.Counter()}
def under(path):
    return os.path.realpath(os.fsdecode(path)).startswith(root)
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)) and under(args[0]):
        seen["opened"].append(os.fsdecode(args[0]))
    elif event in ("os.listdir", "os.scandir") and args[0] is not None and under(args[0]):
        seen["listed"].append(os.fsdecode(args[0]))
sys.addaudithook(hook)
real_stat = os.stat
def stat(path, *rest, **named):
    if isinstance(path, (str, bytes, os.PathLike)) and under(path):
        seen["stats"][os.fsdecode(path)] += 1
    return real_stat(path, *rest, **named)
os.stat = stat
sys.argv = ["dipgraph", "check", "--facts", root]
import dipgraph.cli
try:
    dipgraph.cli.main()
finally:
    print("WATCHED " + json.dumps(seen), file=sys.stderr)
"""


def test_an_unchanged_check_reads_no_file_and_says_so(small_copy: Path, tmp_path: Path) -> None:
    """The whole ``dipgraph check`` process, second run on an unchanged folder: no fact
    file or source text is opened, each is stat'd (a changed one must be seen) and no
    more than twice, the folder is listed, and the command says it read no file."""
    import subprocess
    import sys

    env = {
        **os.environ,
        "DIPGRAPH_CACHE_DIR": str(tmp_path / "cache"),
        "PYTHONPATH": str(REPO),
        "PYTHONIOENCODING": "utf-8",
    }
    root = small_copy.resolve()
    time.sleep(2.1)  # files changed in the last two seconds are always read

    def check() -> tuple[str, dict]:
        done = subprocess.run(
            [sys.executable, "-c", WATCHED_CHECK, str(root)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        (line,) = [x for x in done.stderr.splitlines() if x.startswith("WATCHED ")]
        return done.stdout, json.loads(line.removeprefix("WATCHED "))

    first_out, first = check()
    assert first["opened"]  # the first check reads the files: the hook sees them
    out, seen = check()
    assert "no file changed since the last check: its answer, no file read" in out
    assert out.splitlines()[0] == first_out.splitlines()[0]
    assert seen["opened"] == []
    texts = [root / "sources" / "wire.txt", root / "sources" / "arabic.txt"]
    for path in fact_files(root):  # once for the entry's key, once for the report
        assert 1 <= seen["stats"].get(str(path), 0) <= 2, path
    for path in texts:  # (not in the entry's key)
        assert seen["stats"].get(str(path), 0) == 1, path
    assert str(root) in seen["listed"]


def test_the_per_file_checks_stay_within_a_quarter_of_the_cache_limit(
    small_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    import sqlite3

    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    # 7,864 bytes for the checks: room for facts.yaml's (~5 kB: it holds its absolute
    # path at each record, so its size follows tmp_path), not for all seven files' (~10 kB)
    monkeypatch.setenv("DIPGRAPH_CACHE_MAX_MB", "0.03")
    # Files written this second are not trusted by their stat, so their checks are not
    # kept: on a fast machine nothing was stored and the test failed by the clock.
    monkeypatch.setattr(cache, "RECENT_NS", -(10**18))
    root = small_copy.resolve()
    expected = check_facts(root)[1]
    for number in range(3):
        (root / f"more-{number}.yaml").write_text(
            "contacts:\n" + MOVED.replace("adams-dorin-message", f"copy-{number}"), "utf-8"
        )
        expected = check_facts(root)[1]
        assert check_cached(root, DEFAULT_BASE)[1] == expected
    with sqlite3.connect(tmp_path / "cache" / "files.sqlite") as db:
        (stored,) = db.execute("SELECT SUM(length(CAST(value AS BLOB))) FROM parts").fetchone()
    assert 0 < stored <= 0.03 * 1024 * 1024 / 4


def test_the_stored_form_knows_every_part_of_a_file_check() -> None:
    """A new part of one file's check (a new kind of check across files adds one to
    Pending) must be stored too (dipgraph/cache/file_checks.py), or an incremental check
    would lose it: this fails until the codec is taught the new field."""
    from dataclasses import fields

    from dipgraph.loader.fields import Pending
    from dipgraph.loader.one_file import FileCheck
    from dipgraph.loader.records import Declared

    assert [f.name for f in fields(Pending)] == [
        "references",
        "quotes",
        "wikidata",
        "initiators",
        "citations",
    ]
    assert [f.name for f in fields(FileCheck)] == [
        "shown",
        "digest",
        "composed",
        "problems",
        "declared",
        "pending",
    ]
    assert [f.name for f in fields(Declared)] == ["kind", "id", "where", "record"]


def test_every_pending_check_survives_the_stored_form() -> None:
    """One of each pending check (dataset citations included) read back equal."""
    from dipgraph.cache.file_checks import decode, encode
    from dipgraph.dates import PartialDate
    from dipgraph.facts import Citation, Location
    from dipgraph.loader.citations import CitationUse
    from dipgraph.loader.fields import Initiator, Pending, QuoteUse, Reference
    from dipgraph.loader.one_file import FileCheck

    shown = "facts/a.yaml"
    where = Location(shown, 3, 5)
    cites = Citation("Q1", "P39", "Q2", {"P580": "2020-01-01"}, PartialDate.parse("2026-12"), None)
    pending = Pending(
        [Reference("ann", ("actor",), "speaker", shown, 2, 4)],
        [QuoteUse("wire", "Ann met Bob.", shown, 7, 9)],
        [("Q42", where)],
        [Initiator("ann", ("ann", "bob"), where)],
        [CitationUse("wd", cites, shown, 11, 13)],
    )
    result = FileCheck(shown, "d" * 64, True, pending=pending)
    assert decode(encode(result), shown, "d" * 64).pending == pending


def test_every_fixture_file_check_survives_the_stored_form() -> None:
    """Each fact file of the fixtures and of the bundled facts, checked and read back
    through the stored form (references and quotes as columns, a quote as its
    evidence's number, a place as its record's location), is the same check."""
    from dipgraph.cache.file_checks import decode, encode
    from dipgraph.loader.one_file import check_one_file
    from dipgraph.loader.problems import shown_path
    from dipgraph.loader.reading import MAX_FILE_BYTES
    from dipgraph.schema.model import load_model

    model = load_model()
    paths = [
        path
        for folder in [*sorted((REPO / "tests" / "fixtures").iterdir()), REPO / "facts"]
        if folder.is_dir()
        for path in fact_files(folder)
    ]
    assert len(paths) > 10
    for path in paths:
        shown = shown_path(path)
        result = check_one_file(path, shown, path.name == "dataset.yaml", model, MAX_FILE_BYTES)
        back = decode(encode(result), shown, result.digest or "")
        assert back.problems == result.problems, path
        assert encode(back) == encode(result), path  # every field, locations included
        # (a source's file is read back as a Path, the text it was written as: equal
        # once resolved against the file's folder, as the check across files does)
        others = [d for d in result.declared if d.kind != "source"]
        assert [d for d in back.declared if d.kind != "source"] == others, path
        located = [getattr(d.record, "location", None) for d in result.declared]
        assert [getattr(d.record, "location", None) for d in back.declared] == located
        assert back.pending == result.pending, path
        assert back.composed == result.composed, path


def test_a_quote_is_kept_apart_from_evidence_it_is_not() -> None:
    """A quote of a file that none of its records holds as evidence (or a second use
    of one) keeps its own text and place; a stored quote numbered past the evidence,
    or references of unequal columns, are damage (a miss), not an answer."""
    import json

    from dipgraph.cache.file_checks import decode, encode
    from dipgraph.cache.records import BadRecord
    from dipgraph.facts import Location, Topic
    from dipgraph.loader.fields import Pending, QuoteUse, Reference
    from dipgraph.loader.one_file import FileCheck
    from dipgraph.loader.records import Declared

    shown = "facts/b.yaml"
    here = Location(shown, 2, 5)
    topic = Topic("t", {"en": "t"}, location=here)
    declared = [
        Declared("topic", "t", here, topic),
        Declared("topic", "u", Location(shown, 9, 5), None),
    ]
    pending = Pending(
        [Reference("x", ("actor", "place"), "in", shown, 4, 6)],
        [QuoteUse("wire", "No record holds this.", shown, 7, 9)],
    )
    result = FileCheck(shown, "e" * 64, True, declared=declared, pending=pending)
    back = decode(encode(result), shown, "e" * 64)
    assert back.declared == declared and back.pending == pending
    data = json.loads(encode(result))
    data["quotes"][0] = [5]
    with pytest.raises(BadRecord):
        decode(json.dumps(data), shown, "e" * 64)
    data = json.loads(encode(result))
    data["references"][3].append(1)
    with pytest.raises(BadRecord):
        decode(json.dumps(data), shown, "e" * 64)
    data = json.loads(encode(result))
    data["declared"][1][2] = 0  # "the record's location", of no record
    with pytest.raises(BadRecord):
        decode(json.dumps(data), shown, "e" * 64)


CORROBORATION = """corroborations:
  - fact: belov-clark-meeting
    evidence:
      - source: bulletin
        quote: {quote}
"""
BULLETIN_SOURCE = """  - id: bulletin
    title: Evening bulletin
    language: en
    file: sources/bulletin.txt
"""


def parts_made(
    module: object, name: str, small_copy: Path, tmp_path: Path, monkeypatch, spy
) -> tuple[Path, list[str]]:
    """The small facts moved to ``tmp_path/facts`` (shown as ``facts/...``) with a
    cache of their own, and the list of the files whose part ``module.name(x, part)``
    makes from now on."""
    root = cached_folder(small_copy, tmp_path, monkeypatch)
    return root, spy(module, name, lambda first, part: part.shown)


def test_an_entry_from_parts_follows_what_other_files_change(
    small_copy: Path, tmp_path: Path, monkeypatch, spy
) -> None:
    """A file's part is made again when what it reads in other files changes (an
    actor's or a place's name, a source's language, a quote another file adds to its
    facts), and only then: an edit elsewhere reuses it. Each entry equals a whole
    compile, N-Quads included."""
    import dipgraph.cached_graph.file_parts as file_parts

    root, made = parts_made(file_parts, "compile_part", small_copy, tmp_path, monkeypatch, spy)
    entry_for(root.resolve(), DEFAULT_BASE).mark_nquads_wanted()  # type: ignore[union-attr]
    bulletin = root / "sources" / "bulletin.txt"
    bulletin.write_text(
        "Belov and Clark met in Vienna on 2 May, the bulletin says.\n"
        "They met again in the evening.\n",
        encoding="utf-8",
    )
    past = time.time() - 120  # a source text changed within a second of a compile is
    os.utime(bulletin, (past, past))  # not trusted: no entry would be kept (by design)

    def edit(name: str, old: str, new: str) -> list[str]:
        path = root / name
        text = path.read_text("utf-8") if path.exists() else ""
        assert old in text
        path.write_text(text.replace(old, new, 1), "utf-8")
        made.clear()
        agree(root)
        return sorted(made)

    agree(root)
    everything = sorted(made)
    assert "facts/facts.yaml" in everything
    summary = "Clark and Dorin held talks"
    assert edit("facts.yaml", summary, "Clark and Dorin held long talks") == ["facts/facts.yaml"]
    assert edit("facts.yaml", "long talks", "talks") == []  # as before: kept
    assert edit("people/actors.yaml", "{en: Boris Belov,", "{en: Boris Belov Jr,") == everything
    assert edit("topics.yaml", "{en: Vienna}", "{en: Wien}") == everything
    assert edit("sources.yaml", "language: en\n", "language: en-GB\n") == everything
    assert edit("sources.yaml", "sources:\n", "sources:\n" + BULLETIN_SOURCE) == everything
    # a file that only corroborates: the corroborated file's part is made again
    (root / "more.yaml").write_text(CORROBORATION.format(quote="Belov and Clark met"), "utf-8")
    made.clear()
    agree(root)
    assert sorted(made) == ["facts/facts.yaml"]
    call = check_cached(root.resolve(), DEFAULT_BASE)[0].contacts["belov-clark-meeting"]
    assert [e.source for e in call.evidence] == ["wire", "bulletin"]
    assert edit("more.yaml", "Belov and Clark met", "They met again") == ["facts/facts.yaml"]
    (root / "more.yaml").unlink()
    made.clear()
    agree(root)
    assert made == []  # the parts of the facts as first read, kept under their content


def test_a_file_changed_while_it_is_read_gives_no_stale_part(
    small_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    """An edit undone while a cold check reads (A, then B read, then A again on disk):
    the run's entry is not kept, B's parts are B's; the next checks of A and of B each
    give the entry of a whole compile."""
    import dipgraph.cache.file_checks as file_checks

    root = cached_folder(small_copy, tmp_path, monkeypatch, store_asked=True)
    facts = root / "facts.yaml"
    a = facts.read_text("utf-8")
    b = a.replace("Clark and Dorin held talks", "Clark and Dorin held secret talks")
    real = file_checks.check_one_file

    def swapped(path: Path, *args):
        if path.name != "facts.yaml":
            return real(path, *args)
        path.write_text(b, "utf-8")  # B is what this run reads...
        try:
            return real(path, *args)
        finally:
            path.write_text(a, "utf-8")  # ...and A is on disk again after

    monkeypatch.setattr(file_checks, "check_one_file", swapped)
    check_cached(root.resolve(), DEFAULT_BASE)
    monkeypatch.setattr(file_checks, "check_one_file", real)
    entry = entry_for(root.resolve(), DEFAULT_BASE)
    assert entry is not None and not entry.directory.exists()  # B's run keeps no entry of A
    agree(root)
    facts.write_text(b, "utf-8")
    agree(root)
    views = contents(entry_for(root.resolve(), DEFAULT_BASE).index_path)["views"]  # type: ignore[union-attr]
    assert "secret talks" in views["clark-dorin-talks"]["summary"]


@pytest.mark.parametrize(
    "damage",
    ['{"facts": 5}', "[[[[", '{"facts": {}, "views": [[1, 2]], "contacts": []}', "x\nnot quads"],
)
def test_a_damaged_compile_part_is_made_again(
    small_copy: Path, tmp_path: Path, monkeypatch, damage: str
) -> None:
    """A stored part of the wrong shape is a miss: the entry is still a whole compile's."""
    import sqlite3

    root = cached_folder(small_copy, tmp_path, monkeypatch, store_asked=True)
    agree(root)
    entry = entry_for(root.resolve(), DEFAULT_BASE)
    shutil.rmtree(entry.directory)  # type: ignore[union-attr]
    with sqlite3.connect(tmp_path / "cache" / "compiled.sqlite") as db:
        db.execute("UPDATE parts SET value = ? WHERE key NOT LIKE 'wanted:%'", (damage,))
    agree(root)


def curation_contact(ident: str, parties: str, *exceptions: str) -> str:
    excuses = f"    exceptions: {list(exceptions)}\n" if exceptions else ""
    return (
        f"  - id: {ident}\n    type: meeting\n    participants: [{parties}]\n"
        f"    summary: s\n{excuses}    evidence:\n      - source: wire\n"
        f"        quote: {QUOTE}\n"
    )


def test_the_curation_rules_of_one_fact_run_over_the_changed_files_only(
    small_copy: Path, tmp_path: Path, monkeypatch, spy
) -> None:
    """check's curation warnings after an edit are a full check's, in the same order
    (several at one fact, excused ones, exceptions that excuse nothing, quotes shared
    across files); the rules reading one fact run over the edited facts only (the
    others of their file kept by fact), and over every file when the source texts or
    the actors change, or when the kept findings are damaged."""
    import sqlite3

    import dipgraph.cached_graph.curation_parts as curation_parts

    root, made = parts_made(curation_parts, "_only", small_copy, tmp_path, monkeypatch, spy)
    (root / "extra").mkdir()
    (root / "extra" / "a.yaml").write_text(
        "contacts:\n"
        + curation_contact("x-1", "alice-adams, carol-clark", "named: excused", "speaker: none")
        + curation_contact("x-2", "carol-clark, dmitri-dorin", "nosuch: unknown rule"),
        "utf-8",
    )
    (root / "extra" / "b.yaml").write_text(
        "contacts:\n" + curation_contact("x-3", "dmitri-dorin, vladimir-putin"), "utf-8"
    )

    def check() -> list[str]:
        made.clear()
        report = check_report(root.resolve(), DEFAULT_BASE)
        assert report.problems == with_curation(*check_facts(root))
        return sorted(made)

    everything = ["facts/extra/a.yaml", "facts/extra/b.yaml", "facts/facts.yaml"]
    assert check() == everything
    warnings = check_report(root.resolve(), DEFAULT_BASE).problems
    assert {p.path for p in warnings} == {"facts/extra/a.yaml", "facts/extra/b.yaml"}
    rules = " ".join(p.message for p in warnings)
    for rule in ("(named,", "(shared-quote,", "(speaker,", "(nosuch,"):
        assert rule in rules
    b = root / "extra" / "b.yaml"
    b.write_text(b.read_text("utf-8").replace("summary: s", "summary: t"), "utf-8")
    assert check() == ["facts/extra/b.yaml"]
    b.write_text(b.read_text("utf-8").replace("vladimir-putin", "boris-belov"), "utf-8")
    assert check() == ["facts/extra/b.yaml"]
    wire = root / "sources" / "wire.txt"
    wire.write_text(wire.read_text("utf-8") + "\nCarol Clark met Dmitri Dorin.\n", "utf-8")
    assert check() == everything
    actors = root / "people" / "actors.yaml"
    actors.write_text(actors.read_text("utf-8").replace("Carol Clark", "Carol Clarke"), "utf-8")
    assert check() == everything
    readme = root / "README.md"  # prose: the rules read no table of it
    readme.write_text(readme.read_text("utf-8") + "\n", "utf-8")
    assert check() == []
    with sqlite3.connect(tmp_path / "cache" / "files.sqlite") as db:
        db.execute(
            'UPDATE parts SET value = \'[["contact", "x-9", "named", "m"]]\''
            " WHERE key LIKE 'curation:%'"
        )
    assert check() == []  # each file's facts: found by fact
    a = root / "extra" / "a.yaml"
    ran = spy(curation_parts, "raw_findings", lambda cur, rules: list(cur.facts.contacts))
    a.write_text(a.read_text("utf-8").replace("summary: s", "summary: u", 1), "utf-8")
    assert check() == ["facts/extra/a.yaml"]
    assert ran == [["x-1"]]  # the edited fact alone; x-2 kept
    with sqlite3.connect(tmp_path / "cache" / "files.sqlite") as db:
        db.execute("UPDATE parts SET value = '[1]' WHERE key LIKE 'curation%'")
        db.execute(
            "UPDATE parts SET value = '{\"x\": [[\"named\", 5]]}' WHERE key LIKE 'curation-facts:%'"
        )
    assert check() == everything


def test_quote_verdicts_are_kept_per_file_and_follow_the_source_texts(
    small_copy: Path, tmp_path: Path, monkeypatch, spy
) -> None:
    """Which quotes of a file are found is kept under the file's bytes and the texts
    its quotes name, and which quotes a text holds under the text: after an edit only
    the edited file's new quotes are looked up; an edited source text, a bad quote
    added and damaged verdicts are each looked up again, and every report is a full
    check's (bad quotes located, hints included)."""
    import sqlite3

    from dipgraph.loader.crosscheck import SourceTexts
    from dipgraph.loader.quotes import SourceText

    root = cached_folder(small_copy, tmp_path, monkeypatch)
    looked = spy(SourceText, "contains", lambda text, quote: quote)
    normalised = spy(SourceTexts, "__getitem__", lambda texts, ident: ident)
    (root / "extra").mkdir()
    (root / "extra" / "a.yaml").write_text(
        "contacts:\n" + curation_contact("x-1", "alice-adams, carol-clark"), "utf-8"
    )

    def check() -> int:
        looked.clear()
        normalised.clear()
        problems = check_cached(root.resolve(), DEFAULT_BASE)[1]
        count = len(looked)
        assert bool(normalised) == bool(count)  # a text is read as words only to look up
        assert problems == check_facts(root)[1]  # (a full check: looks every quote up)
        return count

    everything = check()
    assert everything > 1
    assert check() == 0  # nothing changed: every verdict kept
    a = root / "extra" / "a.yaml"
    a.write_text(a.read_text("utf-8").replace("summary: s", "summary: t"), "utf-8")
    assert check() == 0  # the edited file's one quote: known to be in wire's text
    a.write_text(a.read_text("utf-8").replace("quote: Secretary", "quote: 'Secretary"), "utf-8")
    a.write_text(a.read_text("utf-8").replace("March 2020.", "March 2020.'"), "utf-8")
    assert check() == 0  # written otherwise, the same quote
    a.write_text(a.read_text("utf-8") + EXTRAS["quote"].removeprefix("contacts:\n"), "utf-8")
    after = check()  # the bad quote, and its prefix search for the message
    assert after > 1
    assert any("quote not found in source 'wire'" in p.message for p in check_facts(root)[1])
    assert check() == after - 1  # kept: only the bad quote's message is looked up again
    wire = root / "sources" / "wire.txt"
    wire.write_text(wire.read_text("utf-8") + "\nwords that are in no source\n", "utf-8")
    assert check() >= everything  # every file quoting wire, looked up again
    assert not any("quote not found" in p.message for p in check_facts(root)[1])
    with sqlite3.connect(tmp_path / "cache" / "files.sqlite") as db:
        db.execute("UPDATE parts SET value = '[99, \"x\"]' WHERE key LIKE 'quotes:%'")
    assert check() == 0  # damaged verdicts of files: each quote known to be in its text
    with sqlite3.connect(tmp_path / "cache" / "files.sqlite") as db:
        db.execute("UPDATE parts SET value = '[99, \"x\"]' WHERE key LIKE 'quotes:%'")
        db.execute("UPDATE parts SET value = '[\"x\", 3]' WHERE key LIKE 'found:%'")
    assert check() >= everything  # both damaged: looked up again, the same report


@pytest.mark.parametrize(
    "variant",
    [
        "a passage left out",
        "a quoted passage listed",
        "clean",
        "an alias not printed",
        "an English name excused",
    ],
)
def test_the_rules_of_names_and_passages_are_kept_by_file_and_by_source(
    tmp_path: Path, monkeypatch, spy, variant: str
) -> None:
    """Rules 5 and 8 (an actor's or topic's names printed) are kept by the file of the
    actors and topics, rule 2 (passages no quote covers) by source: an edit of a fact
    that keeps its quotes runs neither again; a changed quote runs rule 2 on its source,
    an edited actor the names' rules on its file. Each report is a full check's,
    located the same way, from another folder too (a gap's path is shown from there)."""
    import sqlite3

    from test_curation import invented

    import dipgraph.cached_graph.curation_parts as curation_parts

    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    root = invented(tmp_path, variant)
    (root / "sources" / "other.txt").write_text("A second text, quoted by nobody here.\n", "utf-8")
    (root / "other.yaml").write_text(
        "sources:\n  - id: other\n    language: en\n    file: sources/other.txt\n", "utf-8"
    )
    records = root / "records.yaml"
    head, _, tail = records.read_text("utf-8").partition("contacts:\n")
    records.write_text(head, "utf-8")
    contacts = root / "contacts.yaml"
    contacts.write_text("contacts:\n" + tail, "utf-8")
    sources = spy(curation_parts, "source_passages", lambda cur, source, quotes: source.id)
    files = spy(curation_parts, "_entities_of", lambda facts, part: part.shown)

    def check() -> list[str]:
        sources.clear()
        files.clear()
        report = check_report(root.resolve(), DEFAULT_BASE)
        assert report.problems == with_curation(*check_facts(root))
        assert not any(p.severity == "error" for p in report.problems)  # the rules ran
        return sorted(sources + files)

    everything = check()
    assert everything == ["facts/records.yaml", "note", "other"]
    warnings = " ".join(p.message for p in check_report(root.resolve(), DEFAULT_BASE).problems)
    assert ("(alias," in warnings) == (variant == "an alias not printed")
    assert ("(note)" in warnings or "is stale" in warnings) == ("passage" in variant)
    summary = "summary: Lind telephoned"
    contacts.write_text(contacts.read_text("utf-8").replace(summary, "summary: Lind rang"))
    assert check() == []  # a summary: no quote, no name changed
    contacts.write_text(contacts.read_text("utf-8").replace(" on Tuesday\n", "\n"), "utf-8")
    assert check() == ["note"]  # a quote of note's changed
    records.write_text(
        records.read_text("utf-8").replace(
            "names: {en: Bram Okafor}", "names: {en: Bram Okafor, fr: Bram}"
        )
    )
    assert check() == ["facts/records.yaml"]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # paths shown from here: the kept gaps too
    check()
    with sqlite3.connect(tmp_path / "cache" / "files.sqlite") as db:
        db.execute("UPDATE parts SET value = '{\"printed\": 5}' WHERE key LIKE 'curation-names:%'")
        db.execute(
            "UPDATE parts SET value = '[[true, 1, null, 0, 0, \"\"]]'"
            " WHERE key LIKE 'curation-passages:%'"
        )
    assert len(check()) == 3  # damaged: found again, the same report


def test_the_profiles_are_kept_while_no_actor_post_or_statement_changes(
    small_copy: Path, tmp_path: Path, monkeypatch, spy
) -> None:
    """An actor's profile (show) reads the actors, topics, posts and statements, never a
    contact: an entry after an edit of contacts alone takes every profile kept; an
    edit of a statement or an actor makes them again, as does a damaged kept row; each
    entry equals a whole compile."""
    import sqlite3

    root = cached_folder(small_copy, tmp_path, monkeypatch)
    made = spy(KnowledgeGraph, "_profile_part", lambda graph, actor, *rest: actor.id)
    (root / "extra").mkdir()
    contacts = root / "extra" / "contacts.yaml"
    contacts.write_text("contacts:\n" + curation_contact("x-1", "alice-adams, carol-clark"))

    def compiled() -> int:
        made.clear()
        agree(root)  # (each entry against a whole compile, which makes every profile)
        return len(made) - len(check_facts(root)[0].actors)

    assert compiled() > 0
    contacts.write_text(contacts.read_text("utf-8").replace("summary: s", "summary: t"))
    assert compiled() == 0  # a contact: every profile kept
    facts = root / "facts.yaml"
    facts.write_text(
        facts.read_text("utf-8").replace("summary: Belov warned", "summary: He warned")
    )
    assert compiled() > 0
    actors = root / "people" / "actors.yaml"
    actors.write_text(actors.read_text("utf-8").replace("{en: Carol Clark}", "{en: Carol Clarke}"))
    assert compiled() > 0
    contacts.write_text(contacts.read_text("utf-8").replace("summary: t", "summary: u"))
    assert compiled() == 0
    with sqlite3.connect(tmp_path / "cache" / "compiled.sqlite") as db:
        db.execute("UPDATE parts SET value = '[1]' WHERE key LIKE 'profiles:%'")
    contacts.write_text(contacts.read_text("utf-8").replace("summary: u", "summary: v"))
    assert compiled() == 0  # the earlier entry's profiles, copied (the same key)
    with sqlite3.connect(tmp_path / "cache" / "compiled.sqlite") as db:
        db.execute("UPDATE parts SET value = '[1]' WHERE key LIKE 'profiles:%'")
        db.execute("DELETE FROM parts WHERE key LIKE 'latest-entry:%'")  # no earlier entry
    contacts.write_text(contacts.read_text("utf-8").replace("summary: v", "summary: w"))
    assert compiled() > 0  # damaged: made again, the same entry


PATCHED = ["views", "facts.files"]  # the parts patched file by file


def test_an_entry_after_an_edit_is_the_earlier_one_patched(
    small_copy: Path, tmp_path: Path, monkeypatch, spy
) -> None:
    """After an edit of a few files, the new entry is a copy of the last one with the
    views and records of the changed files replaced (the profiles kept while their key holds, every
    other part written anew): each equals a whole compile, after a change, an added and
    a removed contact, a fact moved between files, a new and a deleted file; an earlier
    entry that is gone or damaged gives a whole write, the same entry."""
    root = cached_folder(small_copy, tmp_path, monkeypatch)
    patched = spy(TableWriter, "patch_map", lambda writer, name, removed, items: name)
    keeps = spy(TableWriter, "keep", lambda writer, name: name)
    agree(root)
    assert patched == []  # the first entry: nothing earlier

    def edited(name: str, old: str, new: str) -> tuple[list, list]:
        path = root / name
        text = path.read_text("utf-8") if path.exists() else ""
        assert old in text
        path.write_text(text.replace(old, new, 1), "utf-8")
        patched.clear()
        keeps.clear()
        agree(root)
        return list(patched), list(keeps)

    summary = "Clark and Dorin held talks"
    # (facts.yaml holds posts and statements too: the profiles are made again)
    views, kept = edited("facts.yaml", summary, "Clark and Dorin held long talks")
    assert views == PATCHED and "profiles" not in kept
    assert {"index.contacts", "index.contacts_by_actor", "actor_names.exact"} <= set(kept)
    extra = root / "extra.yaml"
    extra.write_text("contacts:\n" + curation_contact("x-1", "alice-adams, carol-clark"))
    patched.clear()
    keeps.clear()
    agree(root)
    assert patched == PATCHED and "index.contacts" not in keeps  # a contact more
    assert "actor_names.exact" in keeps and "profiles" in keeps
    added = "contacts:\n" + curation_contact("x-2", "alice-adams, boris-belov")
    assert edited("extra.yaml", "contacts:\n", added)[0] == PATCHED
    views, kept = edited("extra.yaml", "summary: s", "summary: t")
    assert views == PATCHED and {"profiles", "index.contacts"} <= set(kept)
    views, kept = edited("facts.yaml", MOVED, "")  # a contact removed
    assert views == PATCHED and "index.contacts" not in kept
    assert edited("extra.yaml", "contacts:\n", "contacts:\n" + MOVED)[0] == PATCHED  # moved
    assert "profiles" not in edited("facts.yaml", "summary: Belov warned", "summary: He warned")[1]
    extra.unlink()
    patched.clear()
    agree(root)
    assert patched == PATCHED  # a deleted file: its views gone
    # an actor's name: every part's context changes, the entry is written whole
    assert edited("people/actors.yaml", "{en: Carol Clark}", "{en: Carol Clarke}") == ([], [])
    assert edited("facts.yaml", "long talks", "talks")[0] == PATCHED
    earlier = entry_for(root.resolve(), DEFAULT_BASE)
    assert earlier is not None
    with earlier.index_path.open("r+b") as handle:  # damaged: truncated
        handle.truncate(4096)
    assert edited("facts.yaml", "held talks", "held long talks")[0] == []  # written whole
    earlier = entry_for(root.resolve(), DEFAULT_BASE)
    assert earlier is not None
    shutil.rmtree(earlier.directory)  # gone
    assert edited("facts.yaml", "long talks", "brief talks")[0] == []


def test_damaged_or_missing_kept_views_or_records_are_made_again(
    small_copy: Path, tmp_path: Path, monkeypatch, spy
) -> None:
    """A file's views and records are kept apart from its part and read only when an
    entry is written whole: damaged (records cut short are never parsed here: their
    digest tells), of other records or gone, the part is made again and the entry is
    still a whole compile's."""
    import sqlite3

    import dipgraph.cached_graph.file_parts as file_parts

    root, made = parts_made(file_parts, "compile_part", small_copy, tmp_path, monkeypatch, spy)
    agree(root)
    everything = sorted(made)
    for change in (
        "UPDATE parts SET value = '[[1, 2]]' WHERE key LIKE 'views:%'",
        "UPDATE parts SET value = '[[\"other\", \"{}\"]]' WHERE key LIKE 'views:%'",
        "DELETE FROM parts WHERE key LIKE 'views:%'",
        "UPDATE parts SET value = substr(value, 1, length(value) / 2) WHERE key LIKE 'facts:%'",
        "DELETE FROM parts WHERE key LIKE 'facts:%'",
    ):
        entry = entry_for(root.resolve(), DEFAULT_BASE)
        shutil.rmtree(entry.directory)  # type: ignore[union-attr]
        with sqlite3.connect(tmp_path / "cache" / "compiled.sqlite") as db:
            db.execute(change)
            db.execute("DELETE FROM parts WHERE key LIKE 'latest-entry:%'")  # written whole
        made.clear()
        agree(root)
        assert sorted(made) == everything  # each file's part made again, with its views


@pytest.mark.parametrize(
    "damage",
    [
        "substr(value, 1, instr(value, char(10))) || '[[['",  # rows that do not parse
        "substr(value, 1, instr(value, char(10))) || '{\"contacts\": []}'",  # other rows
        "value || char(10) || '[]'",  # a line more
    ],
)
def test_damaged_index_rows_of_a_kept_part_make_it_again(
    small_copy: Path, tmp_path: Path, monkeypatch, spy, damage: str
) -> None:
    """A part's index rows are read only when the index is assembled: rows that do not
    parse, that are not those its first line names, or a part of another layout, are
    a miss found then; the part is made again and the entry is a whole compile's."""
    import sqlite3

    import dipgraph.cached_graph.file_parts as file_parts

    root, made = parts_made(file_parts, "compile_part", small_copy, tmp_path, monkeypatch, spy)
    agree(root)
    everything = sorted(made)
    shutil.rmtree(entry_for(root.resolve(), DEFAULT_BASE).directory)  # type: ignore[union-attr]
    with sqlite3.connect(tmp_path / "cache" / "compiled.sqlite") as db:
        db.execute(f"UPDATE parts SET value = {damage} WHERE key LIKE 'part:%'")
        db.execute("DELETE FROM parts WHERE key LIKE 'latest-entry:%'")  # written whole
    made.clear()
    agree(root)
    assert sorted(made) == everything


def test_a_kept_part_naming_other_index_rows_gives_a_whole_compile(
    small_copy: Path, tmp_path: Path, monkeypatch, spy
) -> None:
    """A part whose first line names index rows that neither it nor the part made again
    has (what the index's digest was made from): the entry is compiled whole, the
    same entry."""
    import sqlite3

    root = cached_folder(small_copy, tmp_path, monkeypatch)
    agree(root)
    shutil.rmtree(entry_for(root.resolve(), DEFAULT_BASE).directory)  # type: ignore[union-attr]
    with sqlite3.connect(tmp_path / "cache" / "compiled.sqlite") as db:
        for key, value in db.execute("SELECT key, value FROM parts WHERE key LIKE 'part:%'"):
            head, _, rows = value.partition("\n")
            named = json.loads(head)
            named["rows"] = "0" * 64
            db.execute(
                "UPDATE parts SET value = ? WHERE key = ?", (json.dumps(named) + "\n" + rows, key)
            )
        db.execute("DELETE FROM parts WHERE key LIKE 'latest-entry:%'")
    whole = spy(CacheEntry, "save", lambda entry, *rest: entry.directory.name)
    agree(root)
    assert len(whole) == 1  # compiled whole, not from the parts


def test_parts_put_as_they_are_made_give_the_same_entry_and_store(
    small_copy: Path, tmp_path: Path, monkeypatch, spy
) -> None:
    """Parts put into the store as soon as any is held (not at ``keep()`` only) give the
    entry of a whole compile and the same stored parts as when put at the end; the
    records and views each part let go of once written are read back when asked for."""
    import sqlite3

    import dipgraph.cached_graph.file_parts as file_parts

    def stored(cache: Path) -> list[tuple[str, str]]:
        with sqlite3.connect(cache / "compiled.sqlite") as db:
            return sorted(db.execute("SELECT key, value FROM parts"))

    root = tmp_path / "facts"
    shutil.move(small_copy, root)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path / "at-end"))
    agree(root)
    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path / "as-made"))
    monkeypatch.setattr(file_parts, "PUT_AT", 1)
    puts = spy(file_parts.Parts, "_put")
    agree(root)
    assert len(puts) > 1  # (one put a part)
    assert stored(tmp_path / "as-made") == stored(tmp_path / "at-end")
    entry = entry_for(root.resolve(), DEFAULT_BASE)
    assert entry is not None
    shutil.rmtree(entry.directory)
    kept = file_parts.Parts.compiled
    parts_read = spy(file_parts, "compile_part", lambda first, part: part.shown)

    def compiled_and_released(self):
        found = kept(self)
        for file, part in zip(self.files, found, strict=True):
            part.release("facts", self._later(file, "facts"))
            part.release("views", self._later(file, "views"))
        return found

    monkeypatch.setattr(file_parts.Parts, "compiled", compiled_and_released)
    agree(root)  # every part read from the store, its records and views fetched
    assert parts_read == []


def test_kept_references_read_as_columns_answer_as_the_list_does() -> None:
    """A run's references mixing checked files (lists) and kept ones (columns) read back
    as the same references in the same order, and the checks across files' three
    questions (targets, unresolved, made in a field) answer as over the plain list."""
    from dipgraph.cache.file_checks import decode, encode
    from dipgraph.loader.fields import (
        Pending,
        Reference,
        References,
        targets_of,
        unresolved,
        with_field,
    )
    from dipgraph.loader.one_file import FileCheck

    def refs(shown: str) -> list[Reference]:
        return [
            Reference("ann", ("actor",), "speaker", shown, 2, 4),
            Reference("rome", ("place",), "in", shown, 3, 4),
            Reference("gone", ("actor", "place"), "in", shown, 5, 6),
            Reference("ann", ("place",), "in", shown, 7, 6),
            Reference("t1", ("topic",), "broader", shown, 9, 2),
        ]

    kept = decode(
        encode(FileCheck("b.yaml", "d", True, pending=Pending(refs("b.yaml")))), "b.yaml", "d"
    )
    run = References(refs("a.yaml"))
    run.extend(kept.pending.references)
    run.extend(refs("c.yaml"))
    plain = [*refs("a.yaml"), *refs("b.yaml"), *refs("c.yaml")]
    assert list(run) == plain and len(run) == len(plain) and run == plain
    kinds = {"ann": "actor", "rome": "place", "t1": "topic"}
    assert list(unresolved(run, kinds)) == [r for r in plain if kinds.get(r.target) not in r.range]
    assert list(with_field(run, "in", "place")) == [
        r for r in plain if r.field == "in" and "place" in r.range
    ]
    assert list(with_field(run, "broader")) == [r for r in plain if r.field == "broader"]
    assert targets_of(run) == {r.target for r in plain}


def _quad_files(root: Path) -> dict[str, tuple[int, int]]:
    """The current entry's N-Quads set: each file's (inode, link count) by name."""
    entry = entry_for(root.resolve(), DEFAULT_BASE)
    assert entry is not None and entry.quad_list() is not None
    files = entry.nquads_files()
    assert files is not None
    return {p.name: (p.stat().st_ino, p.stat().st_nlink) for p in files}


def test_after_an_edit_only_the_changed_files_quads_are_written(
    small_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    """With the store asked for, an entry's N-Quads are a file per fact file (and one of
    what spans files): after an edit of one file, the others are the earlier entry's
    files (hard links), the edited one's new; sparql answers as a whole compile, after
    the edit, after it is undone (A, B, A), and when a shared file turned out damaged or
    missing in the earlier entry (then written again, not linked)."""
    root = cached_folder(small_copy, tmp_path, monkeypatch, store_asked=True)
    facts = root / "facts.yaml"
    a = facts.read_text("utf-8")
    agree(root)
    before = _quad_files(root)
    assert "spanning.nq" in before and len(before) == len(fact_files(root)) + 1
    facts.write_text(a.replace("Clark and Dorin held talks", "Clark and Dorin met"), "utf-8")
    agree(root)
    after = _quad_files(root)
    assert len(after) == len(before) and "spanning.nq" in after
    shared = {name for name in after if after[name][0] == before.get(name, (0,))[0]}
    new = set(after) - shared
    assert len(new) == 2 and "spanning.nq" in new  # the edited file's, and what spans files
    assert all(after[name][1] == 2 for name in shared)  # one inode, in both entries
    facts.write_text(a, "utf-8")  # undone: A's entry is there still, as it was
    agree(root)
    again = _quad_files(root)
    assert {n: i for n, (i, _) in again.items()} == {n: i for n, (i, _) in before.items()}
    # earlier entries whose set lost a file: not whole, so nothing is linked from them
    entry = entry_for(root.resolve(), DEFAULT_BASE)
    assert entry is not None
    victim = sorted(name for name in before if name != "spanning.nq")[0]
    for folder in entry.directory.parent.glob("*/quads"):
        (folder / victim).unlink(missing_ok=True)
    assert entry.quad_list() is None and entry.nquads_files() is None
    facts.write_text(a.replace("Clark and Dorin held talks", "Clark and Dorin spoke"), "utf-8")
    agree(root)
    later = _quad_files(root)
    assert victim in later and all(nlink == 1 for _, nlink in later.values())


def test_a_damaged_file_of_the_quads_set_is_rewritten(
    small_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    """A file of the set of the same size but not N-Quads: sparql rewrites the entry's
    N-Quads whole, and answers as a whole compile."""
    root = cached_folder(small_copy, tmp_path, monkeypatch, store_asked=True)
    agree(root)
    entry = entry_for(root.resolve(), DEFAULT_BASE)
    assert entry is not None
    files = [entry.quads_dir / n for n in _quad_files(root) if n != "spanning.nq"]
    path = max(files, key=lambda p: p.stat().st_size)  # (some files have no quads of their own)
    path.write_bytes(b"<" * path.stat().st_size)
    assert entry.nquads_files() is not None and len(entry.nquads_files() or []) > 1
    whole = KnowledgeGraph(check_facts(root)[0], DEFAULT_BASE)
    query = "who-talked-to-whom"
    cached = dipgraph.load(root, cache=True)
    assert sorted(map(str, cached.sparql(query))) == sorted(map(str, whole.sparql(query)))
    assert entry.nquads_files() == [entry.nquads_path] and not entry.quads_dir.exists()
