"""benchmarks/suggest_eval.py --corpus: a corpus of texts outside the repository, gold
with offsets in it. The articles here are sentences written for the test."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "benchmarks" / "corpus"))

import annotate  # noqa: E402
import suggest_eval  # noqa: E402

SMALL = REPO / "tests" / "fixtures" / "small"
TEXT = (
    "Vladimir Putin met the ambassador Dana Frost in Vienna on 2 May 2021.  \n\n\n"
    "Frost said the talks were useful.\n"
)


def _corpus(tmp_path: Path, text: str = TEXT) -> tuple[Path, Path]:
    corpus, texts = tmp_path / "corpus", tmp_path / "texts"
    (corpus / "gold").mkdir(parents=True)
    texts.mkdir()
    canonical = suggest_eval.canonical_text(text)
    (texts / "c001.txt").write_text(text, encoding="utf-8")
    actors = {
        "actors": [
            {
                "id": "dana-frost",
                "kind": "person",
                "names": {"en": "Dana Frost"},
                "aliases": {"en": ["Frost"]},
                "country": "usa",
            }
        ]
    }
    (corpus / "actors.yaml").write_text(yaml.safe_dump(actors), encoding="utf-8")
    manifest = {
        "articles": [
            {
                "id": "c001",
                "url": "https://example.org/news/{1}",
                "outlet": "example.org",
                "query": "Putin Frost",
                "sha256": suggest_eval.text_hash(canonical),
                "chars": len(canonical),
                "split": "dev",
            }
        ]
    }
    (corpus / "manifest.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    draft = {
        "contacts": [
            {
                "id": "putin-frost",
                "type": "meeting",
                "participants": ["vladimir-putin", "dana-frost"],
                "summary": "Putin met Frost.",
                "evidence": [{"q": "Vladimir Putin met the ambassador Dana Frost"}],
            }
        ],
        "statements": [
            {
                "id": "frost-useful",
                "speaker": "dana-frost",
                "kind": "said",
                "summary": "Frost called the talks useful.",
                "evidence": [{"q": "Frost said the talks were useful"}],
            }
        ],
    }
    gold = annotate.convert(draft, "c001", canonical)
    (corpus / "gold" / "c001.yaml").write_text(yaml.safe_dump(gold), encoding="utf-8")
    return corpus, texts


def test_canonical_text_strips_lines_and_blank_runs():
    assert suggest_eval.canonical_text(" a  \r\n\n\n\n b\n") == "a\n\nb"


def test_annotate_writes_offsets_and_prefixes_ids():
    text = "one two three, four five six; four five six"
    draft = {
        "statements": [
            {"id": "x", "evidence": [{"q": "four  five six"}, {"q": "four five six", "nth": 2}]}
        ]
    }
    gold = annotate.convert(draft, "c009", text)
    record = gold["statements"][0]
    assert record["id"] == "c009-x"
    assert record["evidence"] == [{"span": [15, 28]}, {"span": [30, 43]}]


def test_corpus_scores_with_new_people_renamed(tmp_path, capsys):
    corpus, texts = _corpus(tmp_path)
    args = SimpleNamespace(
        corpus=str(corpus),
        texts=str(texts),
        split="dev",
        facts=str(SMALL),
        details=False,
        check_gold=False,
    )
    assert suggest_eval.run_corpus(args) == 0
    out = capsys.readouterr().out
    assert "1 of 1 dev articles" in out
    assert "strict contacts: recall" in out
    # the new person is scored under the gold's id: her statement is found
    assert "statements: recall 100.0% (1/1)" in out
    assert "actors the facts lack (new people, other states, outlets): 1 of 1 drafted" in out


def test_check_gold_runs_no_suggest(tmp_path, capsys, monkeypatch):
    corpus, texts = _corpus(tmp_path)

    def refuse(*args, **kwargs):
        raise AssertionError("suggest ran")

    monkeypatch.setattr(suggest_eval, "suggest", refuse)
    args = SimpleNamespace(
        corpus=str(corpus),
        texts=str(texts),
        split="all",
        facts=str(SMALL),
        details=False,
        check_gold=True,
    )
    assert suggest_eval.run_corpus(args) == 0
    assert "1 of 1 all articles checked" in capsys.readouterr().out


def test_a_changed_text_is_refused(tmp_path, capsys):
    corpus, texts = _corpus(tmp_path)
    (texts / "c001.txt").write_text(TEXT.replace("useful", "useless"), encoding="utf-8")
    args = SimpleNamespace(
        corpus=str(corpus),
        texts=str(texts),
        split="dev",
        facts=str(SMALL),
        details=False,
        check_gold=True,
    )
    assert suggest_eval.run_corpus(args) == 1
    assert "not the one annotated" in capsys.readouterr().err
