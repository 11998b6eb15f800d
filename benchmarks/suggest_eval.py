"""Leave-one-article-out evaluation of ``dipgraph suggest`` on a curated facts directory.

Run: python benchmarks/suggest_eval.py [--facts facts] [--details]
 or: python benchmarks/suggest_eval.py --corpus benchmarks/corpus --texts /work/corpus/texts
         [--split dev|heldout|unseen|all] [--fold A|B] [--details]
         (real articles; benchmarks/corpus/README.md; --fold A: odd ids, B: even ids)

For each source article: remove every post, contact and statement citing it (actors,
topics and the other articles' facts stay), run ``suggest`` on the article, and compare
the drafts with the curated facts of that article:
- contact found: a draft with the same parties (every side member, as a set) whose
  quote overlaps one of the curated quotes from this article;
- statement found: a draft with the same speaker whose quote overlaps a curated one;
- actor found: every actor the article's facts refer to (parties, subjects, hosts,
  mediators, initiators, speakers, ``about``, post holders and organisations) drafted;
- post found (extra): a draft with the same holder whose quote overlaps a curated one.
A quote a draft cites only because it names a party or speaker its own words name by
title alone (``Span.naming``) is not compared. Precision is the share of drafts that match
some curated fact of the article. Totals are
summed over articles (micro-averaged). Everything is read from the facts directory.

With ``--corpus``, the articles are the corpus's (texts outside the repository, gold in
it): each is drafted against the facts directory alone, so the people the gold adds in the
corpus's ``actors.yaml`` are new to ``suggest``; a new person it drafts counts as the gold
actor whose name or alias it prints. Contacts are also scored strictly: found with the
same sides (each side as a set) and the same status.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import yaml

from dipgraph.facts import Facts
from dipgraph.loader import FactsError, load_facts
from dipgraph.loader.dataset import DATASET_FILE
from dipgraph.names import normalise_name
from dipgraph.suggest import suggest

_SPACE = re.compile(r"\s+")
# The manifest's splits: dev is tuned on, heldout reported on, unseen (found in stop 34,
# annotated before any run) never tuned on; "all" selects every article.
SPLITS = ("dev", "heldout", "unseen")
_CONTACT_ROLES = ("participants", "subjects", "hosts", "mediators")
KINDS = ("contacts", "strict contacts", "statements", "actors", "posts")


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


def _same_sides(gold_sides, draft_sides) -> bool:
    """The same sides, each as a set of actors, in any order."""
    return {frozenset(side) for side in gold_sides} == {frozenset(side) for side in draft_sides}


def _agreement(score: Score, gold, drafts) -> None:
    """Whether some matching draft also has the curated type, status and sides."""
    checks = {
        "type": any(d.type == gold.type for d in drafts),
        "status": any(d.status == gold.status for d in drafts),
        "sides": any(_same_sides(gold.sides, d.sides) for d in drafts),
    }
    for key, agrees in checks.items():
        score.agree[key] = score.agree.get(key, 0) + agrees


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


def evaluate(facts: Facts, source_id: str, known: Facts | None = None) -> dict[str, Score]:
    """Scores of one article's drafts against its curated facts.

    ``known`` is what ``suggest`` drafts against: by default ``facts`` less the article's
    own facts (leave-one-out); for the corpus, the facts directory without the gold."""
    source = facts.sources[source_id]
    text = Path(source.file).read_text(encoding="utf-8")
    if known is None:
        drafts = suggest(text=text, facts=held_out(facts, source_id), source_id=source_id)
    else:
        drafts = suggest(text=text, facts=known, source_id=source_id)
        rename_new_people(drafts, facts, known)

    def gold_spans(fact) -> list[tuple[int, int]]:
        spans = [locate(e.quote, text) for e in fact.evidence if e.source == source_id]
        return [s for s in spans if s is not None]

    def draft_spans(draft) -> list[tuple[int, int]]:
        # a quote cited only because it names a party or speaker is not the draft's words
        own = [s for s in draft.spans if not getattr(s, "naming", False)] or draft.spans
        return [(s.start, s.end) for s in own]

    scores = {kind: Score() for kind in KINDS}
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
    strict = scores["strict contacts"]
    golds = kinds["contacts"][0]
    strict.gold, strict.drafted = len(golds), len(drafts.contacts)
    strictly: set[int] = set()
    for gold in golds:
        spans = gold_spans(gold)
        hits = [
            i
            for i, d in enumerate(drafts.contacts)
            if set(gold.participants) == set(d.participants)
            and _overlaps(draft_spans(d), spans)
            and _same_sides(gold.sides, d.sides)
            and gold.status == d.status
        ]
        strictly.update(hits)
        strict.found += bool(hits)
        if not hits:
            strict.misses.append(gold.id)
    strict.right = len(strictly)
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
    drafted = [a.id or a.provisional_id or a.name for a in drafts.actors]
    actors = scores["actors"]
    actors.gold = len(wanted)
    actors.found = len(wanted & set(drafted))
    actors.drafted = len(drafted)
    actors.right = sum(1 for a in drafted if a in wanted)
    actors.misses = sorted(wanted - set(drafted))
    if known is not None:  # the corpus: how many of the actors the facts lack were drafted
        new = {a for a in wanted if a not in known.actors}
        actors.agree = {"new": len(new & set(drafted)), "new in gold": len(new)}
    return scores


# --- the corpus of real articles (benchmarks/corpus/README.md) -------------------------


def canonical_text(text: str) -> str:
    """An excerpt as the corpus stores it: each line stripped, line ends as \\n, at most
    one blank line in a row, no blank lines at either end. Offsets and hashes are of this."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines).strip())


_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"  # all but what an IRI cannot hold ({, }, space...)


def text_hash(text: str) -> str:
    """The first 16 hex digits of the SHA-256 of the text's UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# Two folds of a split by the number in an article's id (fixed before any look): fold A
# is the odd numbers, where misses are read; fold B the even ones, scored by totals only
# to estimate whether a rule fitted on A transfers.
FOLDS = {"A": 1, "B": 0}


def in_fold(article_id: str, fold: str | None) -> bool:
    """Whether ``article_id`` (``cN``) is in ``fold`` (A: N odd, B: N even; None: any)."""
    if fold is None:
        return True
    if fold not in FOLDS:
        raise ValueError(f"unknown fold {fold!r}: A (odd ids) or B (even ids)")
    number = re.search(r"\d+", article_id)
    if number is None:
        raise ValueError(f"{article_id}: no number to put it in a fold")
    return int(number.group()) % 2 == FOLDS[fold]


def corpus_articles(corpus: Path, split: str, fold: str | None = None) -> list[dict]:
    """The manifest's articles of ``split`` (one of SPLITS, or all), in manifest order.

    An unknown split, asked for or in the manifest, is refused: a misspelt one would
    otherwise select nothing, or leave an article out of every split."""
    if split != "all" and split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: one of {', '.join(SPLITS)} or all")
    manifest = yaml.safe_load((corpus / "manifest.yaml").read_text(encoding="utf-8"))
    articles = manifest["articles"]
    for article in articles:
        if article.get("split") not in SPLITS:
            raise ValueError(f"{article.get('id')}: unknown split {article.get('split')!r}")
    return [
        a
        for a in articles
        if (split == "all" or a["split"] == split) and in_fold(str(a["id"]), fold)
    ]


def _quoted(records: list[dict], source_id: str, text: str) -> list[dict]:
    """Gold records with each ``span: [start, end]`` replaced by the quote it points at."""
    out = []
    for record in records:
        record = dict(record)
        evidence = []
        for item in record.get("evidence", []):
            start, end = item["span"]
            evidence.append({"source": source_id, "quote": text[start:end]})
        record["evidence"] = evidence
        out.append(record)
    return out


def materialise(corpus: Path, texts: Path, articles: list[dict], facts_dir: Path, into: Path):
    """Write a facts directory holding the facts directory's files, the corpus's actors and
    each article's text and gold (quotes cut from the text by their spans), so the
    project's own loader checks the gold. Returns (the ids written, problems)."""
    ignore = shutil.ignore_patterns("README.md", DATASET_FILE)
    shutil.copytree(facts_dir, into / "facts", ignore=ignore)
    if (facts_dir / DATASET_FILE).exists():  # read only at the root of a facts directory
        shutil.copy(facts_dir / DATASET_FILE, into / DATASET_FILE)
    (into / "sources").mkdir()
    (into / "gold").mkdir()
    shutil.copy(corpus / "actors.yaml", into / "corpus-actors.yaml")
    sources, written, problems = [], [], []
    for article in articles:
        ident = article["id"]
        path = texts / f"{ident}.txt"
        if not path.exists():
            problems.append(f"{ident}: no text at {path} (see benchmarks/corpus/README.md)")
            continue
        text = canonical_text(path.read_text(encoding="utf-8"))
        if text_hash(text) != article["sha256"]:
            problems.append(f"{ident}: the text at {path} is not the one annotated (hash)")
            continue
        (into / "sources" / f"{ident}.txt").write_text(text, encoding="utf-8")
        sources.append(
            {
                "id": ident,
                "title_en": f"Corpus article {ident}",
                "language": "ar",
                "file": f"sources/{ident}.txt",
                "url": quote(article["url"], safe=_URL_SAFE),
            }
        )
        gold = yaml.safe_load((corpus / "gold" / f"{ident}.yaml").read_text(encoding="utf-8"))
        out = {
            kind: _quoted(gold.get(kind) or [], ident, text)
            for kind in ("posts", "contacts", "statements")
        }
        out = {kind: records for kind, records in out.items() if records}
        (into / "gold" / f"{ident}.yaml").write_text(
            yaml.safe_dump(out, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        written.append(ident)
    (into / "corpus-sources.yaml").write_text(
        yaml.safe_dump({"sources": sources}, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return written, problems


def _name_keys(actor) -> set[str]:
    names = [*actor.names.values()]
    for spellings in (actor.aliases or {}).values():
        names.extend(spellings)
    return {normalise_name(n) for n in names if n}


_LINEAGE = ("بن", "بنت", "ابن")  # "محمد بن سلمان بن عبدالعزيز" is not "سلمان بن عبدالعزيز"


def _after_title(printed: str, key: str) -> bool:
    """Whether ``printed`` is ``key`` with words before it that are not a lineage, or
    ``key`` with more of its lineage after it ("فيصل بن فرحان بن عبدالله")."""
    if any(printed.startswith(f"{key} {word} ") for word in _LINEAGE):
        return " " in key  # a given name alone is no person's whole name
    if not printed.endswith(" " + key):
        return False
    before = printed[: -len(key) - 1].split()
    return before[-1] not in _LINEAGE


def rename_new_people(drafts, gold: Facts, known: Facts) -> None:
    """Give each new person ``suggest`` drafted the id of the gold actor (one the drafting
    facts lack) whose name or alias it prints, in every draft that uses it; a drafted name
    that is one of a gold actor's names with a title or prefix before it counts too."""
    new = {aid: _name_keys(a) for aid, a in gold.actors.items() if aid not in known.actors}
    renames: dict[str, str] = {}
    for actor in drafts.actors:
        if actor.id or not actor.provisional_id:
            continue
        printed = normalise_name(actor.name)
        matches = [aid for aid, keys in new.items() if printed in keys]
        if not matches:  # a title or prefix before the name: the longest name wins
            ends = {
                aid: max(len(k) for k in keys if _after_title(printed, k))
                for aid, keys in new.items()
                if any(_after_title(printed, k) for k in keys)
            }
            longest = max(ends.values(), default=0)
            matches = [aid for aid, length in ends.items() if length == longest]
        if len(matches) == 1:
            renames[actor.provisional_id] = matches[0]
            actor.id = matches[0]
    if not renames:
        return
    for contact in drafts.contacts:
        contact.sides = [[renames.get(a, a) for a in side] for side in contact.sides]
        contact.subjects = [renames.get(a, a) for a in contact.subjects]
        contact.hosts = [renames.get(a, a) for a in contact.hosts]
        contact.mediators = [renames.get(a, a) for a in contact.mediators]
    for statement in drafts.statements:
        statement.speaker = renames.get(statement.speaker, statement.speaker)
        statement.about = [renames.get(a, a) for a in statement.about]
    for post in drafts.posts:
        post.holder = renames.get(post.holder, post.holder)
        if post.organization:
            post.organization = renames.get(post.organization, post.organization)


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


def report(facts: Facts, sources: list[str], details: bool, known: Facts | None = None) -> dict:
    """Print the table of ``sources``' scores; return the totals per kind."""
    totals = {kind: Score() for kind in KINDS}
    header = " | ".join(f"{k} recall | {k} precision" for k in KINDS)
    print(f"| article | {header} |")
    print("|---" + "|---:" * (2 * len(KINDS)) + "|")
    for source_id in sources:
        scores = evaluate(facts, source_id, known)
        print(f"| {source_id} | " + " | ".join(scores[k].cell() for k in KINDS) + " |")
        for kind in KINDS:
            totals[kind].add(scores[kind])
            if details and scores[kind].misses:
                print(f"    missed {kind}: {', '.join(scores[kind].misses)}", file=sys.stderr)
    cells = " | ".join(
        f"**{_percent(t.found, t.gold)}** ({t.found}/{t.gold}) | "
        f"**{_percent(t.right, t.drafted)}** ({t.right}/{t.drafted})"
        for t in (totals[k] for k in KINDS)
    )
    print(f"| **total** | {cells} |")
    contacts = totals["contacts"]
    agreeing = ", ".join(f"{k} {v}/{contacts.found}" for k, v in contacts.agree.items())
    print(f"\ncontacts found that also agree on: {agreeing}")
    actors = totals["actors"]
    if "new in gold" in actors.agree:
        found, gold = actors.agree["new"], actors.agree["new in gold"]
        print(
            f"actors the facts lack (new people, other states, outlets): {found} of {gold} drafted"
        )
    return totals


def run_corpus(args) -> int:
    """Score ``suggest`` on the corpus's articles of one split."""
    corpus, texts = Path(args.corpus), Path(args.texts)
    fold = getattr(args, "fold", None)
    articles = corpus_articles(corpus, args.split, fold)
    known = load_facts(args.facts)
    with tempfile.TemporaryDirectory(prefix="dipgraph-corpus-") as tmp:
        written, problems = materialise(corpus, texts, articles, Path(args.facts), Path(tmp))
        for problem in problems:
            print(f"skipped {problem}", file=sys.stderr)
        try:  # the project's checks: ids, vocabularies, verbatim quotes
            gold = load_facts(tmp)
        except FactsError as error:
            for problem in error.problems:
                print(problem, file=sys.stderr)
            return 2
        if args.check_gold:  # no suggest run: for annotators, who must not see its drafts
            for kind in ("posts", "contacts", "statements"):
                print(f"{len(getattr(gold, kind)) - len(getattr(known, kind))} gold {kind}")
            print(f"{len(written)} of {len(articles)} {args.split} articles checked")
            return 1 if problems else 0
        began = time.perf_counter()
        totals = report(gold, written, args.details, known)
        elapsed = time.perf_counter() - began
    within = f" (fold {fold})" if fold else ""
    print(f"{len(written)} of {len(articles)} {args.split} articles{within} in {elapsed:.2f} s")
    for kind in KINDS:
        t = totals[kind]
        print(
            f"{kind}: recall {_percent(t.found, t.gold)} ({t.found}/{t.gold}), "
            f"precision {_percent(t.right, t.drafted)} ({t.right}/{t.drafted})"
        )
    return 1 if problems else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", default="facts", help="facts directory (default: facts)")
    parser.add_argument("--details", action="store_true", help="list what each article missed")
    parser.add_argument(
        "--scale", action="store_true", help="also time suggest on the articles repeated 1-64 times"
    )
    parser.add_argument("--corpus", help="score the corpus in this directory (benchmarks/corpus)")
    parser.add_argument("--texts", default="/work/corpus/texts", help="the corpus's texts")
    parser.add_argument("--split", default="dev", choices=(*SPLITS, "all"))
    parser.add_argument(
        "--fold",
        choices=tuple(FOLDS),
        help="only the split's articles of one fold: A (odd ids) or B (even ids)",
    )
    parser.add_argument(
        "--check-gold", action="store_true", help="only check the corpus's gold; run no suggest"
    )
    args = parser.parse_args()
    if args.corpus:
        return run_corpus(args)
    facts = load_facts(args.facts)
    if args.scale:
        scale(facts)
    began = time.perf_counter()
    totals = report(facts, list(facts.sources), args.details)
    elapsed = time.perf_counter() - began
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
