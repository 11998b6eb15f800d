"""Leave-one-article-out evaluation of ``dipgraph suggest`` on a curated facts directory.

Run: python benchmarks/suggest_eval.py [--facts facts] [--details]

For each source article: remove every post, contact and statement citing it (actors,
topics and the other articles' facts stay), run ``suggest`` on the article, and compare
the drafts with the curated facts of that article:
- contact found: a draft with the same parties (every side member, as a set) whose
  quote overlaps one of the curated quotes from this article;
- statement found: a draft with the same speaker whose quote overlaps a curated one;
- actor found: every actor the article's facts refer to (parties, subjects, hosts,
  mediators, initiators, speakers, ``about``, post holders and organisations) drafted;
- post found (extra): a draft with the same holder whose quote overlaps a curated one.
Precision is the share of drafts that match some curated fact of the article. Totals are
summed over articles (micro-averaged). Everything is read from the facts directory.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from dipgraph.facts import Facts
from dipgraph.loader import load_facts
from dipgraph.suggest import suggest

_SPACE = re.compile(r"\s+")
_CONTACT_ROLES = ("participants", "subjects", "hosts", "mediators")


def locate(quote: str, text: str) -> tuple[int, int] | None:
    """Where ``quote`` sits in ``text`` up to white space (as ``check`` compares)."""
    pattern = r"\s+".join(re.escape(word) for word in quote.split())
    found = re.search(pattern, text)
    return (found.start(), found.end()) if found else None


def _overlaps(spans: list[tuple[int, int]], golds: list[tuple[int, int]]) -> bool:
    return any(s < ge and gs < e for s, e in spans for gs, ge in golds)


def _cited(fact, source: str) -> bool:
    return any(e.source == source for e in fact.evidence)


def held_out(facts: Facts, source: str) -> Facts:
    """The facts without anything citing ``source`` (actors and topics kept)."""
    return Facts(
        root=facts.root,
        sources=dict(facts.sources),
        actors=dict(facts.actors),
        topics=dict(facts.topics),
        posts={k: v for k, v in facts.posts.items() if not _cited(v, source)},
        contacts={k: v for k, v in facts.contacts.items() if not _cited(v, source)},
        statements={k: v for k, v in facts.statements.items() if not _cited(v, source)},
        files=facts.files,
    )


def _actor_ids(facts: Facts, contact) -> list[str]:
    found = []
    for role in _CONTACT_ROLES:
        found.extend(getattr(contact, role, ()) or ())
    if contact.initiated_by:
        found.append(contact.initiated_by)
    return [a for a in found if a in facts.actors]


@dataclass
class Score:
    found: int = 0
    gold: int = 0
    right: int = 0
    drafted: int = 0
    misses: list[str] = field(default_factory=list)
    # for found contacts: how many drafts also agree on each field
    agree: dict[str, int] = field(default_factory=dict)

    def add(self, other: Score) -> None:
        self.found += other.found
        self.gold += other.gold
        self.right += other.right
        self.drafted += other.drafted
        for key, value in other.agree.items():
            self.agree[key] = self.agree.get(key, 0) + value

    def cell(self) -> str:
        recall = f"{self.found}/{self.gold}" if self.gold else "–"
        precision = f"{self.right}/{self.drafted}" if self.drafted else "–"
        return f"{recall} | {precision}"


def _agreement(score: Score, gold, drafts) -> None:
    """Whether some matching draft also has the curated type, status and sides."""
    sides = {frozenset(side) for side in gold.sides}
    checks = {
        "type": any(d.type == gold.type for d in drafts),
        "status": any(d.status == gold.status for d in drafts),
        "sides": any({frozenset(side) for side in d.sides} == sides for d in drafts),
    }
    for key, agrees in checks.items():
        score.agree[key] = score.agree.get(key, 0) + agrees


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


def evaluate(facts: Facts, source_id: str) -> dict[str, Score]:
    """Scores of one article's drafts against its curated facts."""
    source = facts.sources[source_id]
    text = Path(source.file).read_text(encoding="utf-8")
    drafts = suggest(text=text, facts=held_out(facts, source_id), source_id=source_id)

    def gold_spans(fact) -> list[tuple[int, int]]:
        spans = [locate(e.quote, text) for e in fact.evidence if e.source == source_id]
        return [s for s in spans if s is not None]

    def draft_spans(draft) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in draft.spans]

    scores = {kind: Score() for kind in ("contacts", "statements", "actors", "posts")}
    kinds = {
        "contacts": (
            [c for c in facts.contacts.values() if _cited(c, source_id)],
            drafts.contacts,
            lambda g, d: set(g.participants) == set(d.participants),
        ),
        "statements": (
            [s for s in facts.statements.values() if _cited(s, source_id)],
            drafts.statements,
            lambda g, d: g.speaker == d.speaker,
        ),
        "posts": (
            [p for p in facts.posts.values() if _cited(p, source_id)],
            drafts.posts,
            lambda g, d: g.holder == d.holder,
        ),
    }
    for kind, (golds, found, same) in kinds.items():
        score = scores[kind]
        score.gold = len(golds)
        score.drafted = len(found)
        matched_drafts: set[int] = set()
        for gold in golds:
            spans = gold_spans(gold)
            hits = [
                i for i, d in enumerate(found) if same(gold, d) and _overlaps(draft_spans(d), spans)
            ]
            matched_drafts.update(hits)
            if hits:
                score.found += 1
                if kind == "contacts":
                    _agreement(score, gold, [found[i] for i in hits])
            else:
                score.misses.append(gold.id)
        score.right = len(matched_drafts)
    wanted: set[str] = set()
    for contact in facts.contacts.values():
        if _cited(contact, source_id):
            wanted.update(_actor_ids(facts, contact))
    for statement in facts.statements.values():
        if _cited(statement, source_id):
            wanted.add(statement.speaker)
            wanted.update(a for a in statement.about if a in facts.actors)
    for post in facts.posts.values():
        if _cited(post, source_id):
            wanted.add(post.holder)
            if post.organization:
                wanted.add(post.organization)
    drafted = [a.id for a in drafts.actors]
    actors = scores["actors"]
    actors.gold = len(wanted)
    actors.found = len(wanted & set(drafted))
    actors.drafted = len(drafted)
    actors.right = sum(1 for a in drafted if a in wanted)
    actors.misses = sorted(wanted - set(drafted))
    return scores


def scale(facts: Facts) -> None:
    """Seconds to draft the five articles joined, repeated 1, 4, 16 and 64 times: the
    work should grow in proportion (bounded: 64 copies is about 0.8 M characters)."""
    text = "\n".join(Path(s.file).read_text(encoding="utf-8") for s in facts.sources.values())
    suggest(text=text, facts=facts)  # warm: lexicons and schema load once
    base = None
    for copies in (1, 4, 16, 64):
        began = time.perf_counter()
        suggest(text=text * copies, facts=facts)
        took = time.perf_counter() - began
        base = base or took / copies
        ratio = took / (base * copies)
        print(
            f"{copies:>3} x ({len(text) * copies:>9,} characters): {took:6.2f} s, "
            f"{ratio:.2f}x proportional"
        )
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", default="facts", help="facts directory (default: facts)")
    parser.add_argument("--details", action="store_true", help="list what each article missed")
    parser.add_argument(
        "--scale", action="store_true", help="also time suggest on the articles repeated 1-64 times"
    )
    args = parser.parse_args()
    facts = load_facts(args.facts)
    if args.scale:
        scale(facts)
    kinds = ("contacts", "statements", "actors", "posts")
    totals = {kind: Score() for kind in kinds}
    header = " | ".join(f"{k} recall | {k} precision" for k in kinds)
    print(f"| article | {header} |")
    print("|---" + "|---:" * (2 * len(kinds)) + "|")
    began = time.perf_counter()
    for source_id in facts.sources:
        scores = evaluate(facts, source_id)
        print(f"| {source_id} | " + " | ".join(scores[k].cell() for k in kinds) + " |")
        for kind in kinds:
            totals[kind].add(scores[kind])
            if args.details and scores[kind].misses:
                print(f"    missed {kind}: {', '.join(scores[kind].misses)}", file=sys.stderr)
    cells = " | ".join(
        f"**{_percent(t.found, t.gold)}** ({t.found}/{t.gold}) | "
        f"**{_percent(t.right, t.drafted)}** ({t.right}/{t.drafted})"
        for t in (totals[k] for k in kinds)
    )
    print(f"| **total** | {cells} |")
    elapsed = time.perf_counter() - began
    contacts = totals["contacts"]
    agreeing = ", ".join(f"{k} {v}/{contacts.found}" for k, v in contacts.agree.items())
    print(f"\ncontacts found that also agree on: {agreeing}")
    print(f"{len(facts.sources)} articles in {elapsed:.2f} s")
    targets = {"contacts": 90, "statements": 80, "actors": 95}
    for kind, target in targets.items():
        total = totals[kind]
        recall = 100 * total.found / total.gold if total.gold else 0.0
        verdict = "met" if recall >= target else "NOT met"
        print(f"{kind} recall {recall:.1f}% (target >= {target}%): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
