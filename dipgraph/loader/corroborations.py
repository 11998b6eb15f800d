"""Adding a file's corroborations to the facts they name, declared in other files.

A new article's file may add quotes to a post, contact or statement another article's file
declares (``corroborations:``), so that no curator edits a file that is not theirs. The
quotes are checked as any quote is (they are pending quotes of their own file); the
reference to the fact is resolved with the others. Here they join the fact's evidence.
"""

from __future__ import annotations

from dataclasses import replace

from dipgraph.facts import Facts
from dipgraph.loader.problems import Problem
from dipgraph.loader.records import Declared

CORROBORATED_KINDS = ("post", "contact", "statement")


def split_corroborations(declared: list[Declared]) -> tuple[list[Declared], list[Declared]]:
    """The declarations of records (ids unique among them), and the corroborations."""
    records = [d for d in declared if d.kind != "corroboration"]
    return records, [d for d in declared if d.kind == "corroboration"]


def add_corroborations(
    corroborations: list[Declared],
    by_id: dict[str, Declared],
    facts: Facts,
    problems: list[Problem],
) -> None:
    """Append each corroboration's quotes to its fact's evidence, marked as corroborating.

    A quote the fact already has (same source, same words) is an error where it is added:
    it would count once and say twice. An unknown id or one of another kind is reported by
    the reference checks, so it is skipped here.
    """
    for item in corroborations:
        target = by_id.get(item.id)
        if item.record is None or target is None or target.kind not in CORROBORATED_KINDS:
            continue
        records = facts.by_kind(target.kind)
        fact = records.get(item.id)
        if fact is None:
            continue  # the fact itself has an error, reported at its place
        have = {(e.source, " ".join(e.quote.split())) for e in fact.evidence}
        added = []
        for evidence in item.record.evidence:
            key = (evidence.source, " ".join(evidence.quote.split()))
            if key in have:
                problems.append(
                    Problem(
                        item.where.path,
                        item.where.line,
                        item.where.col,
                        f"{target.kind} '{item.id}' already quotes this from "
                        f"'{evidence.source}': \"{evidence.quote[:60]}\"",
                    )
                )
                continue
            have.add(key)
            added.append(replace(evidence, corroborating=True))
        records[item.id] = replace(fact, evidence=(*fact.evidence, *added))
