"""Every class of mistake gets a clear message at its exact file:line:col, exit 1."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from conftest import add_file
from dipgraph.loader import check_facts

CONTACT = """contacts:
  - id: extra-contact
    type: {type}
    participants: {participants}
    date: {date}
    summary: A contact added by a test.
    evidence:
      - source: wire
        quote: On 2 May 2021 Belov met Carol Clark
"""


def contact(
    type: str = "meeting",
    participants: str = "[alice-adams, boris-belov]",
    date: str = "2021-05-02",
) -> str:
    return CONTACT.format(type=type, participants=participants, date=date)


CASES = {
    "yaml-syntax": (
        "actors:\n  - id: x\n    names: {en: [a}\n",
        ["3:19: error: YAML syntax error: while parsing a flow sequence"],
    ),
    "unknown-field": (
        contact().replace("    summary:", "    sumary: typo\n    summary:"),
        ["6:5: error: unknown field 'sumary' in a contact (did you mean 'summary'?)"],
    ),
    "unknown-section": (
        "contact:\n  - id: x\n",
        ["1:1: error: unknown section 'contact' (did you mean 'contacts'?)"],
    ),
    "wrong-type-bool": (
        contact().replace("    summary:", "    secret: maybe\n    summary:"),
        ["6:13: error: secret must be true or false, not 'maybe'"],
    ),
    "wrong-type-list": (
        contact(participants="alice-adams"),
        ["4:19: error: participants must be a list, not a single value"],
    ),
    "unknown-actor": (
        contact(participants="[alice-adams, boris-belof]"),
        ["4:33: error: unknown actor 'boris-belof' (did you mean 'boris-belov'?)"],
    ),
    "wrong-kind-reference": (
        contact(participants="[alice-adams, new-start]"),
        ["4:33: error: 'new-start' is a topic, but participants takes an actor"],
    ),
    "unknown-topic": (
        contact().replace("    summary:", "    topics: [new-strat]\n    summary:"),
        ["6:14: error: unknown topic 'new-strat' (did you mean 'new-start'?)"],
    ),
    "unknown-source": (
        contact().replace("source: wire", "source: wir"),
        ["8:17: error: unknown source 'wir' (did you mean 'wire'?)"],
    ),
    "duplicate-id": (
        contact().replace("id: extra-contact", "id: adams-belov-call"),
        ["2:5: error: duplicate id 'adams-belov-call': already used by the contact at"],
    ),
    "impossible-month": (
        contact(date="2022-13-01"),
        ["5:11: error: date: '2022-13-01' has month 13: months run from 01 to 12"],
    ),
    "impossible-day": (
        contact(date="2022-02-30"),
        ["5:11: error: date: '2022-02-30' does not exist: February 2022 has 28 days"],
    ),
    "until-before-from": (
        "posts:\n  - id: p\n    holder: carol-clark\n    post: {en: Envoy}\n"
        "    from: 2021-06\n    until: 2021-05\n"
        "    evidence: [{source: wire, quote: On 2 May 2021 Belov met Carol Clark}]\n",
        ["6:12: error: until (2021-05) is before from (2021-06)"],
    ),
    "one-participant": (
        contact(participants="[alice-adams]"),
        ["4:19: error: participants needs at least 2 distinct actors, found 1"],
    ),
    "same-participant-twice": (
        contact(participants="[alice-adams, alice-adams]"),
        ["4:33: error: 'alice-adams' is listed twice in participants"],
    ),
    "unknown-contact-type": (
        contact(type="phonecall"),
        ["3:11: error: unknown type 'phonecall' (did you mean 'phone_call'?)"],
    ),
    "unknown-status": (
        contact().replace("    summary:", "    status: happend\n    summary:"),
        ["6:13: error: unknown status 'happend' (did you mean 'happened'?)"],
    ),
    "missing-required": (
        contact().replace("    summary: A contact added by a test.\n", ""),
        ["2:5: error: a contact is missing required field 'summary'"],
    ),
    "quote-not-in-source": (
        contact().replace("Belov met Carol Clark", "Belov met Carol Smith"),
        [
            "9:16: error: quote not found in source 'wire'; it matches up to "
            "'On 2 May 2021 Belov met Carol ' then differs"
        ],
    ),
    "required-but-null": (
        contact().replace("summary: A contact added by a test.", "summary: ~"),
        ["6:14: error: summary is empty"],
    ),
    "optional-null-is-absent-but-required-list-is-not": (
        contact()
        .replace("    summary:", "    place: null\n    topics:\n    summary:")
        .replace("participants: [alice-adams, boris-belov]", "participants: null"),
        ["4:19: error: participants is empty"],
    ),
    "names-and-aliases": (
        "actors:\n  - id: x1\n    kind: person\n    names: {EN: X}\n"
        "  - id: x2\n    kind: person\n    names: {ar: س}\n"
        "  - id: x3\n    kind: person\n    names: {en: X3}\n"
        "    aliases: {en: solo, ar: [ok, [nested]]}\n",
        [
            "4:13: error: 'EN' is not a language code (en, ar, ru...)",
            "7:12: error: names needs an English name (en)",
            "11:19: error: the en aliases must be a list, not a single value",
            "11:34: error: an ar alias must be a single value, not a list",
        ],
    ),
    "empty-file": ("", ["1:1: error: file is empty"]),
    "only-comments": ("# nothing here\n", ["1:1: error: file has only comments"]),
    "python-tag": (
        "actors:\n  - !!python/object/apply:os.system [echo hacked]\n",
        ["2:5: error: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"],
    ),
    "duplicate-key": (
        contact().replace("    summary:", "    type: talks\n    summary:"),
        ["6:5: error: duplicate key 'type' in each entry of contacts (first at line 3)"],
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CASES))
def test_each_mistake_is_reported_at_its_place(cli, small_copy: Path, name: str) -> None:
    text, expected = CASES[name]
    bad = small_copy / "zz-bad.yaml"
    bad.write_text(text, encoding="utf-8")
    result = cli("check", "--facts", small_copy)
    assert result.code == 1, result.err
    for fragment in expected:
        assert f"{bad.resolve()}:{fragment}" in result.err, result.err
    assert "Traceback" not in result.err


def test_all_problems_are_reported_not_only_the_first(cli, small_copy: Path) -> None:
    bad = small_copy / "zz-bad.yaml"
    bad.write_text(
        contact(type="phonecall", participants="[alice-adams]", date="2022-02-30"), encoding="utf-8"
    )
    result = cli("check", "--facts", small_copy)
    assert result.code == 1
    errors = [line for line in result.err.splitlines() if ": error: " in line]
    assert len(errors) == 3, result.err
    assert "3 error(s)" in result.err


def test_non_utf8_file(cli, small_copy: Path) -> None:
    bad = small_copy / "latin1.yaml"
    bad.write_bytes("actors:\n  - id: café\n".encode("latin-1"))
    result = cli("check", "--facts", small_copy)
    assert result.code == 1
    assert f"{bad.resolve()}:2:12: error: file is not UTF-8 (byte 0xe9 here)" in result.err


def test_billion_laughs_is_refused_not_expanded(small_copy: Path) -> None:
    levels = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        levels.append(f"a{level}: &a{level} [{refs}]")
    body = "\n".join(f"    {line}" for line in levels)
    bomb = small_copy / "bomb.yaml"
    bomb.write_text(
        "actors:\n  - id: bomb\n    kind: person\n    names:\n      en: x\n"
        f"    aliases:\n{body.replace('    a', '      a')}\n",
        encoding="utf-8",
    )
    started = time.perf_counter()
    _, problems = check_facts(small_copy)
    elapsed = time.perf_counter() - started
    messages = [str(p) for p in problems if p.path.endswith("bomb.yaml")]
    assert any("YAML anchors and aliases are not allowed" in m for m in messages), messages
    # Expanded, the aliases would be billions of nodes (hours); refused, a fraction of a
    # second. A bound two orders of magnitude above that cannot fail on a loaded machine.
    assert elapsed < 60, f"took {elapsed:.1f}s: the aliases were expanded"


def test_oversized_file_is_refused_with_a_clear_error(cli, small_copy: Path) -> None:
    big = small_copy / "big.yaml"
    line = "# " + "x" * 1022 + "\n"
    with big.open("w", encoding="utf-8") as handle:
        handle.write("actors:\n")
        for _ in range(50 * 1024):  # 50 MiB
            handle.write(line)
    result = cli("check", "--facts", small_copy)
    assert result.code == 1
    assert f"{big.resolve()}:1:1: error: file is 50.0 MiB, over the 32 MiB limit" in result.err
    assert "Traceback" not in result.err


def test_missing_facts_directory(cli, tmp_path: Path) -> None:
    result = cli("check", "--facts", tmp_path / "nope")
    assert result.code == 1
    assert "error: facts directory not found" in result.err


def test_source_file_missing(cli, small_copy: Path) -> None:
    (small_copy / "sources" / "arabic.txt").unlink()
    result = cli("check", "--facts", small_copy)
    assert result.code == 1
    assert "error: source file 'sources/arabic.txt' not found" in result.err


def test_query_commands_refuse_broken_facts(cli, small_copy: Path) -> None:
    (small_copy / "zz-bad.yaml").write_text(contact(type="phonecall"), encoding="utf-8")
    result = cli("talks", "--facts", small_copy)
    assert result.code == 1
    assert "unknown type 'phonecall'" in result.err
    assert "1 error(s) in the facts" in result.err


def test_a_file_that_cannot_be_read_blames_no_record_it_uses(cli, small_copy: Path) -> None:
    """An unquoted ': ' in one summary made the file unreadable, and every actor and
    topic only that file used was then warned "not used by any fact" (7 warnings around
    1 error on the bundled data). The error now comes alone, and says how to write it."""
    facts = small_copy / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    broken = text.replace(
        "summary: Adams and Belov discussed", "summary: Adams said: Belov discussed", 1
    )
    assert broken != text
    facts.write_text(broken, encoding="utf-8")
    result = cli("check", "--facts", small_copy)
    assert result.code == 1
    lines = result.out.splitlines() + result.err.splitlines()
    (error,) = [line for line in lines if ": error: " in line]
    assert error.startswith(f"{facts}:18:") and "quote the value" in error
    assert not [line for line in lines if "not used by any fact" in line]
    assert lines[-1].startswith("error: 1 error(s), 0 warning(s) in ")


def _problems(root: Path) -> list[str]:
    from dipgraph.loader import check_facts

    return [str(problem) for problem in check_facts(root)[1]]


@pytest.mark.parametrize(
    ("field", "value", "column", "says"),
    [
        ("id", '"zed\\n"', 9, "is not a valid id"),
        ("wikidata", '"Q42\\n"', 15, "is not a Wikidata item id"),
        ("names", '{"en\\n": Zed}', 13, "is not a language code"),
    ],
)
def test_a_trailing_newline_is_not_part_of_a_valid_id(
    small_copy: Path, field: str, value: str, column: int, says: str
) -> None:
    lines = ["actors:", "  - id: zed", "    kind: person", "    names: {en: Zed}"]
    row = {"id": 1, "names": 3}.get(field)
    if row is None:
        lines.append(f"    {field}: {value}")
        row = 4
    else:
        lines[row] = f"    {field}: {value}" if field == "names" else f"  - id: {value}"
    add_file(small_copy, "zz-newline.yaml", "\n".join(lines) + "\n")
    problems = _problems(small_copy)
    assert any(
        f"zz-newline.yaml:{row + 1}:{column}: error:" in p and says in p for p in problems
    ), problems


def test_an_overlong_id_is_refused_at_its_place(small_copy: Path) -> None:
    long_id = "z" * 121
    add_file(
        small_copy,
        "zz-long.yaml",
        f"actors:\n  - id: {long_id}\n    kind: person\n    names: {{en: Zed}}\n",
    )
    problems = _problems(small_copy)
    says = "zz-long.yaml:2:9: error: an id of 121 characters is too long"
    assert any(says in p for p in problems), problems
    assert all(long_id not in p for p in problems), problems  # not echoed whole


@pytest.mark.parametrize("text", ["٢٠٢٠-٠٣", "2020-٠٣", "２０２０"])
def test_a_date_is_ascii_digits_to_the_end(text: str) -> None:
    from dipgraph.dates import DateError, PartialDate

    with pytest.raises(DateError):
        PartialDate.parse(text)


def test_a_wikidata_id_with_a_newline_gives_no_traceback(cli, small_copy: Path) -> None:
    add_file(
        small_copy,
        "zz-newline.yaml",
        'actors:\n  - id: zed\n    kind: person\n    names: {en: Zed}\n    wikidata: "Q42\\n"\n',
    )
    for command in (["talks", "belov"], ["build", "--out", small_copy / "out"]):
        result = cli(*command, "--facts", small_copy)
        assert result.code == 1 and "Traceback" not in result.err, result.err
        assert "zz-newline.yaml:5:15: error:" in result.err


def test_a_raw_nul_is_located_at_its_line_and_column(small_copy: Path) -> None:
    text = (
        "topics:\n"
        "  - id: zz-a\n"
        "    names: {en: Arms, ar: الحد من التسلح والأسلحة النووية الاستراتيجية}\n"
        "  - id: zz-b\n"
        "    names: {en: Bad\x00name}\n"
    )
    add_file(small_copy, "zz-nul.yaml", text)
    problems = _problems(small_copy)
    assert any("zz-nul.yaml:5:20: error: YAML syntax error" in p for p in problems), problems


def test_a_source_file_that_is_a_fifo_is_not_called_missing(small_copy: Path) -> None:
    import os

    os.mkfifo(small_copy / "sources" / "pipe.txt")
    sources = small_copy / "sources.yaml"
    sources.write_text(
        sources.read_text(encoding="utf-8").replace("sources/wire.txt", "sources/pipe.txt"),
        encoding="utf-8",
    )
    problems = _problems(small_copy)
    assert any("source file 'sources/pipe.txt' is not a regular file" in p for p in problems), (
        problems
    )


@pytest.mark.parametrize(
    ("content", "place"),
    [
        (
            b"topics:\n  - id: zz-a\n    names: {en: Arms, ar: "
            + '"الحد \xff"}\n'.encode().replace(b"\xc3\xbf", b"\xff"),
            "3:33",
        ),
        (b'topics:\r  - id: zz-a\r    names: {en: "Arms\xff"}\r', "3:22"),
        (b"\xef\xbb\xbftopics: \xff\n", "1:9"),
    ],
)
def test_a_byte_that_is_not_utf8_is_located_in_characters(
    small_copy: Path, content: bytes, place: str
) -> None:
    from dipgraph.loader import check_facts

    (small_copy / "zz-bytes.yaml").write_bytes(content)
    problems = [str(p) for p in check_facts(small_copy)[1]]
    assert any(
        f"zz-bytes.yaml:{place}: error: file is not UTF-8 (byte 0xff" in p for p in problems
    ), problems


def test_a_query_file_with_a_byte_order_mark_names_the_right_byte(tmp_path: Path) -> None:
    """ "utf-8-sig" counts after the mark: the byte named was three bytes off."""
    from dipgraph.graph.sparql import SparqlError, resolve_query

    query = tmp_path / "q.rq"
    query.write_bytes(b'\xef\xbb\xbfSELECT * WHERE { ?s ?p "\xff" }')
    with pytest.raises(SparqlError, match=r"byte 0xff at byte 27\)"):
        resolve_query(f"@{query}")
    query.write_bytes(b"\xef\xbb\xbfASK {}")
    assert resolve_query(f"@{query}")[0] == "ASK {}"


def test_did_you_mean_compares_in_python_with_a_shortlist_only(monkeypatch) -> None:
    import difflib

    from dipgraph.loader.problems import did_you_mean

    compared: list[int] = []
    real = difflib.get_close_matches

    def counted(word, possibilities, n=3, cutoff=0.6):
        compared.append(len(possibilities))
        return real(word, possibilities, n, cutoff)

    monkeypatch.setattr(difflib, "get_close_matches", counted)
    ids = [f"actor-number-{i:05d}" for i in range(3000)]
    assert did_you_mean("actor-numbr-01234", ids) == " (did you mean 'actor-number-01234'?)"
    assert did_you_mean("zzzz", ids) == ""
    assert max(compared) <= 5
    assert did_you_mean("persn", ("person", "organization", "state")) == (
        " (did you mean 'person'?)"
    )


def test_unknown_references_are_all_reported_with_their_hint(small_copy: Path) -> None:
    from dipgraph.loader import check_facts

    lines = ["actors:"]
    for i in range(60):
        lines += [f"  - id: actor-number-{i:03d}", "    kind: person", "    names: {en: P}"]
    lines.append("contacts:")
    for i in range(60):
        lines += [
            f"  - id: c-{i}",
            "    type: meeting",
            f"    participants: [actor-numbr-{i:03d}, alice-adams]",
            "    evidence:",
            "      - {source: wire, quote: Adams proposed to send a message}",
        ]
    add_file(small_copy, "zz-typos.yaml", "\n".join(lines) + "\n")
    problems = [str(p) for p in check_facts(small_copy)[1]]
    for i in range(60):
        says = f"unknown actor 'actor-numbr-{i:03d}' (did you mean 'actor-number-{i:03d}'?)"
        assert any(says in p for p in problems), says
