"""Quote checking against a large source: per-quote cost must not grow with the source.

Builds a source text of --mb megabytes (Arabic and Latin words, like the
articles) and quotes taken from it: some verbatim, some with one word changed
(failing quotes, which also search for where they differ). Times, in one run:

- baseline: the previous algorithm (``quote in text`` for each quote, then a
  binary search of ``prefix in text`` scans for each failing one);
- indexed: :class:`dipgraph.loader.quotes.SourceText` (index built once, included);
- end to end: ``dipgraph.loader.check_facts`` on a facts folder citing that source.

Run: python benchmarks/quote_check.py [--mb 4.8] [--failing 1000] [--passing 200]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from dipgraph.loader import check_facts
from dipgraph.loader.quotes import SourceText, normalise_space

SAMPLE = """وزير الخارجية الروسي سيرغي لافروف قال إن موسكو مستعدة للحوار مع واشنطن حول
الاستقرار الاستراتيجي the minister said talks on arms control would resume in
Geneva after a call between the presidents الرئيس بوتين بايدن اتصال هاتفي"""
WORDS = SAMPLE.split()


def make_vocabulary(rng: random.Random, size: int = 40_000) -> list[str]:
    """Word forms built from the sample words' letters: a news-sized vocabulary."""
    letters = sorted(set("".join(WORDS)))
    vocabulary = list(dict.fromkeys(WORDS))
    while len(vocabulary) < size:
        vocabulary.append("".join(rng.choice(letters) for _ in range(rng.randrange(2, 9))))
    return vocabulary


def make_text(megabytes: float, rng: random.Random) -> str:
    """Words drawn with Zipf's law (the n-th commonest word is n times rarer), as in text."""
    vocabulary = make_vocabulary(rng)
    weights = [1 / rank for rank in range(1, len(vocabulary) + 1)]
    target = int(megabytes * 1_000_000)
    words: list[str] = []
    size = 0
    while size < target:
        chunk = rng.choices(vocabulary, weights, k=10_000)
        words.extend(chunk)
        size += sum(len(word.encode()) + 1 for word in chunk)
    return " ".join(words)


def make_quotes(text: str, count: int, failing: bool, rng: random.Random) -> list[str]:
    words = text.split(" ")
    quotes = []
    for _ in range(count):
        start = rng.randrange(len(words) - 30)
        chosen = words[start : start + rng.randrange(12, 30)]
        if failing:
            chosen[rng.randrange(3, len(chosen))] = "خطأ-typo"
        quotes.append(" ".join(chosen))
    return quotes


def baseline(text: str, quotes: list[str]) -> int:
    """The previous check: a scan per quote, and a dozen more per failing quote."""
    failed = 0
    for quote in quotes:
        if quote in text:
            continue
        low, high = 0, len(quote)
        while low < high:
            middle = (low + high + 1) // 2
            if quote[:middle] in text:
                low = middle
            else:
                high = middle - 1
        failed += 1
    return failed


def indexed(source: SourceText, quotes: list[str]) -> int:
    failed = 0
    for quote in quotes:
        if not source.contains(quote):
            source.matched_prefix(quote)
            failed += 1
    return failed


def timed(call, *args) -> tuple[float, object]:
    start = time.perf_counter()
    result = call(*args)
    return time.perf_counter() - start, result


def end_to_end(text: str, quotes: list[str]) -> tuple[float, int]:
    """check_facts on a folder of one source and a statement a quote."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "article.txt").write_text(text, encoding="utf-8")
        lines = [
            "sources:\n  - {id: article, language: ar, file: article.txt}\n",
            "actors:\n  - {id: someone, kind: person, names: {en: Someone}}\n",
            "statements:\n",
        ]
        for number, quote in enumerate(quotes):
            lines.append(
                f"  - id: s{number}\n    speaker: someone\n    kind: said\n"
                f"    summary: A statement.\n    evidence:\n"
                f"      - {{source: article, quote: '{quote}'}}\n"
            )
        (root / "facts.yaml").write_text("".join(lines), encoding="utf-8")
        seconds, (_, problems) = timed(check_facts, root)
    return seconds, sum("quote not found" in p.message for p in problems)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=4.8, help="Source size in MB.")
    parser.add_argument("--failing", type=int, default=1000)
    parser.add_argument("--passing", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(7)

    print(
        f"{'source':>8} {'baseline':>14} {'index build':>12} {'indexed':>13} "
        f"{'all quotes: baseline':>21} {'indexed':>8} {'speed-up':>8}"
    )
    for megabytes in sorted({args.mb / 16, args.mb / 4, args.mb}):
        text = normalise_space(make_text(megabytes, rng))
        failing = make_quotes(text, args.failing, True, rng)
        passing = make_quotes(text, args.passing, False, rng)
        quotes = failing + passing
        old_seconds, old_failed = timed(baseline, text, quotes)
        source = SourceText(text)
        build_seconds, _ = timed(source.contains, "a b c")  # the first lookup builds the index
        new_seconds, new_failed = timed(indexed, source, quotes)
        assert old_failed == new_failed == len(failing), (old_failed, new_failed)
        total = build_seconds + new_seconds
        print(
            f"{len(text.encode()) / 1e6:>6.2f}MB {old_seconds / len(quotes) * 1e3:>8.2f} ms/q "
            f"{build_seconds:>10.2f} s {new_seconds / len(quotes) * 1e3:>8.3f} ms/q "
            f"{old_seconds:>19.2f} s {total:>6.2f} s {old_seconds / total:>7.1f}x"
        )
    print(
        f"({len(failing)} failing and {len(passing)} verbatim quotes a source; ms/q is the "
        "mean time a quote, a failing one including the search for where it differs)"
    )
    seconds, reported = end_to_end(text, quotes)
    print(
        f"check_facts end to end, {len(text.encode()) / 1e6:.1f} MB source, {len(quotes)} quotes "
        f"({reported} reported not found): {seconds:.2f} s"
    )


if __name__ == "__main__":
    from dipgraph.process_memory import allow_tuning

    allow_tuning()  # as the command line does: collector paused while loading, heap trimmed
    main()
