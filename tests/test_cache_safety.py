"""The compile cache under attack and under faults (issue #10, items 14-17).

Each test reproduces the attack or the fault: a planted pickle, a folder others can
write, an entry someone else owns, a concurrent rewrite, an edit during a read,
damaged files, an unusable or full folder, and what ``kill -9`` leaves behind.
"""

from __future__ import annotations

import os
import pickle
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import suppress
from pathlib import Path

import pytest

import dipgraph
from conftest import REPO, SMALL
from dipgraph.cache import content_key
from dipgraph.cache.folder import building_dir, clean_leftovers
from dipgraph.cache.tables import CacheDamaged, Tables, TableWriter

MARKER_CODE = "import pathlib; pathlib.Path({!r}).write_text('pwned')"


class Payload:
    """Unpickling this runs code: what an attacker plants."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (exec, (MARKER_CODE.format(str(self.marker)),))


def run(
    *args: str | Path, cache: Path, limit_file_size: int | None = None
) -> subprocess.CompletedProcess:
    """The real CLI with its own cache folder (optionally with a file size limit, which
    makes the disk look full to it)."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_size, limit_file_size))

    env = {**os.environ, "DIPGRAPH_CACHE_DIR": str(cache), "COLUMNS": "200"}
    env.pop("DIPGRAPH_NO_CACHE", None)
    return subprocess.run(
        [sys.executable, "-m", "dipgraph", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        env=env,
        timeout=120,
        preexec_fn=limit if limit_file_size else None,
    )


def talk_ids(result: subprocess.CompletedProcess) -> list[str]:
    import json

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return [row["id"] for row in json.loads(result.stdout)]


def entries(cache: Path) -> list[Path]:
    return [p for p in cache.iterdir() if len(p.name) == 32]


def files_under(cache: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(cache)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in cache.rglob("*")
        if p.is_file()
    }


@pytest.fixture
def warm(small_copy: Path, tmp_path: Path) -> tuple[Path, Path, list[str]]:
    """A facts copy, its cache folder with one entry (and N-Quads), and the right answer."""
    cache = tmp_path / "cache"
    expected = talk_ids(run("talks", "--facts", small_copy, "--format", "json", cache=cache))
    sparql = run("sparql", "who-talked-to-whom", "--facts", small_copy, cache=cache)
    assert sparql.returncode == 0, sparql.stderr
    (entry,) = entries(cache)
    assert {p.name for p in entry.iterdir()} == {"index.sqlite", "data.nq"}
    return small_copy, cache, expected


# -- item 14: nothing in the cache can run code; only the user's own folders count ----


def test_a_planted_pickle_never_runs(warm, tmp_path: Path) -> None:
    facts, cache, expected = warm
    marker = tmp_path / "pwned"
    (entry,) = entries(cache)
    payload = pickle.dumps(Payload(marker))
    for name in ("facts.pickle", "index.marshal", "views.jsonl", "index.pickle"):
        (entry / name).write_bytes(payload)
        (entry / name).chmod(0o600)
    for command in (["talks"], ["show", "belov"], ["path", "alice", "dorin"], ["sparql", "--list"]):
        result = run(*command, "--facts", facts, "--format", "json", cache=cache)
        assert result.returncode == 0, result.stderr
    assert not marker.exists()
    assert talk_ids(run("talks", "--facts", facts, "--format", "json", cache=cache)) == expected


def test_the_cache_holds_no_pickle_or_marshal_data(warm) -> None:
    _, cache, _ = warm
    for path in cache.rglob("*"):
        if path.is_file():
            head = path.read_bytes()[:2]
            assert head not in (b"\x80\x04", b"\x80\x05"), f"{path} looks like a pickle"
    source = (REPO / "dipgraph").rglob("*.py")
    assert not any(
        "import pickle" in p.read_text() or "import marshal" in p.read_text() for p in source
    )


def forge_views(entry: Path) -> None:
    """What a neighbour who can write the folder does: a forged contact summary."""
    with sqlite3.connect(entry / "index.sqlite") as db:
        (table,) = db.execute("SELECT tab FROM parts WHERE name='views'").fetchone()
        db.execute(f"UPDATE {table} SET data=replace(data, 'Vienna', 'FORGED')")


@pytest.mark.slow
@pytest.mark.parametrize("who", ["folder", "entry", "file"])
def test_a_cache_others_can_write_is_refused_with_one_warning(warm, who: str) -> None:
    facts, cache, expected = warm
    (entry,) = entries(cache)
    forge_views(entry)
    target = {"folder": cache, "entry": entry, "file": entry / "index.sqlite"}[who]
    target.chmod(0o777 if target.is_dir() else 0o666)
    result = run("talks", "--facts", facts, "--format", "json", cache=cache)
    assert talk_ids(result) == expected
    assert "FORGED" not in result.stdout
    assert result.stderr.count("warning:") == 1
    assert "running without the cache" in result.stderr


def test_an_entry_another_user_owns_is_refused(warm, monkeypatch) -> None:
    """Seen from another uid, every file of the cache belongs to someone else."""
    facts, cache, _ = warm
    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(cache))
    monkeypatch.setattr(os, "geteuid", lambda: os.getuid() + 4242)
    kg = dipgraph.load(facts, cache=True)
    assert kg.views is None  # answered from the facts, not the entry
    assert "belov-clark-meeting" in [c["id"] for c in kg.talks("belov")]


def test_new_folders_and_files_are_private(small_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "new" / "cache"
    talk_ids(run("talks", "--facts", small_copy, "--format", "json", cache=cache))
    assert run("sparql", "who-talked-to-whom", "--facts", small_copy, cache=cache).returncode == 0
    assert cache.stat().st_mode & 0o777 == 0o700
    for path in cache.rglob("*"):
        assert path.stat().st_mode & 0o777 == (0o700 if path.is_dir() else 0o600), path


# -- item 15: every write is atomic --------------------------------------------------


@pytest.mark.slow
def test_queries_running_while_check_writes_never_fail(small_copy: Path, tmp_path: Path) -> None:
    """Each round edits the facts, so each check writes a new entry while talks read."""
    cache = tmp_path / "cache"
    env = {**os.environ, "DIPGRAPH_CACHE_DIR": str(cache)}
    command = [sys.executable, "-m", "dipgraph"]
    for number in range(4):
        with (small_copy / "facts.yaml").open("a", encoding="utf-8") as handle:
            handle.write(f"# round {number}\n")
        checking = subprocess.Popen(
            [*command, "check", "--facts", small_copy],
            env=env,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        readers = [
            subprocess.Popen(
                [*command, "talks", "--facts", small_copy, "--format", "json"],
                env=env,
                cwd=REPO,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for _ in range(3)
        ]
        _, check_err = checking.communicate(timeout=120)
        assert checking.returncode == 0, check_err
        for reader in readers:
            _, err = reader.communicate(timeout=120)
            assert reader.returncode == 0 and b"Traceback" not in err, err


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    from dipgraph.cache.folder import write_atomic

    target = tmp_path / "data"
    target.write_bytes(b"old")

    def failing(stream) -> None:
        stream.write(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_atomic(target, failing)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["data"]


# -- item 16: the key is what was read -------------------------------------------------


def test_an_edit_during_a_cold_load_is_never_cached_as_the_new_content(
    small_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    """The files change after the loader read them and before the entry is written:
    the entry must not pair the old answers with the new files."""
    import dipgraph.cached_graph

    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    facts_file = small_copy / "facts.yaml"
    read = dipgraph.cached_graph._load_checked

    def read_then_edit(root):
        loaded = read(root)
        facts_file.write_text(
            facts_file.read_text(encoding="utf-8").replace(
                "Belov met the American envoy Clark in Vienna.", "Edited during the read."
            ),
            encoding="utf-8",
        )
        return loaded

    monkeypatch.setattr(dipgraph.cached_graph, "_load_checked", read_then_edit)
    dipgraph.load(small_copy, cache=True)
    monkeypatch.setattr(dipgraph.cached_graph, "_load_checked", read)
    after = dipgraph.load(small_copy, cache=True)
    summaries = {c["id"]: c["summary"] for c in after.talks("belov")}
    assert summaries["belov-clark-meeting"] == "Edited during the read."


def test_the_key_ignores_bytecode_and_follows_schema_data(tmp_path: Path, monkeypatch) -> None:
    import compileall

    import dipgraph.schema.model as model

    schema = tmp_path / "schema"
    shutil.copytree(model.SCHEMA_DIR, schema, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(model, "SCHEMA_DIR", schema)
    root = (REPO / "tests" / "fixtures" / "small").resolve()
    before = content_key(root, "urn:x:")
    assert compileall.compile_dir(schema, quiet=1, legacy=False)
    compileall.compile_dir(schema, quiet=1, optimize=2)
    assert list(schema.rglob("*.pyc"))  # bytecode was written
    assert content_key(root, "urn:x:") == before
    with (schema / "contact.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\n# a change to the schema data\n")
    assert content_key(root, "urn:x:") != before


@pytest.mark.slow
def test_a_warm_check_writes_nothing(small_copy: Path, tmp_path: Path) -> None:
    """Files touched in the last two seconds get no remembered stat print (a second
    edit within the clock's granularity could go unseen), so wait as a user would."""
    cache = tmp_path / "cache"
    time.sleep(2.1)
    assert run("check", "--facts", small_copy, cache=cache).returncode == 0
    time.sleep(0.05)
    before = files_under(cache)
    assert any(name.endswith("index.sqlite") for name in before)
    result = run("check", "--facts", small_copy, cache=cache)
    assert result.returncode == 0 and "ok:" in result.stdout
    assert files_under(cache) == before


# -- item 17: damage and faults --------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_a_damaged_index_is_a_miss_that_is_rebuilt(warm, damage: str) -> None:
    facts, cache, expected = warm
    (entry,) = entries(cache)
    index = entry / "index.sqlite"
    data = index.read_bytes()
    index.write_bytes(
        {"garbage": b"\x00junk" * 1000, "truncated": data[: len(data) // 2], "empty": b""}[damage]
    )
    result = run("talks", "--facts", facts, "--format", "json", cache=cache)
    assert talk_ids(result) == expected
    assert "Traceback" not in result.stderr
    rebuilt = entry / "index.sqlite"
    assert rebuilt.read_bytes()[:16] == b"SQLite format 3\x00"
    assert talk_ids(run("talks", "--facts", facts, "--format", "json", cache=cache)) == expected


@pytest.mark.slow
@pytest.mark.parametrize("part", ["views", "index.contacts_by_actor", "facts.files"])
def test_a_damaged_value_found_mid_query_is_recovered_from_the_facts(warm, part: str) -> None:
    facts, cache, _ = warm
    (entry,) = entries(cache)
    with sqlite3.connect(entry / "index.sqlite") as db:
        (table,) = db.execute("SELECT tab FROM parts WHERE name=?", (part,)).fetchone()
        db.execute(f"UPDATE {table} SET data='{{not json'")
    warned = []
    commands = (["talks", "belov"], ["show", "belov"], ["path", "alice", "dorin"], ["actors"])
    for command in commands:  # (`actors` reads the facts; the others the indexes)
        result = run(*command, "--facts", facts, "--format", "json", cache=cache)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        assert "belov" in result.stdout
        warned.append("warning:" in result.stderr)
    assert any(warned)  # the damage was met, said, and answered around
    after = run("talks", "belov", "--facts", facts, cache=cache)
    assert after.returncode == 0 and "warning:" not in after.stderr
    assert len(entries(cache)) == 1  # the damaged entry went; this run built a new one


def list_rows(results) -> list[str]:
    return sorted(str(solution["contact"]) for solution in results)


# Every question of the Python API, and the stored part it reads first.
QUESTIONS = {
    "talks": (lambda kg: kg.talks("belov"), "views"),
    "path": (lambda kg: kg.path("alice", "dorin"), "index.contacts_by_actor"),
    "show": (lambda kg: kg.show("belov"), "profiles"),
    "rank": (lambda kg: kg.rank(), "index.contacts"),
    "explain_rank": (lambda kg: kg.explain_rank("belov"), "index.contacts"),
    "actors": (lambda kg: kg.actors(), "facts.files"),
    "actor": (lambda kg: kg.actor("belov").id, "actor_names.exact"),
    "stats": (lambda kg: kg.stats(), "facts.files"),
    "sparql": (
        lambda kg: kg.answer("contacts-of", list_rows, {"actor": "belov"}),
        "actor_names.exact",
    ),
}


@pytest.mark.parametrize("question", QUESTIONS)
def test_every_question_of_the_api_is_asked_again_after_damage(
    small_copy: Path, tmp_path: Path, monkeypatch, question: str
) -> None:
    """The graph knows no cache: the layer that loads it through the cache
    (dipgraph.cached_graph) meets the damage, drops the entry, reads the facts again
    and asks the same question again, with the same answer as without a cache."""
    from dipgraph.errors import DipgraphWarning

    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    ask, part = QUESTIONS[question]
    expected = ask(dipgraph.load(small_copy))
    dipgraph.load(small_copy, cache=True)  # writes the entry
    (entry,) = entries(tmp_path / "cache")
    with sqlite3.connect(entry / "index.sqlite") as db:
        (table,) = db.execute("SELECT tab FROM parts WHERE name=?", (part,)).fetchone()
        db.execute(f"UPDATE {table} SET data='{{not json'")
    kg = dipgraph.load(small_copy, cache=True)
    with pytest.warns(DipgraphWarning, match="reading the facts again"):
        assert ask(kg) == expected
    assert not entry.exists()  # discarded: the next load builds it again
    assert ask(kg) == expected  # and the graph goes on answering from the facts


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE {files} SET key = 'elsewhere.yaml' WHERE rowid = 1",  # another file's
        "DELETE FROM {files} WHERE rowid = 1",  # a file's records gone
        "UPDATE {files} SET data = '{{\"robots\": [1]}}' WHERE rowid = 1",  # unknown kind
        "UPDATE {files} SET data = '[1]' WHERE rowid = 1",
        'UPDATE {head} SET data = \'{{"root": "/", "files": [], "order": [[1]]}}\'',
        'UPDATE {head} SET data = \'{{"root": "/", "files": []}}\'',
        # one file listed twice, in place of another (its records would be left out)
        "UPDATE {head} SET data = json_set(data, '$.order[1]', json_extract(data, '$.order[0]'))",
    ],
)
def test_the_records_kept_file_by_file_are_read_whole_or_are_damage(
    small_copy: Path, tmp_path: Path, monkeypatch, damage: str
) -> None:
    """An entry keeps each file's records in a row of its own (an edit rewrites that
    file's row only): a row lost, added, renamed or of the wrong shape, or a list of
    files that is not the rows', is damage, met and answered around, never fewer facts."""
    from dipgraph.errors import DipgraphWarning

    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    expected = dipgraph.load(small_copy).stats()
    dipgraph.load(small_copy, cache=True)  # writes the entry
    (entry,) = entries(tmp_path / "cache")
    with sqlite3.connect(entry / "index.sqlite") as db:
        tables = dict(db.execute("SELECT name, tab FROM parts"))
        db.execute(damage.format(files=tables["facts.files"], head=tables["value:facts.head"]))
    kg = dipgraph.load(small_copy, cache=True)
    with pytest.warns(DipgraphWarning, match="reading the facts again"):
        assert kg.stats() == expected


@pytest.mark.slow
@pytest.mark.parametrize("data", ["5", '{"x": [1]}', '[["a", 2]]'])
@pytest.mark.parametrize("part", ["views", "actor_names.exact", "index.contacts_by_actor"])
def test_a_stored_value_of_the_wrong_shape_is_damage_too(warm, part: str, data: str) -> None:
    """Valid JSON where a view, a name list or a shard should be (a tampered entry)."""
    facts, cache, _ = warm
    (entry,) = entries(cache)
    with sqlite3.connect(entry / "index.sqlite") as db:
        (table,) = db.execute("SELECT tab FROM parts WHERE name=?", (part,)).fetchone()
        db.execute(f"UPDATE {table} SET data=?", (data,))
    commands = (["talks", "belov"], ["show", "belov"], ["path", "alice", "dorin"], ["actors"])
    for command in commands:  # (`actors` reads the facts; the others the indexes)
        result = run(*command, "--facts", facts, "--format", "json", cache=cache)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        assert "belov" in result.stdout


def test_damaged_nquads_are_rewritten(warm) -> None:
    facts, cache, _ = warm
    (entry,) = entries(cache)
    good = run("sparql", "who-talked-to-whom", "--facts", facts, "--format", "csv", cache=cache)
    (entry / "data.nq").write_text("<broken", encoding="utf-8")
    again = run("sparql", "who-talked-to-whom", "--facts", facts, "--format", "csv", cache=cache)
    assert again.returncode == 0 and "Traceback" not in again.stderr, again.stderr
    assert again.stdout == good.stdout
    assert (entry / "data.nq").read_text(encoding="utf-8").startswith("<")
    assert "<broken" not in (entry / "data.nq").read_text(encoding="utf-8")[:10]


def test_an_unusable_cache_folder_means_no_cache_and_one_warning(small_copy, tmp_path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = run("talks", "--facts", small_copy, "--format", "json", cache=blocker / "cache")
    assert "belov-clark-meeting" in talk_ids(result)
    assert result.stderr.count("warning:") == 1 and "running without the cache" in result.stderr


def test_a_full_disk_means_no_cache_no_temporary_file_and_the_right_answer(
    small_copy: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    expected = talk_ids(
        run("talks", "--facts", small_copy, "--format", "json", cache=tmp_path / "other")
    )
    for command in (["talks"], ["sparql", "who-talked-to-whom"]):
        result = run(
            *command,
            "--facts",
            small_copy,
            "--format",
            "json",
            cache=cache,
            limit_file_size=4096,
        )
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        assert "cache not written" in result.stderr
        assert result.stderr.count("warning:") == 1
        if command == ["talks"]:
            assert talk_ids(result) == expected
    leftovers = [p for p in cache.rglob("*") if not p.name.startswith("key-")]
    # (each SQLite store rolled back: the per-file checks and what compiling gave)
    assert {p.name for p in leftovers} <= {"files.sqlite", "compiled.sqlite"}


def test_what_kill_9_leaves_behind_is_cleaned_and_work_in_progress_is_kept(
    small_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(cache))
    entry = dipgraph.load(small_copy, cache=True).entry.directory
    child = os.fork()
    if child == 0:  # a writer killed mid-way: its building folder and temporary file stay
        with building_dir(cache) as building:
            (building / "index.sqlite").write_bytes(b"half")
            (entry / ".tmp-half").write_bytes(b"half")
            os.kill(os.getpid(), signal.SIGKILL)
    os.waitpid(child, 0)
    old_store = entry / "store-abc"  # what older versions left
    old_store.mkdir()
    os.utime(old_store, (time.time() - 7200, time.time() - 7200))
    assert len(list(cache.glob(".building-*"))) == 1 and (entry / ".tmp-half").exists()
    with building_dir(cache) as busy:  # another process at work right now
        clean_leftovers(cache, lambda p: p == entry)
        assert busy.exists()
    assert list(cache.glob(".building-*")) == []
    assert not (entry / ".tmp-half").exists() and not old_store.exists()


def test_a_second_writer_keeps_the_entry_others_are_reading(
    small_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    """Two processes that miss the cache at once both build the entry; the second must
    not pull the first one's entry from under its readers (a check exited 1 with
    '[Errno 2] No such file or directory' when it did)."""
    from dipgraph.cache import entry_for
    from dipgraph.cached_graph import _read
    from dipgraph.cached_graph.parts import fill as _fill
    from dipgraph.graph.iris import DEFAULT_BASE
    from dipgraph.graph.knowledge import KnowledgeGraph

    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path))
    root = small_copy.resolve()
    began = time.time() + 5  # facts older than the reading: the entry is kept
    facts, problems = dipgraph.check(root)
    assert problems == []
    kg = KnowledgeGraph(facts, DEFAULT_BASE)
    sources = [s.file for s in facts.sources.values()]
    first, second = entry_for(root, DEFAULT_BASE), entry_for(root, DEFAULT_BASE)
    assert first is not None and second is not None
    assert first.save(_fill(kg), sources, began, _read(facts))
    reading = first.open()
    assert reading is not None
    inode = first.directory.stat().st_ino
    assert not second.save(_fill(kg), sources, began, _read(facts))  # the same entry, there first
    assert first.directory.stat().st_ino == inode
    assert first.open() is not None and reading.value("sources")


# -- an entry holds what was read, under a key no content can forge ------------------


@pytest.mark.parametrize("prepare_store", [False, True], ids=["load", "cold-start-child"])
def test_an_edit_undone_while_the_facts_are_read_is_never_cached(
    small_copy: Path, tmp_path: Path, monkeypatch, prepare_store: bool
) -> None:
    """A -> B -> A while the loader reads: the files end as the key names them, but the
    facts read were B's; the entry must not answer B for A (a topic label that is in no
    file was answered)."""
    import dipgraph.loader.reading as reading

    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    topics = small_copy / "topics.yaml"
    a = topics.read_bytes()
    b = a.replace(b"{en: arms control,", b"{en: a label in no file,")
    assert b != a
    real = reading.read_bounded

    def undone_while_read(path: Path, max_bytes: int) -> bytes:
        if path.name != "topics.yaml":
            return real(path, max_bytes)
        topics.write_bytes(b)
        try:
            return real(path, max_bytes)
        finally:
            topics.write_bytes(a)

    monkeypatch.setattr(reading, "read_bounded", undone_while_read)
    dipgraph.load(small_copy, cache=True, prepare_store=prepare_store)
    monkeypatch.setattr(reading, "read_bounded", real)
    assert topics.read_bytes() == a
    warm = dipgraph.load(small_copy, cache=True)
    assert warm.facts.topics["arms-control"].names["en"] == "arms control"
    assert warm.facts == dipgraph.load(small_copy).facts


def test_the_key_cannot_be_forged_by_a_file_holding_the_next_one(
    small_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    """With files joined by NUL bytes, a file holding NUL, the next file's name and its
    bytes (that file removed) had the key of the old pair: facts that fail check were
    answered from the old entry."""
    from dipgraph.loader import fact_files

    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    root = small_copy.resolve()
    dipgraph.load(root, cache=True)
    before = content_key(root, "urn:x:")
    first, last = fact_files(root)[-2:]
    assert first.parent == last.parent == root
    first.write_bytes(first.read_bytes() + b"\0" + last.name.encode() + b"\0" + last.read_bytes())
    last.unlink()
    assert content_key(root, "urn:x:") != before
    with pytest.raises(dipgraph.FactsError):
        dipgraph.load(root, cache=True)


def _written(path: Path, fill) -> Path:
    writer = TableWriter(path)
    fill(writer)
    writer.close()
    return path


def _set_rows(path: Path, part: str, sql: str, *args: object) -> None:
    with sqlite3.connect(path) as db:
        (table,) = db.execute("SELECT tab FROM parts WHERE name=?", (part,)).fetchone()
        db.execute(sql.format(table=table), args)


@pytest.mark.parametrize("part", ["rows", "keyed", "value:whole"])
def test_json_nested_past_the_recursion_limit_is_damage_not_a_traceback(
    tmp_path: Path, part: str
) -> None:
    def fill(writer: TableWriter) -> None:
        writer.add_list("rows", [[1]])
        writer.add_map("keyed", {"k": [1]})
        writer.add_value("whole", [1])

    path = _written(tmp_path / "index.sqlite", fill)
    _set_rows(path, part, "UPDATE {table} SET data=?", "[" * 100_000 + "]" * 100_000)
    tables = Tables(path)
    with pytest.raises(CacheDamaged):
        if part == "rows":
            tables.list("rows")[0]
        elif part == "keyed":
            tables.map("keyed")["k"]
        else:
            tables.value("whole")


def test_json_just_under_the_limit_is_damage_when_tupled(tmp_path: Path) -> None:
    """json.loads may just manage a depth that turning lists to tuples cannot."""
    import sys

    path = _written(tmp_path / "index.sqlite", lambda w: w.add_list("rows", [[1]]))
    for depth in range(sys.getrecursionlimit() - 60, sys.getrecursionlimit(), 5):
        _set_rows(path, "rows", "UPDATE {table} SET data=?", "[" * depth + "]" * depth)
        tables = Tables(path)
        with suppress(CacheDamaged):  # or a tuple: never a RecursionError
            tables.list("rows")[0]


def test_a_lost_piece_of_a_stored_value_is_damage_not_fewer_facts(tmp_path: Path) -> None:
    """The facts are stored in pieces of records; a piece lost between two others still
    reads as JSON: every contact of the piece silently gone."""
    pieces = ['{"contacts":[', '"a","b"', ',"c"', "]}"]
    path = _written(tmp_path / "index.sqlite", lambda w: w.add_json("facts", pieces))
    assert Tables(path).value("facts") == {"contacts": ["a", "b", "c"]}
    _set_rows(path, "value:facts", "DELETE FROM {table} WHERE rowid=3")
    with pytest.raises(CacheDamaged):
        Tables(path).value("facts")


def test_a_piece_added_to_a_stored_value_is_damage(tmp_path: Path) -> None:
    pieces = ['{"contacts":[', '"a"', "]}"]
    path = _written(tmp_path / "index.sqlite", lambda w: w.add_json("facts", pieces))
    _set_rows(path, "value:facts", "INSERT INTO {table} (rowid, data) VALUES (9, ' ')")
    with pytest.raises(CacheDamaged):
        Tables(path).value("facts")


def test_a_key_note_nested_past_the_recursion_limit_is_ignored(
    small_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    """The note remembering a facts folder's key is JSON too: deep nesting in it made
    every query command end in a RecursionError traceback."""
    import time

    import dipgraph.cache as cache

    later = time.time_ns() + 60_000_000_000  # the files look a minute old: a note is kept
    monkeypatch.setattr(cache.time, "time_ns", lambda: later)
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    key = cache.quick_key(folder, small_copy, "https://x.example/")
    (note,) = folder.glob("key-*.json")
    note.write_text("[" * 100_000 + "]" * 100_000)
    assert cache.quick_key(folder, small_copy, "https://x.example/") == key


@pytest.mark.parametrize(
    ("value", "limit"),
    [
        ("inf", (1 << 40) << 20),  # no limit, as one may write it
        ("-inf", 0),
        ("nan", 4096 << 20),
        ("abc", 4096 << 20),
        ("1e400", (1 << 40) << 20),
        ("0.5", 1 << 19),
    ],
)
def test_any_cache_size_limit_is_read_without_a_traceback(
    monkeypatch, value: str, limit: int
) -> None:
    from dipgraph.cache import size_limit

    monkeypatch.setenv("DIPGRAPH_CACHE_MAX_MB", value)
    assert size_limit() == limit


def test_an_infinite_cache_limit_runs_a_query(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "DIPGRAPH_CACHE_DIR": str(tmp_path / "c"), "DIPGRAPH_CACHE_MAX_MB": "inf"}
    repo = Path(__file__).parent.parent
    done = subprocess.run(
        [sys.executable, "-m", "dipgraph", "talks", "belov", "--facts", str(SMALL)],
        capture_output=True,
        text=True,
        cwd=repo,
        env={**env, "PYTHONPATH": str(repo)},
        timeout=120,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
