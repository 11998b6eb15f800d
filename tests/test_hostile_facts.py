"""Fact files as an attacker writes them (issue #10, items 1-8): each refused or reported,
located at file:line:col, never a traceback, never malformed output."""

from __future__ import annotations

import json
import os
import random
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

import dipgraph
from conftest import add_file
from dipgraph.graph.iris import IriError, check_base_iri, iri_term
from dipgraph.graph.to_rdf import compile_quads
from dipgraph.loader import check_facts, fact_files, files_read
from dipgraph.loader.quotes import SourceText
from dipgraph.schema.model import load_model


def problems_of(root: Path, **limits: int) -> list[str]:
    _, problems = check_facts(root, **limits)
    return [str(p) for p in problems]


def has(problems: list[str], *fragments: str) -> bool:
    return any(all(f in p for f in fragments) for p in problems)


SOURCE_WITH_URL = """sources:
  - id: extra
    language: en
    file: sources/wire.txt
    url: {url}
"""


# -- 1. RDF injection -----------------------------------------------------------------------
INJECTION = '"http://x/a> <http://evil/s> <http://evil/p> <http://evil/g> .\\n<http://x/b"'


def test_injecting_url_is_refused_at_its_line_and_column(small_copy: Path) -> None:
    add_file(small_copy, "zz-src.yaml", SOURCE_WITH_URL.format(url=INJECTION))
    problems = problems_of(small_copy)
    assert has(problems, "zz-src.yaml:5:10: error: url is not a valid http(s) IRI", "'>'")


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://x/a b", "' '"),
        ('"http://x/\\u0007"', "U+0007"),
        ("http://x/{a}", "'{'"),
        ("http://x/a|b", "'|'"),
        ("http://x/a^b", "'^'"),
        ("'http://x/a`b'", "'`'"),
        ("'http://x/a\\b'", "'\\\\'"),
        ("http://x/%zz", "'%' at character 10 is not followed by two hex digits"),
        ("ftp://x/a", "must start with http:// or https://"),
        ("https:///nohost", "names no host"),
        ("/relative/path", "it has no scheme"),
    ],
)
def test_bad_urls_are_refused(small_copy: Path, url: str, why: str) -> None:
    add_file(small_copy, "zz-src.yaml", SOURCE_WITH_URL.format(url=url))
    problems = problems_of(small_copy)
    assert has(problems, "zz-src.yaml:5:10: error: url ", why), problems


def test_good_urls_pass(small_copy: Path) -> None:
    url = "https://www.aljazeera.net/news/2022/11/14/%D8%A8%D9%88%D8%AA%D9%8A%D9%86?a=1#x"
    add_file(small_copy, "zz-src.yaml", SOURCE_WITH_URL.format(url=url))
    add_file(small_copy, "zz-use.yaml", "statements:\n" + _statement("extra"))
    assert not [p for p in problems_of(small_copy) if "error" in p]


def _statement(source: str, ident: str = "s-extra") -> str:
    return (
        f"  - id: {ident}\n    speaker: boris-belov\n    kind: said\n"
        "    summary: A statement.\n    evidence:\n"
        f"      - {{source: {source}, quote: Belov warned that New START would expire}}\n"
    )


def test_iri_writer_refuses_whatever_the_caller(small_copy: Path) -> None:
    """Facts that skipped check (a caller building records by hand) still cannot inject."""
    facts, problems = check_facts(small_copy)
    assert not problems
    evil = "http://x/a> <http://evil/s> <http://evil/p> <http://evil/o> .\n<http://x/b"
    facts.sources["wire"] = replace(facts.sources["wire"], url=evil)
    with pytest.raises(IriError, match="not a valid IRI"):
        compile_quads(facts, load_model())


def test_every_iri_written_parses_back_as_itself() -> None:
    """Fuzz the one IRI writer with hostile characters: each value is refused, or the
    N-Triples it writes parses to exactly one triple whose object is that very IRI."""
    import pyoxigraph as ox

    alphabet = 'ab/:#?%0F <>"{}|\\^`\n\r\t\x00\x7f\x85\u202e\u200b\ufffeاé.-_~!$&()*+,;=[]@'
    rng = random.Random(10)
    accepted = refused = 0
    for _ in range(3000):
        value = "http://h/" + "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 12)))
        try:
            term = iri_term(value)
        except IriError:
            refused += 1
            continue
        accepted += 1
        triples = list(ox.parse(f"<http://s> <http://p> {term} .\n", format=ox.RdfFormat.N_TRIPLES))
        assert len(triples) == 1 and triples[0].object.value == value, value
    assert accepted > 100 and refused > 100, (accepted, refused)


@pytest.mark.parametrize("base", ["https://x/\x01/", "https://x/a b/", "https://x/>/", "x/"])
def test_bad_base_iri_is_refused(base: str) -> None:
    with pytest.raises(ValueError, match="base IRI"):
        check_base_iri(base)


@pytest.mark.slow
def test_injecting_url_gives_no_traceback_in_any_command(cli, small_copy: Path) -> None:
    add_file(small_copy, "zz-src.yaml", SOURCE_WITH_URL.format(url=INJECTION))
    for command in (["check"], ["sparql", "who-talked-to-whom"], ["build", "--out", "b"]):
        result = cli(*command, "--facts", small_copy, cwd=small_copy)
        assert result.code == 1, (command, result)
        assert "zz-src.yaml:5:10: error: url is not a valid http(s) IRI" in result.err
        assert "Traceback" not in result.err


# -- 2. Control characters --------------------------------------------------------------------
CONTACT_SUMMARY = """contacts:
  - id: c-extra
    type: meeting
    participants: [alice-adams, boris-belov]
    summary: {summary}
    evidence:
      - source: wire
        quote: On 2 May 2021 Belov met Carol Clark
"""


@pytest.mark.parametrize(
    ("escaped", "code"),
    [
        ("\\a", "U+0007"),
        ("\\e[2J", "U+001B"),
        ("\\0", "U+0000"),
        ("\\r", "U+000D"),
        ("\\x7f", "U+007F"),
        ("\\N", "U+0085"),
        ("\\x9b31m", "U+009B"),
        ("\\uFFFE", "U+FFFE"),
        ("\\uFFFF", "U+FFFF"),
        ("\\u202E", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\\u2066", "U+2066"),
    ],
)
def test_control_and_bidi_characters_are_refused(small_copy: Path, escaped: str, code: str) -> None:
    add_file(small_copy, "zz-c.yaml", CONTACT_SUMMARY.format(summary=f'"Met{escaped} today"'))
    problems = problems_of(small_copy)
    assert has(problems, "zz-c.yaml:5:14: error: summary contains", code), problems


def test_raw_bidi_override_is_located_at_its_own_column(small_copy: Path) -> None:
    add_file(small_copy, "zz-c.yaml", CONTACT_SUMMARY.format(summary="Met \u202etoday"))
    problems = problems_of(small_copy)
    assert has(problems, "zz-c.yaml:5:18: error: summary contains a bidirectional control")


def test_tab_and_newline_are_fine(small_copy: Path) -> None:
    add_file(small_copy, "zz-c.yaml", CONTACT_SUMMARY.format(summary='"Met\\ttoday,\\nin Vienna"'))
    assert problems_of(small_copy) == []


def test_no_raw_control_character_reaches_the_terminal(cli, small_copy: Path) -> None:
    add_file(small_copy, "zz-c.yaml", CONTACT_SUMMARY.format(summary='"\\e]0;pwned\\a\\e[2J"'))
    add_file(small_copy, "bad\x1b[31m.yaml", "actors: [\n")  # the file name itself is hostile
    add_file(small_copy, "zz-key.yaml", 'actors:\n  - "id\\e[1m": x\n')  # and a key
    result = cli("check", "--facts", small_copy)
    assert result.code == 1
    assert "summary contains a control character" in result.err
    assert "bad\\x1b[31m.yaml" in result.err
    assert not any(ord(c) < 32 and c not in "\n" for c in result.err), repr(result.err)


def test_output_sanitiser() -> None:
    from dipgraph.cli import output

    assert output.cell(["a\x1b[31m", "b\u202e"]) == "a\\x1b[31m; b\\u202e"
    assert output.cell("two\nlines\tok") == "two\nlines\tok"  # tables and CSV may wrap
    assert output.text("one\nline\r") == "one\\x0aline\\x0d"
    assert output.text("\x9b31m") == "\\x9b31m"


def test_json_output_escapes_what_json_leaves_raw(capsys) -> None:
    from dipgraph.cli import output

    data = {"name": "a\x9b\u202e\u2028b\x1b"}
    output.print_json(data)
    printed = capsys.readouterr().out
    assert not any(c in printed for c in "\x9b\u202e\u2028\x1b")
    assert json.loads(printed) == data


TRICKY = "Tricky <b>&amp;</b> \"q\" 'a' ]]> زيد\u200cعلي 🙂 \ufffd"


def test_graphml_and_gexf_are_well_formed_for_anything_check_accepts(
    small_copy: Path, tmp_path: Path
) -> None:
    add_file(
        small_copy,
        "zz-tricky.yaml",
        "actors:\n  - id: tricky\n    kind: person\n"
        f"    names: {{en: {json.dumps(TRICKY, ensure_ascii=False)}}}\n"
        + CONTACT_SUMMARY.format(summary='"tab\\there, newline\\nthere <&>"').replace(
            "[alice-adams, boris-belov]", "[alice-adams, tricky]"
        ),
    )
    _, problems = check_facts(small_copy)
    assert not [p for p in problems if p.severity == "error"], problems
    from dipgraph.build import build_exports

    kg = dipgraph.load(small_copy)
    written = build_exports(kg, tmp_path / "out", "graphml,gexf")
    for path in written:
        root = ET.parse(path).getroot()  # raises on ill-formed XML
        assert TRICKY in {element.text for element in root.iter()} | {
            value for element in root.iter() for value in element.attrib.values()
        }, path


# -- 3. Look-alike names ----------------------------------------------------------------------
def _actor(ident: str, name: str) -> str:
    quoted = json.dumps(name, ensure_ascii=False)
    return f"  - id: {ident}\n    kind: person\n    names: {{en: {quoted}}}\n"


def test_look_alike_names(small_copy: Path) -> None:
    add_file(
        small_copy,
        "zz-putins.yaml",
        "actors:\n"
        + _actor("putin-cyrillic", "Vladimir Putin".replace("a", "\u0430", 1))
        + _actor("putin-zero-width", "Vladimir Pu\u200btin")
        + _actor("putin-bidi", "Vladimir \u202eniptuP"),
    )
    problems = problems_of(small_copy)
    assert has(
        problems,
        "zz-putins.yaml:4:17: warning: the en name",
        "mixes scripts (Latin, Cyrillic: U+0430 CYRILLIC SMALL LETTER A)",
    )
    assert has(problems, "zz-putins.yaml:2:5: warning: actor 'putin-cyrillic'", "'vladimir-putin'")
    assert has(problems, "zz-putins.yaml:7:17: warning: the en name", "U+200B ZERO WIDTH SPACE")
    assert has(problems, "zz-putins.yaml:5:5: warning: actor 'putin-zero-width'", "two ids?")
    assert has(
        problems,
        "zz-putins.yaml:10:17: error: the en name contains a bidirectional control "
        "(character 10 of the value), U+202E RIGHT-TO-LEFT OVERRIDE",
    )
    assert has(problems, "'Vladimir Pu\\u200btin' holds invisible characters")  # shown escaped


def test_look_alike_alias_warns_and_lookup_ignores_zero_width(small_copy: Path) -> None:
    add_file(
        small_copy, "zz-a.yaml", "actors:\n" + _actor("x", "Xavier") + '    aliases: {en: ["Bо"]}\n'
    )
    assert has(problems_of(small_copy), "zz-a.yaml:5:20: warning: an en alias 'Bо' mixes scripts")
    from dipgraph.names import normalise_name

    assert normalise_name("Pu\u200btin") == normalise_name("Putin")


def test_talks_does_not_show_two_identical_names_silently(cli, small_copy: Path) -> None:
    add_file(small_copy, "zz-putins.yaml", "actors:\n" + _actor("putin-2", "Vladimir Putin"))
    result = cli("check", "--facts", small_copy)
    assert (
        "warning: actor 'putin-2' is named 'Vladimir Putin', which reads the same as" in result.err
    )


# -- 4. Year 0000 -----------------------------------------------------------------------------
def test_year_zero_is_a_located_error(cli, small_copy: Path) -> None:
    text = (
        (small_copy / "facts.yaml").read_text(encoding="utf-8").replace("date: 2019", "date: 0000")
    )
    add_file(small_copy, "facts.yaml", text)
    result = cli("check", "--facts", small_copy)
    assert result.code == 1 and "Traceback" not in result.err
    assert "facts.yaml:34:11: error: date: '0000' has year 0000, which does not exist" in result.err


@pytest.mark.parametrize("option", [["--since", "0000"], ["--until", "0000-01"]])
def test_year_zero_in_a_query(cli, option: list[str]) -> None:
    result = cli("talks", *option)
    assert result.code == 1 and "Traceback" not in result.err
    assert "error: '0000" in result.err and "year 0000, which does not exist" in result.err


# -- 5. Deep nesting --------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("x: " + "[" * 30000, "1:67:"),
        ("x: " + "{a: " * 30000, "1:256:"),
        ("- " * 30000 + "a", "1:129:"),
        ("".join(" " * i + "a:\n" for i in range(3000)), "65:65:"),
    ],
    ids=["brackets", "braces", "block-sequences", "indentation"],
)
def test_deep_nesting_is_refused_before_composing(
    cli, small_copy: Path, text: str, where: str
) -> None:
    add_file(small_copy, "deep.yaml", text)
    result = cli("check", "--facts", small_copy)  # a crash would be a negative exit code
    assert result.code == 1, result
    assert f"deep.yaml:{where} error: YAML nested more than 64 levels deep here" in result.err


def test_many_unbalanced_brackets_in_text_are_not_mistaken_for_nesting(small_copy: Path) -> None:
    """The cheap pre-scan over-counts brackets inside quotes; the exact scan then clears it."""
    statements = "".join(
        f"  - id: s{n}\n    speaker: boris-belov\n    kind: said\n"
        "    summary: 'He said [sic and {so on'\n    evidence:\n"
        "      - {source: wire, quote: Belov warned that New START would expire}\n"
        for n in range(200)
    )
    add_file(small_copy, "zz-brackets.yaml", "statements:\n" + statements)
    assert problems_of(small_copy) == []


# -- 6. Links, unreadable files and folders ---------------------------------------------------
def test_symlink_outside_the_facts_is_refused_and_never_echoed(
    small_copy: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:SECRET-PASSWORD-HASH:0:0\n", encoding="utf-8")
    (small_copy / "evil.yaml").symlink_to(secret)
    outside = tmp_path / "outside"
    outside.mkdir()
    add_file(outside, "more.yaml", "actors: [SECRET-TOO\n")
    (small_copy / "linked-folder").symlink_to(outside)
    problems = problems_of(small_copy)
    assert has(problems, "evil.yaml: error: symbolic link to", "outside the facts directory")
    assert has(problems, "linked-folder: error: symbolic link to", "outside the facts directory")
    assert not has(problems, "SECRET")


def test_symlink_inside_the_facts_is_read_once(small_copy: Path) -> None:
    (small_copy / "again.yaml").symlink_to(small_copy / "topics.yaml")
    (small_copy / "people-again").symlink_to(small_copy / "people")
    assert problems_of(small_copy) == []
    assert len(fact_files(small_copy)) == 4


def test_a_pipe_named_yaml_is_refused(small_copy: Path) -> None:
    os.mkfifo(small_copy / "pipe.yaml")
    assert has(problems_of(small_copy), "pipe.yaml: error: not a regular file")


def test_unreadable_file_and_folder_simulated(small_copy: Path, monkeypatch) -> None:
    """Root reads everything, so the kernel's refusal is simulated here; the variant
    below makes the kernel refuse for real, as root too."""
    unreadable_file = (small_copy / "facts.yaml").resolve()
    unreadable_folder = (small_copy / "people").resolve()
    real_open, real_scandir = Path.open, os.scandir

    def fake_open(self, *args, **kwargs):
        if self.resolve() == unreadable_file:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    def fake_scandir(path):
        if Path(path).resolve() == unreadable_folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(Path, "open", fake_open)
    monkeypatch.setattr(os, "scandir", fake_scandir)
    problems = problems_of(small_copy)
    assert has(problems, "facts.yaml: error: cannot read this file (Permission denied)")
    assert has(problems, "people: error: cannot read this folder (Permission denied)")


def _check_as_nobody(root: Path) -> list[str]:
    """check_facts in a child process that has given up root, so permissions really apply."""
    check_facts(root)  # imports everything while the interpreter's files are readable
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            payload = json.dumps(problems_of(root))
        except BaseException as error:  # reported to the parent, which fails the test
            payload = json.dumps([f"child failed: {error!r}"])
        os.write(write_end, payload.encode())
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as stream:
        data = stream.read()
    os.waitpid(pid, 0)
    return json.loads(data)


def test_unreadable_file_and_folder_for_real(tmp_path_factory) -> None:
    import shutil
    import tempfile

    from conftest import SMALL

    base = Path(tempfile.mkdtemp(prefix="dipgraph-perm-"))
    try:
        root = base / "facts"
        shutil.copytree(SMALL, root)
        for path in [base, *root.rglob("*"), root]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        secret_folder = root / "locked"
        secret_folder.mkdir()
        add_file(secret_folder, "hidden.yaml", "actors: []\n")
        secret_folder.chmod(0)
        (root / "facts.yaml").chmod(0)
        problems = _check_as_nobody(root) if os.geteuid() == 0 else problems_of(root)
        assert not has(problems, "child failed"), problems
        assert has(problems, "facts.yaml: error: cannot read this file (Permission denied)")
        assert has(problems, "locked: error: cannot read this folder (Permission denied)")
    finally:
        for path in base.rglob("*"):
            path.chmod(0o755)
        shutil.rmtree(base)


def test_unreadable_source_text(small_copy: Path, monkeypatch) -> None:
    target = (small_copy / "sources" / "wire.txt").resolve()
    real_open = Path.open

    def fake_open(self, *args, **kwargs):
        if self.resolve() == target:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", fake_open)
    problems = problems_of(small_copy)
    assert has(problems, "sources.yaml:2:5: error: cannot read source file 'sources/wire.txt'")


# -- 7. Bounds --------------------------------------------------------------------------------
def test_source_text_size_is_bounded(small_copy: Path) -> None:
    problems = problems_of(small_copy, max_source_bytes=100)
    assert has(problems, "sources.yaml:2:5: error: source file 'sources/wire.txt' is", "over the")


def test_huge_source_is_refused_without_reading_it(small_copy: Path) -> None:
    with (small_copy / "sources" / "wire.txt").open("r+b") as stream:
        stream.truncate(400 * 1024 * 1024)  # sparse: 400 MiB that take no disk
    problems = problems_of(small_copy)
    assert has(
        problems, "error: source file 'sources/wire.txt' is 400.0 MiB, over the 32 MiB limit"
    )


def test_loader_reports_the_files_it_reads(small_copy: Path) -> None:
    add_file(small_copy, "notes.bin", "not a fact file")
    (small_copy / ".git").mkdir()
    add_file(small_copy / ".git", "x.yaml", "not read")
    facts, _ = check_facts(small_copy)
    read = {p.relative_to(small_copy.resolve()).as_posix() for p in files_read(facts)}
    assert read == {
        "facts.yaml",
        "sources.yaml",
        "topics.yaml",
        "people/actors.yaml",
        "sources/wire.txt",
        "sources/arabic.txt",
    }


def test_indexed_quote_search_agrees_with_a_plain_scan() -> None:
    rng = random.Random(3)
    vocabulary = ["a", "ab", "abc", "b", "ba", "سلام", "c", "the", "ca"]
    for _ in range(200):
        text = " ".join(rng.choice(vocabulary) for _ in range(rng.randrange(1, 60)))
        source = SourceText(text, index_from=0)
        for _ in range(20):
            start = rng.randrange(len(text))
            quote = text[start : start + rng.randrange(1, 30)].strip()
            if rng.random() < 0.5:
                quote = " ".join(rng.choice(vocabulary) for _ in range(rng.randrange(1, 6)))
            if not quote:
                continue
            assert source.contains(quote) == (quote in text), (text, quote)
            prefix = source.matched_prefix(quote)
            assert prefix in text and (prefix == quote or quote[: len(prefix) + 1] not in text)


# -- 8. Cycles --------------------------------------------------------------------------------
def test_cycles_in_hierarchies_are_errors_at_the_closing_field(small_copy: Path) -> None:
    add_file(
        small_copy,
        "zz-loops.yaml",
        "topics:\n"
        "  - id: t-a\n    names: {en: A}\n    broader: t-b\n"
        "  - id: t-b\n    names: {en: B}\n    broader: t-a\n"
        "actors:\n"
        "  - id: org-self\n    kind: organization\n    names: {en: Self Org}\n"
        "    part_of: org-self\n"
        "  - id: org-x\n    kind: organization\n    names: {en: X Org}\n    member_of: [org-y]\n"
        "  - id: org-y\n    kind: organization\n    names: {en: Y Org}\n"
        "    member_of: [usa, org-x]\n",
    )
    problems = problems_of(small_copy)
    assert has(problems, "zz-loops.yaml:7:14: error: broader makes a loop: t-a → t-b → t-a")
    assert has(problems, "zz-loops.yaml:12:14: error: part_of makes a loop: org-self → org-self")
    assert has(
        problems, "zz-loops.yaml:20:22: error: member_of makes a loop: org-x → org-y → org-x"
    )


def test_no_traceback_for_deep_hierarchies(small_copy: Path) -> None:
    chain = "".join(
        f"  - id: t{n}\n    names: {{en: T{n}}}\n" + (f"    broader: t{n - 1}\n" if n else "")
        for n in range(5000)
    )
    add_file(small_copy, "zz-chain.yaml", "topics:\n" + chain)
    assert sys.getrecursionlimit() < 5000
    assert not has(problems_of(small_copy), "error")


def test_cheap_nesting_bound_never_lets_deep_flow_through() -> None:
    """When the pre-scan says "not deep", the bracket depth really is within the bound."""
    from dipgraph.loader.reading import _MAX_FLOW, _may_be_deep

    rng = random.Random(5)
    checked = 0
    for _ in range(3000):
        opening = rng.random()
        text = "".join(
            rng.choice("[{") if rng.random() < opening else rng.choice("]}")
            for _ in range(rng.randrange(1, 120))
        )
        depth = deepest = 0
        for char in text:
            depth = depth + 1 if char in "[{" else max(depth - 1, 0)
            deepest = max(deepest, depth)
        if not _may_be_deep(text):
            checked += 1
            assert deepest <= _MAX_FLOW, text
    assert checked > 300


def test_broken_and_looping_links_are_reported(small_copy: Path) -> None:
    (small_copy / "loop.yaml").symlink_to("loop.yaml")
    (small_copy / "broken.yaml").symlink_to("nowhere.yaml")
    problems = problems_of(small_copy)
    assert has(problems, "loop.yaml: error: cannot follow this link (Too many levels")
    assert has(problems, "broken.yaml: error: symbolic link to a missing file")


def test_tables_never_print_raw_control_characters(capsys) -> None:
    """Whatever reaches a table (a server's reply, a SPARQL result): title, header, cell."""
    from dipgraph.cli import output

    evil = "x\x1b[2J\x9b\u202ey"
    output.print_table([{evil: evil}], [(evil, lambda row: row[evil])], title=evil)
    printed = capsys.readouterr().out
    assert "\\x1b[2J" in printed
    assert not any(c in printed for c in "\x1b\x9b\u202e")


def test_a_servers_error_body_reaches_the_terminal_escaped(cli) -> None:
    """push prints a refusing server's reply: its escape sequences must not reach the
    terminal raw (the CLI prints every error message through the sanitiser)."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Hostile(BaseHTTPRequestHandler):
        def do_PUT(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            body = b"denied \x1b]0;pwned\x07\x1b[2J\r\xc2\x9b31m"
            self.send_response(403)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        result = cli("push", f"http://127.0.0.1:{server.server_address[1]}/store")
    finally:
        server.shutdown()
        server.server_close()
    assert result.code == 1
    assert "denied \\x1b]0;pwned\\x07\\x1b[2J\\x0d\\x9b31m" in result.err, result.err
    assert not any(c in result.err for c in "\x1b\x07\r\x9b")
