"""How many of ``suggest``'s drafts claim something their own quotes do not say.

Run: python benchmarks/suggest_claims.py --corpus benchmarks/corpus [--texts DIR]
         [--split dev|heldout|unseen|all] [--details]

Each draft (contact, statement, post) is read claim by claim, and each claim is tested
against the words of the draft's own quotes (every span it cites), never the rest of the
article:

- an actor it names (a contact's parties, subjects, hosts, mediators and initiator; a
  statement's speaker and ``about``; a post's holder and organisation): named in a quote,
  by curation rule 1's own test (:meth:`dipgraph.curation.rules.Curation.named_in_quotes`:
  names, aliases, short forms, state adjectives, folded as ``check`` folds them); a new
  person ``suggest`` drafted is named by the words it printed;
- a contact's type: a contact word of that type (``contact_words.yaml``) in a quote;
- its status: a cue of that status (``cues.yaml``, or a negation for ``denied``) in a
  quote; ``happened``, that no quote has a cue of another status (the purpose cues,
  which count only right before the contact word, aside);
- its place: the place's name in a quote; its date: the year, the month (a name of
  ``dates.yaml`` or its number) and the day it gives, each in a quote; secrecy: a cue;
- a statement's kind: one of the kind's verbs in a quote (curation rule 7's table);
- a post's title: its words in a quote.

Sides are not a claim words can prove (which party sits with which); they are measured by
the strict contacts of ``suggest_eval.py``. A draft claims beyond its quote when one of its
claims fails; the share of such drafts is printed per kind and in all, with the claims that
failed most. Matching words uses the product's own tables and folding
(:class:`dipgraph.suggest.lexicon.PhraseTable`, :func:`dipgraph.curation.text.occurs`).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from dipgraph.curation.rules import Curation
from dipgraph.curation.text import occurs, words_without_conjunctions
from dipgraph.facts import Evidence
from dipgraph.loader import FactsError, load_facts
from dipgraph.suggest import Suggestions, suggest
from dipgraph.suggest.drafts import ContactDraft, Draft, PostDraft, StatementDraft
from dipgraph.suggest.lexicon import Lexicon, PhraseTable, load_lexicon
from dipgraph.suggest.text import fold_phrase, tokenise

sys.path.insert(0, str(Path(__file__).resolve().parent))

from suggest_eval import FOLDS, SPLITS, corpus_articles, materialise, rename_new_people

KINDS = ("contacts", "statements", "posts")
_ROLES = {"party", "subject", "host", "mediator", "initiated_by", "speaker", "about", "holder"}
_ROLES |= {"organization"}
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def _has(table: PhraseTable, quotes: list[str], wanted=None) -> str:
    """The first phrase of ``table`` (with a payload ``wanted`` accepts) in a quote, as
    ``suggest`` finds phrases in an article; "" if none."""
    for quote in quotes:
        tokens = tokenise(quote)
        for at in range(len(tokens)):
            for suffixes in (True, False):
                found = table.longest(tokens, at, suffixes=suffixes)
                if found is not None and (wanted is None or wanted(found[1])):
                    return quote[tokens[at].start : tokens[at + found[0] - 1].end]
    return ""


def _has_gapped(table: PhraseTable, quotes: list[str], wanted: str) -> bool:
    """A two-word phrase of ``table`` (with payload ``wanted``) whose words are apart in a
    quote, the verb first ("بحث X مع Y" says "بحث مع"), as ``suggest`` reads a gapped
    verb."""
    for quote in quotes:
        tokens = tokenise(quote)
        for at, token in enumerate(tokens):
            for form in token.verbs:
                for words, payload in table.by_first.get(form, ()):
                    if payload != wanted or len(words) != 2:
                        continue
                    if any(words[1] in later.forms for later in tokens[at + 2 :]):
                        return True
    return False


def _numbers(quotes: list[str]) -> set[int]:
    found = set()
    for quote in quotes:
        for token in tokenise(quote):
            digits = token.text.translate(_DIGITS)
            if digits.isdigit():
                found.add(int(digits))
    return found


@dataclasses.dataclass
class Checker:
    """Tests each claim of a draft against its own quotes."""

    curation: Curation
    lexicon: Lexicon
    source: str
    printed: dict[str, tuple[str, ...]]  # a new actor's provisional id -> what names it

    def named(self, actor: str, quotes: list[str]) -> bool:
        if any(occurs(name, q) for name in self.printed.get(actor, ()) for q in quotes):
            return True
        if actor not in self.curation.facts.actors:
            return False
        evidence = [Evidence(self.source, q) for q in quotes]
        return self.curation.named_in_quotes(actor, evidence)

    def claims(self, draft: Draft) -> Iterator[tuple[str, bool]]:
        """(claim, whether the quotes say it) for every claim of the draft; a claim of an
        actor is its role and the actor's id ("party russia")."""
        quotes = [span.quote for span in draft.spans]
        if isinstance(draft, ContactDraft):
            yield from self._contact(draft, quotes)
        elif isinstance(draft, StatementDraft):
            yield f"speaker {draft.speaker}", self.named(draft.speaker, quotes)
            for ref in draft.about:
                yield f"about {ref}", self.named(ref, quotes)
            verbs = self.curation.guide.verbs.get(draft.kind)
            if verbs:  # rule 7: the kind's verb is quoted
                words = set().union(*(words_without_conjunctions(q) for q in quotes))
                yield f"kind {draft.kind}", bool(words & verbs)
        elif isinstance(draft, PostDraft):
            yield f"holder {draft.holder}", self.named(draft.holder, quotes)
            yield "title", any(occurs(draft.title, q) for q in quotes)
            if draft.organization:
                yield f"organization {draft.organization}", self.named(draft.organization, quotes)

    def _contact(self, draft: ContactDraft, quotes: list[str]) -> Iterator[tuple[str, bool]]:
        lexicon = self.lexicon
        roles = {
            "party": draft.participants,
            "subject": draft.subjects,
            "host": draft.hosts,
            "mediator": draft.mediators,
            "initiated_by": [draft.initiated_by] if draft.initiated_by else [],
        }
        for role, actors in roles.items():
            for actor in actors:
                yield f"{role} {actor}", self.named(actor, quotes)
        yield (
            "type",
            bool(
                _has(lexicon.contact_types, quotes, lambda kind: kind == draft.type)
                or _has_gapped(lexicon.contact_types, quotes, draft.type)
            ),
        )
        if draft.status == "happened":
            other = _has(
                lexicon.status,
                quotes,
                lambda group: group != "purpose" and lexicon.status_of[group] != "happened",
            )
            other = other or _has(lexicon.negation, quotes)
            yield f"status happened, yet '{other}'" if other else "status happened", not other
        else:
            cue = _has(lexicon.status, quotes, lambda g: lexicon.status_of[g] == draft.status)
            if draft.status == "denied":
                cue = cue or _has(lexicon.negation, quotes)
            yield f"status {draft.status}", bool(cue)
        if draft.place:
            names = [n for n in draft.place.values() if n]
            yield "place", any(occurs(n, q) for n in names for q in quotes)
        if draft.date:
            parts = [int(p) for p in draft.date.split("-")]
            numbers = _numbers(quotes)
            yield "date year", parts[0] in numbers
            if len(parts) > 1:
                month = _has(lexicon.months, quotes, lambda m: m == parts[1])
                yield "date month", bool(month) or parts[1] in numbers
            if len(parts) > 2:
                yield "date day", parts[2] in numbers
        if draft.secret:
            yield "secret", bool(_has(lexicon.secret, quotes))


def _new_names(actor, lexicon: Lexicon) -> tuple[str, ...]:
    """What names a new actor in a quote: the name ``suggest`` printed; for a new state,
    also its gazetteer spellings and adjectives (as a known state's adjective names it);
    for a new outlet whose name opens with its kind, that kind with the article, the short
    form ``suggest`` reads as it ("الوكالة")."""
    if actor.kind == "organization":  # "الوكالة" after "وكالة الأنباء العمانية"
        head = actor.name.split()[0] if actor.name.split() else ""
        if len(actor.name.split()) > 1 and fold_phrase(head)[0] in lexicon.outlets.by_first:
            return (actor.name, "ال" + head)
    if actor.kind != "state":
        return (actor.name,)
    names = [actor.name]
    for entry in lexicon.gazetteer.entries.values():
        if actor.name in entry.ar:
            names.extend((*entry.ar, *entry.capitals, *entry.adjectives))
    for payloads in lexicon.demonyms.by_first.values():
        for words, key in payloads:
            if key in names:
                names.append(" ".join(words))
    return tuple(dict.fromkeys(names))


def check(drafts: Suggestions, checker: Checker) -> dict[str, list[tuple[Draft, list[str]]]]:
    """Per kind, each draft with the claims its quotes do not say."""
    out: dict[str, list[tuple[Draft, list[str]]]] = {}
    for kind in KINDS:
        items: list[Draft] = getattr(drafts, kind)
        out[kind] = [(d, [c for c, ok in checker.claims(d) if not ok]) for d in items]
    return out


def run(args) -> int:
    corpus, texts = Path(args.corpus), Path(args.texts)
    articles = corpus_articles(corpus, args.split, getattr(args, "fold", None))
    known = load_facts(args.facts)
    lexicon = load_lexicon()
    failed: Counter[str] = Counter()
    claims: Counter[str] = Counter()
    totals = {kind: [0, 0] for kind in KINDS}  # [drafts claiming beyond, drafts]
    with tempfile.TemporaryDirectory(prefix="dipgraph-claims-") as tmp:
        written, problems = materialise(corpus, texts, articles, Path(args.facts), Path(tmp))
        for problem in problems:
            print(f"skipped {problem}", file=sys.stderr)
        try:
            gold = load_facts(tmp)
        except FactsError as error:
            for problem in error.problems:
                print(problem, file=sys.stderr)
            return 2
        curation = Curation.of(gold)
        for ident in written:
            text = Path(gold.sources[ident].file).read_text(encoding="utf-8")
            drafts = suggest(text=text, facts=known, source_id=ident)
            rename_new_people(drafts, gold, known)
            # a new actor by its provisional id, or by the gold id it was renamed to
            printed = {
                a.id or a.provisional_id: _new_names(a, lexicon)
                for a in drafts.actors
                if a.provisional_id
            }
            checker = Checker(curation, lexicon, ident, printed)
            for kind, results in check(drafts, checker).items():
                for draft, unsaid in results:
                    totals[kind][1] += 1
                    claims.update(_claim(c) for c, _ in checker.claims(draft))
                    if unsaid:
                        totals[kind][0] += 1
                        failed.update(_claim(c) for c in unsaid)
                        if args.details:
                            quote = draft.quote[:70]
                            print(f"{ident} {kind[:-1]} «{quote}»: {', '.join(unsaid)}")
    beyond = sum(t[0] for t in totals.values())
    every = sum(t[1] for t in totals.values())
    print(f"{len(written)} {args.split} articles")
    for kind, (bad, count) in totals.items():
        print(f"{kind}: {bad} of {count} drafts claim beyond their quote ({_share(bad, count)})")
    print(f"all drafts: {beyond} of {every} claim beyond their quote ({_share(beyond, every)})")
    print(
        "claims not in the quote: "
        + ", ".join(f"{claim} {failed[claim]}/{claims[claim]}" for claim, _ in failed.most_common())
    )
    return 1 if problems else 0


def _claim(claim: str) -> str:
    """A claim without the actor or cue it names ("party russia" -> "party")."""
    head = claim.partition(" ")[0]
    return head if head in _ROLES else claim.partition(",")[0]


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True, help="the corpus (benchmarks/corpus)")
    parser.add_argument("--texts", default="/work/corpus/texts", help="the corpus's texts")
    parser.add_argument("--facts", default="facts", help="facts directory (default: facts)")
    parser.add_argument("--split", default="dev", choices=(*SPLITS, "all"))
    parser.add_argument(
        "--fold", choices=tuple(FOLDS), help="only one fold: A (odd ids) or B (even ids)"
    )
    parser.add_argument(
        "--details", action="store_true", help="print each draft's unsaid claims (dev only!)"
    )
    return run(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
