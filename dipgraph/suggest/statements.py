"""Statements: a speech verb (قال، أكد، حذر، دعا، نفى; said, warned...) and its speaker.

The speaker is the actor named right after the verb (Arabic's usual order, "قال
الكرملين إن"), allowing a title between them, or right before it ("بايدن أكد", "Biden
said"). A verb opening a sentence with no name ("وأضاف أن") continues the previous
speaker, with a lower confidence. A verb inside what another speaker says gives a
second draft: the curator decides whose statement it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from dipgraph.suggest.article import Article
from dipgraph.suggest.drafts import StatementDraft
from dipgraph.suggest.gapped import WITH, gapped
from dipgraph.suggest.mentions import Mention
from dipgraph.suggest.naming import cite_names
from dipgraph.suggest.text import Sentence

_WINDOW = 8  # tokens between a verb and a speaker named after it
_OPENERS = set(':"“«')


@dataclass(slots=True)
class Speech:
    """One speech verb and whom it was attributed to."""

    verb: int
    verb_last: int
    kind: str
    speaker: Mention | None
    before: bool  # the speaker is named before the verb
    sentence: Sentence
    anonymous: bool = False  # "قال مصدر في الوزارة": a source, no speaker to draft


def _gapped(article: Article, at: int, sentence: Sentence) -> tuple[int, str] | None:
    """A speech verb whose particle comes after the subject ("وعبر الرئيس X خلال اللقاء
    عن أمله", "حيث وجه بوتين الشكر"; cues.yaml: gapped_speech): (1, "said")."""
    found = gapped(article, article.lexicon.gapped_speech, at, sentence, None)
    return (1, "said") if found is not None else None


def _contact_verb(article: Article, at: int, length: int, sentence: Sentence) -> bool:
    """A speech verb opening a longer contact phrase ("تحدث مع نظيره", "تحدث بوتين مع
    بايدن": spoke with) reports a contact, not words."""
    contact = article.lexicon.contact_types.longest(article.tokens, at)
    if contact is not None and contact[0] > length:
        return True
    return gapped(article, article.lexicon.contact_types, at, sentence, WITH) is not None


def _anonymous(article: Article, verb: int, last: int, sentence: Sentence) -> bool:
    """An anonymous source right after the verb or right before it ("وقال مصدر في
    الخارجية", "المصادر أشارت"): whoever it belongs to is not the speaker (cues.yaml)."""
    table = article.lexicon.anonymous
    tokens = article.tokens
    if last < sentence.last and table.longest(tokens, last, suffixes=False):
        return True
    if last < sentence.last and _unnamed_official(article, last, sentence):
        return True
    return verb > sentence.first and any(
        table.longest(tokens, at, suffixes=False) == (verb - at, True)
        for at in range(max(sentence.first, verb - 2), verb)
    )


_NAMED_REACH = 4  # words from an official's title to the name that would identify him


def _unnamed_official(article: Article, at: int, sentence: Sentence) -> bool:
    """ "وقال مسؤولون كبار يرافقون كيري", "قال مسؤول أمريكي إن" (cues.yaml:
    anonymous_officials): an indefinite official no name follows is a source, whoever
    else the clause names."""
    tokens = article.tokens
    if tokens[at].definite or not article.lexicon.anonymous_officials.longest(
        tokens, at, suffixes=False
    ):
        return False
    people = {
        m.first
        for m in article.sentence_mentions(sentence)
        if article.index.kind(m.actor) == "person" and not m.in_title
    }
    for after in range(at + 1, min(sentence.last, at + 1 + _NAMED_REACH)):
        if tokens[after].gap.strip() or _complementiser(article, after):
            return True
        if after in people:
            return tokens[after - 1].folded in ("يرافقون", "يرافق", "يرافقه", "مع")
    return True


def speech_verbs(article: Article) -> list[Speech]:
    """Every speech verb with its speaker, where one is named."""
    covered = article.covered()
    found: list[Speech] = []
    for sentence in article.sentences:
        mentions = [m for m in article.sentence_mentions(sentence) if not m.in_title]
        at = sentence.first
        while at < sentence.last:
            verb = (
                None
                if at in covered
                else article.lexicon.speech.longest(article.tokens, at, verb=True)
                or _gapped(article, at, sentence)
            )
            if verb is None and at not in covered:
                noun = _speech_noun(article, mentions, at, sentence)
                if noun is not None:
                    found.append(noun)
                    at = noun.verb_last
                    continue
            if verb is None or _contact_verb(article, at, verb[0], sentence):
                at += 1
                continue
            last = at + verb[0]
            speaker, before = _speaker(article, mentions, at, last, sentence)
            voice = _voice(article, mentions, speaker, last, sentence)
            if voice is not None:
                speaker, before = voice, False
            speaker, before = _new_state_speaks(article, mentions, speaker, before, last, sentence)
            if speaker is None:  # "وأشار معاليه إلى": the one the article is about
                honoured = article.honorific_subject(last)
                if honoured is not None:
                    speaker, before = honoured, False
            relayed = _relayed(article, mentions, at, speaker)
            if relayed is not None:
                speaker, before = relayed, False
            anonymous = _anonymous(article, at, last, sentence) or bool(
                speaker is None
                and article.lexicon.impersonal_speech.longest(article.tokens, at, suffixes=False)
            )  # "يذكر أن": the article's own background
            pair = [] if speaker is not None or anonymous else _pair(article, at, last, sentence)
            for one in pair:  # "أكد الجانبان", "إن الزعيمين أكدا": each of the two speaks
                found.append(Speech(at, last, verb[1], one, False, sentence))
            if not pair:
                found.append(Speech(at, last, verb[1], speaker, before, sentence, anonymous))
            at = last
    return [s for s in found if not _channel(article, s, found)]


def _speech_noun(
    article: Article, mentions: list[Mention], at: int, sentence: Sentence
) -> Speech | None:
    """ "إعلان موسكو طرد ..."، "تأكيد X أن"، "منشور لـX" (cues.yaml: speech_nouns): a noun of
    speech, written without a pronoun, whose speaker is the actor named right after it (or
    the holder of the title right after it); a state's adjective is none, and so is a
    noun right after "that", what someone else's words are about."""
    noun = article.lexicon.speech_nouns.longest(article.tokens, at, suffixes=False)
    if noun is None:
        return None
    if at > sentence.first and _complementiser(article, at - 1):
        return None  # "أكد X أن تصريحات Y مرفوضة": Y's words are what X speaks of
    last = at + noun[0]
    if last >= sentence.last or set(article.tokens[last].gap) - set(" "):
        return None  # "تصريحات، ..." or the sentence's end: no genitive
    speaker = next((m for m in mentions if m.first == last), None)
    title = next((t for t in article.titles if t.first == last), None)
    holder = title.holder if title is not None else None
    if speaker is None and title is not None and holder is not None and holder.first == title.last:
        speaker = holder  # "تصريحات رئيس الوزراء التركي X"
    if speaker is None or speaker.how == "demonym":
        return None
    return Speech(at, last, noun[1], speaker, False, sentence)


_RELAY_REACH = 6  # words from "نقلت" to the "عن" before the one whose words they are


def _relayed(
    article: Article, mentions: list[Mention], verb: int, speaker: Mention | None
) -> Mention | None:
    """ "نقلت وكالة تاس عن لافروف أن ...": the outlet relays, the person after "عن" speaks
    (cues.yaml: relay); a title may stand between "عن" and the name."""
    tokens = article.tokens
    lexicon = article.lexicon
    if not lexicon.relay.has(tokens[verb], verb=True):
        return None
    start = verb + 1 if speaker is None else max(verb + 1, speaker.last)
    sentence_last = article.sentences[tokens[verb].sentence].last
    people = {m.first: m for m in mentions if article.index.kind(m.actor) == "person"}
    for at in range(start, min(sentence_last, start + _RELAY_REACH)):
        if _complementiser(article, at):
            return None
        if tokens[at].folded in ("عن",):
            after = at + 1
            while after in article.title_tokens and after not in people:
                after += 1
            return people.get(after)
    return None


def _channel(article: Article, speech: Speech, found: list[Speech]) -> bool:
    """An attribution between a named speaker's verb and the "that" opening the words
    ("وقالت الوزارة، وفقا لوكالة الأنباء، إن ..."): the channel the speaker's words came
    through, who says nothing of its own."""
    tokens = article.tokens
    lexicon = article.lexicon
    if not lexicon.attribution.longest(tokens, speech.verb, suffixes=False):
        return False
    for other in found:
        if other is speech or other.sentence is not speech.sentence or other.speaker is None:
            continue
        if other.verb >= speech.verb or lexicon.attribution.longest(
            tokens, other.verb, suffixes=False
        ):
            continue
        opened = any(
            _complementiser(article, at) or set(tokens[at].gap) & set(':"“«')
            for at in range(other.verb_last, speech.verb + 1)
        )
        if opened:
            continue
        closes = any(
            _complementiser(article, at)
            for at in range(speech.verb_last, min(speech.sentence.last, speech.verb_last + 8))
        )
        if closes:
            return True
    return False


def _new_state(article: Article, actor: str) -> bool:
    """A state or organisation only the gazetteer knows (gazetteer.yaml; the facts lack it)."""
    return actor in article.index.gazetteer


def _new_state_speaks(
    article: Article,
    mentions: list[Mention],
    speaker: Mention | None,
    before: bool,
    last: int,
    sentence: Sentence,
) -> tuple[Mention | None, bool]:
    """A new state (organisation) of the gazetteer speaks only when named right after the
    verb ("أعلنت إيران"), not as the last word of a list before it ("سوريا واليمن وقالت
    الوزارة": the ministry named after the verb speaks), nor further on ("تؤكد دور سلطنة
    عمان": what is confirmed), nor by an adjective alone ("الأزمة السورية"). The speaker
    and whether it is named before the verb, as :func:`_speaker` gives them."""
    if speaker is None or not _new_state(article, speaker.actor):
        return speaker, before
    if before or speaker.how != "name":
        speaker = _after(article, mentions, last, sentence) if before else None
        before = False
    if speaker is not None and _new_state(article, speaker.actor):
        right_after = last + (1 if speaker.how == "demonym" else 0)
        if speaker.first != right_after:
            speaker = None
    return speaker, before


def _pair(article: Article, verb: int, last: int, sentence: Sentence) -> list[Mention]:
    """The two a dual right after the verb or right before it refers to ("عبر الزعيمان",
    "إن الجانبين أكدا"): people for "the two presidents" (cues.yaml: anaphora), people
    else states for "the two sides" (anaphora_sides), states for "the two countries"
    (anaphora_states); the last two of different countries the sentences before name."""
    lexicon = article.lexicon
    tokens = article.tokens
    if lexicon.participles.longest(tokens, verb, suffixes=False):
        return []  # "..., مضيفة أن": the main clause's subject speaks
    starts = [last] if last < sentence.last else []
    if not tokens[verb].after_clause_break:  # "بين البلدين، مضيفة": another clause's
        starts += [at for at in range(max(sentence.first, verb - 2), verb)]
    for at in starts:
        for table, kinds in (
            (lexicon.anaphora, ("person",)),
            (lexicon.anaphora_sides, ("person", "state")),
            (lexicon.anaphora_states, ("state",)),
        ):
            found = table.longest(tokens, at)
            if found is None or (at < verb and at + found[0] != verb):
                continue
            for kind in kinds:
                pair = article.previous_pair(sentence, kind)
                if len(pair) == 2:
                    return pair
            return []
    return []


def _speaker(
    article: Article, mentions: list[Mention], verb: int, last: int, sentence: Sentence
) -> tuple[Mention | None, bool]:
    """The actor named after the verb (VS) or right before it (SV), and whether before.

    A title right after the verb ("قالت المتحدثة باسم ... X") makes it VS; otherwise an
    actor ending right before the verb, or before "الذي/التي" and the verb, speaks.
    """
    if article.lexicon.participles.longest(article.tokens, verb, suffixes=False):
        subject = _main_subject(article, mentions, verb)
        if subject is not None:
            return subject, True
    after = _after(article, mentions, last, sentence)
    if after is not None and _addressee(article, after, sentence):
        after = None  # "أبلغت الكونغرس بأن": whom the words were told, not who told them
    if article.lexicon.attribution.longest(article.tokens, verb, suffixes=False):
        # "..., بحسب ما أوردته وكالة تاس": a preposition, its source after it; the name
        # ending the words before it is what was said, not who said it
        return after, False
    if after is not None and after.how != "demonym" and _title_subject(article, last, sentence):
        return after, False
    before = _before(article, mentions, verb)
    if before is not None and (before.how != "demonym" or after is None):
        return before, True
    return after, False


_VOICE_REACH = 6  # words from a state that speaks to the person speaking for it


def _voice(
    article: Article,
    mentions: list[Mention],
    speaker: Mention | None,
    last: int,
    sentence: Sentence,
) -> Mention | None:
    """A person speaking for the state the verb names: "قالت روسيا على لسان وزير خارجيتها
    X إن" (cues.yaml: spoken_through) or "أعلنت موسكو عبر وزير خارجيتها X أن" (one of the
    state's people named before "that"): the words are the person's."""
    if speaker is None or article.index.kind(speaker.actor) != "state":
        return None
    tokens = article.tokens
    lexicon = article.lexicon
    start = max(last, speaker.last)
    through = False
    for at in range(start, min(sentence.last, start + _VOICE_REACH)):
        if at > start and (
            lexicon.complementisers.longest(tokens, at, suffixes=False)
            or set(tokens[at].gap) & set(':"“«.؛;')
            or (not through and set(tokens[at].gap) & set("،,"))
        ):
            return None
        if lexicon.spoken_through.longest(tokens, at, suffixes=False):
            through = True
        mention = next((m for m in mentions if m.first == at), None)
        if mention is None or article.index.kind(mention.actor) != "person":
            continue
        own = article.index.country(mention.actor) == speaker.actor
        before = tokens[at - 1] if at > sentence.first else None
        addressed = before is not None and (
            lexicon.counterpart.longest(tokens, at - 1, suffixes=False) is not None
        )
        titled = at == start or at - 1 in article.title_tokens  # "عبر وزير خارجيتها X"
        if through or (own and titled and not addressed and not tokens[at].folded.startswith("ل")):
            return mention
    return None


def _main_subject(article: Article, mentions: list[Mention], verb: int) -> Mention | None:
    """The first actor the sentence names before a participle ("بدأ ترمب قمة مع نظيره
    الروسي، معربا عن ...": Trump), in the same clause run: not a state's adjective, nor
    one after a preposition ("مع نظيره")."""
    tokens = article.tokens
    for mention in mentions:
        if mention.first >= verb:
            return None
        if mention.how == "demonym":
            continue
        before = mention.first - 1
        if (
            before >= 0
            and tokens[before].sentence == tokens[verb].sentence
            and (
                article.lexicon.verb_prepositions.longest(tokens, before, suffixes=False)
                or article.lexicon.counterpart.longest(tokens, before, suffixes=False)
            )
        ):
            continue
        return mention
    return None


def _title_subject(article: Article, at: int, sentence: Sentence) -> bool:
    """A title opening the subject right after a verb (not "لنظيره", to his counterpart)."""
    if at >= sentence.last:
        return False
    token = article.tokens[at]
    lexicon = article.lexicon
    if lexicon.relational.longest(article.tokens, at) or not lexicon.titles.longest(
        article.tokens, at
    ):
        return False
    return not (token.folded.startswith("ل") and token.folded[1:] in token.names)


def _before(article: Article, mentions: list[Mention], verb: int) -> Mention | None:
    tokens = article.tokens
    word = tokens[verb].folded
    if word[:1] in ("و", "ف") and word[1:] in tokens[verb].verbs:
        return None  # "... أليسون لوكلير وأعربت لها": "و" opens a clause of an earlier subject
    titles = article.titles_by_last
    target = verb
    if verb > 0 and article.lexicon.relatives.longest(tokens, verb - 1, suffixes=False):
        target = verb - 1
    elif verb > 0 and any(
        len(words) == 1
        for words, _ in article.lexicon.verb_particles.by_first.get(tokens[verb - 1].folded, ())
    ):
        # "وكان الرئيس التركي قد صرح": the subject before the particle ("وقد" opens a clause)
        target = verb - 1
    for mention in mentions:
        end = mention.last
        title = titles.get(target)
        if title is not None and title.holder is mention:
            end = title.last
        if end != target or any(c in tokens[target].gap for c in ".؛;:"):
            continue
        previous = mention.first - 1
        if previous >= 0 and article.lexicon.place_links.longest(tokens, previous, suffixes=False):
            continue  # "في البيت الأبيض قالت ...": a place, not the speaker
        return mention
    return None


def _after(
    article: Article, mentions: list[Mention], last: int, sentence: Sentence
) -> Mention | None:
    tokens = article.tokens
    fallback: Mention | None = None
    in_titles = article.title_tokens
    skip = _document(article, last, sentence)  # "أوضح بيان صادر من الكرملين"
    for at in range(last, min(sentence.last, last + _WINDOW)):
        token = tokens[at]
        if ":" in token.gap or _complementiser(article, at):
            break
        if at < last + skip:
            continue
        if at not in in_titles and article.lexicon.verb_prepositions.longest(
            tokens, at, suffixes=False
        ):
            break  # "رسالة تحذر من روسيا": what follows "من" is not the speaker
        mention = next((m for m in mentions if m.first == at), None)
        if mention is None:
            continue
        if mention.how != "demonym":
            return mention
        if at == last + 1 and last not in in_titles and last not in article.named:
            return mention  # "أعلنت السلطات الروسية": the state's, who speaks
        fallback = fallback or mention
    return fallback


def _document(article: Article, at: int, sentence: Sentence) -> int:
    """How many words right after a verb name the document the words are in ("البيان",
    "في بيان لها", "بيان صادر من"; cues.yaml: documents), none if none."""
    if at >= sentence.last:
        return 0
    found = article.lexicon.documents.longest(article.tokens, at, suffixes=False)
    return min(found[0], sentence.last - at) if found else 0


def _addressee(article: Article, after: Mention, sentence: Sentence) -> bool:
    """A name right after a verb of telling ("أبلغ", "أخبر"; cues.yaml: telling) and
    followed by "that" is the one told ("لقد أبلغت الكونغرس بأن"; "أبلغ X Y أن": X tells
    Y, so a name right before it is the teller)."""
    tokens = article.tokens
    told = after.first - 1
    if told < sentence.first or not article.lexicon.telling.longest(tokens, told, suffixes=False):
        return False
    if after.last >= sentence.last or not _complementiser(article, after.last):
        return False
    return not any(m.last == after.first for m in article.sentence_mentions(sentence))


def _complementiser(article: Article, at: int) -> bool:
    return article.lexicon.complementisers.longest(article.tokens, at, suffixes=False) is not None


def draft_statements(article: Article, speeches: list[Speech]) -> list[StatementDraft]:
    """One draft per verb with a speaker (named, or carried from the previous sentence)."""
    drafts: list[StatementDraft] = []
    seen: set[tuple[str, int]] = set()
    seen_text: set[tuple[str, str]] = set()
    spoken: set[int] = set()  # sentences whose first speaker is known
    previous: Mention | None = None
    framed: dict[int, Speech] = {}  # sentence -> its first speech with a named speaker
    for speech in speeches:
        sentence = speech.sentence
        speaker = speech.speaker
        if speech.anonymous:
            previous = _unknown_first(speech, spoken, previous)
            continue
        comments: list[str] = []
        confidence = 0.8
        if speaker is None:
            speaker = _implicit(article, speech, framed.get(sentence.index), previous)
            if speaker is None:
                # "وذكرت الوكالة أن ترامب أعرب ...": the sentence's first speaker is not
                # known, so no one named inside what it said carries on to "وأوضحت أن"
                previous = _unknown_first(speech, spoken, previous)
                continue
            confidence = 0.45
            comments.append(
                f"no speaker is named here: carried over from the previous statement "
                f"({article.name(speaker.actor)}); check"
            )
        elif speaker.how == "demonym":
            confidence = 0.55
            comments.append("the speaker is a state named only by its adjective; check")
        elif speaker.how in ("title", "guess"):
            confidence = 0.6 if speaker.how == "title" else 0.4
            comments.append("the speaker is named only by a title; check who held it")
        frame = framed.get(sentence.index)
        if frame is not None and frame.speaker is not None and frame.speaker.actor != speaker.actor:
            confidence -= 0.15
            comments.append(
                f"reported by {article.name(frame.speaker.actor)}: decide whose statement "
                "this is (the reporter's draft is also listed)"
            )
        key = (speaker.actor, sentence.index)
        repeated = (speaker.actor, article.text[sentence.start : sentence.end])
        if key in seen or repeated in seen_text:
            continue  # one draft a speaker a sentence; a repeated headline once
        seen.add(key)
        seen_text.add(repeated)
        if speech.speaker is not None:
            framed.setdefault(sentence.index, speech)
        if sentence.index not in spoken and speaker.how != "demonym":
            # the sentence's first speaker carries on ("وأوضح أن" after "وذكر أن ..."),
            # not someone whose words it reports
            previous = speaker
        spoken.add(sentence.index)
        start_token = speaker.first if speech.before else speech.verb
        closing = speech.verb_last == sentence.last or (
            not speech.before and speaker.last == sentence.last
        )
        if closing and speech.verb > sentence.first + 1:
            start_token = sentence.first  # "..., the ministry said": the words come first
        span = article.char_span(article.tokens[start_token].start, sentence.end)
        if len(span.quote) < 8:
            continue
        about = _about(article, sentence, span.start, span.end, speaker.actor)
        verb_text = article.text[
            article.tokens[speech.verb].start : article.tokens[speech.verb_last - 1].end
        ]
        comments.append(f"kind '{speech.kind}' from the verb '{verb_text}'")
        comments.append("write the summary; add topics to about; trim the quote to what is said")
        draft = StatementDraft(
            [span], confidence, comments, speaker=speaker.actor, kind=speech.kind, about=about
        )
        cite_names(article, draft, [speaker.actor, *about])
        drafts.append(draft)
    return drafts


def _unknown_first(speech: Speech, spoken: set[int], previous: Mention | None) -> Mention | None:
    """The speaker carried on once a sentence opens with a speech verb whose speaker is not
    known ("وذكرت الوكالة أن ..."): none. A verb deeper in the sentence changes nothing."""
    sentence = speech.sentence
    if sentence.index in spoken or speech.verb > sentence.first + 1:
        return previous
    spoken.add(sentence.index)
    return None


def _implicit(
    article: Article, speech: Speech, frame: Speech | None, previous: Mention | None
) -> Mention | None:
    """Who speaks when no one is named: "وأضاف أن", "قائلا: ...".

    The verb must open reported words (a complementiser or a colon right after it). The
    speaker is then this sentence's first named speaker, else the first actor the sentence
    names before the verb, else the previous statement's speaker.
    """
    tokens = article.tokens
    sentence = speech.sentence
    after = speech.verb_last
    after += _document(article, after, sentence)  # "وأضاف البيان: إن", "ولفتت في بيان، إلى أن"
    if after < sentence.last and article.lexicon.verb_prepositions.longest(
        tokens, after, suffixes=False
    ):
        after += 1  # "وأشار إلى أن"
    opens = after < sentence.last and (
        bool(set(tokens[after].gap) & _OPENERS) or _complementiser(article, after)
    )
    if not opens:
        return None  # the verb has a subject we cannot name ("وشدد المصدر نفسه")
    if frame is not None and frame.speaker is not None:
        return frame.speaker
    for mention in article.sentence_mentions(sentence, implied=False):
        if mention.first >= speech.verb:
            break
        if _new_state(article, mention.actor):
            continue  # "الحرب في أوكرانيا ... لكنه شدد": named before the verb, it is talked of
        if not mention.in_title and mention.how == "name":
            return mention
    return previous


def _about(article: Article, sentence: Sentence, start: int, end: int, speaker: str) -> list[str]:
    about: list[str] = []
    for mention in article.sentence_mentions(sentence):
        token = article.tokens[mention.first]
        inside = start <= token.start < end and not mention.in_title
        if mention.how == "guess":
            continue  # "الرئيس الروسي" with no name: whom it means is the curator's guess
        if mention.how == "demonym" and not token.definite:
            continue  # "دبلوماسيين روس": people of the state, not what is said about it
        if inside and mention.actor != speaker and mention.actor not in about:
            about.append(mention.actor)
    return about
