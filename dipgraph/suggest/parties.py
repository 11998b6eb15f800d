"""Who took part in a contact: the actors its clause names, grouped into sides by country.

The parties are the actors the clause names, except the one who reports it ("قال
أوشاكوف إن ...": Ushakov speaks, he is not a party) and the organisations and states
inside someone's title. People speak for their country, so a side keeps its people and
drops its organisations and states when it has both. With fewer than two sides, what
the clause points to completes them: "we" (the speaker's state), "the foreign
ministers" (the people given those titles), "the two presidents" (the last two people
named before).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from dipgraph.suggest.article import Article
from dipgraph.suggest.gapped import subjectless
from dipgraph.suggest.mentions import Mention
from dipgraph.suggest.segments import Segment
from dipgraph.suggest.statements import Speech
from dipgraph.suggest.text import Sentence, Token
from dipgraph.suggest.when import find_cue, has_cue


def reporters_of(article: Article, speeches: list[Speech], segment: Segment) -> set[str]:
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
        opened = None
        for at in range(speech.verb_last, segment.word_first + 1):
            if article.lexicon.self_reference.longest(tokens, at, suffixes=False) and (
                _verb_follows(article, at + 1, segment)
            ):
                break
            if article.lexicon.complementisers.longest(tokens, at, suffixes=False) or (
                set(tokens[at].gap) & set(':"“«') and not _quoted_name(article, at, segment)
            ):
                opened = at
                break
        if opened is not None or _own_subject(article, speech, segment):
            reporters.add(speech.speaker.actor)
        if opened is not None:
            reporters.update(_told(article, speech, opened))
    for speech in speeches:  # "وقال مصدر في الخارجية لوكالة سبوتنيك إنه ...": no speaker
        if speech.sentence is segment.sentence and speech.speaker is None and speech.anonymous:
            for at in range(speech.verb_last, segment.word_first):
                if article.lexicon.complementisers.longest(tokens, at, suffixes=False):
                    reporters.update(
                        m.actor
                        for m in article.sentence_mentions(segment.sentence)
                        if speech.verb_last <= m.first < at
                        and article.index.kind(m.actor) != "person"
                    )
                    break
    source = _headline_source(article, segment)
    if source is not None:
        reporters.add(source)
    reporters.update(_dateline(article, segment))
    return reporters


_DATELINE_REACH = 3  # words of a dateline's place, then of its outlet


def _dateline(article: Article, segment: Segment) -> set[str]:
    """ "رام الله- معا - نفى ...", "القاهرة - وكالة X - أعلن": a place and an outlet between
    dashes open the sentence; they say where and through whom the news came, no party."""
    sentence = segment.sentence
    tokens = article.tokens
    dashes = [
        at
        for at in range(
            sentence.first + 1, min(sentence.last, sentence.first + 2 * _DATELINE_REACH + 1)
        )
        if "-" in tokens[at].gap
    ]
    if len(dashes) < 2 or dashes[0] - sentence.first > _DATELINE_REACH:
        return set()
    place, outlet = dashes[0], dashes[1]
    if outlet - place > _DATELINE_REACH or outlet > segment.word_first:
        return set()
    return {
        m.actor
        for m in article.sentence_mentions(sentence, implied=False)
        if m.first < outlet and article.index.kind(m.actor) != "person"
    }


def _headline_source(article: Article, segment: Segment) -> str | None:
    """ "البيت الأبيض: بايدن تحدث مع ...": an actor opening the sentence and closed by a
    colon is who reports what follows, not a party of it."""
    sentence = segment.sentence
    for mention in article.sentence_mentions(sentence, implied=False):
        if mention.first != sentence.first:
            continue
        if (
            mention.last < segment.word_first
            and mention.last < len(article.tokens)
            and ":" in article.tokens[mention.last].gap
        ):
            return mention.actor
    return None


def _quoted_name(article: Article, at: int, segment: Segment) -> bool:
    """A quotation mark that opens a name ("لوكالة "سبوتنيك""), not reported words."""
    gap = article.tokens[at].gap
    return ":" not in gap and any(
        m.first == at and article.index.kind(m.actor) == "organization"
        for m in article.sentence_mentions(segment.sentence)
    )


def _told(article: Article, speech: Speech, opened: int) -> set[str]:
    """Outlets and bodies named between the verb and "that" ("قال بيسكوف لوكالة سبوتنيك
    إن"): who the words were told to or through, not parties of a contact in them."""
    told = set()
    for mention in article.sentence_mentions(speech.sentence):
        if not speech.verb_last <= mention.first < opened or mention.in_title:
            continue
        if article.index.kind(mention.actor) == "organization":
            told.add(mention.actor)
    return told


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
    if at == segment.word_first or article.lexicon.speech.has(token, verb=True):
        return True
    if article.lexicon.self_predicates.longest(article.tokens, at, suffixes=False):
        return True  # "إنه مستعد للقاء": ready to meet, himself
    return token.folded[:1] in ("ي", "ت") or token.folded.startswith("سي")


def _reported_from(article: Article, speeches: list[Speech], segment: Segment) -> int | None:
    """Where the reported words holding the contact word open: the last bare "that" ("أن",
    "إن"; not "أنه", whose pronoun is the speaker) after a speech verb of the sentence and
    before the word. Whoever is named before it (the speaker, whom he praised or told) is
    outside the reported clause: "أشاد X بـY، وقال إن Z التقى W" is Z with W."""
    tokens = article.tokens
    lexicon = article.lexicon
    opened = None
    for speech in speeches:
        if speech.sentence is not segment.sentence or speech.verb >= segment.word_first:
            continue
        for at in range(speech.verb_last, segment.word_first):
            if lexicon.complementisers.longest(tokens, at, suffixes=False):
                if not lexicon.self_reference.longest(tokens, at, suffixes=False):
                    opened = at if opened is None else max(opened, at)
                break
    return opened


_RELATIVE_REACH = 2  # "الذي يزور", "الذي كان يزور": the relative word before the contact word


def _antecedent(article: Article, segment: Segment, mentions: list[Mention]) -> Mention | None:
    """The one a relative clause holding the contact word is about: "التقى X بـY، الذي يزور
    القاهرة حاليا" is also Y's visit to Cairo (cues.yaml: relatives); not the envoy who
    carries a message whose sender is named."""
    tokens = article.tokens
    for at in range(segment.word_first - 1, segment.word_first - 1 - _RELATIVE_REACH, -1):
        if at <= segment.sentence.first:
            return None
        if article.lexicon.relatives.has(tokens[at]):
            if _sender_named(article, segment, mentions):
                return None  # "X، الذي نقل رسالة من Y": X carries Y's message
            return next((m for m in mentions if m.last == at), None)
    return None


def _sender_named(article: Article, segment: Segment, mentions: list[Mention]) -> bool:
    """Whether a message's sender follows it ("رسالة من الرئيس X"; cues.yaml: sender)."""
    if segment.kind not in ("message", "letter"):
        return False
    starts = {m.first for m in mentions}
    tokens = article.tokens
    for at in range(segment.word_last, segment.end - 1):
        if not article.lexicon.sender.has(tokens[at]):
            continue
        after = at + 1  # past the sender's title ("من الرئيس الإيراني X")
        while after in article.title_tokens and after not in starts:
            after += 1
        if after in starts:
            return True
    return False


def _parties(
    article: Article, segment: Segment, reporters: set[str], reported: int | None = None
) -> list[Mention]:
    """The actors a contact word governs; after "بين" / "between", only those; in words
    reported after "that", only those named after it."""
    tokens = article.tokens
    mentions = [m for m in article.sentence_mentions(segment.sentence) if not m.in_title]
    for at in range(segment.word_last, min(segment.end, segment.word_last + 4)):
        if article.lexicon.between.longest(tokens, at, suffixes=False):
            return [m for m in mentions if at < m.first < segment.end]
    first = segment.sentence.first if segment.lead == segment.sentence.first else segment.word_first
    if first == segment.word_first:
        antecedent = _antecedent(article, segment, mentions)
        if antecedent is not None:
            first = antecedent.first
    if reported is not None and first < reported:
        inside = [
            m for m in mentions if reported < m.first < segment.end and m.actor not in reporters
        ]
        people = [m for m in inside if article.index.kind(m.actor) == "person"]
        if people and len({m.actor for m in inside}) >= 2:  # the reported clause names both
            first = reported
    return [m for m in mentions if first <= m.first < segment.end and m.actor not in reporters]


def _sides(article: Article, parties: list[Mention]) -> list[list[str]]:
    """Parties grouped by country; a side with people drops its organisations and states."""
    groups: dict[str, list[str]] = {}
    index = article.index
    stateless = [  # people of no known state ("يستعد لاستقبال X وY" after the Kremlin)
        m.actor
        for m in parties
        if index.kind(m.actor) == "person" and index.country(m.actor) == m.actor
    ]
    known = {index.country(m.actor) for m in parties if m.actor not in stateless}
    together = len(set(stateless)) > 1 and len(known) == 1
    joined = _joined(article, parties)
    keys: dict[str, str] = {}
    for mention in parties:
        country = index.country(mention.actor)
        if together and mention.actor in stateless:
            country = "?"  # the other side of the one state named: together
        before = joined.get(mention.actor)
        if before in keys and (mention.actor in stateless or before in stateless):
            country = keys[before]  # "التقى X مع Y وZ": Y and Z, one of no known state
        keys[mention.actor] = country
        group = groups.setdefault(country, [])
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


def _joined(article: Article, parties: list[Mention]) -> dict[str, str]:
    """Parties joined by "و" to the party before them, when another party comes first
    ("التقى X مع Y وZ", "استقبل X Y وZ": Y and Z met X together; "التقى X وY" is two sides):
    each later one -> the one it is joined to. Only a title may stand between them
    ("ويتكوف وصهر ترامب، جاريد كوشنر")."""
    ordered = sorted(parties, key=lambda m: m.first)
    tokens = article.tokens
    joined: dict[str, str] = {}
    for earlier, later in pairwise(ordered[1:]):  # (not the first party)
        if later.first < earlier.last or later.actor == earlier.actor:
            continue
        between = range(earlier.last, later.first)
        if any(at not in article.title_tokens for at in between):
            continue
        first = tokens[earlier.last] if between else tokens[later.first]
        if first.gap.strip() or not (first.folded[:1] == "و" and first.folded[1:] in first.names):
            continue
        joined[later.actor] = earlier.actor
    return joined


def _purpose_subject(article: Article, segment: Segment) -> Mention | None:
    """ "يزور X تركيا غدا لعقد قمة مع Y", "وصل X إلى أنقرة لإجراء محادثات مع Y": a
    contact word right after a word of purpose (cues.yaml status: purpose) is held by the
    subject of the clause it is the purpose of: the first person the sentence names."""
    tokens = article.tokens
    word = segment.word_first
    sentence = segment.sentence
    if word == sentence.first:
        return None
    cue = article.lexicon.status.longest(tokens, word - 1, suffixes=False)
    if cue is None or cue[0] != 1 or cue[1] != "purpose":
        return None
    for mention in article.sentence_mentions(sentence):
        if mention.first >= word:
            return None
        if not mention.in_title and article.index.kind(mention.actor) == "person":
            return mention
    return None


_HONORIFIC_REACH = 3  # words from "سموه" on to the contact word ("نقل سموه أطيب تحياته")


def _dropped_subject(
    article: Article, segment: Segment, found: list[Mention], reporters: set[str]
) -> Mention | None:
    """The one who meets when a contact verb leaves its subject unsaid ("ليس على جدول
    الرئيس X ...، وأنه التقى الوزير Y، وسيلتقي لاحقا Z"): the last person named before
    the first of the sentence's run of such verbs, outside a title, not a reporter, and
    not one of the parties already found. Only when everyone found follows the verb."""
    sentence = segment.sentence
    word = segment.word_first
    if not found or any(m.first < word for m in found):
        return None
    taken = {m.actor for m in found}
    for at in range(max(sentence.first, word - _HONORIFIC_REACH), word + 2):
        honoured = article.honorific_subject(at)  # "كما نقل سموه تحياته لـX"
        if honoured is not None and at < segment.end:
            return None if honoured.actor in taken or honoured.actor in reporters else honoured
    if not subjectless(article, word, sentence):
        return None
    mentions = [m for m in article.sentence_mentions(sentence) if m.first < word]
    first = word  # back over the run of subjectless verbs ("التقى Y، وسيلتقي Z")
    for at in range(word - 1, sentence.first - 1, -1):
        if subjectless(article, at, sentence):
            first = at
    for mention in reversed(mentions):
        if mention.first >= first or mention.in_title or mention.how in ("guess", "demonym"):
            continue
        if article.index.kind(mention.actor) != "person":
            continue
        if mention.actor in reporters or mention.actor in taken:
            return None
        return mention
    return None


def _welcome_list(
    article: Article, segment: Segment, mentions: list[Mention]
) -> tuple[list[Mention], list[Mention]]:
    """ "كان في استقبال X لدى وصوله، A، وB" (cues.yaml: welcome_lists): the guests, named
    before the first comma after the contact word, and the hosts, named after it (by
    name: a title there is the next name's); none unless both are named."""
    tokens = article.tokens
    word = segment.word_first
    opened = any(
        (cue := article.lexicon.welcome_lists.longest(tokens, at, suffixes=False)) is not None
        and at + cue[0] == segment.word_last
        for at in range(max(segment.sentence.first, word - 2), word)
    )
    if not opened:
        return [], []
    comma = next(
        (at for at in range(segment.word_last + 1, segment.end) if tokens[at].after_clause_break),
        None,
    )
    people = [m for m in mentions if article.index.kind(m.actor) == "person"]
    guests = [m for m in people if comma is None or m.first < comma]
    hosts = [m for m in people if comma is not None and m.first >= comma and m.how == "name"]
    return (guests, hosts) if guests and hosts else ([], [])


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


def _named_after(article: Article, segment: Segment, table: str) -> list[str]:
    """Actors named right after a host or mediator cue in the contact's sentence
    ("استضافت تركيا", "بوساطة عمانية"): they host or mediate, they are not parties."""
    tokens = article.tokens
    sentence = segment.sentence
    cues = getattr(article.lexicon, table)
    found: list[str] = []
    for at in range(sentence.first, sentence.last):
        cue = cues.longest(tokens, at, suffixes=False)
        if cue is None:
            continue
        after = at + cue[0]
        for mention in article.sentence_mentions(sentence):
            if after <= mention.first <= after + 1 and mention.actor not in found:
                found.append(mention.actor)
    return found


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


@dataclass(slots=True)
class Parties:
    """Who a contact word governs, how sure we are, and what the curator should check."""

    mentions: list[Mention]
    sides: list[list[str]]
    subjects: list[str]
    hosts: list[str]
    mediators: list[str] = field(default_factory=list)
    confidence: float = 0.75
    comments: list[str] = field(default_factory=list)
    both_sides: bool = False  # taken from "the two sides / countries" (anaphora_states)
    # parties named outside the contact's clause ("X ...، وأنه التقى Y": X): cited where
    # they are named, not quoted with the clause
    distant: list[Mention] = field(default_factory=list)

    def extend(self, article: Article, more: list[Mention], confidence: float, note: str) -> None:
        self.mentions = more + self.mentions
        self.sides = _sides(article, self.mentions)
        self.confidence = confidence
        self.comments.append(note)


def _without_topic_states(article: Article, mentions: list[Mention]) -> list[Mention]:
    """A state or organisation only the gazetteer knows (gazetteer.yaml; the facts lack
    it) is often what a contact is about ("بحث بوتين وبايدن الملف الإيراني", "بحثا هاتفيا
    الوضع في أوكرانيا") or where it was ("في الرياض"): a party only while the others make
    fewer than two sides ("المحادثات بين الولايات المتحدة وإيران")."""
    new = article.index.gazetteer
    tokens = article.tokens
    lexicon = article.lexicon
    mentions = [  # "في الرياض": where, not who
        m
        for m in mentions
        if m.actor not in new
        or m.first == 0
        or not lexicon.place_links.longest(tokens, m.first - 1, suffixes=False)
    ]
    rest = [m for m in mentions if m.actor not in new]
    if len(rest) == len(mentions) or len(_sides(article, rest)) < 2:
        return mentions
    return rest


def find_parties(article: Article, speeches: list[Speech], segment: Segment) -> Parties:
    """The parties in the clause, then, while there are fewer than two sides, the ones the
    clause points to: "we", "the foreign ministers", "the two presidents"."""
    sentence = segment.sentence
    reporters = reporters_of(article, speeches, segment)
    if segment.kind == "interview":
        reporters = set()  # "قال X لشبكة ... في مقابلة": who speaks is who was interviewed
    # "قال X لشبكة ... في مقابلة إن": who speaks is who was interviewed
    reported = None if segment.kind == "interview" else _reported_from(article, speeches, segment)
    mentions = _parties(article, segment, reporters, reported)
    subjects: list[str] = []
    if segment.kind in article.lexicon.subject_types:
        people = [m for m in mentions if article.index.kind(m.actor) == "person"]
        subjects = list(dict.fromkeys(m.actor for m in people))
        mentions = [m for m in mentions if m not in people]
    hosts = _hosts(article, mentions)
    hosts += [a for a in _named_after(article, segment, "host") if a not in hosts]
    mediators = _named_after(article, segment, "mediator")
    mentions = [m for m in mentions if m.actor not in hosts and m.actor not in mediators]
    mentions = _without_topic_states(article, mentions)
    found = Parties(mentions, _sides(article, mentions), subjects, hosts, mediators)
    guests, welcomers = _welcome_list(article, segment, mentions)
    if guests:  # "كان في استقبال X لدى وصوله، A، وB": A and B one side, X the other
        found.mentions = guests + welcomers
        found.sides = [
            list(dict.fromkeys(m.actor for m in welcomers)),
            list(dict.fromkeys(m.actor for m in guests)),
        ]
    if segment.kind == "interview" and len(found.sides) < 2:
        # "في مقابلة مع شبكة X، قال Y": the one who speaks in the sentence was interviewed
        speaker = next(
            (
                s.speaker
                for s in speeches
                if s.sentence is sentence
                and s.speaker is not None
                and all(s.speaker.actor not in side for side in found.sides)
            ),
            None,
        )
        if speaker is not None:
            found.extend(article, [speaker], 0.5, "a party is who speaks in the interview; check")
    subject = _purpose_subject(article, segment) if len(found.sides) < 2 else None
    if subject is not None and all(subject.actor not in side for side in found.sides):
        found.extend(
            article, [subject], 0.5, "a party is the subject of the clause the contact is for"
        )
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
    people_of_states = find_cue(article, governed, "anaphora")
    if (
        people_of_states
        and found.mentions
        and all(m.how == "demonym" for m in found.mentions)
        and min(m.first for m in found.mentions) == people_of_states[1]
    ):
        # "الرئيسان الروسي والتركي": the two presidents of those states, named before
        states = {m.actor for m in found.mentions}
        earlier = article.previous_pair(sentence, "person", reporters)
        if len(earlier) == 2 and {article.index.country(m.actor) for m in earlier} == states:
            found.mentions = []
            found.extend(
                article,
                earlier,
                0.45,
                f'parties taken from the sentences before ("{people_of_states[0]}"); check',
            )
    for table, kind in (("anaphora", "person"), ("anaphora_states", "state")):
        anaphora = has_cue(article, governed, table)
        if len(found.sides) < 2 and anaphora:
            earlier = article.previous_pair(sentence, kind, reporters)
            found.extend(
                article,
                earlier,
                0.45,
                f'parties taken from the sentences before ("{anaphora}"); check',
            )
            found.both_sides = table == "anaphora_states"
    unsaid = _dropped_subject(article, segment, found.mentions, reporters)
    if len(found.sides) < 2 and unsaid is not None:
        found.distant.append(unsaid)
        found.extend(
            article,
            [unsaid],
            0.45,
            f"a party is the subject the verb leaves unsaid: {article.name(unsaid.actor)}, "
            "named before; check",
        )
    kept = _without_topic_states(article, found.mentions)
    if len(kept) < len(found.mentions):  # (a state the anaphora's clause is about)
        found.mentions, found.sides = kept, _sides(article, kept)
    if any(m.how == "guess" for m in found.mentions):
        found.confidence = min(found.confidence, 0.4)
        found.comments.append("a party is named only by a title; check who is meant")
    if reporters:
        names = ", ".join(article.name(a) for a in sorted(reporters))
        found.comments.append(f"not a party: {names} reports the contact")
    return found
