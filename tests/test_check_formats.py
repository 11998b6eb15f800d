"""``check`` where curators work: JSON, SARIF 2.1.0, GitHub annotations, a single file,
an editor's buffer on stdin, and the pre-commit hook."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import CACHE_DIR, REPO

BROKEN = "contacts:\n  - id: odd-call\n    type: phonecall\n"

# The parts of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that our log uses,
# with its required properties, enums, minimums and closed objects as the schema has them.
_MESSAGE = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"text": {"type": "string"}, "id": {"type": "string"}},
    "anyOf": [{"required": ["text"]}, {"required": ["id"]}],
}
SARIF_REQUIRED = {
    "type": "object",
    "additionalProperties": False,
    "required": ["version", "runs"],
    "properties": {
        "$schema": {"type": "string"},
        "version": {"enum": ["2.1.0"]},
        "runs": {"type": "array", "items": {"$ref": "#/definitions/run"}},
    },
    "definitions": {
        "run": {
            "type": "object",
            "required": ["tool"],
            "properties": {
                "tool": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["driver"],
                    "properties": {"driver": {"$ref": "#/definitions/toolComponent"}},
                },
                "results": {"type": "array", "items": {"$ref": "#/definitions/result"}},
            },
        },
        "toolComponent": {
            "type": "object",
            "required": ["name"],
            "properties": {
                "name": {"type": "string"},
                "version": {"type": "string"},
                "rules": {
                    "type": "array",
                    "uniqueItems": True,
                    "items": {
                        "type": "object",
                        "required": ["id"],
                        "properties": {"id": {"type": "string"}, "shortDescription": _MESSAGE},
                    },
                },
            },
        },
        "result": {
            "type": "object",
            "additionalProperties": False,
            "required": ["message"],
            "properties": {
                "ruleId": {"type": "string"},
                "ruleIndex": {"type": "integer", "minimum": -1},
                "level": {"enum": ["none", "note", "warning", "error"]},
                "message": _MESSAGE,
                "locations": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            "physicalLocation": {"$ref": "#/definitions/physicalLocation"}
                        },
                    },
                },
            },
        },
        "physicalLocation": {
            "type": "object",
            "additionalProperties": False,
            "anyOf": [{"required": ["address"]}, {"required": ["artifactLocation"]}],
            "properties": {
                "artifactLocation": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        "uri": {"type": "string", "format": "uri-reference"},
                        "uriBaseId": {"type": "string"},
                    },
                },
                "region": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        "startLine": {"type": "integer", "minimum": 1},
                        "startColumn": {"type": "integer", "minimum": 1},
                    },
                },
            },
        },
    },
}


@pytest.fixture
def broken(small_copy: Path) -> Path:
    (small_copy / "odd.yaml").write_text(BROKEN, encoding="utf-8")
    return small_copy


def test_json_lists_every_problem_with_its_place(cli, broken: Path) -> None:
    result = cli("check", "--facts", broken, "--format", "json")
    assert result.code == 1
    document = result.json()
    assert document["ok"] is False
    assert document["errors"] == len(document["problems"]) == 4
    assert document["records"]["actors"] == 8
    typo = [p for p in document["problems"] if "phonecall" in p["message"]]
    assert typo == [
        {
            "path": str((broken / "odd.yaml").resolve()),
            "line": 3,
            "col": 11,
            "severity": "error",
            "message": typo[0]["message"],
        }
    ]


def test_json_of_clean_facts_says_ok(cli, small_copy: Path) -> None:
    result = cli("check", "--facts", small_copy, "--format", "json")
    assert result.code == 0, result.err
    assert result.json()["ok"] is True
    assert result.json()["problems"] == []


def test_sarif_has_the_required_structure_of_sarif_2_1_0(cli, broken: Path) -> None:
    result = cli("check", "--facts", "facts", "--format", "sarif", cwd=broken.parent)
    assert result.code == 1
    log = result.json()
    validator = jsonschema.Draft7Validator(
        SARIF_REQUIRED, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )
    assert sorted(str(e) for e in validator.iter_errors(log)) == []
    results = log["runs"][0]["results"]
    assert len(results) == 4
    rules = [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]]
    for item in results:
        assert rules[item["ruleIndex"]] == item["ruleId"]
    place = results[-1]["locations"][0]["physicalLocation"]
    # Run from the facts' parent: the path is relative, to the checkout's root.
    assert place["artifactLocation"] == {"uri": "facts/odd.yaml", "uriBaseId": "%SRCROOT%"}
    assert place["region"] == {"startLine": 3, "startColumn": 11}


def test_sarif_rejects_what_the_required_structure_rejects() -> None:
    """The schema above can fail: a result without a message, a line 0."""
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{}]}]}
    assert list(jsonschema.Draft7Validator(SARIF_REQUIRED).iter_errors(bad))
    zero = {"physicalLocation": {"artifactLocation": {"uri": "a"}, "region": {"startLine": 0}}}
    bad["runs"][0]["results"] = [{"message": {"text": "m"}, "locations": [zero]}]
    assert list(jsonschema.Draft7Validator(SARIF_REQUIRED).iter_errors(bad))


def test_github_annotations_point_at_file_line_and_column(cli, broken: Path) -> None:
    result = cli("check", "--facts", broken, "--format", "github")
    assert result.code == 1
    lines = result.out.splitlines()
    assert len(lines) == 4
    path = str((broken / "odd.yaml").resolve())
    assert f"::error file={path},line=3,col=11::unknown type 'phonecall'" in result.out
    assert all(line.startswith(f"::error file={path},line=") for line in lines)


def test_github_escapes_what_would_end_a_property() -> None:
    from dipgraph.cli.check_report import as_github
    from dipgraph.loader import Problem

    text = as_github([Problem("a,b:c.yaml", 2, 3, "50% done\nnext", "warning")])
    assert text == "::warning file=a%2Cb%3Ac.yaml,line=2,col=3::50%25 done%0Anext\n"


def test_only_the_named_files_problems_are_reported(cli, broken: Path) -> None:
    (broken / "other.yaml").write_text(BROKEN.replace("odd-call", "odd-two"), encoding="utf-8")
    result = cli("check", "--facts", broken, "--format", "json", broken / "other.yaml")
    assert result.code == 1
    paths = {p["path"] for p in result.json()["problems"]}
    assert paths == {str((broken / "other.yaml").resolve())}
    clean = cli("check", "--facts", broken, broken / "facts.yaml")
    assert clean.code == 0, clean.err


def test_a_file_outside_the_facts_is_refused(cli, small_copy: Path, tmp_path: Path) -> None:
    stray = tmp_path / "stray.yaml"
    stray.write_text(BROKEN, encoding="utf-8")
    result = cli("check", "--facts", small_copy, stray)
    assert result.code == 1
    assert "is not inside the facts directory" in result.err
    assert "Traceback" not in result.err


def _with_stdin(args: list[str], text: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DIPGRAPH_CACHE_DIR": str(CACHE_DIR),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    return subprocess.run(
        [sys.executable, "-m", "dipgraph", *args],
        input=text,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=120,
    )


def test_an_editor_buffer_on_stdin_is_checked_in_place_of_the_file(broken: Path) -> None:
    args = ["check", "--facts", str(broken), "--stdin-filename", str(broken / "odd.yaml"), "-"]
    clean_buffer = _with_stdin([*args, "--format", "json"], "topics: []\n", broken)
    # The buffer, not the broken file on disk, is checked; only its problems are shown.
    assert clean_buffer.returncode == 0, clean_buffer.stderr
    dirty = _with_stdin([*args, "--format", "json"], BROKEN, broken)
    assert dirty.returncode == 1
    assert {p["line"] for p in json.loads(dirty.stdout)["problems"]} == {2, 3}
    # The file on disk is untouched by either.
    assert (broken / "odd.yaml").read_text(encoding="utf-8") == BROKEN


def test_stdin_needs_a_file_name(broken: Path) -> None:
    done = _with_stdin(["check", "--facts", str(broken), "-"], BROKEN, broken)
    assert done.returncode == 2
    assert "--stdin-filename" in done.stderr


def test_pre_commit_hook_runs_check_on_the_whole_facts() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "dipgraph-check"
    assert hook["entry"].split()[:2] == ["dipgraph", "check"]
    assert hook["language"] == "python"
    # References cross files: a change in one can break another, so all are checked.
    assert hook["pass_filenames"] is False


def test_suggest_reads_an_article_from_stdin() -> None:
    article = "اتصل بوتين بأردوغان هاتفياً يوم الاثنين.\n"
    args = ["suggest", "-", "--facts", str(REPO / "tests" / "fixtures" / "small")]
    done = _with_stdin([*args, "--source-id", "typed", "--format", "json"], article, REPO)
    assert done.returncode == 0, done.stderr
    drafts = json.loads(done.stdout)
    assert drafts["source"] == "typed"
    (putin,) = [a for a in drafts["actors"] if a["id"] == "vladimir-putin"]
    assert article[putin["start"] : putin["end"]] == putin["quote"] == "بوتين"


def test_suggest_refuses_stdin_that_is_not_utf8() -> None:
    env = {**os.environ, "DIPGRAPH_CACHE_DIR": str(CACHE_DIR), "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-m", "dipgraph", "suggest", "-", "--facts", "tests/fixtures/small"],
        input="café".encode("latin-1"),
        capture_output=True,
        cwd=REPO,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1
    assert b"stdin: not UTF-8 text (byte 3)" in done.stderr
    assert b"Traceback" not in done.stderr
