"""`suggest --into`: the text, its source record and the drafts written into a facts folder.

The articles here are invented for the tests (names from the small fixture).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import SMALL, run_cli
from dipgraph.dates import PartialDate
from dipgraph.loader import check_facts
from dipgraph.suggest.dating import find_published, resolve

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
