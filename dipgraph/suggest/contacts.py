"""Contacts: a contact word (اتصال هاتفي، لقاء، محادثات; met, call, talks...) and the
actors around it, grouped into sides by country.

The parties are the actors the contact's sentence names, except the one who reports
it ("قال أوشاكوف إن ...": Ushakov speaks, he is not a party) and the organisations and
states inside someone's title. People speak for their country, so a side keeps its
people and drops its organisations and states when it has both. With fewer than two
parties, "between the two presidents" takes the last two people named before, and
"these talks" adds its quote to the contact reported before.
"""

from __future__ import annotations

from dipgraph.schema.model import load_model
from dipgraph.suggest.article import Article
from dipgraph.suggest.drafts import ContactDraft
from dipgraph.suggest.mentions import Mention
from dipgraph.suggest.statements import Speech
from dipgraph.suggest.text import Sentence
from dipgraph.suggest.when import find_cue, find_place, find_status, find_when, has_cue

_LOOK_BACK = 3  # sentences searched for the people "the two presidents" refers to
_CLAUSE = set("،,؛;")


def _contact_words(article: Article, sentence: Sentence) -> list[tuple[int, int, str]]:
    covered = article.covered()
    found = []
    at = sentence.first
    while at < sentence.last:
        match = None if at in covered else article.lexicon.contact_types.longest(article.tokens, at)
        if match is None:
            at += 1
            continue
        found.append((at, at + match[0], match[1]))
        at += match[0]
    return found


def _reporters(speeches: list[Speech], sentence: Sentence, first_word: int, article: Article) -> set[str]:
    """Speakers whose reported content (after "أن" / "that" / a colon) holds the contact."""
    reporters = set()
    for speech in speeches:
        if speech.sentence is not sentence or speech.speaker is None:
            continue
        if speech.verb >= first_word:
            continue
        if speech.speaker.actor in (m.actor for m in _near_word(article, sentence, first_word)):
            continue
        opened = any(
            article.lexicon.complementisers.longest(article.tokens, at, suffixes=False)
            or set(article.tokens[at].gap) & set(':"“«')
            for at in range(speech.verb_last, first_word + 1)
        )
        if opened:
            reporters.add(speech.speaker.actor)
    return reporters


def _near_word(article: Article, sentence: Sentence, word: int) -> list[Mention]:
    """Mentions right next to the contact word ("لقاء بوتين"): always parties."""
    return [
        m for m in article.sentence_mentions(sentence) if m.last == word or m.first == word + 1
    ]


def _sides(article: Article, parties: list[Mention]) -> list[list[str]]:
    """Parties grouped by country; a side with people drops its organisations and states."""
    groups: dict[str, list[str]] = {}
    for mention in parties:
        group = groups.setdefault(article.index.country(mention.actor), [])
        if mention.actor not in group:
            group.append(mention.actor)
    sides = []
    for members in groups.values():
        people = [a for a in members if article.index.kind(a) == "person"]
        organisations = [a for a in members if article.index.kind(a) == "organization"]
        sides.append(people or organisations or members)
    if len(sides) == 1 and len(sides[0]) > 1:
        return [[actor] for actor in sides[0]]
    return sides


def _previous_people(article: Article, sentence: Sentence) -> list[Mention]:
    """The last two people of different countries named in the sentences before."""
    chosen: list[Mention] = []
    for back in range(1, _LOOK_BACK + 1):
        if sentence.index - back < 0:
            break
        earlier = article.sentences[sentence.index - back]
        for mention in reversed(article.sentence_mentions(earlier)):
            if article.index.kind(mention.actor) != "person" or mention.in_title:
                continue
            countries = {article.index.country(m.actor) for m in chosen}
            if mention.actor in {m.actor for m in chosen}:
                continue
            if article.index.country(mention.actor) in countries:
                continue
            chosen.append(mention)
            if len(chosen) == 2:
                return chosen
    return chosen


def _clause(article: Article, sentence: Sentence, first: int, last: int) -> tuple[int, int]:
    """Widen token range [first, last) to the clause punctuation around it."""
    tokens = article.tokens
    while first > sentence.first and not set(tokens[first].gap) & _CLAUSE:
        first -= 1
    while last < sentence.last and not set(tokens[last].gap) & _CLAUSE:
        last += 1
    return first, last


def draft_contacts(article: Article, speeches: list[Speech]) -> list[ContactDraft]:
    """Contact drafts, one per sentence with a contact word; the same parties and type merge."""
    cameo = load_model().vocabularies["contact_types"]
    drafts: list[ContactDraft] = []
    for sentence in article.sentences:
        words = _contact_words(article, sentence)
        if not words:
            continue
        words.sort(key=lambda w: article.lexicon.type_rank[w[2]])
        word_first, word_last, kind = words[0]
        first_word = min(w[0] for w in words)
        reporters = _reporters(speeches, sentence, first_word, article)
        parties = [
            m
            for m in article.sentence_mentions(sentence)
            if not m.in_title and m.actor not in reporters
        ]
        comments: list[str] = []
        confidence = 0.75
        sides = _sides(article, parties)
        anaphora = has_cue(article, sentence, "anaphora")
        if len(sides) < 2 and anaphora:
            parties = _previous_people(article, sentence) + parties
            sides = _sides(article, parties)
            confidence = 0.45
            comments.append(f'parties taken from the sentences before ("{anaphora}"); check')
        span_first = min([word_first, *(m.first for m in parties)])
        span_last = max([word_last, *(m.last for m in parties if m.first >= sentence.first)])
        span = article.span(*_clause(article, sentence, span_first, span_last))
        if len(sides) < 2:
            earlier = _same_event(article, drafts, sentence, word_first, kind)
            if earlier is not None and len(span.quote) >= 8:
                earlier.spans.append(span)
                earlier.comments.append(f"also quoted: the contact referred to again ({span.quote[:40]}…)")
            continue
        status, cue = find_status(article, sentence)
        when = find_when(article, sentence)
        draft = ContactDraft(
            [span],
            confidence,
            comments,
            type=kind,
            cameo=cameo.get(kind, {}).get("cameo"),
            sides=sides,
            status=status,
            secret=has_cue(article, sentence, "secret") is not None,
            place=find_place(article, sentence),
            date=when.date,
            date_note=when.note,
        )
        _describe(article, draft, sentence, words, cue, reporters)
        _merge_or_add(drafts, draft)
    return drafts


def _same_event(
    article: Article, drafts: list[ContactDraft], sentence: Sentence, word: int, kind: str
) -> ContactDraft | None:
    """The contact an anaphoric mention ("تلك المحادثات", "the talks") refers back to."""
    token = article.tokens[word]
    pointed = word > sentence.first and article.lexicon.demonstratives.longest(
        article.tokens, word - 1, suffixes=False
    )
    if not (pointed or token.definite):
        return None
    for draft in reversed(drafts):
        if draft.type == kind or (pointed and draft.type in ("talks", "phone_call", "video_call", "meeting")):
            return draft
    return None


def _describe(
    article: Article,
    draft: ContactDraft,
    sentence: Sentence,
    words: list[tuple[int, int, str]],
    cue: str | None,
    reporters: set[str],
) -> None:
    word = article.span(words[0][0], words[0][1]).quote
    draft.comments.append(f"type '{draft.type}' from '{word}'")
    if cue:
        draft.comments.append(f"status '{draft.status}' from '{cue}'")
    request = find_cue(article, sentence, "request")
    if request:
        after = [m for m in article.sentence_mentions(sentence) if m.first >= request[1]]
        if after:
            draft.initiated_by = after[0].actor
            draft.comments.append(f"initiated_by from '{request[0]}'")
    if reporters:
        names = ", ".join(article.name(a) for a in sorted(reporters))
        draft.comments.append(f"not a party: {names} reports the contact")
    if len(draft.participants) > 2:
        draft.comments.append("check which side each actor is on; a mediator or host is not a party")
    draft.comments.append("decide topics; write the summary")


def _merge_or_add(drafts: list[ContactDraft], draft: ContactDraft) -> None:
    """A contact reported again with the same parties and type gains a quote, not a twin."""
    for earlier in drafts:
        if earlier.type == draft.type and set(earlier.participants) == set(draft.participants):
            earlier.spans.extend(draft.spans)
            earlier.confidence = min(0.95, earlier.confidence + 0.05)
            if earlier.status == "happened" and draft.status != "happened":
                earlier.comments.append(f"another mention says '{draft.status}': check the status")
            earlier.secret = earlier.secret or draft.secret
            return
    drafts.append(draft)
