"""`dipgraph actor accept|rename|merge`: an actor's id changed in every fact file.

The drafted file below is invented (names of the small fixture and one new person).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import dipgraph
from conftest import SMALL, run_cli
from dipgraph.editing.ids import EditError, merge, rename
from dipgraph.loader import check_facts

DRAFT = """\
# Drafted by hand for the test; comments stay where they are.
sources:
  - id: memo
    language: en
    file: sources/memo.txt
actors:
  - id: new-person-1
    kind: person
    names: {en: Dana Dorn}
  - id: new-person-2   # the same person as carol-clark, says the curator
    kind: person
    names: {en: C. Clark}
contacts:
  - id: dorn-belov-call
    type: phone_call
    participants: [new-person-1, boris-belov]
    summary: Dana Dorn called Belov.
    evidence:
      - source: memo
        quote: Dana Dorn called Boris Belov on Friday.
  - id: clark-adams-meeting
    type: meeting
    sides: [[new-person-2], [alice-adams]]
    summary: Clark met Adams.
    evidence:
      - source: memo
        quote: C. Clark met Alice Adams the same day.
statements:
  - id: dorn-said
    speaker: new-person-1
    kind: said
    about: [new-person-2]
    summary: Dorn said new-person-1 is a placeholder, which a summary may say.
    evidence:
      - source: memo
        quote: Dana Dorn said C. Clark was right.
"""
MEMO = (
    "Dana Dorn called Boris Belov on Friday. C. Clark met Alice Adams the same day. "
    "Dana Dorn said C. Clark was right. Carol Clark met Boris Belov."
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "facts"
    shutil.copytree(SMALL, root)
    (root / "sources" / "memo.txt").write_text(MEMO, encoding="utf-8")
    (root / "memo.yaml").write_text(DRAFT, encoding="utf-8")
    return root


def test_accept_gives_the_id_everywhere_and_touches_nothing_else(folder: Path) -> None:
    others = {p: p.read_bytes() for p in folder.rglob("*.*") if p.name != "memo.yaml"}
    done = run_cli("actor", "accept", "new-person-1", "dana-dorn", "--facts", folder)
    assert done.code == 0, done.err
    assert "2 reference(s) updated in 1 file(s)" in done.out
    text = (folder / "memo.yaml").read_text(encoding="utf-8")
    assert text == DRAFT.replace("id: new-person-1", "id: dana-dorn").replace(
        "[new-person-1, boris-belov]", "[dana-dorn, boris-belov]"
    ).replace("speaker: new-person-1", "speaker: dana-dorn")  # the summary keeps its words
    assert {p: p.read_bytes() for p in others} == others
    facts, problems = check_facts(folder)  # new-person-2 is still to decide
    assert [p.message[:31] for p in problems if p.severity == "error"] == [
        "'new-person-2' is a provisional"
    ]
    assert facts.contacts["dorn-belov-call"].participants == ("dana-dorn", "boris-belov")
    assert facts.statements["dorn-said"].speaker == "dana-dorn"


def test_merge_drops_the_drafted_record_and_moves_its_references(folder: Path) -> None:
    done = run_cli("actor", "merge", "new-person-2", "carol-clark", "--facts", folder)
    assert done.code == 0, done.err
    text = (folder / "memo.yaml").read_text(encoding="utf-8")
    assert "new-person-2" not in text and "C. Clark}" not in text
    assert "  - id: new-person-1\n    kind: person\n    names: {en: Dana Dorn}\ncontacts:" in text
    facts, _ = check_facts(folder)
    assert "new-person-2" not in facts.actors
    assert facts.contacts["clark-adams-meeting"].sides == (("carol-clark",), ("alice-adams",))
    assert facts.statements["dorn-said"].about == ("carol-clark",)
    accepted = run_cli("actor", "accept", "new-person-1", "dana-dorn", "--facts", folder)
    assert accepted.code == 0, accepted.err
    assert "dana-dorn" in dipgraph.load(folder).facts.actors  # clean: no draft id is left


def test_a_taken_id_is_refused_with_its_place(folder: Path) -> None:
    before = (folder / "memo.yaml").read_bytes()
    done = run_cli("actor", "rename", "new-person-1", "alice-adams", "--facts", folder)
    assert done.code == 1
    assert "'alice-adams' is already the id of the actor at " in done.err
    assert "people/actors.yaml:" in done.err
    assert (folder / "memo.yaml").read_bytes() == before


def test_a_merge_that_would_put_an_actor_on_both_sides_is_refused(folder: Path) -> None:
    before = {p: p.read_bytes() for p in folder.rglob("*.yaml")}
    with pytest.raises(EditError) as refused:
        merge(folder, "new-person-1", "boris-belov")  # Dorn called Belov: Belov calls Belov
    (problem,) = refused.value.problems
    assert problem.path == str(folder / "memo.yaml") and problem.line == 16  # participants:
    assert "boris-belov" in problem.message
    assert {p: p.read_bytes() for p in folder.rglob("*.yaml")} == before


def test_unknown_ids_and_non_drafts_are_refused(folder: Path) -> None:
    with pytest.raises(EditError, match="no record has the id 'nobody'"):
        rename(folder, "nobody", "someone")
    with pytest.raises(EditError, match="no actor has the id 'dorn-belov-call'"):
        merge(folder, "dorn-belov-call", "carol-clark")
    done = run_cli("actor", "accept", "carol-clark", "carol-c", "--facts", folder)
    assert done.code == 1 and "no draft's provisional id" in done.err


def test_a_designation_follows_its_actor_and_keeps_its_words(folder: Path) -> None:
    """A source's designation names actors by id: renamed with them; its phrase and why
    are text, left as written even when they spell the old id."""
    memo = folder / "memo.yaml"
    designation = (
        "    designations:\n"
        "      - phrase: Dana Dorn\n"
        "        actors: [new-person-1]\n"
        "        why: new-person-1 is the draft's id\n"
    )
    memo.write_text(
        DRAFT.replace("    file: sources/memo.txt\n", "    file: sources/memo.txt\n" + designation),
        encoding="utf-8",
    )
    done = run_cli("actor", "accept", "new-person-1", "dana-dorn", "--facts", folder)
    assert done.code == 0, done.err
    assert "3 reference(s) updated" in done.out
    text = memo.read_text(encoding="utf-8")
    assert "actors: [dana-dorn]\n        why: new-person-1 is the draft's id" in text
    facts, _ = check_facts(folder)
    assert facts.sources["memo"].designations[0].actors == ("dana-dorn",)


def test_refusals_are_reported_by_the_cli_as_every_other_command(folder: Path) -> None:
    """The located problems, then one ``error:`` line, exit 1: what cli/failures.py
    prints for an EditError (the command does not catch it itself)."""
    done = run_cli("actor", "merge", "new-person-1", "boris-belov", "--facts", folder)
    assert (done.code, done.out) == (1, "")
    assert done.err == (
        f"{folder / 'memo.yaml'}:16:33: error: 'boris-belov' is listed twice in participants\n"
        "error: refused: the edit would leave these errors\n"
    )
    done = run_cli("actor", "rename", "nobody", "x", "--facts", folder)
    assert (done.code, done.err) == (1, f"error: no record has the id 'nobody' in {folder}\n")
    missing = folder.parent / "nope"
    done = run_cli("actor", "rename", "a", "b", "--facts", missing)
    assert (done.code, done.err) == (1, f"error: facts directory not found: {missing}\n")


def test_an_edit_error_goes_through_the_one_place_that_reports_errors() -> None:
    from dipgraph.cli import failures
    from dipgraph.errors import DipgraphError
    from dipgraph.loader.problems import Problem

    located = Problem("memo.yaml", 3, 5, "'x' is listed twice")
    refused = EditError("refused: the edit would leave these errors", [located])
    assert isinstance(refused, DipgraphError)
    assert failures.error_lines(refused) == [
        str(located),
        "error: refused: the edit would leave these errors",
    ]
    assert failures.exit_code(refused) == 1


def test_a_draft_as_suggest_writes_it_is_accepted_from_a_relative_folder(
    folder: Path, monkeypatch
) -> None:
    """suggest writes a new person's English name as a placeholder ('DRAFT: …'), which makes
    the record invalid until the curator writes the name; accept and merge still find it
    (the curator decides the id first), and ``--facts facts`` works as well as a full path."""
    memo = folder / "memo.yaml"
    memo.write_text(
        DRAFT.replace("names: {en: Dana Dorn}", 'names: {en: "DRAFT: Dana Dorn"}').replace(
            "names: {en: C. Clark}", 'names: {en: "DRAFT: C. Clark"}'
        ),
        encoding="utf-8",
    )
    others = {p: p.read_bytes() for p in folder.rglob("*.*") if p != memo}
    here = folder.parent
    done = run_cli("actor", "accept", "new-person-1", "dana-dorn", "--facts", "facts", cwd=here)
    assert done.code == 0, done.err
    assert done.out == "ok: 2 reference(s) updated in 1 file(s): facts/memo.yaml\n"
    monkeypatch.chdir(here)
    merged = merge(Path("facts"), "new-person-2", "carol-clark")
    assert merged.files == (Path("facts/memo.yaml"),)
    text = memo.read_text(encoding="utf-8")
    assert "- id: dana-dorn\n" in text and "- id: new-person" not in text
    assert "C. Clark}" not in text and "sides: [[carol-clark], [alice-adams]]" in text
    assert {p: p.read_bytes() for p in others} == others
    _, problems = check_facts(folder)  # only the name the curator still has to write
    assert [p.message[:40] for p in problems if p.severity == "error"] == [
        "the English name is still the draft's pl"
    ]
