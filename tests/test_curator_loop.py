"""The README's walks from a new article to an answered question, run as written.

The short walk's article, commands and curated file, and the long walk's commands and the
diffs it shows, are read from the README section, so the walks and these tests cannot drift
apart. Each runs on a copy of the bundled facts and proves that no file of another article
is edited. The long walk's article is invented for it (tests/fixtures/walk/); when suggest
drafts differently, `python benchmarks/curator_walk.py --rediff` rebuilds its diff.
"""

from __future__ import annotations

import hashlib
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

import dipgraph
from conftest import BUNDLED, REPO, run_cli
from dipgraph.curation.rules import Curation, findings

SECTION = "### From a new article to an answer: the curator's loop"
LONG = "#### A whole article"
WALK = REPO / "tests" / "fixtures" / "walk"
ARTICLE = WALK / "src-006-oasis-hartley.txt"


def section() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return text.split(SECTION, 1)[1].split("\n## ", 1)[0]


def walk() -> tuple[str, list[list[str]], str]:
    """(the article, the commands, the curated file) of the README's short walk."""
    section_text = section().split(LONG, 1)[0]
    found = re.findall(r"```(\w+)\n(.*?)```", section_text, re.DOTALL)
    blocks = {kind: body for kind, body in found}
    commands = [shlex.split(line) for line in blocks["bash"].splitlines() if line.strip()]
    return blocks["text"], commands, blocks["yaml"]


def digests(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.mark.slow
def test_the_readme_walk_runs_as_written(tmp_path: Path) -> None:
    article, commands, curated = walk()
    shutil.copytree(BUNDLED, tmp_path / "facts")
    (tmp_path / "example.txt").write_text(article, encoding="utf-8")
    before = digests(tmp_path / "facts")
    assert [c[:2] for c in commands] == [
        ["dipgraph", "suggest"],
        ["dipgraph", "check"],
        ["dipgraph", "check"],
        ["dipgraph", "talks"],
        ["dipgraph", "path"],
    ]
    suggest, check, strict, talks, path = (c[1:] for c in commands)
    drafted = tmp_path / "facts" / "articles" / "src-005-example.yaml"

    done = run_cli(*suggest, cwd=tmp_path)
    assert done.code == 0, done.err
    draft = drafted.read_text(encoding="utf-8")
    assert 'published: "2026-11-27"' in draft and 'file: "../sources/src-005-example.txt"' in draft
    assert 'date: "2026-11-26"' in draft  # أمس الخميس, from the dateline
    assert re.search(
        r"participants: \[(sergei-ryabkov, jake-sullivan|jake-sullivan, sergei-r)", draft
    )
    # What repeats a known fact is drafted as its corroboration, not as a second fact.
    for known in ("istanbul-secret-talks", "ryabkov-deputy-foreign-minister"):
        assert f"  - fact: {known}\n" in draft

    first = run_cli(*check, cwd=tmp_path)
    assert first.code == 1
    errors = [line for line in first.err.splitlines() if ": error: " in line]
    assert errors and all("src-005-example.yaml" in line and "draft" in line for line in errors)

    drafted.write_text(curated, encoding="utf-8")  # the curator's edit, as the README shows
    clean = run_cli(*strict, cwd=tmp_path)
    assert clean.code == 0, clean.err
    assert "0 warning(s)" in clean.out
    facts, _ = dipgraph.check(tmp_path / "facts")
    assert findings(Curation.of(facts)) == []  # clean under check is clean under the rules

    answer = run_cli(*talks, "--format", "json", cwd=tmp_path)
    assert answer.code == 0, answer.err
    (meeting,) = answer.json()
    assert (meeting["id"], meeting["date"], meeting["place"]["id"]) == (
        "ryabkov-sullivan-geneva-meeting",
        "2026-11-26",
        "geneva",
    )
    route = run_cli(*path, "--format", "json", cwd=tmp_path)
    assert route.code == 0, route.err
    assert route.json()["paths"][0]["actors"] == ["sergei-ryabkov", "jake-sullivan", "yuri-ushakov"]

    stats = run_cli("stats", "--facts", "facts", "--format", "json", cwd=tmp_path).json()
    assert stats["per_source"]["src-005-example"] == {"posts": 2, "contacts": 2, "statements": 1}

    after = digests(tmp_path / "facts")
    added = sorted(set(after) - set(before))
    assert added == ["articles/src-005-example.yaml", "sources/src-005-example.txt"]
    assert {name: after[name] for name in before} == before  # no other file was edited


def long_walk() -> tuple[list[str], list[str]]:
    """(the command lines, the diff blocks) of the README's walk of a whole article."""
    text = section().split(LONG, 1)[1]
    (bash,) = re.findall(r"```bash\n(.*?)```", text, re.DOTALL)
    return [line for line in bash.splitlines() if line.strip()], re.findall(
        r"```diff\n(.*?)```", text, re.DOTALL
    )


def diff_lines(name: str) -> list[str]:
    return (WALK / name).read_text(encoding="utf-8").splitlines()


def edited_files(name: str) -> list[str]:
    return [line.removeprefix("+++ b/") for line in diff_lines(name) if line.startswith("+++ ")]


def test_the_long_walk_article_is_an_invented_dispatch_of_about_1000_words() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    assert 900 <= len(text.split()) <= 1100
    assert text.startswith("[نص متخيل") and "وليس خبرا حقيقيا" in text.splitlines()[0]
    assert "invented" in section().split(LONG, 1)[1][:600]


def test_the_curators_edits_stay_in_the_new_articles_file() -> None:
    """The walk's own edits touch only the new article's file; the other diff only removes
    two not_printed entries of shared records (no article's file), which the new text
    makes stale."""
    assert edited_files("curator.diff") == ["articles/src-006-oasis-hartley.yaml"]
    assert edited_files("not-printed.diff") == ["actors/organizations.yaml", "topics.yaml"]
    changed = [
        line
        for line in diff_lines("not-printed.diff")
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert [line[:1] for line in changed] == ["-", "-", "-"]
    assert all(part in "".join(changed) for part in ("وزارة الخارجية الروسية", "الحد من التسلح"))


def test_the_readme_shows_the_diffs_the_walk_applies() -> None:
    """Each diff the README shows is the file the walk applies, or a run of its lines; the
    counts it gives are the diff's."""
    commands, shown = long_walk()
    applied = [line.split()[-1] for line in commands if line.startswith("git apply")]
    assert applied == ["tests/fixtures/walk/curator.diff", "tests/fixtures/walk/not-printed.diff"]
    curator = "\n".join(diff_lines("curator.diff"))
    assert len(shown) == 3
    assert shown[2] == (WALK / "not-printed.diff").read_text(encoding="utf-8")
    assert all(block.rstrip("\n") in curator for block in shown[:2])
    body = [line for line in diff_lines("curator.diff") if line[:3] not in ("+++", "---")]
    removed = sum(line.startswith("-") for line in body)
    added = [line[1:].strip() for line in body if line.startswith("+")]
    text = ARTICLE.read_text(encoding="utf-8")
    pasted = sum(
        1
        for line in added
        if re.match(r"(quote|passage|title): ", line)
        and line.split(": ", 1)[1].strip("\"'") in text
    )
    prose = " ".join(section().split(LONG, 1)[1].split())
    assert (
        f"removing {removed} lines of drafts and comments, adding {len(added)}: {pasted} of them"
        in prose
    )


def digests_under(root: Path) -> dict[str, str]:
    return digests(root) if root.is_dir() else {}


@pytest.mark.slow
def test_the_long_walk_runs_as_written(tmp_path: Path) -> None:
    commands, _ = long_walk()
    shutil.copytree(BUNDLED, tmp_path / "facts")
    shutil.copytree(WALK, tmp_path / "tests" / "fixtures" / "walk")
    before = digests(tmp_path / "facts")
    runs = []
    for line in commands:
        words = shlex.split(line)
        if words[0] == "dipgraph":
            runs.append(run_cli(*words[1:], cwd=tmp_path))
        else:
            done = subprocess.run(words, cwd=tmp_path, capture_output=True, text=True)
            assert done.returncode == 0, (line, done.stderr)
            runs.append(None)
    kinds = [shlex.split(line)[:2] for line in commands]
    assert kinds[1] == ["dipgraph", "suggest"] and kinds[2] == ["dipgraph", "check"]
    assert kinds[-3:] == [["dipgraph", "check"], ["dipgraph", "talks"], ["dipgraph", "path"]]
    suggest, draft_check = runs[1:3]
    assert suggest.code == 0 and "published 2026-12-04" in suggest.out, suggest.err
    assert draft_check.code == 1
    errors = [line for line in draft_check.err.splitlines() if ": error: " in line]
    assert len(errors) == 60 and all(
        "walk/articles/src-006-oasis-hartley.yaml:" in e for e in errors
    )
    accepts = [run for line, run in zip(commands, runs, strict=True) if "actor accept" in line]
    assert len(accepts) == 3 and all(
        run.code == 0 and run.out.startswith("ok: ") for run in accepts
    )
    strict, talks, path = runs[-3:]
    assert strict.code == 0 and "0 warning(s)" in strict.out, strict.err
    facts, _ = dipgraph.check(tmp_path / "walk")
    assert findings(Curation.of(facts)) == []  # clean under check is clean under the rules

    assert (
        talks.code == 0
        and "lavrov-hartley-moscow-meeting" in talks.out
        and "2026-12-03" in talks.out
    )
    assert path.code == 0 and "Daniel Hartley → Sergey Lavrov → Rex Tillerson" in path.out
    answer = run_cli(
        "talks", "Hartley", "--any-status", "--format", "json", "--facts", "walk", cwd=tmp_path
    )
    statuses = {c["id"]: c["status"] for c in answer.json()}
    assert statuses == {
        "lavrov-hartley-moscow-meeting": "happened",
        "ryabkov-hartley-geneva-meeting": "planned",
        "ushakov-hartley-istanbul-meeting": "denied",
    }
    stats = run_cli("stats", "--facts", "walk", "--format", "json", cwd=tmp_path).json()
    assert stats["per_source"]["src-006-oasis-hartley"]["contacts"] == 6  # 5 and Istanbul's

    after = digests(tmp_path / "walk")
    assert digests(tmp_path / "facts") == before  # the bundled copy itself is untouched
    assert sorted(set(after) - set(before)) == [
        "articles/src-006-oasis-hartley.yaml",
        "sources/src-006-oasis-hartley.txt",
    ]
    changed = sorted(name for name in before if after[name] != before[name])
    assert changed == ["actors/organizations.yaml", "topics.yaml"]  # not_printed, shown above
    others = [n for n in before if n.startswith(("articles/", "sources/")) or n == "sources.yaml"]
    assert len(others) == 12 and all(after[n] == before[n] for n in others)
