"""`check` helps with a quote not found: the closest span and a corrected quote to paste."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import SMALL, add_file
from dipgraph.loader import check_facts
from dipgraph.loader.quote_hint import HINTS_PER_SOURCE, Folded, closest_span, quote_hint
from dipgraph.loader.quotes import SourceText

GOOD = (
    "Secretary Alice Adams spoke by telephone with Minister Boris Belov in March 2020. "
    "They discussed the renewal of the New START treaty."
)


@pytest.mark.parametrize(
    ("quote", "text", "span"),
    [
        # straight quotes typed for the article's curly ones
        (
            'he said "no deal" today',
            "Then he said “no deal” today, twice.",
            "he said “no deal” today",
        ),
        # hamza, shadda and a dropped alef-hamza
        ("وحذر انتونوف من التصعيد", "قال: وحذّر أنتونوف من التصعيد أمس", "وحذّر أنتونوف من التصعيد"),
        # a quote typed with Arabic heh and yeh for a text printed with Persian letters
        (
            "وصل مهدي كريمي الى المدينه",
            "أمس وصل مھدی کریمی إلی المدینة ظهرا",
            "وصل مھدی کریمی إلی المدینة",
        ),
        # a word typed differently, the span widened to whole words
        (
            "Belov met Clark in Viena",
            "On 2 May Belov met Clark in Vienna.",
            "Belov met Clark in Vienna",
        ),
    ],
)
def test_closest_span_is_the_articles_own_text(quote: str, text: str, span: str) -> None:
    found = closest_span(quote, text)
    assert found is not None
    score, start, end, words = found
    assert words == span and text[start:end].strip() == span and score >= 80


def test_no_hint_when_nothing_is_close(monkeypatch: pytest.MonkeyPatch) -> None:
    assert closest_span("completely unrelated words here", "Putin met Biden in Geneva.") is None
    assert quote_hint("x", "") == ""
    monkeypatch.setattr("dipgraph.loader.quote_hint.MAX_TEXT", 50)
    assert closest_span("Putin met", "Putin met " * 6) is None


def test_the_fold_maps_back_past_removed_marks() -> None:
    text = "قال: وحذّر أنتونوف"
    folded = Folded.of(text)
    assert folded.text == "قال: وحذر انتونوف"
    assert [text[folded.original(i)] for i in range(len(folded.text))] == [
        c for c in text if c != "\u0651"
    ]


def test_hints_per_source_are_bounded() -> None:
    source = SourceText("Putin met Biden in Geneva on Monday. " * 50)
    hints = [quote_hint(f"Putin met Bidenn in Geneva {n}", source) for n in range(15)]
    assert sum(bool(h) for h in hints) == HINTS_PER_SOURCE
    fresh = SourceText(source.text)  # the next check starts afresh
    assert quote_hint("Putin met Bidenn", fresh)


def test_check_gives_a_quote_that_pastes_clean(tmp_path: Path) -> None:
    facts = tmp_path / "facts"
    shutil.copytree(SMALL, facts)
    path = facts / "facts.yaml"
    original = path.read_text(encoding="utf-8")
    broken = GOOD.replace("telephone", "phone").replace("Belov", "Bel0v")
    path.write_text(original.replace(GOOD, broken), encoding="utf-8")
    _, problems = check_facts(facts)
    (problem,) = [p for p in problems if p.severity == "error"]
    assert "quote not found" in problem.message and "to paste: " in problem.message
    pasted = json.loads(problem.message.split("to paste: ", 1)[1])
    assert pasted == GOOD
    path.write_text(original.replace(GOOD, pasted), encoding="utf-8")
    _, problems = check_facts(facts)
    assert [p for p in problems if p.severity == "error"] == []


@pytest.mark.parametrize(
    ("quote", "text", "named"),
    [
        # a tanween the eye does not see: it was "closest span (100% alike)", and no more
        (
            "إلا أنها لم تحرز تقدما بشأن الموضوعات",
            "قال: إلا أنها لم تحرز تقدماً بشأن الموضوعات الرئيسية.",
            "after 'تقدما' the source has U+064B ARABIC FATHATAN where the quote has nothing",
        ),
        # a Latin comma typed for the Arabic one
        (
            "كانت عملية, إلا أنها",
            "المحادثات كانت عملية، إلا أنها لم تحرز",
            "after 'عملية' the source has U+060C ARABIC COMMA where the quote has U+002C COMMA",
        ),
    ],
)
def test_a_quote_nearly_alike_names_what_differs(quote: str, text: str, named: str) -> None:
    hint = quote_hint(quote, text)
    assert named in hint, hint
    if "تقدما" in quote:  # alike once folded: no score that says "100%" and "not found"
        assert hint.startswith(f"; the source differs only in marks or punctuation ({named})")
    else:
        assert hint.startswith(f"; closest span (95% alike: {named}) at character 10")


class _Alignments:
    """Counts the alignments asked of rapidfuzz (the costly step of a hint)."""

    def __init__(self, monkeypatch) -> None:
        from rapidfuzz import fuzz

        self.calls: list[tuple[int, int]] = []
        real = fuzz.partial_ratio_alignment

        def counted(quote: str, text: str, **kwargs):
            self.calls.append((len(quote), len(text)))
            return real(quote, text, **kwargs)

        monkeypatch.setattr(fuzz, "partial_ratio_alignment", counted)


def test_an_overlong_quote_gets_no_alignment(monkeypatch) -> None:
    from dipgraph.loader.quote_hint import quote_hint

    aligned = _Alignments(monkeypatch)
    text = "Belov met Adams in Vienna. " * 2000
    quote = "Belov met Adams in Vienne. " * 200  # 5,400 characters
    assert quote_hint(quote, text) == ""
    assert quote_hint(quote, text, prefix="Belov met Adams in Vienn") == ""
    assert aligned.calls == []
    # a quote of a real length still gets its hint
    assert "Vienna" in quote_hint("Belov met Adams in Vienne", text)
    assert aligned.calls


def test_hints_in_one_check_are_bounded_over_all_sources(small_copy: Path, monkeypatch) -> None:
    """Sixty source ids on one text, one failing quote each: hints stop at the cap, every
    quote is still reported."""
    import dipgraph.loader.crosscheck as crosscheck
    from dipgraph.loader import check_facts

    given: list[str] = []
    real = crosscheck.quote_hint

    def counted(quote, source, prefix=""):
        given.append(quote)
        return real(quote, source, prefix)

    monkeypatch.setattr(crosscheck, "quote_hint", counted)
    lines = ["sources:"]
    for i in range(60):
        lines += [f"  - id: s{i}", "    language: en", "    file: sources/wire.txt"]
    lines.append("contacts:")
    for i in range(60):
        lines += [
            f"  - id: c{i}",
            "    type: meeting",
            "    participants: [alice-adams, boris-belov]",
            "    evidence:",
            f"      - {{source: s{i}, quote: Adams spoke by telephone with Minister Belof}}",
        ]
    add_file(small_copy, "zz-many.yaml", "\n".join(lines) + "\n")
    problems = [str(p) for p in check_facts(small_copy)[1]]
    assert sum("quote not found" in p for p in problems) == 60
    assert len(given) == 40
