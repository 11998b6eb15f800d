"""benchmarks/suggest_eval.py --corpus: a corpus of texts outside the repository, gold
with offsets in it. The articles here are sentences written for the test."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "benchmarks" / "corpus"))

import annotate  # noqa: E402
import suggest_claims  # noqa: E402
import suggest_eval  # noqa: E402
import suggest_speed  # noqa: E402

from dipgraph.curation.rules import Curation  # noqa: E402
from dipgraph.loader import load_facts  # noqa: E402
from dipgraph.suggest.drafts import ActorDraft, ContactDraft, PostDraft, Span, StatementDraft  # noqa: E402
from dipgraph.suggest.lexicon import load_lexicon  # noqa: E402

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


def _args(corpus: Path, texts: Path, split="dev", facts=SMALL, check_gold=False):
    """run_corpus's arguments, as the command line gives them."""
    return SimpleNamespace(
        corpus=str(corpus),
        texts=str(texts),
        split=split,
        facts=str(facts),
        details=False,
        check_gold=check_gold,
    )


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
    args = _args(corpus, texts)
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
    args = _args(corpus, texts, split="all", check_gold=True)
    assert suggest_eval.run_corpus(args) == 0
    assert "1 of 1 all articles checked" in capsys.readouterr().out


def test_a_changed_text_is_refused(tmp_path, capsys):
    corpus, texts = _corpus(tmp_path)
    (texts / "c001.txt").write_text(TEXT.replace("useful", "useless"), encoding="utf-8")
    args = _args(corpus, texts, check_gold=True)
    assert suggest_eval.run_corpus(args) == 1
    assert "not the one annotated" in capsys.readouterr().err


def test_corpus_scores_against_facts_with_a_dataset_file(tmp_path, capsys):
    # a facts directory with dataset.yaml at its root (as facts/ has): the scorer's
    # temporary folder must keep it at the root, where alone the loader reads it
    facts = tmp_path / "facts"
    shutil.copytree(SMALL, facts)
    shutil.copy(REPO / "facts" / "dataset.yaml", facts / "dataset.yaml")
    corpus, texts = _corpus(tmp_path)
    args = _args(corpus, texts, facts=facts)
    assert suggest_eval.run_corpus(args) == 0, capsys.readouterr().err
    assert "statements: recall 100.0% (1/1)" in capsys.readouterr().out


def _checker(names: dict[str, tuple[str, ...]] | None = None) -> suggest_claims.Checker:
    facts = load_facts(SMALL)
    return suggest_claims.Checker(Curation.of(facts), load_lexicon(), "wire", dict(names or {}))


def _unsaid(draft) -> list[str]:
    return [
        claim for claim, ok in _checker({"new-person-1": ("Dana Frost",)}).claims(draft) if not ok
    ]


def test_claims_a_contact_quote_says_pass():
    quote = "Putin met Boris Belov in Vienna on 2 May 2021"
    draft = ContactDraft(
        [Span(quote, 0, len(quote))],
        0.8,
        type="meeting",
        sides=[["vladimir-putin"], ["boris-belov"]],
        place={"en": "Vienna", "ar": "فيينا"},
        date="2021-05-02",
    )
    assert _unsaid(draft) == []


def test_claims_beyond_the_quote_are_named():
    quote = "Putin will meet him in Geneva in 2021"
    draft = ContactDraft(
        [Span(quote, 0, len(quote))],
        0.8,
        type="phone_call",  # the quote says meet, not call
        sides=[["vladimir-putin"], ["boris-belov"]],  # Belov is not named
        status="happened",  # "will meet" is a future cue
        place={"en": "Vienna", "ar": "فيينا"},
        date="2022-03",
    )
    assert _unsaid(draft) == [
        "party boris-belov",
        "type",
        "status happened, yet 'will meet'",
        "place",
        "date year",
        "date month",
    ]


def test_claims_of_statements_and_posts():
    said = "Dana Frost warned that the talks were over"
    statement = StatementDraft(
        [Span(said, 0, len(said))], 0.7, speaker="new-person-1", kind="denied", about=["russia"]
    )
    assert _unsaid(statement) == ["about russia", "kind denied"]
    titled = "the minister Boris Belov"
    post = PostDraft([Span(titled, 0, len(titled))], 0.7, holder="boris-belov", title="minister")
    assert _unsaid(post) == []
    post.holder = "carol-clark"
    assert _unsaid(post) == ["holder carol-clark"]


def test_a_new_state_is_named_by_its_adjective_as_a_known_one_is():
    state = ActorDraft([Span("إيران", 0, 5)], 0.35, name="إيران", kind="state")
    names = suggest_claims._new_names(state, load_lexicon())
    assert "طهران" in names and len(names) > 2  # spellings and (folded) adjectives
    titled = "وزير الخارجية الإيراني"
    post = PostDraft([Span(titled, 0, len(titled))], 0.7, holder="new-person-1", title="وزير")
    post.organization = "new-state-1"
    checker = _checker({"new-state-1": names, "new-person-1": ("وزير",)})
    assert "organization new-state-1" not in [c for c, ok in checker.claims(post) if not ok]
    person = ActorDraft([Span("Dana Frost", 0, 10)], 0.35, name="Dana Frost", kind="person")
    assert suggest_claims._new_names(person, load_lexicon()) == ("Dana Frost",)


def test_a_renamed_new_actor_is_named_by_what_suggest_printed_for_it():
    quote = "Putin will visit Riyadh"
    checker = _checker({"saudi-arabia": ("Saudi Arabia", "Riyadh")})
    assert checker.named("saudi-arabia", [quote])
    assert not checker.named("saudi-arabia", ["Putin will visit"])
    assert checker.named("vladimir-putin", [quote])  # a known actor: the facts' names


def test_a_gapped_contact_phrase_in_the_quote_says_its_type():
    quote = "بحث بوتين مع بايدن العلاقات"
    draft = ContactDraft(
        [Span(quote, 0, len(quote))], 0.8, type="talks", sides=[["vladimir-putin"], ["x"]]
    )
    assert "type" not in _unsaid(draft)
    draft.type = "phone_call"
    assert "type" in _unsaid(draft)


def test_a_new_outlet_is_named_by_its_kind_with_the_article():
    agency = ActorDraft(
        [Span("وكالة الأنباء العمانية", 0, 22)],
        0.35,
        name="وكالة الأنباء العمانية",
        kind="organization",
    )
    names = suggest_claims._new_names(agency, load_lexicon())
    assert "الوكالة" in names
    checker = _checker({"new-organization-1": names})
    assert checker.named("new-organization-1", ["وذكرت الوكالة أن اللقاء مفيد"])


def test_a_quote_cited_only_for_a_name_matches_no_gold(tmp_path, capsys):
    # "She added: ..." is Frost's second statement, which the gold does not record; the
    # draft also quotes "Frost said ..." only to name her, which must not match the gold
    text = TEXT + "She added: peace matters.\n"
    corpus, texts = _corpus(tmp_path, text)
    assert suggest_eval.run_corpus(_args(corpus, texts)) == 0
    assert "statements: recall 100.0% (1/1), precision 50.0% (1/2)" in capsys.readouterr().out


def test_speed_times_each_article_and_names_the_slowest(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT * 40, encoding="utf-8")
    times = suggest_speed.time_articles(sorted(tmp_path.glob("*.txt")), load_facts(SMALL), 1)
    assert sorted(times) == ["a", "b"] and all(t > 0 for t in times.values())
    whole = suggest_speed.time_commands([tmp_path / "a.txt"], str(SMALL), 1)
    assert list(whole) == ["a"] and whole["a"] > 0
    assert suggest_speed.summary({"a": 0.2, "b": 1.5, "c": 0.4}) == (
        "3 articles: median 0.400 s, max 1.500 s (b); 1 took 1 s or more"
    )


def _with_splits(corpus: Path, *splits: str) -> None:
    """Rewrite the manifest as one copy of its article per split (ids c001, c002...)."""
    manifest = yaml.safe_load((corpus / "manifest.yaml").read_text(encoding="utf-8"))
    article = manifest["articles"][0]
    manifest["articles"] = [
        {**article, "id": f"c{n:03}", "split": split} for n, split in enumerate(splits, 1)
    ]
    (corpus / "manifest.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")


def test_each_split_selects_its_own_articles(tmp_path):
    corpus, _ = _corpus(tmp_path)
    _with_splits(corpus, "dev", "heldout", "unseen", "unseen")

    def ids(split):
        return [a["id"] for a in suggest_eval.corpus_articles(corpus, split)]

    assert ids("unseen") == ["c003", "c004"]
    assert ids("heldout") == ["c002"]
    assert ids("dev") == ["c001"]
    assert ids("all") == ["c001", "c002", "c003", "c004"]


def test_a_fold_takes_the_odd_or_even_ids_of_a_split(tmp_path):
    corpus, _ = _corpus(tmp_path)
    _with_splits(corpus, "dev", "dev", "heldout", "dev")

    def ids(split, fold):
        return [a["id"] for a in suggest_eval.corpus_articles(corpus, split, fold)]

    assert ids("dev", "A") == ["c001"]
    assert ids("dev", "B") == ["c002", "c004"]
    assert ids("dev", None) == ["c001", "c002", "c004"]
    assert ids("heldout", "A") == ["c003"] and ids("heldout", "B") == []
    with pytest.raises(ValueError, match="unknown fold 'C'"):
        suggest_eval.corpus_articles(corpus, "dev", "C")


def test_a_fold_run_says_its_fold(tmp_path, capsys):
    corpus, texts = _corpus(tmp_path)
    args = _args(corpus, texts)
    args.fold = "B"  # c001 is odd: fold B has none of it
    suggest_eval.run_corpus(args)
    assert "0 of 0 dev articles (fold B)" in capsys.readouterr().out
    args.fold = "A"
    assert suggest_eval.run_corpus(args) == 0
    assert "1 of 1 dev articles (fold A)" in capsys.readouterr().out


def test_an_unknown_split_is_refused(tmp_path):
    corpus, _ = _corpus(tmp_path)
    _with_splits(corpus, "dev", "unsen")  # misspelt in the manifest: in no split
    with pytest.raises(ValueError, match="c002: unknown split 'unsen'"):
        suggest_eval.corpus_articles(corpus, "dev")
    _with_splits(corpus, "dev")
    with pytest.raises(ValueError, match="unknown split 'held-out'"):
        suggest_eval.corpus_articles(corpus, "held-out")


def test_a_drafted_name_is_scored_as_the_gold_actor_it_names_not_one_inside_it():
    def actor(ident, kind, *names):
        return SimpleNamespace(
            id=ident, kind=kind, names={"ar": names[0]}, aliases={"ar": names[1:]}
        )

    gold = SimpleNamespace(
        actors={
            "dawla": actor("dawla", "state", "دولة الوادي", "الوادية"),
            "wadi-ministry": actor("wadi-ministry", "organization", "وزارة الزراعة الوادية"),
            "father": actor("father", "person", "ناصر بن هادي", "الملك ناصر"),
            "son": actor("son", "person", "كريم بن ناصر"),
        }
    )
    known = SimpleNamespace(actors={})

    def renamed(name: str) -> str | None:
        draft = ActorDraft([Span(name, 0, len(name))], 0.5, name=name, provisional_id="new-1")
        drafts = SimpleNamespace(actors=[draft], contacts=[], statements=[], posts=[])
        suggest_eval.rename_new_people(drafts, gold, known)
        return draft.id

    assert renamed("وزارة الزراعة الوادية") == "wadi-ministry"  # not the state ending it
    assert renamed("الأمير كريم بن ناصر بن هادي") != "father"  # his father's name inside
    assert renamed("كريم بن ناصر بن هادي") == "son"  # his name, his grandfather's after it
    assert renamed("الملك ناصر بن هادي") == "father"  # a title before the name
