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

from dataclasses import dataclass, field

from dipgraph.schema.model import load_model
from dipgraph.suggest.article import Article
from dipgraph.suggest.drafts import ContactDraft
from dipgraph.suggest.mentions import Mention
from dipgraph.suggest.statements import Speech
from dipgraph.suggest.text import Sentence, Token
from dipgraph.suggest.when import find_cue, find_place, find_status, find_when, has_cue

_LOOK_BACK = 8  # sentences searched for the people "the two presidents" refers to
_CLAUSE = set("،,؛;")


@dataclass(slots=True)
class Segment:
    """A contact word (or adjacent words: "محادثات مباشرة على الإنترنت") and the tokens
    it governs: from the sentence start (first word) or the word itself, up to the next
    contact word."""

    sentence: Sentence
    word_first: int
    word_last: int
    kind: str
    lead: int  # where cues before the word start
    end: int  # one past the last token the word governs
    words: list[tuple[int, int, str]]


def _segments(article: Article, sentence: Sentence, speeches: list[Speech]) -> list[Segment]:
    covered = article.covered()
    words: list[tuple[int, int, str]] = []
    at = sentence.first
    while at < sentence.last:
        match = None if at in covered else article.lexicon.contact_types.longest(article.tokens, at)
        if match is None:
            at += 1
            continue
        words.append((at, at + match[0], match[1]))
        at += match[0]
    groups: list[list[tuple[int, int, str]]] = []
    starts = {m.first for m in article.sentence_mentions(sentence)}
    for word in words:
        if (
            groups
            and not any(groups[-1][-1][1] <= i < word[0] for i in starts)
            and (word[0] - groups[-1][-1][1] <= 3)
        ):
            groups[-1].append(word)
        else:
            groups.append([word])
    segments = []
    verbs = [s.verb for s in speeches if s.sentence is sentence]
    for number, group in enumerate(groups):
        best = min(group, key=lambda w: article.lexicon.type_rank[w[2]])
        lead = groups[number - 1][-1][1] if number else sentence.first
        end = groups[number + 1][0][0] if number + 1 < len(groups) else sentence.last
        # a new speech verb or "that ..." opens another clause
        for at in range(group[-1][1], end):
            if at in verbs or article.lexicon.complementisers.longest(
                article.tokens, at, suffixes=False
            ):
                end = at
                break
        segments.append(Segment(sentence, group[0][0], group[-1][1], best[2], lead, end, group))
    return segments


def _reporters(article: Article, speeches: list[Speech], segment: Segment) -> set[str]:
    """Speakers whose reported content (after "أن" / "that" / a colon) holds the contact.

    "أكد سوليفان أنه يعمل مع ..." ("that he") keeps the speaker: he is the subject.
    """
    reporters = set()
    tokens = article.tokens
    for speech in speeches:
        if speech.sentence is not segment.sentence or speech.speaker is None:
            continue
        if speech.verb >= segment.word_first:
            continue
        opened = False
        for at in range(speech.verb_last, segment.word_first + 1):
            if article.lexicon.self_reference.longest(tokens, at, suffixes=False) and (
                _verb_follows(article, at + 1, segment)
            ):
                break
            if article.lexicon.complementisers.longest(tokens, at, suffixes=False) or (
                set(tokens[at].gap) & set(':"“«')
            ):
                opened = True
                break
        if opened or _own_subject(article, speech, segment):
            reporters.add(speech.speaker.actor)
    return reporters


def _own_subject(article: Article, speech: Speech, segment: Segment) -> bool:
    """ "أعلن كوساتشوف استعداد أعضاء المجلس للحوار": someone of the speaker's side named
    between the speaker and the contact word is the contact's subject; the speaker reports."""
    speaker = speech.speaker
    if speaker is None:
        return False
    country = article.index.country(speaker.actor)
    return any(
        speaker.last <= m.first < segment.word_first
        and m.actor != speaker.actor
        and not m.in_title
        and article.index.kind(m.actor) != "state"
        and article.index.country(m.actor) == country
        for m in article.sentence_mentions(segment.sentence)
    )


def _verb_follows(article: Article, at: int, segment: Segment) -> bool:
    """After "أنه" (that he), a verb makes the speaker its subject: "أنه يعمل مع", "أنه
    التقى"; a noun does not ("إنه أمر"). Imperfect verbs start with ي / ت / سي."""
    if at >= segment.end:
        return False
    token = article.tokens[at]
    if at == segment.word_first or article.lexicon.speech.has(token):
        return True
    return token.folded[:1] in ("ي", "ت") or token.folded.startswith("سي")


def _parties(article: Article, segment: Segment, reporters: set[str]) -> list[Mention]:
    """The actors a contact word governs; after "بين" / "between", only those."""
    tokens = article.tokens
    mentions = [m for m in article.sentence_mentions(segment.sentence) if not m.in_title]
    for at in range(segment.word_last, min(segment.end, segment.word_last + 4)):
        if article.lexicon.between.longest(tokens, at, suffixes=False):
            return [m for m in mentions if at < m.first < segment.end]
    first = segment.sentence.first if segment.lead == segment.sentence.first else segment.word_first
    return [m for m in mentions if first <= m.first < segment.end and m.actor not in reporters]


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
    if len(groups) == 1:
        # one country: its people and organisations talked to each other
        members = next(iter(groups.values()))
        actors = [a for a in members if article.index.kind(a) != "state"] or members
        return [[actor] for actor in actors]
    return sides


def _speaker_state(article: Article, speeches: list[Speech], segment: Segment) -> Mention | None:
    """With "we" ("نتلق", "لدينا") in the contact's words, the speaker's state, as a mention
    at the speaker's place."""
    tokens = article.tokens
    first = max(segment.sentence.first, segment.word_first - 8)
    if not any(
        article.lexicon.first_person.longest(tokens, at, suffixes=False)
        for at in range(first, min(segment.end, segment.word_last + 1))
    ):
        return None
    speakers = [s.speaker for s in speeches if s.speaker and s.verb < segment.word_first]
    if not speakers:
        return None
    speaker = speakers[-1]
    state = article.index.country(speaker.actor)
    if state not in article.index.actors:
        return None
    return Mention(speaker.first, speaker.last, state, "title")


def _hosts(article: Article, parties: list[Mention]) -> list[str]:
    """States named by an adjective right after a place ("في إسطنبول التركية"): the host."""
    hosts = []
    for mention in parties:
        if mention.how != "demonym":
            continue
        for length in (1, 2):
            at = mention.first - length
            place = at >= 0 and article.lexicon.places.longest(article.tokens, at, suffixes=False)
            if place and place[0] == length and mention.actor not in hosts:
                hosts.append(mention.actor)
    return hosts


def _stem(token: Token) -> str:
    """The word without prefixes or article: "والدفاع" -> "دفاع"."""
    return min(token.names, key=len)


def _titled_people(article: Article, segment: Segment) -> tuple[list[Mention], str]:
    """People a plural title names ("لوزراء الخارجية والدفاع": the foreign and defence
    ministers the article named before), and the words that matched."""
    tokens = article.tokens
    lexicon = article.lexicon
    for at in range(max(segment.lead, segment.word_first - 3), segment.end):
        head = lexicon.plural_titles.longest(tokens, at, suffixes=False)
        if head is None:
            continue
        last = at + head[0]
        while last < segment.end and last - at < 5 and not tokens[last].gap.strip():
            last += 1
        wanted = {_stem(t) for t in tokens[at + head[0] : last]}
        found: list[Mention] = []
        for title in article.titles:
            if title.holder is None or title.holder.how != "name":
                continue
            if tokens[title.first].sentence > segment.sentence.index:
                break
            words = {_stem(t) for t in tokens[title.head_last : title.last]}
            if words & wanted:
                found.extend([title.holder, *(person for person, _ in title.shared)])
        if found:
            return found, article.span(at, last).quote
    return [], ""


def _previous(
    article: Article, sentence: Sentence, kind: str, reporters: set[str]
) -> list[Mention]:
    """The last two people (or states) of different countries named in the sentences before."""
    chosen: list[Mention] = []
    for back in range(1, _LOOK_BACK + 1):
        if sentence.index - back < 0:
            break
        earlier = article.sentences[sentence.index - back]
        for mention in reversed(article.sentence_mentions(earlier)):
            if article.index.kind(mention.actor) != kind or mention.in_title:
                continue
            if mention.actor in reporters:
                continue  # "وذكر أوشاكوف أن الرئيسين ...": the reporter is not one of them
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
    """Contact drafts, one per contact word; the same parties and type merge.

    Each sentence sees only its own speech verbs, so the work grows with the article."""
    cameo = load_model().vocabularies["contact_types"]
    drafts: list[ContactDraft] = []
    by_sentence: dict[int, list[Speech]] = {}
    for speech in speeches:
        by_sentence.setdefault(speech.sentence.index, []).append(speech)
    for sentence in article.sentences:
        here = by_sentence.get(sentence.index, [])
        for segment in _segments(article, sentence, here):
            _draft(article, here, segment, drafts, cameo)
    return drafts


def _cue_region(article: Article, segment: Segment) -> Sentence:
    """Where a status cue may be: back to the last "that" (which opens other words) and
    on to the first comma after the contact word."""
    tokens = article.tokens
    first = segment.lead
    for at in range(segment.lead, segment.word_first):
        if article.lexicon.complementisers.longest(tokens, at, suffixes=False):
            first = at + 1
    last = segment.word_last
    while last < segment.end and not set(tokens[last].gap) & _CLAUSE:
        last += 1
    sentence = segment.sentence
    return Sentence(sentence.index, sentence.start, sentence.end, first, last)


def _negated(article: Article, segment: Segment) -> str | None:
    """ "لم نتلق", "did not meet": the words saying there was no contact, if any."""
    first = max(segment.sentence.first, segment.word_first - 2)
    for at in range(first, segment.word_first):
        found = article.lexicon.negation.longest(article.tokens, at, suffixes=False)
        if found:
            return article.span(at, segment.word_last).quote
    return None


@dataclass(slots=True)
class Parties:
    """Who a contact word governs, how sure we are, and what the curator should check."""

    mentions: list[Mention]
    sides: list[list[str]]
    subjects: list[str]
    hosts: list[str]
    confidence: float = 0.75
    comments: list[str] = field(default_factory=list)

    def extend(self, article: Article, more: list[Mention], confidence: float, note: str) -> None:
        self.mentions = more + self.mentions
        self.sides = _sides(article, self.mentions)
        self.confidence = confidence
        self.comments.append(note)


def _find_parties(article: Article, speeches: list[Speech], segment: Segment) -> Parties:
    """The parties in the clause, then, while there are fewer than two sides, the ones the
    clause points to: "we", "the foreign ministers", "the two presidents"."""
    sentence = segment.sentence
    reporters = _reporters(article, speeches, segment)
    mentions = _parties(article, segment, reporters)
    subjects: list[str] = []
    if segment.kind in article.lexicon.subject_types:
        people = [m for m in mentions if article.index.kind(m.actor) == "person"]
        subjects = list(dict.fromkeys(m.actor for m in people))
        mentions = [m for m in mentions if m not in people]
    hosts = _hosts(article, mentions)
    mentions = [m for m in mentions if m.actor not in hosts]
    found = Parties(mentions, _sides(article, mentions), subjects, hosts)
    we = _speaker_state(article, speeches, segment) if len(found.sides) < 2 else None
    if we is not None:
        found.extend(
            article, [we], 0.5, "a party is the speaker's state, from 'we' in the reported words"
        )
    if len(found.sides) < 2:
        titled, words = _titled_people(article, segment)
        if titled:
            found.extend(
                article, titled, 0.45, f'parties named earlier with the titles in "{words}"; check'
            )
    first = segment.lead if segment.lead == sentence.first else segment.word_first
    governed = Sentence(sentence.index, sentence.start, sentence.end, first, segment.end)
    for table, kind in (("anaphora", "person"), ("anaphora_states", "state")):
        anaphora = has_cue(article, governed, table)
        if len(found.sides) < 2 and anaphora:
            earlier = _previous(article, sentence, kind, reporters)
            found.extend(
                article,
                earlier,
                0.45,
                f'parties taken from the sentences before ("{anaphora}"); check',
            )
    if any(m.how == "guess" for m in found.mentions):
        found.confidence = min(found.confidence, 0.4)
        found.comments.append("a party is named only by a title; check who is meant")
    if reporters:
        names = ", ".join(article.name(a) for a in sorted(reporters))
        found.comments.append(f"not a party: {names} reports the contact")
    return found


def _status(article: Article, speeches: list[Speech], segment: Segment) -> tuple[str, str | None]:
    """The status and the words it comes from: a negation, a denial framing the contact
    ("نفى X أن تكون واشنطن قد تلقت رسالة"), else the cues of the clause."""
    negation = _negated(article, segment)
    if negation:
        return "denied", negation
    reporters = _reporters(article, speeches, segment)
    for speech in speeches:
        if speech.kind == "denied" and speech.speaker and speech.speaker.actor in reporters:
            return "denied", article.span(speech.verb, speech.verb_last).quote
    return find_status(article, _cue_region(article, segment))


def _draft(
    article: Article,
    speeches: list[Speech],
    segment: Segment,
    drafts: list[ContactDraft],
    cameo: dict,
) -> None:
    sentence = segment.sentence
    parties = _find_parties(article, speeches, segment)
    inside = [m for m in parties.mentions if m.first >= sentence.first]
    span_first = min([segment.word_first, *(m.first for m in inside)])
    span_last = max([segment.word_last, *(m.last for m in inside)])
    span = article.span(*_clause(article, sentence, span_first, span_last))
    word = segment.word_first
    pointed = word > sentence.first and article.lexicon.demonstratives.longest(
        article.tokens, word - 1, suffixes=False
    )
    if len(parties.sides) < 2 or (pointed and not article.tokens[word].text.isascii()):
        # "هذه المحادثات": the contact reported before, whoever else the sentence names
        earlier = _same_event(article, drafts, sentence, word, segment.kind)
        if earlier is not None and len(span.quote) >= 8:
            earlier.spans.append(span)
            earlier.comments.append(
                f"also quoted where the contact is referred to again ({span.quote[:40]}…)"
            )
            return
        if len(parties.sides) < 2:
            return
    status, cue = _status(article, speeches, segment)
    when = find_when(article, sentence)
    draft = ContactDraft(
        [span],
        parties.confidence,
        parties.comments,
        type=segment.kind,
        cameo=cameo.get(segment.kind, {}).get("cameo"),
        sides=parties.sides,
        subjects=parties.subjects,
        hosts=parties.hosts,
        status=status,
        secret=has_cue(article, sentence, "secret") is not None,
        place=find_place(article, sentence),
        date=when.date,
        date_note=when.note,
    )
    _describe(article, draft, sentence, segment.words, cue)
    _merge_or_add(drafts, draft)


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
        if draft.type == kind or (
            pointed and draft.type in ("talks", "phone_call", "video_call", "meeting")
        ):
            return draft
    return None


def _describe(
    article: Article,
    draft: ContactDraft,
    sentence: Sentence,
    words: list[tuple[int, int, str]],
    cue: str | None,
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
    if len(draft.participants) > 2:
        draft.comments.append(
            "check which side each actor is on; a mediator or host is not a party"
        )
    for known in article.facts.contacts.values():
        if set(known.participants) == set(draft.participants) and known.type == draft.type:
            draft.comments.append(
                f"the facts have contact '{known.id}' with these parties: the same?"
            )
            break
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
