"""Titles ("السفير الروسي لدى واشنطن", "U.S. Secretary of State") and the person each
belongs to: named beside it, sharing a dual title, or implied (a known post's one holder,
"the Russian president" for the Russian the article gives that title).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dipgraph.suggest.lexicon import Lexicon
from dipgraph.suggest.mentions import ActorIndex, Mention
from dipgraph.suggest.state_names import given_name
from dipgraph.suggest.text import Token, fold_phrase

_APPOSITION_GAP = set(" \t،,-–—")  # what may sit between a name and its title
_LINKS = {"لدي", "في", "باسم", "to", "of", "for", "the", "in", "at"}
_MISSIONS = {"الي", "لدي", "لشوون", "to"}  # folded: "إلى", "لدى", "لشؤون"


@dataclass(slots=True)
class Title:
    """A title phrase and, when found, the person it describes."""

    first: int
    last: int
    head_last: int
    relational: bool  # "his counterpart": describes, but is no post
    holder: Mention | None = None
    inside: list[Mention] = field(default_factory=list)
    # a dual title's second holder, with the adjective that replaces the first's state
    shared: list[tuple[Mention, Mention | None]] = field(default_factory=list)


def _punctuated(token: Token) -> bool:
    return any(not c.isspace() for c in token.gap)


def find_titles(
    tokens: list[Token], mentions: list[Mention], index: ActorIndex, lexicon: Lexicon
) -> list[Title]:
    """Title phrases, each extended over its modifiers and tied to an adjacent person."""
    starts = {m.first: m for m in mentions}
    people = _people(mentions, index)
    ends = {m.last: m for m in mentions}
    titles: list[Title] = []
    at = 0
    while at < len(tokens):
        head = lexicon.titles.longest(tokens, at, suffixes=False)
        if head is None or at in starts or (head[0] == 1 and given_name(lexicon, tokens, at)):
            at += 1  # "سلطان بن خزيم": a title's word before "بن" is a given name
            continue
        if named_after_place(tokens, at, lexicon):
            at += head[0]  # "مطار الملك خالد": a place named after someone, no title
            continue
        title = Title(
            at, at + head[0], at + head[0], lexicon.relational.longest(tokens, at) is not None
        )
        _extend(title, tokens, starts, index, lexicon)
        _extend_before(title, tokens, ends)
        _attach_holder(title, tokens, people, lexicon)
        _principal(title, tokens, people, lexicon)
        holder = title.holder
        if holder is not None and holder.first >= title.last and _after_with(tokens, holder, index):
            title.holder = None  # "لقاء مبعوث ترامب ببوتين": the envoy met Putin
        _share(title, tokens, starts, people, lexicon)
        titles.append(title)
        at = title.last
    return titles


def _extend(
    title: Title,
    tokens: list[Token],
    starts: dict[int, Mention],
    index: ActorIndex,
    lexicon: Lexicon,
) -> None:
    """Take in the title's modifiers: definite words, states, organisations, "to PLACE"."""
    at = title.last
    portfolio = False
    while (
        at < len(tokens)
        and at - title.first < 9 + 4 * portfolio
        and tokens[at].sentence == tokens[title.first].sentence
    ):
        token = tokens[at]
        if _punctuated(token) and token.gap.strip() not in ("(", ")"):
            break
        mention = starts.get(at)
        if mention is not None:
            if index.kind(mention.actor) == "person":
                break
            title.inside.append(mention)
            at = mention.last
            continue
        if title.relational and lexicon.titles.has(token) and not lexicon.relational.has(token):
            break  # "نظيره الرئيس الروسي X": the counterpart's own title follows
        if definite_given_name(tokens, at, lexicon):
            break  # "ولي العهد الأمير الحسين بن عبدالله": a given name, not the title's
        if named_after_place(tokens, at + 1, lexicon) and at + 1 < len(tokens):
            break  # "الرئيس مدينة الملك X": a place named after someone follows
        if title.inside and _at_capital(token, index, lexicon):
            at += 1  # "السفير الصيني ببغداد X": the capital the envoy is posted in
            continue
        if not title.relational and lexicon.relational.longest(tokens, at, suffixes=False):
            break  # "الرئيس نظيريه الكوبي X": the counterparts another title names
        if lexicon.portfolio.longest(tokens, at, suffixes=False) and at + 1 < len(tokens):
            portfolio = True  # "لشؤون الحد من التسلح": the post's field goes on
            at += 1
            if (
                at + 1 < len(tokens)
                and not tokens[at].definite
                and not _punctuated(tokens[at])
                and tokens[at + 1].definite
                and not _punctuated(tokens[at + 1])
            ):
                at += 1  # "شؤون نزع السلاح": the field's first noun, in construct
            continue
        if (
            portfolio
            and token.folded == "من"
            and at + 1 < len(tokens)
            and tokens[at + 1].definite
            and at + 1 not in starts
        ):
            at += 1
            continue
        if at + 1 in starts and lexicon.state_forms.has(token) and not tokens[at + 1].gap.strip():
            at += 1  # "سفير دولة الكويت": the kind of state, then its name
            continue
        # "المبعوث الخاص للأمم المتحدة إلى سوريا X": an envoy's title goes on to his mission
        envoy = token.folded == "الي" and lexicon.principal.has(tokens[title.first])
        link = token.folded in _LINKS or envoy
        if (
            link
            and at + 1 < len(tokens)
            and (at + 1 in starts or _link_target(tokens, at + 1, starts, lexicon))
        ):
            at += 1
            continue
        latin = token.text.isascii()
        # only an indefinite head governs a genitive ("وزيري دفاع بلدينا"); after a
        # definite one the words are a name ("الرئيس بشار الأسد")
        definite_head = tokens[at - 1].definite
        if at == title.head_last and not definite_head and _construct(tokens, at, lexicon):
            at += 1
            continue
        if token.folded.startswith("بال") and lexicon.titles.has(token):
            break  # "الرئيس الأمريكي بالرئيس X": with another title, another person
        if (
            not latin
            and (token.definite or token.forms != token.names)  # "الدفاع", "بلدينا"
            and not lexicon.not_names.has(token)
            and not lexicon.honorifics.has(token)
            and not lexicon.speech.has(token, verb=True)
            and not lexicon.contact_types.has(token)
            and not lexicon.relative_dates.has(token)
        ):
            at += 1
            continue
        break
    title.last = at
    # a title never ends on a bare link word ("of", "في")
    while title.last > title.head_last and tokens[title.last - 1].folded in _LINKS:
        title.last -= 1


def _after_with(tokens: list[Token], mention: Mention, index: ActorIndex) -> bool:
    """Whether the name after a title carries "ب" (with, by: "ببوتين", "وبلافروف"): the
    object of what the title's holder did, not the holder."""
    word = tokens[mention.first].folded
    if word.startswith("و"):
        word = word[1:]
    if not word.startswith("ب"):
        return False
    actor = index.actors[mention.actor]
    names = [*actor.names.values(), *(a for v in actor.aliases.values() for a in v)]
    firsts = {words[0] for words in map(fold_phrase, names) if words}
    return word not in firsts and word[1:] in firsts


def _construct(tokens: list[Token], at: int, lexicon: Lexicon) -> bool:
    """An indefinite word right after a head, itself followed by a definite word or one
    with a pronoun ("دفاع بلدينا"): the middle of a genitive chain, not a name."""
    token = tokens[at]
    if token.text.isascii() or at + 1 >= len(tokens) or _punctuated(tokens[at + 1]):
        return False
    if lexicon.speech.has(token, verb=True):
        return False
    if any(table.has(token) for table in (lexicon.not_names, lexicon.titles, lexicon.name_links)):
        return False  # "الرئيس عبد المجيد تبون": "عبد" opens a name, not a genitive chain
    following = tokens[at + 1]
    if lexicon.regnal_ordinals.has(following):
        return False  # "الملك عبدالله الثاني": a monarch's name and number
    return following.sentence == token.sentence and (
        following.definite or following.forms != following.names
    )


def definite_given_name(tokens: list[Token], at: int, lexicon: Lexicon) -> bool:
    """A given name with the article ("الحسين", "الوليد") is known by the lineage word
    right after it ("الحسين بن عبدالله"; cues.yaml: lineage)."""
    if at + 2 >= len(tokens) or not tokens[at].definite or tokens[at].text.isascii():
        return False
    link = tokens[at + 1]
    return (
        link.sentence == tokens[at].sentence
        and not link.gap.strip()
        and not tokens[at + 2].gap.strip()
        and lexicon.lineage.has(link)
    )


def named_after_place(tokens: list[Token], at: int, lexicon: Lexicon) -> bool:
    """Whether the title at ``at`` follows a word naming a place after someone, in
    construct ("مطار الملك", "مدينة الملك"; cues.yaml: named_after)."""
    if not 0 < at < len(tokens) or tokens[at].gap.strip():
        return False
    before = tokens[at - 1]
    if before.sentence != tokens[at].sentence or before.definite:
        return False
    return lexicon.named_after.has(before) and bool(lexicon.titles.longest(tokens, at))


def _at_capital(token: Token, index: ActorIndex, lexicon: Lexicon) -> bool:
    """ "ببغداد": a capital or place with ب attached (in it), a posting's place."""
    if token.folded[:1] != "ب" or token.text.isascii():
        return False
    stems = [n for n in token.names if n != token.folded and len(n) >= 3]
    return any(index.gazetteer_forms.get((n,)) == "capital" for n in stems) or any(
        words == (n,) for n in stems for words, _ in lexicon.places.by_first.get(n, ())
    )


def _link_target(
    tokens: list[Token], at: int, starts: dict[int, Mention], lexicon: Lexicon
) -> bool:
    token = tokens[at]
    if token.folded == "the" and at + 1 < len(tokens):
        return at + 1 in starts
    if at + 1 in starts and lexicon.state_forms.has(token) and not tokens[at + 1].gap.strip():
        return True  # "لدى مملكة تونغا": the kind of state, then its name
    if lexicon.institutions.longest(tokens, at, suffixes=False):
        return True  # "مسؤولة ... في وزارة الخارجية X": the body the post is in
    return lexicon.places.longest(tokens, at, suffixes=False) is not None or (
        token.definite and not token.text.isascii()
    )


def _extend_before(title: Title, tokens: list[Token], ends: dict[int, Mention]) -> None:
    """English puts the state first: "Russia's President", "U.S. President"."""
    first = title.first
    if not tokens[first].text.isascii() or tokens[first].gap.strip() not in ("", "."):
        return  # "U.S. Secretary": the dot of an abbreviation is no break
    mention = ends.get(first)
    if mention is None and first > 0 and tokens[first - 1].folded == "s":
        mention = ends.get(first - 1)  # "Russia's": the s is a token of its own
    if mention is not None and mention.how in ("demonym", "name"):
        title.inside.insert(0, mention)
        title.first = mention.first


def _people(mentions: list[Mention], index: ActorIndex) -> dict[tuple[str, int], Mention]:
    """People's mentions by ("first", token) and ("last", token)."""
    found: dict[tuple[str, int], Mention] = {}
    for mention in mentions:
        if index.kind(mention.actor) == "person":
            found.setdefault(("first", mention.first), mention)
            found.setdefault(("last", mention.last), mention)
    return found


def _attach_holder(
    title: Title, tokens: list[Token], people: dict[tuple[str, int], Mention], lexicon: Lexicon
) -> None:
    """The person named right after the title, or else right before it; not the one before
    when an unknown name follows ("بوتين، المبعوث الأمريكي ستيف ويتكوف": the envoy is
    Witkoff, found as a new person)."""
    start = title.last
    while (  # "وزير الخارجية الأستاذ عادل الجبير": an honorific between title and name
        start < len(tokens)
        and lexicon.honorifics.has(tokens[start])
        and not tokens[start].gap.strip()
        and ("first", start) not in people
    ):
        start += 1
    after = people.get(("first", start))
    before = people.get(("last", title.first))
    if after is None and before is not None and _unknown_name_at(tokens, title.last, lexicon):
        before = None
    if after is not None and set(tokens[after.first].gap) - _APPOSITION_GAP:
        after = None
    if before is not None and (
        set(tokens[title.first].gap) - _APPOSITION_GAP
        or (
            not tokens[title.first].gap.strip()
            and not _object_apposition(title, before, tokens, lexicon)
            and not (after is None and _introduced_apposition(title, before, tokens, lexicon))
        )
    ):
        # a title after a name is set off by a comma ("X، وزير الخارجية"); without one the
        # name is someone else's, usually the subject ("التقى بوتين الرئيس الصيني X")
        before = None
    if after is not None and before is not None:
        # "X، سكرتير المجلس، ويوري ..." : a conjunction opens the next person
        joined = tokens[after.first].folded.startswith("و") and tokens[after.first].folded not in {
            n for n in tokens[after.first].names if not n.startswith("و")
        }
        title.holder = before if joined or tokens[after.first - 1].folded == "and" else after
    else:
        title.holder = after or before
    for mention in title.inside:
        mention.in_title = True


_PREPOSITIONS = {"من", "مع", "الي", "عن", "لدي"}  # folded: "إلى", "لدى"


def _object_apposition(
    title: Title, before: Mention, tokens: list[Token], lexicon: Lexicon
) -> bool:
    """ "اتصالا من ميشال عون رئيس جمهورية لبنان": a name governed by a preposition is no
    subject, so an indefinite head right after it (no name after) is its apposition."""
    if tokens[title.first].definite or before.first == 0 or tokens[before.first].gap.strip():
        return False
    at = before.first - 1
    honoured = False  # "لدولة السيد X رئيس وزراء": past the honorifics
    while at > 0 and lexicon.honorifics.has(tokens[at]) and not tokens[at].gap.strip():
        at -= 1
        honoured = True
    previous = tokens[at]
    if previous.sentence != tokens[before.first].sentence:
        return False
    governed = previous.folded[:1] == "ل" and previous.folded[1:] in previous.names
    return previous.folded in _PREPOSITIONS or (honoured and governed)


def _introduced_apposition(
    title: Title, before: Mention, tokens: list[Token], lexicon: Lexicon
) -> bool:
    """ "وقال X الرئيس الأرجنتيني إن"، "بأن X مبعوث ..."، "وحضر اللقاء X نائب الرئيس الروسي"،
    "بفخامة الرئيس X رئيس الجمهورية التركية": a name right after a speech verb, a
    complementiser, an attendance phrase or a preposition (past honorifics and a bare head)
    is no verb's subject with an object after it, so a title with words of its own right
    after the name (and no name after the title) is the name's apposition."""
    if title.last - title.first < 2 and not title.inside:
        return False  # a lone head ("X الرئيس") says too little
    if tokens[title.first].folded not in lexicon.titles.by_first:
        return False  # "وأوضح X للرئيس الروسي"، "X ووزير": a preposition or "و" opens it
    at = before.first - 1
    while (
        at >= 0
        and not tokens[at + 1].gap.strip()
        and (lexicon.honorifics.has(tokens[at]) or lexicon.bare_posts.has(tokens[at]))
    ):
        word = tokens[at]
        if word.folded[:1] in "بل" and word.folded[1:] in word.names:
            return True  # "بفخامة الرئيس X": governed by the preposition attached
        at -= 1
    if at < 0 or tokens[at + 1].gap.strip() or tokens[at].sentence != tokens[before.first].sentence:
        return False
    previous = tokens[at]
    if lexicon.telling.has(previous, verb=True):
        return False  # "أبلغ X الرئيس الصيني": the one told
    if lexicon.speech.has(previous, verb=True) or lexicon.complementisers.has(previous):
        return True
    if previous.folded in _PREPOSITIONS:
        return True
    return at > 0 and previous.definite and lexicon.attendance.has(tokens[at - 1], verb=True)


def _principal(
    title: Title, tokens: list[Token], people: dict[tuple[str, int], Mention], lexicon: Lexicon
) -> None:
    """ "مبعوث الرئيس الروسي فلاديمير بوتين، كريم سالم": an envoy's (aide's...) title
    names the one he serves; the holder is the name set off by the comma after it. The
    principal becomes part of the title, and the holder is the person named next (or a
    new name found there later)."""
    principal = title.holder
    if principal is None or _past_honorifics(tokens, title.last, lexicon) != principal.first:
        return
    if not lexicon.principal.longest(tokens, title.first):
        return
    after = _past_mission(tokens, principal.last, lexicon)
    # "صهر بايدن", "مبعوث ترامب": an indefinite head right before a name is that
    # person's envoy (aide...), whatever follows
    construct = title.last == title.head_last and not tokens[title.first].definite
    set_off = after < len(tokens) and bool(set(tokens[after].gap) & set("،,"))
    holder = people.get(("first", after)) if after < len(tokens) else None
    before = people.get(("last", title.first))
    if (
        before is not None
        and holder is None
        and not set_off
        and not tokens[title.first].definite
        and tokens[title.first].gap.strip() in ("", ",", "،")
        and before.first > 0
        and lexicon.honorifics.has(tokens[before.first - 1])
    ):
        # "معالي الشيخ X مبعوث صاحب السمو Y": the name an honorific opens, right before
        # the envoy's head, holds the post (not "التقى بوتين مبعوث ترامب": the object)
        construct, holder = True, before
    if set_off:
        if holder is None and not _set_off_name(tokens, after, lexicon) and not construct:
            return
    elif construct:
        if holder is not None and tokens[after].gap.strip():
            holder = None
    else:
        return
    principal.in_title = True
    title.inside.append(principal)
    title.last = after if after > principal.last else principal.last  # "... إلى الشرق الأوسط"
    title.holder = holder


def _past_honorifics(tokens: list[Token], at: int, lexicon: Lexicon) -> int:
    """The first word at or after ``at`` past honorifics ("صاحب السمو الشيخ")."""
    while at < len(tokens) and lexicon.honorifics.has(tokens[at]) and not tokens[at].gap.strip():
        at += 1
    return at


_MISSION_REACH = 4  # words of "إلى الشرق الأوسط" between a principal and the comma


def _past_mission(tokens: list[Token], after: int, lexicon: Lexicon) -> int:
    """Past the field of an envoy's mission after the principal ("مبعوث الرئيس ترامب إلى
    الشرق الأوسط، X"): where the comma before the holder is; else ``after`` unchanged."""
    if after >= len(tokens) or tokens[after].folded not in _MISSIONS:
        return after
    for at in range(after + 1, min(len(tokens), after + 1 + _MISSION_REACH)):
        if tokens[at].sentence != tokens[after].sentence or lexicon.not_names.has(tokens[at]):
            return after
        if set(tokens[at].gap) & set("،,"):
            return at
    return after


def _unknown_name_at(tokens: list[Token], at: int, lexicon: Lexicon) -> bool:
    """Two name-like words right at ``at``, with nothing between them or before them."""
    if at + 2 > len(tokens) or tokens[at].sentence != tokens[at + 1].sentence:
        return False
    first, second = tokens[at], tokens[at + 1]
    if first.gap.strip() or second.gap.strip():
        return False
    return _name_like(first, lexicon) and _name_like(second, lexicon)


def _set_off_name(tokens: list[Token], at: int, lexicon: Lexicon) -> bool:
    """Two or three name-like words from ``at``, closed by punctuation: "، كريم سالم،"."""
    for length in (2, 3):
        last = at + length
        if last > len(tokens):
            return False
        words = tokens[at:last]
        if not all(_name_like(t, lexicon) for t in words) or any(t.gap.strip() for t in words[1:]):
            return False
        if last == len(tokens) or tokens[last].gap.strip():
            return True
    return False


def _name_like(token: Token, lexicon: Lexicon) -> bool:
    """A word that may be a name: no article, not a function or lexicon word."""
    return (
        any(c.isalpha() for c in token.text)
        and not token.definite
        and not lexicon.speech.has(token, verb=True)
        and not any(
            table.has(token)
            for table in (
                lexicon.not_names,
                lexicon.titles,
                lexicon.complementisers,
            )
        )
    )


def _share(
    title: Title,
    tokens: list[Token],
    starts: dict[int, Mention],
    people: dict[tuple[str, int], Mention],
    lexicon: Lexicon,
) -> None:
    """A dual title's second holder: "... سيرجي لافروف والأمريكي ريكس تيلرسون"."""
    holder = title.holder
    if holder is None or holder.first != title.last:
        return
    if not lexicon.dual_titles.longest(tokens, title.first, suffixes=False):
        return
    at = holder.last
    if at >= len(tokens) or not tokens[at].folded.startswith("و"):
        return  # the second holder is joined by "و"
    adjective = starts.get(at)
    if adjective is not None and adjective.how == "demonym":
        adjective.in_title = True
        at = adjective.last
    else:
        adjective = None
    second = people.get(("first", at))
    if second is not None and second is not holder:
        title.shared.append((second, adjective))


def implied_holders(
    titles: list[Title],
    tokens: list[Token],
    mentions: list[Mention],
    index: ActorIndex,
    lexicon: Lexicon,
) -> list[Mention]:
    """People a title stands for when no name is beside it.

    A known post with this exact title and one holder names that holder. Otherwise
    "his American counterpart" or "the Russian president" stands for the person of that
    state the article names most (a guess, given a low confidence by the rules using it).
    """
    implied: list[Mention] = []
    principals = [m for m in mentions if m.in_title and index.kind(m.actor) == "person"]
    titled_by_stem: dict[str, set[str]] = {}
    counts: dict[str, int] = {}
    for mention in mentions:
        if mention.how == "name" and index.kind(mention.actor) == "person":
            counts[mention.actor] = counts.get(mention.actor, 0) + 1
    named = _named_titles(titles, tokens, index)  # holders set below are never "name"
    for title in titles:
        if title.holder is not None or lexicon.occupations.longest(tokens, title.first):
            continue  # "الصحافي الأميركي" with no name stands for no one
        words = tuple(t.folded for t in tokens[title.first : title.last])
        stripped = tuple(
            min(t.names, key=len) if i == 0 else t.folded
            for i, t in enumerate(tokens[title.first : title.last])
        )
        holders = index.post_titles.get(words) or index.post_titles.get(stripped) or set()
        how = "title"
        if len(holders) != 1 and (here := _given_here(title, named, tokens, index)):
            # "ولي العهد" alone is sure; "الرئيس الروسي" or "سلطان عمان", a head and a
            # state, is as sure as any guess of that state's person (the curator checks)
            holders, how = here, "title" if len(_title_words(title, tokens, index)) > 1 else "guess"
        if len(holders) != 1:
            states = [m.actor for m in title.inside if index.kind(m.actor) == "state"]
            if not states or title.last - title.head_last > 4:
                continue
            people = [a for a in counts if index.country(a) == states[0]]
            if lexicon.leader.longest(tokens, title.first) is not None:
                stem = _head_stem(tokens[title.first])
                if stem not in titled_by_stem:  # once a head: per title it was quadratic
                    titled_by_stem[stem] = _titled(titles, tokens, index, stem)
                titled = titled_by_stem[stem]
                people = [a for a in people if a in titled]
            elif not (title.relational or lexicon.descriptive.longest(tokens, title.first)):
                continue
            if not people:
                continue
            holders = {max(people, key=lambda a: counts[a])}
            how = "guess"
        mention = Mention(title.first, title.last, next(iter(holders)), how)
        # "مبعوث ترامب الرئيس الأمريكي": a title right after someone's principal
        # describes the principal, and is part of the other person's title as well
        mention.in_title = any(
            m.in_title and m.last == title.first and not tokens[title.first].gap.strip()
            for m in principals
        )
        title.holder = mention
        implied.append(mention)
    return implied


def _title_words(title: Title, tokens: list[Token], index: ActorIndex) -> tuple[str, ...]:
    """A title's words without prefixes or article, its states left out ("ولي عهد
    السعودية", "ولي العهد السعودي" -> ("ولي", "عهد"))."""
    states = {
        i for m in title.inside if index.kind(m.actor) == "state" for i in range(m.first, m.last)
    }
    return tuple(
        min(t.names, key=len)
        for at, t in enumerate(tokens[title.first : title.last], title.first)
        if at not in states
    )


def _named_titles(
    titles: list[Title], tokens: list[Token], index: ActorIndex
) -> dict[tuple[str, ...], set[str]]:
    """The people named beside a title, under every run of the title's first words
    (:func:`_title_words`): worked out once an article, so that looking up the holders
    of a title without one costs one lookup (per title it was quadratic)."""
    holders: dict[tuple[str, ...], set[str]] = {}
    for title in titles:
        holder = title.holder
        if holder is None or holder.how != "name" or index.kind(holder.actor) != "person":
            continue
        words = _title_words(title, tokens, index)
        for length in range(len(words) + 1):  # () holds everyone named with a title
            holders.setdefault(words[:length], set()).add(holder.actor)
    return holders


def _given_here(
    title: Title,
    named: dict[tuple[str, ...], set[str]],
    tokens: list[Token],
    index: ActorIndex,
) -> set[str]:
    """The one person the article names with a title that begins with these words, of the
    state the title names if it names one ("ولي العهد" or "ولي عهد السعودية" alone, after
    "الأمير X، ولي العهد رئيس مجلس الوزراء"), else of no known state when the article
    names no one of that state with a title ("وزير الخارجية المصري" after "وزير الخارجية
    X", X new): none for a one-word title ("الرئيس": whose?) or when two people hold such
    titles."""
    wanted = _title_words(title, tokens, index)
    if title.last - title.first < 2 or not wanted:
        return set()
    states = {m.actor for m in title.inside if index.kind(m.actor) == "state"}
    found: set[str] = set()
    stateless: set[str] = set()
    for holder in named.get(wanted, ()):
        country = index.country(holder)
        if not states or states == {country}:
            found.add(holder)
        elif country == holder:
            stateless.add(holder)
    if not found and not any(index.country(h) in states for h in named.get((), ())):
        found = stateless
    return found if len(found) == 1 else set()


def _head_stem(token: Token) -> str:
    """A title head without prefixes or article: "للرئيس" -> "رييس" (folded)."""
    return min(token.names, key=len)


def _titled(titles: list[Title], tokens: list[Token], index: ActorIndex, stem: str) -> set[str]:
    """People the article names with a title of this head, or who hold a known post whose
    title starts with it."""
    people = {
        t.holder.actor
        for t in titles
        if t.holder is not None and t.holder.how == "name" and _head_stem(tokens[t.first]) == stem
    }
    for words, holders in index.post_titles.items():
        if words and words[0].removeprefix("ال") == stem:
            people.update(holders)
    return people
