"""An incremental check (each file's check kept by its content) says exactly what a
full check says, over random sequences of edits."""

from __future__ import annotations

import os
import random
import re
import shutil
from pathlib import Path

import pytest

import dipgraph
import dipgraph.cache as cache
from conftest import REPO
from dipgraph.cache.records import encode_facts
from dipgraph.cached import check_cached, check_report
from dipgraph.curation import with_curation
from dipgraph.facts import RECORD_TYPES
from dipgraph.graph.iris import DEFAULT_BASE
from dipgraph.loader import check_facts

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


def contact(rng: random.Random) -> str:
    a, b = rng.sample(ACTORS, 2)
    if rng.random() < 0.15:
        b = "nobody-known"  # an unknown reference
    return (
        f"  - id: extra-{rng.randrange(6)}\n    type: meeting\n    participants: [{a}, {b}]\n"
        f"    summary: Extra meeting {rng.randrange(1000)}.\n    evidence:\n"
        f"      - source: wire\n        quote: {QUOTE}\n"
    )


def extras(root: Path) -> list[Path]:
    return sorted((root / "extra").rglob("*.yaml")) if (root / "extra").exists() else []


def edit(root: Path, rng: random.Random, step: int) -> Path | None:
    """One random edit; the file it wrote, if any."""
    facts = root / "facts.yaml"
    files = extras(root)
    choice = rng.choice(
        ["add", "add", "change", "delete", "rename", "move", "break", "repair", "extra"]
    )
    target = root / "extra" / f"e{step}.yaml"
    if choice == "add" or (not files and choice in ("change", "delete", "rename")):
        target.parent.mkdir(exist_ok=True)
        target.write_text("contacts:\n" + "".join(contact(rng) for _ in range(2)), "utf-8")
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
    old, new = "[carol-clark, dmitri-dorin]", "[carol-clark, dmitri-dorrin]"
    if choice == "repair":
        old, new = new, old
    facts.write_text(facts.read_text("utf-8").replace(old, new), "utf-8")
    return facts


def agree(root: Path) -> None:
    full_facts, full_problems = check_facts(root)
    report = check_report(root.resolve(), DEFAULT_BASE)
    # check's report adds the curation rules to the loader's problems, whichever way read
    assert report.problems == with_curation(full_facts, full_problems, root)
    assert report.counts == {k: len(full_facts.by_kind(k)) for k in RECORD_TYPES}
    assert report.files == len(full_facts.files)
    facts, problems = check_cached(root.resolve(), DEFAULT_BASE)
    assert problems == full_problems
    assert encode_facts(facts) == encode_facts(full_facts)  # locations included


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("trust_stat", [False, True], ids=["hashed", "stat-index"])
def test_incremental_and_full_checks_agree_over_random_edits(
    small_copy: Path, tmp_path: Path, monkeypatch, seed: int, trust_stat: bool
) -> None:
    """add, change, delete, rename, move a fact between files, break and repair a
    reference, files whose checks across files fail (look-alikes, cycles, quotes, YAML).
    ``stat-index``: files count as settled at once (each edit gets its own mtime), so
    unchanged files are known by their stat and unchanged folders by the report."""
    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "facts"
    shutil.move(small_copy, root)
    monkeypatch.chdir(tmp_path)  # messages show paths relative to here
    if trust_stat:
        monkeypatch.setattr(cache, "RECENT_NS", -(10**18))
    rng = random.Random(seed)
    agree(root)
    for step in range(14):
        written = edit(root, rng, step)
        if trust_stat and written is not None:
            os.utime(written, ns=(10**18 + step * 10**9,) * 2)
        agree(root)


def test_an_unchanged_folder_is_answered_from_the_stat_of_its_files(
    small_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    """No fact file or source text is read when none changed since a clean check."""
    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "RECENT_NS", -(10**18))
    root = small_copy.resolve()
    first = check_report(root, DEFAULT_BASE)
    assert not first.unchanged and first.problems == []
    opened: list[Path] = []
    real_open = Path.open

    def spy(self: Path, *args, **kwargs):
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    again = check_report(root, DEFAULT_BASE)
    assert again.unchanged and (again.problems, again.counts) == (first.problems, first.counts)
    assert [p for p in opened if p.is_relative_to(root)] == []
    monkeypatch.setattr(Path, "open", real_open)
    wire = root / "sources" / "wire.txt"
    wire.write_text("changed", encoding="utf-8")
    os.utime(wire, ns=(10**18,) * 2)
    changed = check_report(root, DEFAULT_BASE)
    assert not changed.unchanged and any("quote" in p.message for p in changed.problems)


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
    small_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    """A query after an edit checks the edited file; the others' checks are reused."""
    import dipgraph.cache.file_checks as file_checks

    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    root = small_copy.resolve()
    dipgraph.load(root, cache=True)
    topics = root / "topics.yaml"
    topics.write_text(topics.read_text("utf-8").replace("New START", "New START treaty"), "utf-8")
    checked: list[str] = []
    real = file_checks.check_one_file

    def spy(path: Path, *args):
        checked.append(path.name)
        return real(path, *args)

    monkeypatch.setattr(file_checks, "check_one_file", spy)
    warm = dipgraph.load(root, cache=True)
    assert checked == ["topics.yaml"]
    assert encode_facts(warm.facts) == encode_facts(dipgraph.load(root).facts)
    assert warm.facts.topics["new-start"].names["en"] == "New START treaty"


def test_check_says_what_it_read_again(cli, small_copy: Path) -> None:
    """The command line says when no file changed, and how many files it read again."""
    import time

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


def test_the_per_file_checks_stay_within_a_quarter_of_the_cache_limit(
    small_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    import sqlite3

    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    # 7,864 bytes for the checks: room for facts.yaml's (~5 kB: it holds its absolute
    # path at each record, so its size follows tmp_path), not for all seven files' (~10 kB)
    monkeypatch.setenv("DIPGRAPH_CACHE_MAX_MB", "0.03")
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
