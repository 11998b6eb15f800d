"""The README's walk from a new article to an answered question, run as written.

The article, the commands and the curated file are read from the README section, so the
walk and this test cannot drift apart. It runs on a copy of the bundled facts and proves
that no file of another article is edited.
"""

from __future__ import annotations

import hashlib
import re
import shlex
import shutil
from pathlib import Path

import pytest

import dipgraph
from conftest import BUNDLED, REPO, run_cli
from dipgraph.curation.rules import Curation, findings

SECTION = "### From a new article to an answer: the curator's loop"


def walk() -> tuple[str, list[list[str]], str]:
    """(the article, the commands, the curated file) of the README's walk."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    found = re.findall(r"```(\w+)\n(.*?)```", section, re.DOTALL)
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
