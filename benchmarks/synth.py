"""Write a realistic synthetic facts directory of N contacts, for benchmarks.

Actors, posts, topics, statements and sources come in proportion to the contacts;
every fact quotes its (generated) source text verbatim, so the directory passes
``dipgraph check`` like real data and exercises the same code paths.

Run: python benchmarks/synth.py --contacts 10000 --out /tmp/synth-10k
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path

FIRST = [
    "Anna",
    "Boris",
    "Carla",
    "Dmitri",
    "Elena",
    "Farid",
    "Grace",
    "Hassan",
    "Irina",
    "James",
    "Karim",
    "Lina",
    "Mikhail",
    "Nadia",
    "Oleg",
    "Priya",
    "Rami",
    "Sofia",
    "Tariq",
    "Vera",
    "Walid",
    "Yusuf",
    "Zeina",
    "Pavel",
]
LAST = [
    "Adams",
    "Belov",
    "Chen",
    "Dorin",
    "Evans",
    "Farouk",
    "Gromov",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Khalil",
    "Lebedev",
    "Mansour",
    "Novak",
    "Orlov",
    "Petrova",
    "Qureshi",
    "Rahman",
    "Sokolov",
    "Tanaka",
]
FIRST_AR = [
    "آنا",
    "بوريس",
    "كارلا",
    "دميتري",
    "إيلينا",
    "فريد",
    "غريس",
    "حسن",
    "إيرينا",
    "جيمس",
    "كريم",
    "لينا",
    "ميخائيل",
    "نادية",
    "أوليغ",
    "بريا",
    "رامي",
    "صوفيا",
    "طارق",
    "فيرا",
    "وليد",
    "يوسف",
    "زينة",
    "بافل",
]
LAST_AR = [
    "آدمز",
    "بيلوف",
    "تشن",
    "دورين",
    "إيفانز",
    "فاروق",
    "غروموف",
    "حداد",
    "إيفانوفا",
    "ينسن",
    "خليل",
    "ليبيديف",
    "منصور",
    "نوفاك",
    "أورلوف",
    "بيتروفا",
    "قريشي",
    "رحمن",
    "سوكولوف",
    "تاناكا",
]
POSTS = [
    "Foreign Minister",
    "Ambassador",
    "National Security Adviser",
    "Deputy Minister",
    "Spokesperson",
    "Intelligence Director",
    "Presidential Aide",
    "Defence Minister",
]
TYPES = [
    "meeting",
    "phone_call",
    "video_call",
    "talks",
    "message",
    "letter",
    "visit",
    "consultations",
    "summit_meeting",
    "interview",
]
STATUSES = ["happened"] * 8 + ["planned", "proposed", "denied"]
KINDS = ["said", "called_for", "denied", "confirmed", "warned"]
# a verb of each kind (dipgraph/curation/guide.yaml), so quotes pass curation rule 7
KIND_VERBS = {
    "said": "said",
    "called_for": "called",
    "denied": "denied",
    "confirmed": "confirmed",
    "warned": "warned",
}
FACTS_PER_FILE = 2000


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def partial_date(rng: random.Random) -> str:
    year = rng.randint(2015, 2024)
    roll = rng.random()
    if roll < 0.2:
        return f"{year}"
    if roll < 0.5:
        return f"{year}-{rng.randint(1, 12):02d}"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def write_parts(out: Path, folder: str, section: str, entries: list[str]) -> None:
    (out / folder).mkdir(parents=True, exist_ok=True)
    for start in range(0, len(entries), FACTS_PER_FILE):
        chunk = entries[start : start + FACTS_PER_FILE]
        path = out / folder / f"part-{start // FACTS_PER_FILE:04d}.yaml"
        path.write_text(f"{section}:\n" + "".join(chunk), encoding="utf-8")


def synthesize(out: Path, contacts: int, actors: int | None = None, seed: int = 1) -> dict:
    """Write the directory; returns the counts written."""
    rng = random.Random(seed)
    actors = actors or max(30, contacts // 3)
    if out.exists():
        shutil.rmtree(out)
    (out / "sources").mkdir(parents=True)
    n_states = 20
    n_orgs = max(5, actors // 20)
    n_people = actors - n_states - n_orgs
    states = [f"state-{i}" for i in range(n_states)]
    orgs = [f"org-{i}" for i in range(n_orgs)]
    people = [f"person-{i}" for i in range(n_people)]
    names: dict[str, str] = {}
    arabic_names: dict[str, str] = {}  # printed beside the English one (curation rule 5)
    actor_entries = []
    for i, ident in enumerate(states):
        names[ident] = f"State {i}"
        arabic_names[ident] = f"دولة {i}"
        actor_entries.append(
            f"  - id: {ident}\n    kind: state\n    names: {{en: {q(names[ident])}, "
            f"ar: {q(f'دولة {i}')}}}\n"
        )
    for i, ident in enumerate(orgs):
        names[ident] = f"Agency {i}"
        arabic_names[ident] = f"وكالة {i}"
        actor_entries.append(
            f"  - id: {ident}\n    kind: organization\n    names: {{en: "
            f"{q(names[ident])}, ar: {q(f'وكالة {i}')}}}\n"
            f"    part_of: {rng.choice(states)}\n"
        )
    for i, ident in enumerate(people):
        f, last = rng.randrange(len(FIRST)), rng.randrange(len(LAST))
        names[ident] = f"{FIRST[f]} {LAST[last]} {i}"
        arabic = arabic_names[ident] = f"{FIRST_AR[f]} {LAST_AR[last]} {i}"
        actor_entries.append(
            f"  - id: {ident}\n    kind: person\n    names: {{en: "
            f"{q(names[ident])}, ar: {q(arabic)}}}\n"
            f"    aliases: {{en: [{q(f'{LAST[last]} {i}')}]}}\n"
            f"    country: {rng.choice(states)}\n"
        )
    write_parts(out, "actors", "actors", actor_entries)

    topics = [f"topic-{i}" for i in range(50)]
    for i, t in enumerate(topics):
        names[t], arabic_names[t] = f"Topic {i}", f"موضوع {i}"

    def printed(ident: str) -> str:
        """A name as the synthetic reports print it: English, then Arabic in brackets, so
        quotes name every party and topic (curation rules 1 and 5) as curated facts do."""
        return f"{names[ident]} ({arabic_names[ident]})"

    topic_entries = [
        f"  - id: {t}\n    names: {{en: {q(f'Topic {i}')}, ar: {q(f'موضوع {i}')}}}\n"
        + (f"    broader: topic-{i // 5}\n" if i >= 5 else "")
        for i, t in enumerate(topics)
    ]
    write_parts(out, "topics", "topics", topic_entries)

    sources: dict[str, list[str]] = {}
    n_sources = max(1, contacts // 500)

    def cite(sentence: str) -> str:
        source = f"src-{rng.randrange(n_sources)}"
        sources.setdefault(source, []).append(sentence)
        return f"    evidence:\n      - source: {source}\n        quote: {q(sentence)}\n"

    post_entries = []
    for i, holder in enumerate(people[: int(len(people) * 0.3)]):
        title = rng.choice(POSTS)
        org = rng.choice(orgs)
        start = rng.randint(2010, 2020)
        state = states[i % n_states]  # every state is printed in some post's quote
        sentence = (
            f"{printed(holder)} served as {title} at {printed(org)} of {printed(state)} "
            f"from {start}."
        )
        post_entries.append(
            f"  - id: post-{i}\n    holder: {holder}\n    post: {{en: {q(title)}}}\n"
            f"    organization: {org}\n    from: {start}\n" + cite(sentence)
        )
    write_parts(out, "posts", "posts", post_entries)

    contact_entries = []
    everyone = people + orgs
    for i in range(contacts):
        # Most contacts have two parties; some face a delegation (1 against 2), some are
        # two delegations (2 against 2), and a few concern someone who takes no part.
        roll = rng.random()
        size = 4 if roll < 0.03 else 3 if roll < 0.12 else 2
        group = rng.sample(everyone, size)
        first_side = group[:2] if size == 4 else group[:1]
        other_side = group[len(first_side) :]
        subject = rng.choice(people) if rng.random() < 0.02 else None
        if subject in group:
            subject = None
        kind = rng.choice(TYPES)
        date = partial_date(rng)
        topic_list = rng.sample(topics, rng.choice([0, 1, 1, 2]))
        sentence = (
            f"Report {i}: {' and '.join(printed(g) for g in first_side)} held a "
            f"{kind.replace('_', ' ')} with {' and '.join(printed(g) for g in other_side)}"
            + (f" about {printed(subject)}" if subject else "")
            + (f" on {' and '.join(printed(t) for t in topic_list)}" if topic_list else "")
            + f" ({date})."
        )
        parties = (
            f"    participants: [{', '.join(group)}]\n"
            if size == 2
            else f"    sides: [[{', '.join(first_side)}], [{', '.join(other_side)}]]\n"
        )
        contact_entries.append(
            f"  - id: contact-{i}\n    type: {kind}\n"
            + parties
            + (f"    subjects: [{subject}]\n" if subject else "")
            + f"    date: {date}\n    status: {rng.choice(STATUSES)}\n"
            f"    secret: {'true' if rng.random() < 0.1 else 'false'}\n"
            + (f"    topics: [{', '.join(topic_list)}]\n" if topic_list else "")
            + f"    summary: {q(sentence)}\n"
            + cite(sentence)
        )
    write_parts(out, "contacts", "contacts", contact_entries)

    statement_entries = []
    for i in range(contacts // 3):
        speaker = rng.choice(people)
        about = rng.sample(topics, 1) + rng.sample(people, 1)
        kind = rng.choice(KINDS)
        sentence = (
            f"Statement {i}: {printed(speaker)} {KIND_VERBS[kind]} about "
            f"{printed(about[0])} and {printed(about[1])}."
        )
        statement_entries.append(
            f"  - id: statement-{i}\n    speaker: {speaker}\n    kind: {kind}\n"
            f"    date: {partial_date(rng)}\n    about: [{', '.join(about)}]\n"
            f"    summary: {q(sentence)}\n" + cite(sentence)
        )
    write_parts(out, "statements", "statements", statement_entries)

    source_entries = []
    for ident in sorted(sources, key=lambda s: int(s[4:])):
        path = out / "sources" / f"{ident}.txt"
        path.write_text("\n".join(sources[ident]) + "\n", encoding="utf-8")
        source_entries.append(
            f"  - id: {ident}\n    title: {q(f'Synthetic report {ident}')}\n"
            f"    language: en\n    file: {ident}.txt\n"
        )
    (out / "sources" / "sources.yaml").write_text(
        "sources:\n" + "".join(source_entries), encoding="utf-8"
    )
    return {
        "actors": actors,
        "topics": len(topics),
        "posts": len(post_entries),
        "contacts": contacts,
        "statements": len(statement_entries),
        "sources": len(source_entries),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=10000)
    parser.add_argument("--actors", type=int, default=None)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(synthesize(args.out, args.contacts, args.actors, args.seed))


if __name__ == "__main__":
    main()
