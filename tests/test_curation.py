"""The curation rules of facts/README.md that a machine can check.

Each test reads the checked facts, the source texts and the tables in facts/README.md
(documented exceptions), and fails on any fact that breaks a rule without a row there.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

import pytest

import dipgraph
from conftest import BUNDLED, REPO
from dipgraph.facts import Contact, Evidence, Post, Statement
from dipgraph.names import normalise_name

CURATION = BUNDLED / "README.md"
PUNCTUATION = re.compile(r"[^\w\s]")
CONJUNCTIONS = ("و", "ف", "ل")


# ---- reading -----------------------------------------------------------------------
def fold(text: str) -> str:
    """dipgraph's name folding, with punctuation (quotes, commas, brackets) as spaces."""
    return " ".join(PUNCTUATION.sub(" ", normalise_name(text)).split())


def occurs(name: str, text: str) -> bool:
    """``name`` in ``text`` after folding: Latin as whole words, Arabic also with prefixes.

    Arabic attaches و، ب، ل، ال to the next word, so an Arabic name is found inside a word;
    a Latin one must stand alone ("US" is not in "USSR").
    """
    key, folded = fold(name), fold(text)
    if not key:
        return False
    if re.search(r"[a-z]", key):
        return re.search(rf"(?<!\w){re.escape(key)}(?!\w)", folded) is not None
    # ل before the article ال drops its alef: الحوار is printed للحوار ("for the dialogue").
    return key in folded or (key.startswith("ال") and "لل" + key[2:] in folded)


@cache
def kg() -> dipgraph.KnowledgeGraph:
    return dipgraph.load(BUNDLED)


@cache
def source_texts() -> dict[str, str]:
    return {s.id: s.file.read_text(encoding="utf-8") for s in kg().facts.sources.values()}


def readme_table(title: str) -> list[list[str]]:
    """The rows (cells stripped) of the table under ``### title`` in facts/README.md."""
    lines = CURATION.read_text(encoding="utf-8").splitlines()
    start = lines.index(f"### {title}")
    rows: list[list[str]] = []
    for line in lines[start + 1 :]:
        if line.startswith("#"):
            break
        if line.startswith("|") and not line.startswith("|---"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    assert rows, f"no table under '### {title}' in {CURATION}"
    return rows[1:]  # without the header


def ticked(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def ids(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(",") if part.strip()]


@cache
def designations() -> dict[str, list[tuple[str, set[str]]]]:
    """source id -> [(phrase, actor ids)] from the Designations table."""
    table: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    for source, phrase, actors, _why in readme_table("Designations"):
        (text,) = ticked(phrase)
        table[source].append((text, set(ids(actors))))
    return table


@cache
def adjectives() -> dict[str, list[str]]:
    return {state: ticked(stems) for state, stems in readme_table("State adjectives")}


def names_of(entity) -> list[str]:
    return [*entity.names.values(), *(a for forms in entity.aliases.values() for a in forms)]


def names_actor(actor_id: str, source: str, text: str) -> bool:
    """Whether ``text`` (from ``source``) names the actor, as rule 1 of facts/README.md says."""
    actor = kg().facts.actors[actor_id]
    if any(occurs(name, text) for name in names_of(actor)):
        return True
    if any(occurs(stem, text) for stem in adjectives().get(actor_id, [])):
        return True
    return any(
        actor_id in actors and occurs(phrase, text)
        for phrase, actors in designations().get(source, [])
    )


def named_in_quotes(actor_id: str, evidence: Iterable[Evidence]) -> bool:
    return any(names_actor(actor_id, e.source, e.quote) for e in evidence)


def topic_named(topic_id: str, evidence: Iterable[Evidence]) -> bool:
    topic = kg().facts.topics[topic_id]
    return any(occurs(name, e.quote) for e in evidence for name in names_of(topic))


def contacts() -> Iterator[Contact]:
    return iter(kg().facts.contacts.values())


def statements() -> Iterator[Statement]:
    return iter(kg().facts.statements.values())


def evidenced() -> Iterator[Contact | Statement | Post]:
    yield from kg().facts.posts.values()
    yield from contacts()
    yield from statements()


# ---- rule 1: every party, role-holder, topic and `about` is in a quote ----------------
def test_contact_parties_and_role_holders_are_named_in_a_quote() -> None:
    unnamed = []
    for contact in contacts():
        linked = {
            "party": contact.participants,
            **{role: holders for role, holders in contact.roles.items()},
            "initiated_by": (contact.initiated_by,) if contact.initiated_by else (),
        }
        for role, actors in linked.items():
            unnamed += [
                f"{contact.id}: {role} {a}"
                for a in actors
                if not named_in_quotes(a, contact.evidence)
            ]
    assert unnamed == []


def test_statement_about_is_named_in_a_quote() -> None:
    unnamed = []
    for statement in statements():
        for ref in statement.about:
            if ref in kg().facts.actors:
                ok = named_in_quotes(ref, statement.evidence)
            else:
                ok = topic_named(ref, statement.evidence)
            if not ok:
                unnamed.append(f"{statement.id}: about {ref}")
    assert unnamed == []


def test_contact_topics_are_named_in_a_quote() -> None:
    unnamed = [
        f"{contact.id}: topic {topic}"
        for contact in contacts()
        for topic in contact.topics
        if not topic_named(topic, contact.evidence)
    ]
    assert unnamed == []


def test_post_holders_are_named_in_a_quote() -> None:
    unnamed = [
        post.id
        for post in kg().facts.posts.values()
        if not named_in_quotes(post.holder, post.evidence)
    ]
    assert unnamed == []


# ---- rule 3: speakers --------------------------------------------------------------
def paragraphs_of(evidence: Evidence) -> list[str]:
    """The source lines a quote spans (only white space may differ, and a quote may cross lines)."""
    lines = [" ".join(line.split()) for line in source_texts()[evidence.source].splitlines()]
    spans, offset = [], 0
    for line in lines:
        if line:
            spans.append((offset, offset + len(line), line))
            offset += len(line) + 1
    start = " ".join(line for *_, line in spans).find(" ".join(evidence.quote.split()))
    assert start >= 0, evidence.quote
    end = start + len(" ".join(evidence.quote.split()))
    return [line for first, last, line in spans if first < end and start < last]


def test_speakers_are_named_beside_their_words() -> None:
    pronoun_only = {row[0] for row in readme_table("Speakers named only by a pronoun")}
    assert pronoun_only <= set(kg().facts.statements), "README lists unknown statements"
    unnamed = []
    for statement in statements():
        named = any(
            names_actor(statement.speaker, e.source, paragraph)
            for e in statement.evidence
            for paragraph in paragraphs_of(e)
        )
        if named == (statement.id in pronoun_only):
            unnamed.append(statement.id)
    assert unnamed == [], "speaker not named beside the quote, or listed for no reason"


# ---- rule 7: the kind follows the verb ----------------------------------------------
def verbs_by_kind() -> dict[str, set[str]]:
    table = readme_table("Verbs and statement kinds")
    return {kind: {fold(verb) for verb in ticked(verbs)} for kind, verbs in table}


def words_without_conjunctions(text: str) -> set[str]:
    words = set(fold(text).split())
    return words | {w[1:] for w in words if w[:1] in CONJUNCTIONS and len(w) > 2}


def test_statement_kind_follows_its_verb() -> None:
    verbs = verbs_by_kind()
    assert set(verbs) == {"warned", "called_for", "denied", "confirmed"}
    wrong = []
    for statement in statements():
        if statement.kind == "said":
            continue
        words = set().union(*(words_without_conjunctions(e.quote) for e in statement.evidence))
        if not words & verbs[statement.kind]:
            wrong.append(f"{statement.id}: {statement.kind}")
    assert wrong == []


def test_verb_table_catches_a_wrong_kind() -> None:
    """The check above can fail: تحدث عن (spoke of) is not a warning."""
    words = words_without_conjunctions("بايدن تحدث عن العقوبات الواسعة")
    assert not words & verbs_by_kind()["warned"]
    assert words_without_conjunctions("وحذّر الجانب الروسي") & verbs_by_kind()["warned"]


# ---- rule 5 and 8: names and aliases ------------------------------------------------
def printed_anywhere(name: str) -> bool:
    return any(occurs(name, text) for text in source_texts().values())


def test_arabic_names_are_printed_in_a_source() -> None:
    documented = {row[0] for row in readme_table("Names not printed")}
    entities = [*kg().facts.actors.values(), *kg().facts.topics.values()]
    unprinted = {e.id for e in entities if not printed_anywhere(e.names["ar"])}
    assert unprinted == documented


def test_aliases_are_printed_or_documented() -> None:
    table = readme_table("Aliases not printed in the sources")
    documented = {(row[0], ticked(row[1])[0]) for row in table}
    undocumented, stale = [], []
    entities = {**kg().facts.actors, **kg().facts.topics}
    for ident, entity in entities.items():
        english = entity.names.get("en", "").split()
        surnames = {" ".join(english[i:]) for i in range(1, len(english))}
        for language, forms in entity.aliases.items():
            for alias in forms:
                printed = printed_anywhere(alias)
                surname = language == "en" and alias in surnames
                listed = (ident, alias) in documented
                if listed and printed:
                    stale.append((ident, alias))
                elif not (printed or surname or listed):
                    undocumented.append((ident, alias))
    unknown = {(i, a) for i, a in documented if i not in entities or a not in names_of(entities[i])}
    assert undocumented == [], "alias neither printed, a surname, nor documented"
    assert stale == [], "documented as not printed, yet printed"
    assert unknown == set(), "README documents an alias no actor or topic has"


def test_aliases_are_not_already_covered_by_folding() -> None:
    redundant = []
    for entity in [*kg().facts.actors.values(), *kg().facts.topics.values()]:
        seen: dict[str, str] = {}
        for name in names_of(entity):
            key = normalise_name(name)
            if key in seen:
                redundant.append(f"{entity.id}: '{name}' folds like '{seen[key]}'")
            seen.setdefault(key, name)
    assert redundant == []


# ---- rule 4: unnamed office-holders ---------------------------------------------------
def test_unnamed_office_holders_hold_the_post_they_are_named_by() -> None:
    unnamed = [a for a in kg().facts.actors.values() if a.id.endswith("-unnamed")]
    assert unnamed, "the dataset models at least one unnamed office-holder"
    for actor in unnamed:
        posts = [p for p in kg().facts.posts.values() if p.holder == actor.id]
        assert [p.post["ar"] for p in posts] == [actor.names["ar"]], actor.id
        assert actor.outside_knowledge, f"{actor.id} says why it is not merged"


# ---- rule 9: relative anchors ---------------------------------------------------------
def test_relative_anchors_are_in_the_date_note() -> None:
    anchors = [ticked(row[0])[0] for row in readme_table("Relative anchors")]
    missing = []
    for fact in evidenced():
        quotes = " ".join(e.quote for e in fact.evidence)
        note = fact.date_note or ""
        missing += [f"{fact.id}: {a}" for a in anchors if occurs(a, quotes) and not occurs(a, note)]
    assert missing == []


# ---- rule 11: one quote, one claim ----------------------------------------------------
def test_a_quote_is_shared_only_for_a_documented_reason() -> None:
    sharing: dict[str, list[Contact | Statement | Post]] = defaultdict(list)
    for fact in evidenced():
        for quote in {" ".join(e.quote.split()) for e in fact.evidence}:
            sharing[quote].append(fact)
    unexplained = []
    for facts in sharing.values():
        if len(facts) < 2:
            continue
        kinds = [type(f).__name__ for f in facts]
        all_posts = set(kinds) == {"Post"}
        contact_and_reports = kinds.count("Contact") == 1 and set(kinds) == {"Contact", "Statement"}
        if not (all_posts or contact_and_reports):
            unexplained.append(sorted(f.id for f in facts))
    assert unexplained == []


# ---- the tables document what is there -------------------------------------------------
def test_documented_phrases_occur_in_their_sources() -> None:
    texts = source_texts()
    stale = [
        (source, phrase)
        for source, rows in designations().items()
        for phrase, actors in rows
        if not occurs(phrase, texts[source]) or not actors <= set(kg().facts.actors)
    ]
    anchors = [ticked(row[0])[0] for row in readme_table("Relative anchors")]
    stale += [("any source", a) for a in anchors if not printed_anywhere(a)]
    assert set(adjectives()) <= {a.id for a in kg().facts.actors.values() if a.kind == "state"}
    assert stale == []


# ---- rules 2 and 3: every passage is evidence or documented as not recorded ------------
MIN_WORDS = 5  # shorter gaps are connectives between quotes ("وأضاف أوشاكوف:")


def uncovered_passages(text: str, covering: Iterable[str]) -> list[str]:
    """The stretches of ``text`` (white space normalised) that no quote or title covers."""
    flat = " ".join(text.split())
    covered = bytearray(len(flat))
    for quote in covering:
        needle = " ".join(quote.split())
        start = flat.find(needle)
        while needle and start >= 0:
            covered[start : start + len(needle)] = b"\x01" * len(needle)
            start = flat.find(needle, start + 1)
    marked = "".join("\x01" if c else ch for ch, c in zip(flat, covered, strict=True))
    gaps = re.split("\x01+", marked)
    return [gap.strip() for gap in gaps if gap.strip()]


def undocumented_words(passage: str, documented: Iterable[str]) -> list[str]:
    """The words of ``passage`` left once every documented phrase is taken out of it."""
    rest = fold(passage)
    for phrase in documented:
        rest = rest.replace(fold(phrase), " ")
    return [word for word in rest.split() if len(word) > 1]


def test_every_passage_is_evidence_or_documented() -> None:
    documented: dict[str, list[str]] = defaultdict(list)
    for source, phrase, _why in readme_table("Passages not recorded"):
        documented[source].extend(ticked(phrase))
    quotes: dict[str, list[str]] = defaultdict(list)
    for fact in evidenced():
        for e in fact.evidence:
            quotes[e.source].append(e.quote)
    missed, stale = [], []
    for source, text in source_texts().items():
        title = kg().facts.sources[source].title or ""
        gaps = uncovered_passages(text, [*quotes[source], title])
        missed += [
            f"{source}: {gap}"
            for gap in gaps
            if len(undocumented_words(gap, documented[source])) >= MIN_WORDS
        ]
        stale += [
            f"{source}: {phrase}"
            for phrase in documented[source]
            if not any(fold(phrase) in fold(gap) for gap in gaps)
        ]
    assert missed == [], "a passage no fact quotes and facts/README.md does not list"
    assert stale == [], "facts/README.md lists a passage that is quoted, or not printed"


def test_coverage_check_can_fail() -> None:
    text = "قال أوشاكوف إن الحوار مستمر. وأضاف أن العقوبات خطأ كبير جدا في رأيه."
    gaps = uncovered_passages(text, ["قال أوشاكوف إن الحوار مستمر"])
    assert len(undocumented_words(gaps[0], [])) >= MIN_WORDS
    assert undocumented_words(gaps[0], ["وأضاف أن العقوبات خطأ كبير جدا في رأيه"]) == []


# ---- the README's dataset table ----------------------------------------------------------
def test_readme_dataset_table_matches_stats() -> None:
    stats = kg().stats()
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## The dataset", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip().strip("*") for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].startswith("src-"):
            rows[cells[0].split()[0]] = tuple(int(c) for c in cells[1:])
        if len(cells) == 4 and cells[0].startswith("total"):
            total = tuple(int(c) for c in cells[1:])
            summary = cells[0]
    assert rows == {
        source: (counts["posts"], counts["contacts"], counts["statements"])
        for source, counts in stats["per_source"].items()
    }
    kinds = stats["kinds"]
    assert total == (kinds["posts"], kinds["contacts"], kinds["statements"])
    for kind in ("sources", "actors", "topics", "places"):
        assert f"{kinds[kind]} {kind}" in summary


# ---- the helpers can fail --------------------------------------------------------------
@pytest.mark.parametrize(
    ("actor", "source", "text", "named"),
    [
        ("anatoly-antonov", "src-000-aljazeera", "قال انتونوف", True),  # folded hamza
        ("vladimir-putin", "src-004-kremlin-worst", "الرئيس الروسي", True),  # designation
        ("vladimir-putin", "src-000-aljazeera", "الرئيس الروسي", False),  # not in that source
        ("usa", "src-003-istanbul-talks", "مصادر روسية وأمريكية", True),  # adjective
        ("usa", "src-000-aljazeera", "USSR", False),  # Latin names are whole words
        ("joe-biden", "src-002-ushakov-call", "لبوتين", False),
        ("nato", "src-002-ushakov-call", "الحلف", False),
    ],
)
def test_naming_check(actor: str, source: str, text: str, named: bool) -> None:
    assert names_actor(actor, source, text) is named


def test_curation_guide_exists_beside_the_facts() -> None:
    assert Path(CURATION).is_file()
