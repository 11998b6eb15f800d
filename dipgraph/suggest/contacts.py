"""Contacts: a contact word (اتصال هاتفي، لقاء، محادثات; met, call, talks...), its
parties (:mod:`dipgraph.suggest.parties`), status, place and date, as drafts.

A contact reported again with the same parties and type adds its quote to the first
draft, and "these talks" adds its quote to the contact reported before.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from dipgraph.schema.model import load_model
from dipgraph.suggest.article import Article
from dipgraph.suggest.attendance import seat_attendees
from dipgraph.suggest.delegations import fold_states_into_people, staff_delegations
from dipgraph.suggest.drafts import ContactDraft
from dipgraph.suggest.naming import cite_names
from dipgraph.suggest.parties import Parties, find_parties, reporters_of
from dipgraph.suggest.segments import Segment, contact_segments
from dipgraph.suggest.statements import Speech
from dipgraph.suggest.text import Sentence
from dipgraph.suggest.when import When, find_cue, find_place, find_status, find_when, has_cue

_COUNTERPART_REACH = 4  # words from a means of contact to its "مع" / "with"
_DENIAL_REACH = 3  # words, names aside, between a denial and the contact it denies
_RECALL_REACH = 6  # words from a summons to "للتشاور" (the envoy's name between)
NO_CUE = "status 'happened': the quoted words have no cue of another status (cues.yaml)"


def draft_contacts(article: Article, speeches: list[Speech]) -> list[ContactDraft]:
    """Contact drafts, one per contact word; the same parties and type merge.

    Each sentence sees only its own speech verbs, so the work grows with the article."""
    cameo = load_model().vocabularies["contact_types"]
    drafts: list[ContactDraft] = []
    by_sentence: dict[int, list[Speech]] = {}
    looked: dict[tuple[int, int], _Looked] = {}
    for speech in speeches:
        by_sentence.setdefault(speech.sentence.index, []).append(speech)
    for sentence in article.sentences:
        here = by_sentence.get(sentence.index, [])
        for segment in contact_segments(article, sentence, here):
            _draft(article, here, segment, drafts, cameo, looked)
    drafts = fold_states_into_people(article, staff_delegations(article, drafts))
    return _one_visit_per_state(article, seat_attendees(article, drafts))


def _one_visit_per_state(article: Article, drafts: list[ContactDraft]) -> list[ContactDraft]:
    """A visit to several states ("زيارة X للهند وباكستان") is a visit to each: one draft
    per state visited, each with the one visitor's side."""
    kept: list[ContactDraft] = []
    for draft in drafts:
        states = [
            side
            for side in draft.sides
            if len(side) == 1 and article.index.kind(side[0]) == "state"
        ]
        visitors = [side for side in draft.sides if side not in states]
        if draft.type != "visit" or len(states) < 2 or len(visitors) != 1:
            kept.append(draft)
            continue
        for state in states:
            one = copy.deepcopy(draft)
            one.sides = [list(visitors[0]), list(state)]
            one.comments.append("one visit per state visited: the quote names several; check")
            kept.append(one)
    return kept


@dataclass(frozen=True, slots=True)
class _Looked:
    """What a draft takes from the words it quotes (date, place, secrecy): the same for
    every contact word quoting the same clause, so looked for once a clause (a run-on
    article, one clause of hundreds of contact words, made it quadratic)."""

    when: When
    place: dict[str, str] | None
    secret: bool

    @classmethod
    def of(cls, article: Article, quoted: Sentence, memo: dict) -> _Looked:
        key = (quoted.first, quoted.last)
        found = memo.get(key)
        if found is None:
            found = memo[key] = cls(
                find_when(article, quoted),
                find_place(article, quoted),
                has_cue(article, quoted, "secret") is not None,
            )
        return found


def _cue_region(article: Article, segment: Segment) -> Sentence:
    """Where a status cue may be: back to the last "that" (which opens other words) or
    relative word, and on to the first comma after the contact word that does not only
    close a name or title."""
    tokens = article.tokens
    first = segment.lead
    for at in range(segment.lead, segment.word_first):
        if article.lexicon.complementisers.longest(tokens, at, suffixes=False):
            cue = _cue_before(article, at, first)  # may start at token 0
            first = at + 1 if cue is None else cue
        elif at > segment.lead and article.lexicon.relatives.has(tokens[at]):
            first = at + 1  # "X، الذي يزور القاهرة حاليا": a relative clause has its own time
    last = segment.word_last
    while last < segment.end and (
        not tokens[last].after_clause_break or _sets_off_a_name(article, last)
    ):
        last += 1
    sentence = segment.sentence
    return Sentence(sentence.index, sentence.start, sentence.end, first, last)


def _sets_off_a_name(article: Article, at: int) -> bool:
    """Whether the comma before token ``at`` only closes a name or title ("يلتقي الوزير
    X، غدا الثلاثاء Y"), so the clause goes on: a comma, the word before it in a name or
    title, and no conjunction, speech verb or semicolon after it."""
    tokens = article.tokens
    token = tokens[at]
    if set(token.gap) & set(";؛") or at == 0:
        return False
    if at - 1 not in article.named and at - 1 not in article.title_tokens:
        return False
    if token.folded[:1] in ("و", "ف") and token.folded[1:] in token.names:
        return False  # "، وسيلتقي": another clause
    return not article.lexicon.speech.has(token, verb=True)


def _cue_before(article: Article, that: int, floor: int) -> int | None:
    """The first token of a status cue ending right before "that" ("من المقرر أن
    يستقبل", "it is planned that ..."): the cue governs the clause "that" opens."""
    ends = [that]
    word = article.tokens[that - 1].folded if that > floor else ""
    if word.startswith("ل") and len(word) > 3:
        ends.append(that - 1)  # "لم يسبق للزعيمين أن التقيا": the one it befell between
    for end in ends:
        for length in (1, 2, 3):
            at = end - length
            if at < floor:
                break
            cue = article.lexicon.status.longest(article.tokens, at, suffixes=False)
            if cue is not None and at + cue[0] == end:
                return at
    return None


def _negated(article: Article, segment: Segment) -> tuple[str, int] | None:
    """ "لم نتلق", "did not meet": the words saying there was no contact, if any, and
    where they start."""
    first = max(segment.sentence.first, segment.word_first - 2)
    for at in range(first, segment.word_first):
        found = article.lexicon.negation.longest(article.tokens, at, suffixes=False)
        if found:
            return article.span(at, segment.word_last).quote, at
    return None


def _denies(article: Article, speeches: list[Speech], segment: Segment, after: int) -> bool:
    """Whether a denial ending before token ``after`` denies the contact itself: the
    contact word is in the clause it governs ("نفى X أن تكون واشنطن قد تلقت رسالة",
    "نفى الكرملين، في بيان، أن ..."), not in a later one ("نفى X ما تناقلته وسائل
    إعلام حول خطة، مذكرا بأن ... لقاء": a plan is denied, not the meeting)."""
    tokens = article.tokens
    if _denied_report(article, segment, after):
        return True
    if any(after <= s.verb < segment.word_first for s in speeches):
        return False  # another speech verb governs the contact
    opener = next(
        (
            at
            for at in range(after, segment.word_first)
            if article.lexicon.complementisers.longest(tokens, at, suffixes=False)
        ),
        None,
    )
    if any(
        tokens[at].after_clause_break and at != opener
        for at in range(after + 1, segment.word_first + 1)
    ):
        return False
    # the contact is what is denied, not a word deep inside it ("نفى وجود خطة لتطبيع
    # العلاقات قبل لقاء ..."): few words besides names stand between them
    names = article.named | article.title_tokens
    start = after if opener is None else opener + 1
    between = [at for at in range(start, segment.word_first) if at not in names]
    return len(between) <= _DENIAL_REACH


_REPORT_REACH = 4  # words from a denial to "ما جاء في" (a date between)


def _denied_report(article: Article, segment: Segment, after: int) -> bool:
    """ "نفى X ما جاء في تقارير ... أن Y تحدث مع Z": what a report says is denied, the
    contact with it, when the contact is in the first clause a "that" opens after the
    report, or the report is about it ("الأنباء ... عن لقاء"; cues.yaml: report_about),
    with no clause break from the denial on (cues.yaml: denied_reports)."""
    lexicon = article.lexicon
    tokens = article.tokens
    reach = min(after + _REPORT_REACH, segment.word_first)
    if not any(lexicon.denied_reports.longest(tokens, at) for at in range(after, reach)):
        return False
    openers = [
        at
        for at in range(after, segment.word_first)
        if lexicon.complementisers.longest(tokens, at, suffixes=False)
    ]
    about = segment.word_first > after and lexicon.report_about.has(tokens[segment.word_first - 1])
    if len(openers) != 1 and not (about and not openers):
        return False  # "نفى X الأنباء التي نشرتها المواقع عن لقاء": the report is about it
    return not any(tokens[at].after_clause_break for at in range(after + 1, segment.word_first + 1))


def _status(article: Article, speeches: list[Speech], segment: Segment) -> tuple[str, str, int]:
    """The status, the comment saying which words decided it, and the first token of
    those words (the quote must reach it): a negation, a denial of the contact itself
    ("نفى X أن تكون واشنطن قد تلقت رسالة"), else the cues of the clause (cues.yaml:
    future, possible, cancelled, frozen...); with none, happened."""
    negation = _negated(article, segment)
    if negation:
        words, first = negation
        return "denied", f"status 'denied' from the negation '{words}'", first
    reporters = reporters_of(article, speeches, segment)
    for speech in speeches:
        if speech.kind != "denied" or speech.verb >= segment.word_first:
            continue
        after = speech.verb_last
        if not speech.before and speech.speaker is not None:
            after = max(after, speech.speaker.last)
        # (a denier the facts do not know still denies what follows); one who is no
        # reporter denies a report about the contact ("نفى X الأنباء عن لقاء")
        outside = speech.speaker is not None and speech.speaker.actor not in reporters
        if outside and not _denied_report(article, segment, after):
            continue
        if _denies(article, speeches, segment, after):
            words = article.span(speech.verb, speech.verb_last).quote
            return "denied", f"status 'denied' from '{words}'", speech.verb

    def keep(status: str, first: int, last: int, group: str) -> bool:
        if group == "purpose":  # "لإجراء محادثات": only right before the contact word
            return last == segment.word_first
        if group == "proposed" and first > segment.word_last + 1:
            # "مقابلة ... عرضت مقاطع منها" (broadcast): an offer or call precedes what it
            # offers; after the word only right after it ("لقاء مقترح")
            return False
        if status == "cancelled" and first > segment.word_last + 1:
            # "ألغى اللقاء", "اللقاء أُلغي"; not a word further on ("سيلتقي X سعيا إلى
            # اتفاق لوقف إطلاق النار": a ceasefire, not a frozen contact)
            return False
        if status == "happened":  # a past verb, not "لعقد اجتماع" (in order to hold)
            word = article.tokens[first]
            bare = word.folded[1:] if word.folded[:1] in ("و", "ف") else word.folded
            return not (bare.startswith("ل") and bare[1:] in word.names)
        return (
            status != "denied"
            or first > segment.word_first
            or (_denies(article, speeches, segment, last))
        )

    status, cue, group, at = find_status(article, _cue_region(article, segment), keep)
    if cue is None or group is None or at is None:
        return "happened", NO_CUE, segment.word_first
    kind = "" if group == status else f" (a {group} cue)"
    return status, f"status '{status}' from '{cue}'{kind}", at


def _occasion(article: Article, segment: Segment) -> bool:
    """ "خلال اللقاء", "بعد الاجتماع": a definite contact word after a preposition of time
    or setting (cues.yaml: occasion) refers to the contact already reported, whoever else
    its clause names; not one a relative, "بين" or "مع" goes on to describe."""
    tokens = article.tokens
    lexicon = article.lexicon
    word = segment.word_first
    sentence = segment.sentence
    if word == sentence.first or not tokens[word].definite:
        return False
    if not lexicon.occasion.longest(tokens, word - 1, suffixes=False):
        return False
    after = segment.word_last
    return not (
        after < sentence.last
        and (
            lexicon.relatives.longest(tokens, after, suffixes=False)
            or lexicon.counterpart.longest(tokens, after, suffixes=False)
        )
    )


def _own_envoy(article: Article, segment: Segment) -> bool:
    """ "استدعت موسكو سفيرها": a state recalling its own envoy (cues.yaml: own_envoy)
    meets no one; what follows the word is the summoned one's own side."""
    tokens = article.tokens
    reach = min(segment.end, segment.word_last + 2)
    if any(
        article.lexicon.own_envoy.longest(tokens, at, suffixes=False)
        for at in range(segment.word_last, reach)
    ):
        return True
    # "استدعت السفير X للتشاور": called home for consultations (cues.yaml: recall)
    reach = min(segment.sentence.last, segment.word_last + _RECALL_REACH)
    return any(
        article.lexicon.recall.longest(tokens, at, suffixes=False)
        for at in range(segment.word_last, reach)
    )


def _no_counterpart(article: Article, segment: Segment) -> bool:
    """A means of contact ("تستخدم القنوات الدبلوماسية", "channels") with no counterpart
    word ("مع", "بين") after it: the sentence names no one it was used with, so whoever
    else it names ("لعقد فعالية تجمع الرئيسين") are not its parties."""
    tokens = article.tokens
    means = article.lexicon.means
    if not all(means.longest(tokens, first, suffixes=False) for first, _, _ in segment.words):
        return False
    reach = min(segment.end, segment.word_last + _COUNTERPART_REACH)
    return not any(
        article.lexicon.counterpart.longest(tokens, at, suffixes=False)
        for at in range(segment.word_last, reach)
    )


def _draft(
    article: Article,
    speeches: list[Speech],
    segment: Segment,
    drafts: list[ContactDraft],
    cameo: dict,
    looked: dict[tuple[int, int], _Looked],
) -> None:
    sentence = segment.sentence
    word = segment.word_first
    pointed = word > sentence.first and article.lexicon.demonstratives.longest(
        article.tokens, word - 1, suffixes=False
    )
    if not pointed and _no_counterpart(article, segment):
        return
    if _own_envoy(article, segment):
        return
    if word > sentence.first and article.lexicon.obstruction.longest(
        article.tokens, word - 1, suffixes=False
    ):
        return  # "اتهم X واشنطن بعرقلة الحوار": an accusation, not a contact
    parties = find_parties(article, speeches, segment)
    inside = [m for m in parties.mentions if m.first >= sentence.first and m not in parties.distant]
    inside += [  # "في إسطنبول التركية", "بواسطة X": hosts and mediators belong in the quote
        m
        for m in article.sentence_mentions(sentence)
        if (m.actor in parties.hosts and segment.word_first <= m.first < segment.end)
        or m.actor in parties.mediators
        or (m.actor in parties.hosts and m.first < segment.word_first)
    ]
    status, why, cue_first = _status(article, speeches, segment)
    # the quote reaches the words that decided the status ("نفى ... أن يكون قد التقى")
    span_first = min([segment.word_first, cue_first, *(m.first for m in inside)])
    span_last = max([segment.word_last, *(m.last for m in inside)])
    clause_first, clause_last = article.clause(sentence, span_first, span_last)
    span = article.span(clause_first, clause_last)
    # what the draft claims (date, place, secrecy) comes from the words it quotes, not the
    # rest of the sentence ("نشر أمس الأربعاء" dates the interview, not the meetings in it)
    quoted = Sentence(sentence.index, sentence.start, sentence.end, clause_first, clause_last)
    earlier = _between_both(article, drafts, parties, status)
    if earlier is not None:
        if len(span.quote) >= 8 and earlier.cite(span):
            earlier.comments.append(
                f"also quoted where the two sides are referred to again ({span.quote[:40]}…)"
            )
        return
    if (
        len(parties.sides) < 2
        or (pointed and not article.tokens[word].text.isascii())
        or _occasion(article, segment)
    ):
        # "هذه المحادثات": the contact reported before, whoever else the sentence names
        earlier = _same_event(article, drafts, sentence, word, segment.kind)
        if earlier is not None and len(span.quote) >= 8 and _agree_on_status(earlier, status, why):
            if earlier.cite(span):
                earlier.comments.append(
                    f"also quoted where the contact is referred to again ({span.quote[:40]}…)"
                )
            return
        # words of another status that name no two sides are no contact of their own
        if len(parties.sides) < 2:
            return
    found = _Looked.of(article, quoted, looked)
    when = found.when
    draft = ContactDraft(
        [span],
        parties.confidence,
        parties.comments,
        type=segment.kind,
        cameo=cameo.get(segment.kind, {}).get("cameo"),
        sides=parties.sides,
        subjects=parties.subjects,
        hosts=parties.hosts,
        mediators=parties.mediators,
        status=status,
        status_cue=why != NO_CUE,
        secret=found.secret,
        place=found.place,
        date=when.date,
        date_note=when.note,
    )
    for mention in parties.distant:  # "الرئيس X ...، وأنه التقى Y": X's name, not the clause
        named = article.span(mention.first, mention.last)
        named.naming = True
        if draft.cite(named):
            draft.comments.append(f"{article.name(mention.actor)} is quoted where named before")
    _cite_earlier_parties(
        article, draft, [m for m in parties.mentions if m not in parties.distant], sentence
    )
    cite_names(article, draft, [*draft.participants, *draft.hosts, *draft.mediators])
    _describe(article, draft, quoted, segment.words, why)
    _merge_or_add(drafts, draft)


def _between_both(
    article: Article, drafts: list[ContactDraft], parties: Parties, status: str
) -> ContactDraft | None:
    """The contact "the two sides / countries" refers to ("الطرفان بحثا أيضا", "وزيرا
    خارجية البلدين ناقشا"): the latest one drafted between those two states' people, of
    the same status; a visit is to a state, not between two sides. None if none."""
    if not parties.both_sides:
        return None
    states = {article.index.country(a) for side in parties.sides for a in side}
    for draft in reversed(drafts):
        countries = {article.index.country(a) for a in draft.participants}
        if draft.type != "visit" and draft.status == status and countries == states:
            return draft
    return None


def _cite_earlier_parties(
    article: Article, draft: ContactDraft, mentions: list, sentence: Sentence
) -> None:
    """Parties named in an earlier sentence ("the two presidents" points back to them) are
    quoted where they are named, so that every party is in the draft's own quotes."""
    for mention in mentions:
        if mention.first >= sentence.first:
            continue
        earlier = article.sentences[article.tokens[mention.first].sentence]
        first, last = article.clause(earlier, mention.first, mention.last)
        span = article.span(first, last)
        span.naming = True
        if draft.cite(span):
            draft.comments.append(
                f"{article.name(mention.actor)} is quoted where an earlier sentence names them"
            )


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
    after = word + 1
    if after < sentence.last and article.lexicon.other_occasion.longest(
        article.tokens, after, suffixes=False
    ):
        return None  # "الاجتماع الأخير": an earlier occasion, not the contact just reported
    for draft in reversed(drafts):
        if draft.type == kind or (
            # "هذه الزيارة": a visit refers back only to a visit (the meeting was in it)
            pointed
            and kind != "visit"
            and draft.type in ("talks", "phone_call", "video_call", "meeting")
        ):
            return draft
    return None


def _describe(
    article: Article,
    draft: ContactDraft,
    sentence: Sentence,
    words: list[tuple[int, int, str]],
    why: str,
) -> None:
    typed = next((w for w in words if w[2] == draft.type), words[0])  # "تلقى ... اتصالا"
    word = article.span(typed[0], typed[1]).quote
    draft.comments.append(f"type '{draft.type}' from '{word}'")
    draft.comments.append(why)
    request = find_cue(article, sentence, "request")  # ``sentence``: the quoted words
    if request:
        after = [
            m for m in article.sentence_mentions(sentence) if request[1] <= m.first < sentence.last
        ]
        if after:
            draft.initiated_by = after[0].actor
            draft.comments.append(f"initiated_by from '{request[0]}'")
    if len(draft.participants) > 2:
        draft.comments.append(
            "check which side each actor is on; a mediator or host is not a party"
        )
    draft.comments.append("decide topics; write the summary")


def _merge_or_add(drafts: list[ContactDraft], draft: ContactDraft) -> None:
    """A contact reported again with the same parties, type and status gains a quote, not
    a twin; one with another status ("they met" and "they agreed to meet again") is another
    draft, so that each status is the one its own quotes give."""
    why = next((c for c in draft.comments if c.startswith("status '")), NO_CUE)
    for earlier in drafts:
        if (
            earlier.type == draft.type
            and set(earlier.participants) == set(draft.participants)
            and _agree_on_status(earlier, draft.status, why, draft.status_cue)
        ):
            added = [span for span in draft.spans if earlier.cite(span)]
            if added:  # the same words printed again are no second report
                earlier.confidence = min(0.95, earlier.confidence + 0.05)
            earlier.secret = earlier.secret or draft.secret
            if added:  # its date and place are in words the draft now quotes
                _take_when_and_where(earlier, draft)
            return
    drafts.append(draft)


def _agree_on_status(
    earlier: ContactDraft, status: str, why: str, decided: bool | None = None
) -> bool:
    """Whether a mention of ``status`` may join ``earlier``: the same status, or one of
    the two has no cue. An earlier draft happened only for want of a cue takes the status
    the new mention's words give ("لقاء بوتين وبايدن" then "سيلتقي بوتين بايدن غدا": one
    contact, planned), so that the status follows a cue in the draft's quotes."""
    decided = why != NO_CUE if decided is None else decided
    if status == earlier.status or not decided:
        return True
    if earlier.status_cue:
        return False  # two statuses, each from its own words: two contacts
    earlier.status, earlier.status_cue = status, True
    earlier.comments = [
        f"{why}, in another mention of the contact" if c == NO_CUE else c for c in earlier.comments
    ]
    return True


def _take_when_and_where(earlier: ContactDraft, later: ContactDraft) -> None:
    """A date or place only the later mention gives (the headline has none, the body
    does) goes to the merged draft; one that disagrees is pointed out, not chosen."""
    if later.date is not None:
        if earlier.date is None:
            earlier.date, earlier.date_note = later.date, later.date_note
        elif earlier.date != later.date:
            earlier.comments.append(
                f"another mention dates it {later.date}, not {earlier.date}: check the date"
            )
    if later.place is not None:
        if earlier.place is None:
            earlier.place = later.place
        elif earlier.place != later.place:
            earlier.comments.append("another mention names another place: check the place")
