"""The curation rules of facts/README.md that a machine can check.

The rules are dipgraph.curation's, the ones `dipgraph check` runs on any facts folder
(one rule, one place); here they run on the bundled facts, whose documented exceptions
sit in the facts (``exceptions:``) and in the tables of facts/README.md. Rule 2 (every
passage is evidence or documented) is checked here only: a curator's folder need not
record every sentence of an article.
"""

from __future__ import annotations

import re
import shutil
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest

import dipgraph
from conftest import BUNDLED, REPO, SMALL, run_cli
from dipgraph.curation import curation_problems
from dipgraph.curation.rules import RULES, Curation, findings
from dipgraph.curation.text import fold, occurs, words_without_conjunctions

CURATION = BUNDLED / "README.md"


@cache
def kg() -> dipgraph.KnowledgeGraph:
    return dipgraph.load(BUNDLED)


@cache
def curation() -> Curation:
    return Curation.of(kg().facts, BUNDLED)


def source_texts() -> dict[str, str]:
    return curation().texts


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


@pytest.mark.parametrize("folder", [BUNDLED, SMALL, "broken"])
def test_a_folder_passing_check_strict_passes_the_curation_rules(folder, tmp_path: Path) -> None:
    """check --strict and the rules agree: clean under one is clean under the other."""
    root = broken_copy(tmp_path) if folder == "broken" else Path(folder)
    strict = run_cli("check", "--facts", root, "--strict").code == 0
    facts, problems = dipgraph.check(root)
    assert not [p for p in problems if p.severity == "error"]
    assert strict == (findings(Curation.of(facts, root)) == [])
    assert strict == (curation_problems(facts, root) == [])
    assert strict == (folder != "broken")


# ---- the tables document what is there -------------------------------------------------
def test_documented_phrases_occur_in_their_sources() -> None:
    texts = source_texts()
    guide = curation().guide
    stale = [
        (source, phrase)
        for source, rows in guide.designations.items()
        for phrase, actors in rows
        if not occurs(phrase, texts[source]) or not actors <= set(kg().facts.actors)
    ]
    assert guide.designations and stale == []


# ---- rules 2 and 3: every passage is evidence or documented as not recorded ------------
MIN_WORDS = 5  # shorter gaps are connectives between quotes ("وأضاف أوشاكوف:")


def uncovered_passages(text: str, covering: Iterable[str]) -> list[str]:
    """The stretches of ``text`` (white space normalised) that no quote or title covers."""
    flat = " ".join(text.split())
    covered = bytearray(len(flat))
    for quote in covering:
        needle = " ".join(quote.split())
        start = flat.find(needle)
        while needle and start >= 0:
            covered[start : start + len(needle)] = b"\x01" * len(needle)
            start = flat.find(needle, start + 1)
    marked = "".join("\x01" if c else ch for ch, c in zip(flat, covered, strict=True))
    gaps = re.split("\x01+", marked)
    return [gap.strip() for gap in gaps if gap.strip()]


def undocumented_words(passage: str, documented: Iterable[str]) -> list[str]:
    """The words of ``passage`` left once every documented phrase is taken out of it."""
    rest = fold(passage)
    for phrase in documented:
        rest = rest.replace(fold(phrase), " ")
    return [word for word in rest.split() if len(word) > 1]


def test_every_passage_is_evidence_or_documented() -> None:
    documented = curation().guide.passages_not_recorded
    assert documented
    quotes: dict[str, list[str]] = defaultdict(list)
    for fact in curation().evidenced():
        for e in fact.evidence:
            quotes[e.source].append(e.quote)
    missed, stale = [], []
    for source, text in source_texts().items():
        title = kg().facts.sources[source].title or ""
        gaps = uncovered_passages(text, [*quotes[source], title])
        missed += [
            f"{source}: {gap}"
            for gap in gaps
            if len(undocumented_words(gap, documented.get(source, []))) >= MIN_WORDS
        ]
        stale += [
            f"{source}: {phrase}"
            for phrase in documented.get(source, [])
            if not any(fold(phrase) in fold(gap) for gap in gaps)
        ]
    assert missed == [], "a passage no fact quotes and facts/README.md does not list"
    assert stale == [], "facts/README.md lists a passage that is quoted, or not printed"


def test_coverage_check_can_fail() -> None:
    text = "قال أوشاكوف إن الحوار مستمر. وأضاف أن العقوبات خطأ كبير جدا في رأيه."
    gaps = uncovered_passages(text, ["قال أوشاكوف إن الحوار مستمر"])
    assert len(undocumented_words(gaps[0], [])) >= MIN_WORDS
    assert undocumented_words(gaps[0], ["وأضاف أن العقوبات خطأ كبير جدا في رأيه"]) == []


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
