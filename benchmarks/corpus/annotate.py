"""Turn a gold draft written with quotes into the committed gold, which has offsets only.

Run: python benchmarks/corpus/annotate.py DRAFT.yaml [--texts /work/corpus/texts]

A draft is kept outside the repository (its quotes are the article's words). It is the
gold file's form with each evidence item written ``{q: "verbatim words"}`` (add ``nth: 2``
for the second occurrence); this writes ``benchmarks/corpus/gold/<id>.yaml`` with each
item as ``{span: [start, end]}``: character offsets into the canonical text (see
``canonical_text`` in benchmarks/suggest_eval.py), white space in the quote matching any
white space. Record ids get the article id as prefix. The draft's file name is the id.
A top-level ``note:`` (why a choice was made) is kept; the scorer ignores it.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from suggest_eval import canonical_text

HERE = Path(__file__).resolve().parent
KINDS = ("posts", "contacts", "statements")


def span_of(quote: str, text: str, nth: int = 1) -> tuple[int, int]:
    """The offsets of the ``nth`` occurrence of ``quote`` in ``text`` (white space free)."""
    pattern = r"\s+".join(re.escape(word) for word in quote.split())
    found = list(re.finditer(pattern, text))
    if len(found) < nth:
        raise ValueError(f"not in the text ({len(found)} found): {quote!r}")
    return found[nth - 1].start(), found[nth - 1].end()


def convert(draft: dict, ident: str, text: str) -> dict:
    out: dict = {"source": ident}
    if draft.get("note"):  # the annotator's reasons for a choice, in their own words
        out["note"] = draft["note"]
    for kind in KINDS:
        records = []
        for record in draft.get(kind) or []:
            record = dict(record)
            if not record["id"].startswith(f"{ident}-"):
                record["id"] = f"{ident}-{record['id']}"
            evidence = []
            for item in record["evidence"]:
                start, end = span_of(item["q"], text, item.get("nth", 1))
                if end - start < 8:
                    raise ValueError(f"{record['id']}: a quote under 8 characters")
                evidence.append({"span": [start, end]})
            record["evidence"] = evidence
            records.append(record)
        if records:
            out[kind] = records
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("drafts", nargs="+", help="gold drafts with quotes (cNNN.yaml)")
    parser.add_argument("--texts", default="/work/corpus/texts")
    args = parser.parse_args()
    failed = False
    for name in args.drafts:
        path = Path(name)
        ident = path.stem
        text = canonical_text((Path(args.texts) / f"{ident}.txt").read_text(encoding="utf-8"))
        draft = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        try:
            gold = convert(draft, ident, text)
        except ValueError as error:
            print(f"{ident}: {error}", file=sys.stderr)
            failed = True
            continue
        header = (
            f"# {ident}: gold written by reading the text, before any run of suggest on it.\n"
            "# Evidence spans are character offsets into the canonical text (manifest.yaml).\n"
        )
        body = yaml.safe_dump(
            gold, allow_unicode=True, sort_keys=False, width=100, default_flow_style=None
        )
        (HERE / "gold" / f"{ident}.yaml").write_text(header + body, encoding="utf-8")
        counts = ", ".join(f"{len(gold.get(k, []))} {k}" for k in KINDS)
        print(f"{ident}: {counts}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
