"""The compile cache: reused for identical files, never stale after a change."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import dipgraph
from conftest import CACHE_DIR, REPO
from dipgraph.cache import content_key


def summaries(cli, facts: Path) -> dict[str, str]:
    result = cli("talks", "--facts", facts, "--format", "json")
    assert result.code == 0, result.err
    return {c["id"]: c["summary"] for c in result.json()}


def test_key_follows_content(small_copy: Path) -> None:
    root = small_copy.resolve()
    first = content_key(root, "urn:x:")
    assert content_key(root, "urn:x:") == first
    assert content_key(root, "urn:y:") != first
    (small_copy / "notes.txt").write_text("not a fact file", encoding="utf-8")
    assert content_key(root, "urn:x:") == first  # only what a compile reads
    with (small_copy / "facts.yaml").open("a", encoding="utf-8") as handle:
        handle.write("# a comment\n")
    assert content_key(root, "urn:x:") != first


def test_an_edited_source_text_makes_the_entry_stale(small_copy: Path, monkeypatch) -> None:
    """Source texts are not in the key: the entry lists their digests instead."""
    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(small_copy.parent / "cache"))
    dipgraph.load(small_copy, cache=True)
    assert dipgraph.load(small_copy, cache=True).views is not None  # warm
    (small_copy / "sources" / "wire.txt").write_text("changed", encoding="utf-8")
    with pytest.raises(dipgraph.FactsError, match="quote"):
        dipgraph.load(small_copy, cache=True)  # checked again: the quotes are gone


def test_a_changed_file_invalidates_the_cache(cli, small_copy: Path) -> None:
    before = summaries(cli, small_copy)
    entries = {p.name for p in CACHE_DIR.iterdir() if p.is_dir()}
    assert summaries(cli, small_copy) == before  # served from the cache
    assert {p.name for p in CACHE_DIR.iterdir() if p.is_dir()} == entries
    facts = small_copy / "facts.yaml"
    facts.write_text(
        facts.read_text(encoding="utf-8").replace(
            "Belov met the American envoy Clark in Vienna.", "Belov met Clark (edited)."
        ),
        encoding="utf-8",
    )
    after = summaries(cli, small_copy)
    assert after["belov-clark-meeting"] == "Belov met Clark (edited)."
    rows = cli(
        "sparql",
        "SELECT ?c WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#comment> ?c"
        " FILTER(CONTAINS(?c, 'edited')) }",
        "--facts",
        small_copy,
        "--format",
        "csv",
    )
    assert rows.out.splitlines()[1:] == ["Belov met Clark (edited)."]


def test_an_error_introduced_after_caching_is_reported(cli, small_copy: Path) -> None:
    summaries(cli, small_copy)
    (small_copy / "bad.yaml").write_text("contacts:\n  - id: x\n", encoding="utf-8")
    result = cli("talks", "--facts", small_copy)
    assert result.code == 1 and "missing required field" in result.err


def test_cached_and_fresh_loads_agree(small_copy: Path, monkeypatch) -> None:
    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(small_copy.parent / "cache"))
    fresh = dipgraph.load(small_copy)
    cold = dipgraph.load(small_copy, cache=True)
    warm = dipgraph.load(small_copy, cache=True)
    assert warm.facts.contacts == fresh.facts.contacts == cold.facts.contacts
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    counts = {str(next(iter(kg.sparql(query)))["n"].value) for kg in (fresh, cold, warm)}
    assert len(counts) == 1


def test_warm_answers_come_from_the_index_and_equal_fresh_ones(small_copy, monkeypatch) -> None:
    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(small_copy.parent / "cache2"))
    fresh = dipgraph.load(small_copy)
    dipgraph.load(small_copy, cache=True)  # fills the cache
    warm = dipgraph.load(small_copy, cache=True)
    assert warm.talks() == fresh.talks()
    assert warm.talks("بيلوف", since="2021") == fresh.talks("بيلوف", since="2021")
    assert warm.talks(topic="arms control") == fresh.talks(topic="arms control")
    for kwargs in ({}, {"all": True, "any_status": True}, {"via": "all"}, {"temporal": True}):
        assert warm.path("alice", "dorin", **kwargs) == fresh.path("alice", "dorin", **kwargs)
    assert warm._facts is None  # talks and path never decoded the facts
    assert warm.show("belov") == fresh.show("belov")  # show loads them on demand


@pytest.mark.parametrize("folder", ["small", "bundled"])
def test_warm_show_comes_from_the_index_and_equals_a_fresh_one(
    folder: str, tmp_path: Path, monkeypatch
) -> None:
    """Every actor's profile, answered from the stored parts without decoding a fact."""
    from dipgraph.bundled import default_facts_dir

    root = REPO / "tests" / "fixtures" / "small" if folder == "small" else default_facts_dir()
    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    fresh = dipgraph.load(root)
    dipgraph.load(root, cache=True)  # fills the cache
    warm = dipgraph.load(root, cache=True)
    for ident in fresh.facts.actors:
        assert warm.show(ident) == fresh.show(ident), ident
    assert warm._facts is None


def test_eviction_keeps_recent_entries_and_never_touches_other_folders(
    small_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    """A cache directory may be shared (say ~/.cache or /tmp): only entries are evicted."""
    from dipgraph.cache import KEEP_ENTRIES

    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path))
    mine = tmp_path / "my-notes"
    mine.mkdir()
    (tmp_path / ("f" * 31)).mkdir()  # almost a key: still not ours
    for number in range(KEEP_ENTRIES + 2):
        with (small_copy / "facts.yaml").open("a", encoding="utf-8") as handle:
            handle.write(f"# edit {number}\n")
        dipgraph.load(small_copy, cache=True)  # a new content key: a new entry
    entries = [p for p in tmp_path.iterdir() if len(p.name) == 32]
    assert len(entries) == KEEP_ENTRIES
    assert mine.is_dir() and (tmp_path / ("f" * 31)).is_dir()


def test_eviction_keeps_the_newest_key_notes_and_only_ours(
    small_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    from dipgraph.cache import KEEP_KEY_NOTES

    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path))
    tmp_path.chmod(0o700)
    old = [tmp_path / f"key-{number:024x}.json" for number in range(KEEP_KEY_NOTES + 5)]
    for age, note in enumerate(old):
        note.write_text("{}", encoding="utf-8")
        os.utime(note, (1_000_000 + age, 1_000_000 + age))
    theirs = tmp_path / "key-mine.json"
    theirs.write_text("{}", encoding="utf-8")
    os.utime(theirs, (1, 1))
    dipgraph.load(small_copy, cache=True)  # a new entry: eviction runs
    notes = {p.name for p in tmp_path.glob("key-*.json")}
    assert len(notes) == KEEP_KEY_NOTES + 1  # ours, and theirs untouched
    assert theirs.name in notes and old[-1].name in notes and old[0].name not in notes


def test_a_clean_check_leaves_a_warm_cache_and_a_failed_one_none(
    small_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path))
    facts, problems = dipgraph.check(small_copy, cache=True)
    assert problems == []
    warm = dipgraph.load(small_copy, cache=True)
    assert warm._facts is None and warm.views is not None  # answered from the entry
    assert warm.facts.contacts == facts.contacts
    (small_copy / "bad.yaml").write_text("contacts:\n  - id: x\n", encoding="utf-8")
    before = set(tmp_path.iterdir())
    _, problems = dipgraph.check(small_copy, cache=True)
    assert problems and set(tmp_path.iterdir()) == before


def test_eviction_keeps_the_cache_within_its_size_limit(
    small_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(cache))
    monkeypatch.setenv("DIPGRAPH_CACHE_MAX_MB", "0.001")  # smaller than any entry
    for number in range(3):
        with (small_copy / "facts.yaml").open("a", encoding="utf-8") as handle:
            handle.write(f"# edit {number}\n")
        newest = dipgraph.load(small_copy, cache=True)
    stores = ("files.sqlite", "compiled.sqlite")  # (each within its own limit)
    kept = [p.name for p in cache.iterdir() if p.name not in stores]
    assert kept == [newest.entry.directory.name]
    assert newest.talks() == dipgraph.load(small_copy, cache=True).talks()  # still usable


def test_open_store_gives_a_loaded_store_and_keeps_its_nquads(
    small_copy: Path, monkeypatch
) -> None:
    """What a SPARQL worker process calls; the second call loads the kept N-Quads."""
    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(small_copy.parent / "cache"))
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    first = dipgraph.open_store(small_copy)
    (kept,) = (small_copy.parent / "cache").glob("*/data.nq")
    written = kept.stat().st_mtime_ns
    second = dipgraph.open_store(small_copy)
    assert kept.stat().st_mtime_ns == written
    counts = {next(iter(s.query(query)))["n"].value for s in (first, second)}
    assert len(counts) == 1 and int(counts.pop()) > 100


@pytest.mark.parametrize("folder", ["tests/fixtures/small", "tests/fixtures/sides", "facts"])
def test_facts_come_back_from_json_exactly(folder: str) -> None:
    """Every record, field and file location survives the trip through the cache's JSON."""
    import dataclasses
    import json

    from conftest import REPO
    from dipgraph.cache.records import decode_facts, encode_facts, facts_json

    facts = dipgraph.load(REPO / folder).facts
    text = encode_facts(facts)
    # Written in pieces of a few records (the entry's rows): the same text.
    assert "".join(facts_json(facts, records_a_piece=2)) == text
    back = decode_facts(json.loads(text))
    for kind in ("sources", "actors", "topics", "posts", "contacts", "statements"):
        mine, theirs = getattr(facts, kind), getattr(back, kind)
        assert list(mine) == list(theirs) and mine == theirs
        assert [r.location for r in mine.values()] == [r.location for r in theirs.values()]
        fields = dataclasses.fields(next(iter(mine.values()))) if mine else ()
        for a, b in zip(mine.values(), theirs.values(), strict=True):
            assert [getattr(a, f.name) for f in fields] == [getattr(b, f.name) for f in fields]
    assert (back.root, back.files) == (facts.root, facts.files)


def test_a_stored_record_of_the_wrong_shape_is_refused() -> None:
    from dipgraph.cache.records import BadRecord, decoder
    from dipgraph.facts import Evidence, Location

    with pytest.raises(BadRecord):
        decoder(Evidence)(["only one field"])
    with pytest.raises(BadRecord):
        decoder(Evidence)(["source", {"__reduce__": "os.system"}])
    good = ["wire", "a quote", None, False, None]
    assert decoder(Evidence)(good) == Evidence("wire", "a quote")
    for field, wrong in [(0, 7), (1, None), (2, 3), (3, 0), (3, "yes")]:
        bad = list(good)
        bad[field] = wrong  # a text, a flag, a record of another type
        with pytest.raises(BadRecord):
            decoder(Evidence)(bad)
    with pytest.raises(BadRecord):  # a flag is no line number
        decoder(Location)(["a.yaml", True, 1])


def test_the_cache_writes_json_exactly_as_the_standard_encoder_does() -> None:
    """tables._json (the C encoder made once) against json's own encode."""
    import json

    from dipgraph.cache.tables import _json

    encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    values = [
        {"id": "c-1", "sides": [[{"id": "a", "name": "لافروف"}]], "n": 2.5, "x": None},
        ["\u202e", "\u0000", '"quoted"', True, False, 10**20],
        "plain",
        ("a", ("b", 1)),
        {},
    ]
    for value in values:
        assert _json(value) == encoder.encode(value)


def test_a_store_of_parts_from_an_earlier_version_is_sized_and_evicts_the_same(
    tmp_path: Path,
) -> None:
    """A store written without the size column gets it (each row's bytes), and rows are
    dropped least recently used first, past the limit, from the sizes alone."""
    import sqlite3

    from dipgraph.cache.parts import PartStore

    path = tmp_path / "files.sqlite"
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TABLE parts (key TEXT PRIMARY KEY, value TEXT NOT NULL, used REAL NOT NULL)"
        )
        db.executemany(
            "INSERT INTO parts VALUES (?, ?, ?)", [("old", "é" * 40, 1.0), ("older", "x" * 40, 0.5)]
        )
    path.chmod(0o600)
    store = PartStore(path, max_bytes=150)
    with sqlite3.connect(path) as db:
        assert dict(db.execute("SELECT key, size FROM parts")) == {"old": 80, "older": 40}
    store.put({"new": "y" * 60})  # 180 bytes in all: the least recently used goes
    assert store.get(["old", "older", "new"]) == {"old": "é" * 40, "new": "y" * 60}
    store.put({"newest": "z" * 100})
    assert sorted(store.get(["old", "new", "newest"])) == ["newest"]
    store.close()


@pytest.mark.parametrize("unplaced", [False, True], ids=["by-file", "one-value"])
def test_an_entry_gives_the_facts_back_file_by_file_or_whole(
    tmp_path: Path, unplaced: bool
) -> None:
    """An entry keeps each file's records in a row of its own; facts with a record that
    says no file (built, not read) are kept as one value: both read back exactly."""
    import dataclasses

    from conftest import SMALL
    from dipgraph.cache.records import encode_facts
    from dipgraph.cache.tables import Tables, TableWriter
    from dipgraph.cached_graph.parts import fill, stored_facts
    from dipgraph.graph.knowledge import KnowledgeGraph

    facts = dipgraph.load(SMALL).facts
    if unplaced:
        ident, contact = next(iter(facts.contacts.items()))
        facts.contacts[ident] = dataclasses.replace(contact, location=None)
    writer = TableWriter(tmp_path / "index.sqlite")
    fill(KnowledgeGraph(facts, "urn:x:"))(writer)
    writer.close()
    tables = Tables(tmp_path / "index.sqlite")
    assert ("value:facts" in tables.parts) is unplaced
    assert ("facts.files" in tables.parts) is not unplaced
    back = stored_facts(tables)()
    assert encode_facts(back) == encode_facts(facts)
