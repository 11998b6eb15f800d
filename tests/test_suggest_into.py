"""`suggest --into`: the text, its source record and the drafts written into a facts folder.

The articles here are invented for the tests (names from the small fixture). A draft that
repeats a known fact is written as a corroboration of it (dipgraph/suggest/corroborating.py).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import SMALL, run_cli
from dipgraph.dates import PartialDate
from dipgraph.editing.ids import rename
from dipgraph.loader import check_facts
from dipgraph.suggest import Suggestions
from dipgraph.suggest.corroborating import take_repeats
from dipgraph.suggest.dating import find_published, resolve
from dipgraph.suggest.drafts import ContactDraft, PostDraft, Span, StatementDraft

ARTICLE = (
    "نشرة المساء - الجمعة 27 نوفمبر 2026\n\n"
    "التقى الوزير بوريس بيلوف أمس الخميس المبعوثة الأمريكية كارول كلارك في فيينا.\n"
    "وقال بيلوف إن المحادثات كانت مفيدة.\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "facts"
    shutil.copytree(SMALL, root)
    return root


def write_article(tmp_path: Path, text: str = ARTICLE) -> Path:
    article = tmp_path / "bulletin.txt"
    article.write_text(text, encoding="utf-8")
    return article


def decide(path: Path) -> None:
    """What a curator does with the draft's marks: write the summaries, confirm statuses."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'"DRAFT: [^"]*"', '"Belov met the American envoy Clark in Vienna."', text)
    text = re.sub(r'(status: "\w+)\?"', r'\1"', text)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("articles_dir", [False, True])
def test_into_writes_text_source_and_a_draft_check_reads(
    folder: Path, tmp_path: Path, articles_dir: bool
) -> None:
    if articles_dir:
        (folder / "articles").mkdir()
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    done = run_cli("suggest", write_article(tmp_path), "--into", folder, "--source-id", "src-b")
    assert done.code == 0, done.err
    text = folder / "sources" / "src-b.txt"
    drafted = folder / ("articles" if articles_dir else ".") / "src-b.yaml"
    assert text.read_text(encoding="utf-8") == ARTICLE
    body = drafted.read_text(encoding="utf-8")
    assert ('file: "../sources/src-b.txt"' if articles_dir else 'file: "sources/src-b.txt"') in body
    assert 'published: "2026-11-27"' in body
    assert {p: p.read_bytes() for p in before} == before  # no other file was touched
    _, problems = check_facts(folder)
    errors = [p for p in problems if p.severity == "error"]
    assert errors and all("draft" in p.message for p in errors), errors
    assert all(Path(p.path).name == "src-b.yaml" for p in errors)
    decide(drafted)
    provisional = sorted(set(re.findall(r"new-person-\d+", drafted.read_text("utf-8"))))
    for number, drafted_id in enumerate(provisional):  # as `dipgraph actor accept` does
        rename(folder, drafted_id, f"accepted-person-{number}")
    facts, problems = check_facts(folder)
    assert [p for p in problems if p.severity == "error"] == []
    assert facts.sources["src-b"].published == PartialDate(2026, 11, 27)
    (meeting,) = [c for c in facts.contacts.values() if c.evidence[0].source == "src-b"]
    assert str(meeting.date) == "2026-11-26"
    assert "أمس الخميس" in meeting.date_note and "2026-11-27" in meeting.date_note


def test_nothing_is_written_when_a_name_is_taken(folder: Path, tmp_path: Path) -> None:
    article = write_article(tmp_path)
    theirs = "places:\n  - id: geneva\n    names: {en: Geneva}\n"
    (folder / "src-b.yaml").write_text(theirs, encoding="utf-8")
    done = run_cli("suggest", article, "--into", folder, "--source-id", "src-b")
    assert done.code == 1 and "exists already" in done.err and "Traceback" not in done.err
    assert not (folder / "sources" / "src-b.txt").exists()
    assert (folder / "src-b.yaml").read_text(encoding="utf-8") == theirs
    (folder / "sources" / "src-c.txt").write_text("another text", encoding="utf-8")
    done = run_cli("suggest", article, "--into", folder, "--source-id", "src-c")
    assert done.code == 1 and "exists already" in done.err
    assert not (folder / "src-c.yaml").exists()
    known = run_cli("suggest", article, "--into", folder, "--source-id", "wire")
    assert known.code == 1 and "already in" in known.err


def test_a_date_the_article_does_not_print_leaves_the_contact_undated(
    folder: Path, tmp_path: Path
) -> None:
    article = write_article(tmp_path, ARTICLE.split("\n", 2)[2])  # no dateline
    assert run_cli("suggest", article, "--into", folder, "--source-id", "src-b").code == 0
    body = (folder / "src-b.yaml").read_text(encoding="utf-8")
    assert "published:" not in body and "date:" not in body
    assert 'The text says \\"أمس الخميس\\"; no date is printed.' in body
    given = run_cli(
        "suggest", article, "--into", folder, "--source-id", "src-c", "--published", "2026-11-27"
    )
    assert given.code == 0, given.err
    assert 'date: "2026-11-26"' in (folder / "src-c.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("words", "expected", "why"),
    [
        ("أمس الخميس", "2026-11-26", None),
        ("غدا السبت", "2026-11-28", None),
        ("اليوم", "2026-11-27", None),
        ("اليوم الجمعة", "2026-11-27", None),
        ("yesterday", "2026-11-26", None),
        ("غدا الثلاثاء", None, "غدا الثلاثاء names a Tuesday, but that day is a Saturday"),
        ("الخميس الماضي", None, None),  # not counted from the publication day
    ],
)
def test_relative_days(words: str, expected: str | None, why: str | None) -> None:
    day, reason = resolve(words, PartialDate(2026, 11, 27))
    assert (str(day) if day else None, reason) == (expected, why)


def test_a_month_precise_publication_dates_no_day() -> None:
    assert resolve("أمس", PartialDate(2026, 11)) == (None, "the publication date has no day")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Wire, November 27, 2026\nText.", PartialDate(2026, 11, 27)),
        ("٢٧ تشرين الثاني ٢٠٢٦\nنص", PartialDate(2026, 11, 27)),
        ("Posted 2026-11-27 09:00\nText.", PartialDate(2026, 11, 27)),
        ("Wire\nText on 31 February 2026.", None),  # no such day
        ("a\nb\nc\nd\ne\nf: 27 November 2026", None),  # not on the first lines
    ],
)
def test_publication_date(head: str, expected: PartialDate | None) -> None:
    assert find_published(head) == expected


# ---- a draft that repeats a known fact is written as a corroboration of it ---------------
REPEATING = (
    "نشرة الصباح - السبت 28 نوفمبر 2026\n\n"
    "عقد فلاديمير بوتين اتصالا عبر الفيديو مع بوريس بيلوف.\n"
)  # no titles: a bare "الرئيس X" is a post draft of its own (titles.yaml: bare_posts)


def test_a_draft_repeating_a_known_contact_becomes_its_corroboration(
    folder: Path, tmp_path: Path
) -> None:
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    article = write_article(tmp_path, REPEATING)
    done = run_cli("suggest", article, "--into", folder, "--source-id", "src-m")
    assert done.code == 0, done.err
    drafted = folder / "src-m.yaml"
    body = drafted.read_text(encoding="utf-8")
    assert "contacts:" not in body  # not drafted again under a second id
    assert "corroborations:" in body and "  - fact: putin-belov-video\n" in body
    _, problems = check_facts(folder)
    (error,) = [p for p in problems if p.severity == "error"]
    assert error.path.endswith("src-m.yaml") and "the note is still the draft's" in error.message
    assert body.splitlines()[error.line - 1].lstrip().startswith("note:")
    decide(drafted)  # the curator confirms: the note now says what the article adds
    facts, problems = check_facts(folder)
    assert [p for p in problems if p.severity == "error"] == []
    video = facts.contacts["putin-belov-video"]
    assert [e.source for e in video.evidence] == ["arabic-note", "src-m"]
    assert not [c for c in facts.contacts.values() if c.evidence[0].source == "src-m"]
    assert {p: p.read_bytes() for p in before} == before  # the declaring file is untouched


def drafts_of(**kinds: list) -> Suggestions:
    return Suggestions("src-m", False, None, "", **kinds)


def contact(kind: str, a: str, b: str, date: str | None = None) -> ContactDraft:
    return ContactDraft([Span("quote", 0, 5)], 1.0, type=kind, sides=[[a], [b]], date=date)


@pytest.mark.parametrize(
    ("draft", "fact"),
    [
        (contact("video_call", "boris-belov", "vladimir-putin", "2026-11"), "putin-belov-video"),
        (contact("phone_call", "alice-adams", "boris-belov", "2020-03-05"), "adams-belov-call"),
        (contact("phone_call", "alice-adams", "boris-belov", "2020"), "adams-belov-call"),
        (contact("phone_call", "alice-adams", "boris-belov", "2021-03"), None),  # another call
        (contact("meeting", "alice-adams", "boris-belov"), None),  # another type
        (contact("phone_call", "alice-adams", "carol-clark"), None),  # other parties
    ],
)
def test_a_contact_repeats_one_with_its_parties_type_and_a_compatible_date(
    draft: ContactDraft, fact: str | None
) -> None:
    drafts = drafts_of(contacts=[draft])
    repeats = take_repeats(drafts, check_facts(SMALL)[0])
    assert [r.fact for r in repeats] == ([fact] if fact else [])
    assert drafts.contacts == ([] if fact else [draft])


def test_two_candidates_are_no_match(folder: Path) -> None:
    (folder / "more.yaml").write_text(
        "contacts:\n  - id: putin-belov-video-2\n    type: video_call\n"
        "    participants: [vladimir-putin, boris-belov]\n    summary: Another video call.\n"
        "    evidence:\n      - source: arabic-note\n"
        "        quote: أجرى الرئيس الروسي فلاديمير بوتين اتصالا\n",
        encoding="utf-8",
    )
    drafts = drafts_of(contacts=[contact("video_call", "vladimir-putin", "boris-belov")])
    assert take_repeats(drafts, check_facts(folder)[0]) == []
    assert len(drafts.contacts) == 1  # drafted, with suggest's hint, for the curator to decide


@pytest.mark.parametrize(
    ("draft", "fact"),
    [
        (PostDraft([Span("q", 0, 1)], 1.0, holder="alice-adams", title="secretary of state"),
         "adams-secretary"),
        (PostDraft([Span("q", 0, 1)], 1.0, holder="alice-adams", title="Envoy",
                   organization="state-dept"), "adams-secretary"),
        (PostDraft([Span("q", 0, 1)], 1.0, holder="alice-adams", title="Envoy"), None),
        (StatementDraft([Span("q", 0, 1)], 1.0, speaker="boris-belov", about=["new-start"]),
         "belov-warning"),
        (StatementDraft([Span("q", 0, 1)], 1.0, speaker="boris-belov"), None),  # no matter said
        (StatementDraft([Span("q", 0, 1)], 1.0, speaker="carol-clark", about=["new-start"]), None),
    ],
)  # fmt: skip
def test_a_post_or_statement_repeats_one_of_its_holder_or_speaker(
    draft: PostDraft | StatementDraft, fact: str | None
) -> None:
    kind = "posts" if isinstance(draft, PostDraft) else "statements"
    repeats = take_repeats(drafts_of(**{kind: [draft]}), check_facts(SMALL)[0])
    assert [r.fact for r in repeats] == ([fact] if fact else [])
