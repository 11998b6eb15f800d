"""The curation rules of facts/README.md that a machine can check.

The rules are dipgraph.curation's, the ones `dipgraph check` runs on any facts folder
(one rule, one place); here they run on the bundled facts, on every fixture folder (where
check --strict and the rules give one verdict) and on a small invented folder, whose
documented exceptions sit in the facts: a fact's ``exceptions:``, a source's
``designations:`` and ``not_recorded:``, an actor's or topic's ``not_printed:``.
"""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

import pytest

import dipgraph
from conftest import BUNDLED, REPO, SMALL, run_cli
from dipgraph.curation import curation_problems
from dipgraph.curation.passages import MIN_WORDS, uncovered, undocumented_words
from dipgraph.curation.rules import RULES, Curation, findings
from dipgraph.curation.text import words_without_conjunctions

CURATION = BUNDLED / "README.md"


@cache
def kg() -> dipgraph.KnowledgeGraph:
    return dipgraph.load(BUNDLED)


@cache
def curation() -> Curation:
    return Curation.of(kg().facts)


def found(rule: str) -> list[str]:
    return [f"{getattr(f.record, 'id', '?')}: {f.message}" for f in findings(curation(), [rule])]


def excused(rule: str) -> list[str]:
    """The facts that break ``rule`` and say why in their ``exceptions:``."""
    return [
        getattr(f.record, "id", "?")
        for f in RULES[rule][1](curation())
        if rule in {e.partition(":")[0] for e in getattr(f.record, "exceptions", ())}
    ]


# ---- each rule on the bundled facts: nothing found but what a fact excuses ------------
@pytest.mark.parametrize("rule", sorted(RULES))
def test_the_bundled_facts_keep_the_rule(rule: str) -> None:
    assert found(rule) == []


def test_documented_exceptions_are_used_and_known() -> None:
    """Every exception excuses a finding: a fact that stops breaking its rule fails."""
    assert findings(curation()) == []
    assert excused("speaker") == [
        "ushakov-direct-dialogue-with-moscow-first",
        "ryabkov-no-political-signal",
        "psaki-ambassador-still-in-russia",
    ]


# ---- the rules can fail -------------------------------------------------------------
@pytest.mark.parametrize(
    ("actor", "source", "text", "named"),
    [
        ("anatoly-antonov", "src-000-aljazeera", "قال انتونوف", True),  # folded hamza
        ("anatoly-antonov", "src-000-aljazeera", "Antonov said", True),  # an English surname
        ("vladimir-putin", "src-004-kremlin-worst", "الرئيس الروسي", True),  # designation
        ("vladimir-putin", "src-000-aljazeera", "الرئيس الروسي", False),  # not in that source
        ("usa", "src-003-istanbul-talks", "مصادر روسية وأمريكية", True),  # adjective
        ("usa", "src-000-aljazeera", "USSR", False),  # Latin names are whole words
        ("joe-biden", "src-002-ushakov-call", "لبوتين", False),
        ("nato", "src-002-ushakov-call", "الحلف", False),
    ],
)
def test_naming_check(actor: str, source: str, text: str, named: bool) -> None:
    assert curation().names_actor(actor, source, text) is named


def test_verb_table_catches_a_wrong_kind() -> None:
    """تحدث عن (spoke of) is not a warning."""
    verbs = curation().guide.verbs
    assert set(verbs) == {"warned", "called_for", "denied", "confirmed"}
    assert not words_without_conjunctions("بايدن تحدث عن العقوبات الواسعة") & verbs["warned"]
    assert words_without_conjunctions("وحذّر الجانب الروسي") & verbs["warned"]


def broken_copy(tmp_path: Path) -> Path:
    """The small fixture with one more statement whose kind its quote does not support."""
    root = tmp_path / "facts"
    shutil.copytree(SMALL, root)
    (root / "more.yaml").write_text(
        "statements:\n"
        "  - id: clark-arms-control\n"
        "    speaker: carol-clark\n"
        "    kind: warned\n"
        "    summary: Clark held talks with Dorin about arms control.\n"
        "    evidence:\n"
        "      - source: wire\n"
        "        quote: In 2019 Clark held talks with Dmitri Dorin about arms control.\n",
        encoding="utf-8",
    )
    return root


def test_check_runs_the_rules_on_any_folder(tmp_path: Path) -> None:
    root = broken_copy(tmp_path)
    result = run_cli("check", "--facts", root)
    assert result.code == 0, result.err  # a warning
    assert "more.yaml:2:5: warning: curation rule 7 (kind" in result.err
    strict = run_cli("check", "--facts", root, "--strict")
    assert strict.code == 1 and "0 error(s), 1 warning(s)" in strict.err


@pytest.mark.slow
def test_an_exception_in_the_fact_excuses_it_and_must_excuse_something(tmp_path: Path) -> None:
    root = broken_copy(tmp_path)
    more = root / "more.yaml"
    excuse = '    exceptions: ["kind: an invented test sentence"]\n'
    more.write_text(more.read_text("utf-8").replace("    summary:", excuse + "    summary:"))
    assert run_cli("check", "--facts", root, "--strict").code == 0
    more.write_text(more.read_text("utf-8").replace("kind: warned", "kind: said"))
    stale = run_cli("check", "--facts", root, "--strict")
    assert stale.code == 1 and "exception for a rule this fact passes" in stale.err
    more.write_text(more.read_text("utf-8").replace('"kind: an', '"knid: an'))
    unknown = run_cli("check", "--facts", root)
    assert "exception for an unknown rule" in unknown.err


# Every facts folder the project ships: the bundled facts and each fixture's (walk/ holds
# an article and diffs for the README's walk, no fact file: test_curator_loop.py runs it).
FOLDERS = {"bundled": BUNDLED} | {
    d.name: d
    for d in sorted((REPO / "tests" / "fixtures").iterdir())
    if d.is_dir() and any(d.rglob("*.yaml"))
}


@pytest.mark.slow
@pytest.mark.parametrize("name", [*FOLDERS, "broken"])
def test_check_strict_and_the_rules_agree_on_every_facts_folder(name: str, tmp_path: Path) -> None:
    """check prints the rules' findings, each once at its place, whichever folder; so a
    folder that passes ``check --strict`` passes the curation rules."""
    root = broken_copy(tmp_path) if name == "broken" else FOLDERS[name]
    strict = run_cli("check", "--facts", root, "--strict", cwd=Path.cwd())
    facts, problems = dipgraph.check(root)
    assert not [p for p in problems if p.severity == "error"], problems
    rules = findings(Curation.of(facts))
    printed = [line for line in strict.err.splitlines() if ": warning: curation rule " in line]
    assert sorted(printed) == sorted(map(str, curation_problems(facts)))
    assert len(printed) == len(rules)
    assert (strict.code == 0) == (problems == []), strict.err
    if strict.code == 0:
        assert rules == []
    if name in ("bundled", "small"):  # the curated folders: clean under both
        assert strict.code == 0, strict.err
    if name == "broken":
        assert [f.rule for f in rules] == ["kind"] and strict.code == 1


# ---- the documented exceptions are data, on the records they excuse ---------------------
def test_the_bundled_exceptions_sit_in_the_facts() -> None:
    """Designations and unrecorded passages on their sources, unprinted names and aliases
    on their records; each is checked by its rule (the parametrized test above)."""
    facts = kg().facts
    designations = {(s.id, d.phrase) for s in facts.sources.values() for d in s.designations}
    unrecorded = {(s.id, u.passage) for s in facts.sources.values() for u in s.not_recorded}
    assert ("src-004-kremlin-worst", "الرئيس الروسي") in designations
    assert ("src-000-aljazeera", "Photo by MANDEL NGAN / AFP") in unrecorded
    assert "Moscow" in facts.actors["russia"].not_printed
    assert facts.topics["arms-control"].names["ar"] in facts.topics["arms-control"].not_printed
    assert not (BUNDLED / "README.md").read_text("utf-8").count("### Designations")


def test_coverage_check_can_fail() -> None:
    text = "قال أوشاكوف إن الحوار مستمر. وأضاف أن العقوبات خطأ كبير جدا في رأيه."
    gaps = uncovered(text, ["قال أوشاكوف إن الحوار مستمر"])
    assert len(undocumented_words(gaps[0].text, [])) >= MIN_WORDS
    assert undocumented_words(gaps[0].text, ["وأضاف أن العقوبات خطأ كبير جدا في رأيه"]) == []


# ---- a folder of invented sentences: check --strict and the rules give one verdict ------
NOTE = """NORTHERN COURIER, page two

Foreign Minister Ada Lind telephoned her counterpart Bram Okafor on Tuesday.
The northern minister said the call was warm and useful.
Readers may write to the editor at the usual address.
"""
SOURCE = """sources:
  - id: note
    title: A short note
    language: en
    file: sources/note.txt
    designations:
      - phrase: {phrase}
        actors: [ada-lind]
        why: the paragraph before names her
    not_recorded:
      - passage: {passage}
        why: the paper's own notice to readers
"""
RECORDS = """actors:
  - id: ada-lind
    kind: person
    names: {{en: Ada Lind}}
    aliases: {{en: [Minister Lind, {alias}]}}
    not_printed:
      Minister Lind: how readers name her{extra}
  - id: bram-okafor
    kind: person
    names: {{en: Bram Okafor}}
contacts:
  - id: lind-okafor-call
    type: phone_call
    participants: [ada-lind, bram-okafor]
    summary: Lind telephoned Okafor.
    evidence:
      - source: note
        quote: Foreign Minister Ada Lind telephoned her counterpart Bram Okafor on Tuesday
statements:
  - id: lind-call-useful
    speaker: ada-lind
    kind: said
    summary: Lind said the call was warm and useful.
    evidence:
      - source: note
        quote: The northern minister said the call was warm and useful
"""
CLEAN = {
    "phrase": "The northern minister",
    "passage": "Readers may write to the editor at the usual address.",
    "alias": "Lind",
    "extra": "",
}
# variant -> (what changes from CLEAN, the rules it breaks)
VARIANTS: dict[str, tuple[dict[str, str], set[str]]] = {
    "clean": ({}, set()),
    "a passage left out": ({"passage": "Readers may write to"}, {"passages"}),
    "a quoted passage listed": ({"passage": "telephoned her counterpart"}, {"passages"}),
    "a passage not printed": ({"passage": "Readers may phone"}, {"passages"}),
    "a designation not printed": ({"phrase": "The southern minister"}, {"designations", "speaker"}),
    "an alias not printed": ({"alias": "Lady Lind"}, {"alias"}),
    "an English name excused": ({"extra": "\n      Ada Lind: an English name"}, {"printed"}),
}


def invented(tmp_path: Path, variant: str) -> Path:
    """The invented folder, with ``variant``'s change."""
    root = tmp_path / "facts"
    (root / "sources").mkdir(parents=True)
    (root / "sources" / "note.txt").write_text(NOTE, encoding="utf-8")
    values = {**CLEAN, **VARIANTS[variant][0]}
    (root / "sources.yaml").write_text(SOURCE.format(**values), encoding="utf-8")
    (root / "records.yaml").write_text(RECORDS.format(**values), encoding="utf-8")
    return root


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_check_and_the_rules_agree_on_an_invented_folder(tmp_path: Path, variant: str) -> None:
    root = invented(tmp_path, variant)
    facts, problems = dipgraph.check(root)
    assert not [p for p in problems if p.severity == "error"], problems
    broken = {f.rule for f in findings(Curation.of(facts))}
    assert broken == VARIANTS[variant][1]
    strict = run_cli("check", "--facts", root, "--strict")
    assert (strict.code == 0) == (broken == set()) == (curation_problems(facts) == [])


# variant -> what check prints of it: where, and the remedy
WARNINGS = {
    "a passage left out": [
        "sources/note.txt:5:1: warning: curation rule 2 (passages",
        "no quote covers 'Readers may write to the editor at the usual address.'",
    ],
    "an English name excused": [
        "not_printed 'Ada Lind' excuses nothing",
        "aliases are held to print; remove the entry",
    ],
}


@pytest.mark.parametrize("variant", sorted(WARNINGS))
def test_a_finding_is_a_located_warning_with_its_remedy(tmp_path: Path, variant: str) -> None:
    result = run_cli("check", "--facts", invented(tmp_path, variant))
    assert result.code == 0, result.err  # a warning; --strict makes it an error
    for line in WARNINGS[variant]:
        assert line in result.err


def test_a_stale_unrecorded_passage_is_reported_at_its_entry(tmp_path: Path) -> None:
    root = invented(tmp_path, "a quoted passage listed")
    result = run_cli("check", "--facts", root)
    assert "sources.yaml:11:9: warning: curation rule 2 (passages" in result.err
    assert "is stale: a quote covers it; remove the entry" in result.err


# ---- the README's dataset table ----------------------------------------------------------
def test_readme_dataset_table_matches_stats() -> None:
    stats = kg().stats()
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## The dataset", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip().strip("*") for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].startswith("src-"):
            rows[cells[0].split()[0]] = tuple(int(c) for c in cells[1:])
        if len(cells) == 4 and cells[0].startswith("total"):
            total = tuple(int(c) for c in cells[1:])
            summary = cells[0]
    assert rows == {
        source: (counts["posts"], counts["contacts"], counts["statements"])
        for source, counts in stats["per_source"].items()
    }
    kinds = stats["kinds"]
    assert total == (kinds["posts"], kinds["contacts"], kinds["statements"])
    for kind in ("sources", "actors", "topics", "places"):
        assert f"{kinds[kind]} {kind}" in summary


def test_curation_guide_exists_beside_the_facts() -> None:
    assert Path(CURATION).is_file()


def test_the_guide_reads_the_same_through_the_fast_loader() -> None:
    """The shipped tables read by libyaml give what the pure reader gives."""
    import yaml

    from dipgraph.curation import guide

    for path in (guide.GUIDE_FILE, guide.GAZETTEER_FILE):
        text = path.read_text("utf-8")
        assert yaml.load(text, Loader=guide._LOADER) == yaml.safe_load(text)
