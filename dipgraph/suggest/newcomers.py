"""People the facts do not know yet, introduced by a title: "the ambassador John Smith",
"وزير الخارجية الفرنسي جان إيف لودريان".

A new name is what follows a title: Arabic names take no article, so after the title's
definite modifiers the next two or three words without ال (and not function words or
lexicon words) are taken; in English, the capitalised words. Each newcomer gets a
provisional id (``new-person-1``...) and joins the actor index, so that contacts,
statements and posts can name them like anyone else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dipgraph.facts import Actor
from dipgraph.loader.drafts import provisional_id
from dipgraph.names import close_matches, normalise_name
from dipgraph.suggest.lexicon import Lexicon, PhraseTable
from dipgraph.suggest.mentions import ActorIndex, Mention
from dipgraph.suggest.state_names import given_name
from dipgraph.suggest.text import Token, fold_phrase
from dipgraph.suggest.titles import Title, definite_given_name, named_after_place

_MAX_NAME = 3
# A name an honorific opens may have more family names ("الشيخ مشعل الأحمد الجابر الصباح").
_MAX_HONOURED = 5
# A lineage may run on past three names ("محمد بن سلمان بن عبدالعزيز آل سعود"): up to this
# many names, each after a lineage or family word.
_MAX_LINEAGE = 6
_SAME_SPELLING = 0.85  # a new name this close to a known one is that person spelled otherwise
_SIDE_REACH = 5  # words from "الجانب الأمريكي" to the title of the one who heads it


@dataclass(slots=True)
class Newcomer:
    id: str
    name: str
    title: str  # the title (or the kind of outlet) as printed
    kind: str = "person"


def find_newcomers(
    titles: list[Title],
    tokens: list[Token],
    mentions: list[Mention],
    lexicon: Lexicon,
    text: str,
    index: ActorIndex | None = None,
) -> list[tuple[str, Title, int]]:
    """(name as printed, its title) for each title beside an unknown name: after it
    ("وزير الخارجية عادل الجبير"), else before it ("بدر البوسعيدي، وزير الخارجية")."""
    starts = {m.first for m in mentions}
    by_first = {m.first: m for m in mentions}
    maqsura = _writes_maqsura(tokens)
    found: list[tuple[str, Title, int]] = []  # name, title, the name's first token
    for title in titles:
        envoy = _envoy_before(title, tokens, starts, lexicon)
        if envoy:  # "X مبعوث الأمير Y": X is the envoy, Y the one he serves
            found.append((text[envoy[0].start : envoy[-1].end], title, envoy[0].index))
        if title.holder is not None and title.holder.how == "name":
            second = _second_of_dual(title, tokens, mentions, starts, lexicon)
            if second:
                found.append((text[second[0].start : second[-1].end], title, second[0].index))
            continue
        if tokens[title.first].definite and lexicon.dual_titles.longest(
            tokens, title.first, suffixes=False
        ):
            continue  # "وعقد الرئيسان اجتماعا": "the two presidents" refers back, names no one
        other = _other_given_name(title, tokens, by_first, lexicon, index)
        if other:
            found.append((text[other[0].start : other[-1].end], title, other[0].index))
            continue
        taken = _name_after(title, tokens, starts, lexicon, maqsura=maqsura)
        if not taken and not envoy:
            taken = _name_before(title, tokens, starts, lexicon)
        if taken:
            found.append((text[taken[0].start : taken[-1].end], title, taken[0].index))
            second = _second_new(title, taken, tokens, mentions, starts, lexicon)
            if second:
                found.append((text[second[0].start : second[-1].end], title, second[0].index))
    return found


def find_speakers(
    tokens: list[Token], mentions: list[Mention], lexicon: Lexicon, text: str
) -> list[tuple[str, Title, int]]:
    """A new person named by two or three words right after a speech verb opening its
    clause, and closed by "that", a colon, "عبر" or "في" ("وقالت كارولين ليفيت إن",
    "وأضاف جون كيربي:"): no title, but few other words are said that way (sources,
    documents and outlets are not). The verb stands in for the title."""
    starts = {m.first for m in mentions}
    found: list[tuple[str, Title, int]] = []
    for at, token in enumerate(tokens):
        opens = not at or token.after_clause_break or tokens[at - 1].sentence != token.sentence
        joined = token.folded[:1] in ("و", "ف") and token.folded[1:] in token.verbs
        if not (opens or joined):
            continue
        verb = lexicon.speech.longest(tokens, at, verb=True)
        if verb is None or verb[0] != 1:
            continue
        first = at + 1
        if first < len(tokens) and any(  # "وقالت مصادر دبلوماسية إن", "وقال بيان مشترك:"
            table.longest(tokens, first, suffixes=False)
            for table in (
                lexicon.anonymous,
                lexicon.anonymous_officials,
                lexicon.documents,
                lexicon.outlets,
            )
        ):
            continue
        taken: list[Token] = []
        position = first
        words = 0
        while position < len(tokens) and words < _MAX_NAME:
            word = tokens[position]
            if position in starts or word.sentence != token.sentence or word.gap.strip():
                break
            if words and _linked_word(tokens, position, starts, lexicon):
                taken.extend(tokens[position : position + 2])  # "بدر عبد العاطي"
                position += 2
                words += 1
                continue
            if not could_be_name(lexicon, word) or word.definite or len(word.folded) < 3:
                break
            taken.append(word)
            words += 1
            position += 1
        if not 2 <= words <= _MAX_NAME or position >= len(tokens):
            continue
        after = tokens[position]
        closed = (
            ":" in after.gap
            or lexicon.complementisers.longest(tokens, position, suffixes=False)
            or after.folded in ("عبر", "في")
            # "وقال X Y المتحدث باسم الوزارة إن": a definite title in apposition
            or (after.definite and lexicon.titles.longest(tokens, position, suffixes=False))
        )
        if closed and after.sentence == token.sentence:
            title = Title(at, first, first, False)
            found.append((text[taken[0].start : taken[-1].end], title, first))
    return found


def _envoy_before(
    title: Title, tokens: list[Token], starts: set[int], lexicon: Lexicon
) -> list[Token]:
    """The new name an honorific opens right before an envoy's (aide's...) indefinite head,
    which names the one served after it ("معالي الشيخ X مبعوث صاحب السمو Y"; titles.yaml:
    principal): X holds the post."""
    head = tokens[title.first]
    if head.definite or not lexicon.principal.longest(tokens, title.first, suffixes=False):
        return []
    taken = _name_before(title, tokens, starts, lexicon)
    honoured = (
        bool(taken) and taken[0].index > 0 and lexicon.honorifics.has(tokens[taken[0].index - 1])
    )
    return taken if honoured else []  # "معالي الشيخ X مبعوث": not "التقى بوتين مبعوث ترامب"


def _linked_word(tokens: list[Token], at: int, starts: set[int], lexicon: Lexicon) -> bool:
    """A name link ("عبد", "أبو") at ``at`` with the name word it joins right after it."""
    if at + 1 >= len(tokens) or at + 1 in starts:
        return False
    link, after = tokens[at], tokens[at + 1]
    return (
        lexicon.name_links.has(link)
        and after.sentence == link.sentence
        and not after.gap.strip()
        and could_be_name(lexicon, after, definite=True)
    )


def _second_of_dual(
    title: Title,
    tokens: list[Token],
    mentions: list[Mention],
    starts: set[int],
    lexicon: Lexicon,
) -> list[Token]:
    """A dual title's second holder the facts do not know: "وزيري الخارجية الروسي سيرغي
    لافروف والأميركي أنتوني بلينكن"."""
    holder = title.holder
    if holder is None or holder.first != title.last or title.shared:
        return []
    if not lexicon.dual_titles.longest(tokens, title.first, suffixes=False):
        return []
    at = holder.last
    adjective = next((m for m in mentions if m.first == at and m.how == "demonym"), None)
    if adjective is None or not tokens[at].folded.startswith("و"):
        return []
    return _name_after(title, tokens, starts, lexicon, adjective.last)


def _second_new(
    title: Title,
    taken: list[Token],
    tokens: list[Token],
    mentions: list[Mention],
    starts: set[int],
    lexicon: Lexicon,
) -> list[Token]:
    """A dual title's second new holder after its first new one: "نظيريه الكوبي X
    والفنزويلي Y" (titles.yaml: dual); the second is joined by "و" and a state's
    adjective."""
    if not lexicon.dual_titles.longest(tokens, title.first, suffixes=False):
        return []
    at = taken[-1].index + 1
    if at >= len(tokens) or tokens[at].gap.strip() or not tokens[at].folded.startswith("و"):
        return []
    adjective = next((m for m in mentions if m.first == at and m.how == "demonym"), None)
    if adjective is None:
        return []
    return _name_after(title, tokens, starts, lexicon, adjective.last)


def _writes_maqsura(tokens: list[Token]) -> bool:
    """Whether the article writes a word with a final alef maqsura (ى): then its words
    printed with ي are not those words ("علي" is Ali, not "على")."""
    return any(t.text.endswith("ى") for t in tokens)


def _maqsura_name(lexicon: Lexicon, token: Token, maqsura: bool) -> bool:
    """A given name such as "علي" printed with ي where the article spells "على" with ى."""
    return maqsura and token.text.endswith("ي") and lexicon.maqsura_names.has(token)


# Pronouns of two or more attached to a word ("تمنياتهما", their wishes): no name ends so.
_PLURAL_PRONOUNS = ("هما", "هم", "هن")


def _plural_pronoun(token: Token) -> bool:
    """Whether the word carries a dual or plural pronoun after a stem of four letters."""
    folded = token.folded
    return any(folded.endswith(p) and len(folded) - len(p) >= 4 for p in _PLURAL_PRONOUNS)


def _nisba(lexicon: Lexicon, token: Token) -> bool:
    """A state's definite adjective that the mentions left as no state (after a given name
    it is a family name: "محمد شياع السوداني"; state_names.py decides): a name's part."""
    return token.definite and (lexicon.demonyms.has(token) or lexicon.state_names.has(token))


def _name_after(
    title: Title,
    tokens: list[Token],
    starts: set[int],
    lexicon: Lexicon,
    at: int = -1,
    maqsura: bool = False,
) -> list[Token]:
    """Two name words after the title (or from ``at``; a link such as بن or أبو joins
    more, an honorific before them is skipped); a third only where the name visibly ends
    after it, since "جون كيري سبل" is a name and then a noun. A definite word ends a name
    ("عادل الجبير")."""
    sentence = tokens[title.first].sentence
    at = title.last if at < 0 else at
    honoured = False  # "الشيخ علي جراح الصباح": family names follow the given names
    while at < len(tokens) and lexicon.honorifics.has(tokens[at]) and not tokens[at].gap.strip():
        at += 1
        honoured = True
    taken: list[Token] = []
    words = 0
    while at < len(tokens) and tokens[at].sentence == sentence and at not in starts:
        token = tokens[at]
        gap = token.gap.strip()
        if taken and token.gap == "-" and could_be_name(lexicon, token):
            taken.append(token)  # "يون سيوك-يول": one word of the name, hyphenated
            at += 1
            continue
        if gap and (taken or gap not in ",،"):
            break
        if taken and lexicon.name_suffixes.has(token):
            taken.append(token)  # "مولود تشاووش أوغلو": the suffix is the name's last part
            words += 1
            break
        if honoured and words and _family_at(tokens, at, sentence, starts, lexicon):
            taken.append(token)  # "الجابر الصباح": one more family name of the chain
            words += 1
            at += 1
            if words >= _MAX_HONOURED:
                break
            continue
        linked = bool(taken) and lexicon.name_links.has(taken[-1])
        if (
            lexicon.name_links.has(token)
            and at + 1 < len(tokens)
            and (taken or not tokens[at + 1].gap.strip())
        ):
            taken.append(token)  # "بن", "أبو", "عبد المجيد": the name goes on
            at += 1
            continue
        if _plural_pronoun(token) or (
            lexicon.titles.longest(tokens, at, suffixes=False)
            and not given_name(lexicon, tokens, at)
        ):
            break  # "نائب الأمير وولي العهد", "وتمنياتهما": another post, a word with "their"
        if (
            not could_be_name(lexicon, token, definite=words > 0 or linked)
            and not given_name(lexicon, tokens, at)
            and not (words == 0 and definite_given_name(tokens, at, lexicon))  # "الحسين بن"
            and not _maqsura_name(lexicon, token, maqsura)  # "محمد علي الحكيم"
            and not (words > 0 and _nisba(lexicon, token))
        ):
            break
        third = words == 2 and not linked
        if third and token.folded[:1] == "و" and token.folded[1:] in token.names:
            break  # "سيرغي كيسلياك وبشكل": "و" joins a clause, not a name's third part
        if words and _prefixed_name(token, tokens):
            break  # "الرئيس عباس ودحلان": "و" joins another name the article prints bare
        if third and _future_verb(token):
            break  # "ألبرتو فرنانديز ستتطرق إلى": the verb the name is the subject of
        if third and _definite_title_at(tokens, at + 1, sentence, lexicon):
            break  # "سامح شكري قامت السفيرة": a verb, its subject the title after it
        # a third word needs a visible end after it: a coordination ("توسك أوروبا
        # والصين") may list the objects the name's verb takes
        ends = _name_ends(tokens, at + 1, sentence, starts, lexicon, coordination=not third)
        ends = ends or _suffix_at(tokens, at + 1, sentence, lexicon)
        if honoured and not token.definite:  # "مبارك فيصل سعود الصباح"
            ends = ends or _family_at(tokens, at + 1, sentence, starts, lexicon)
        if not ends and (third or (token.definite and words > 0)):
            break  # "جون كيري سبل", "أنتوني بلينكن العلاقات الثنائية"
        taken.append(token)
        words += 1
        at += 1
        if _suffix_at(tokens, at, sentence, lexicon):
            continue  # "تشاووش أوغلو": the suffix closes the name next
        chained = honoured and _family_at(tokens, at, sentence, starts, lexicon)
        lineage = _lineage_goes_on(tokens, at, words, lexicon)
        if words >= _MAX_NAME and not lineage and not (chained and words < _MAX_HONOURED):
            break
        given = words == 1 and definite_given_name(tokens, at - 1, lexicon)
        if token.definite and not linked and not token.text.isascii() and not (chained or given):
            break
    while taken and lexicon.name_links.has(taken[-1]):
        taken.pop()
    if words == 1 and len(taken) == 1 and _lone_name(taken[0], tokens, sentence, starts, lexicon):
        return taken  # "الرئيس أوباما قال": a surname alone, where a name visibly ends
    return taken if words >= 2 else []


# The last article's tokens and their folded forms, one tuple replaced whole (two threads
# drafting at once each read a pair that belongs together); it holds one article's
# tokens until the next is drafted.
_BARE: list[tuple[list[Token] | None, frozenset[str]]] = [(None, frozenset())]


def _prefixed_name(token: Token, tokens: list[Token]) -> bool:
    """Whether ``token`` is "و" or "ب" before a word the article also prints on its own
    ("ودحلان", "بدحلان" where "دحلان" stands alone elsewhere): another name, joined or
    governed, not the next part of this one."""
    stem = token.folded[1:]
    if token.folded[:1] not in ("و", "ب") or len(stem) < 3 or stem not in token.names:
        return False
    seen, bare = _BARE[0]
    if seen is not tokens:
        bare = frozenset(t.folded for t in tokens)
        _BARE[0] = (tokens, bare)
    return stem in bare


def _definite_title_at(tokens: list[Token], at: int, sentence: int, lexicon: Lexicon) -> bool:
    """A definite title's head at ``at`` with no punctuation before it ("السفيرة")."""
    if at >= len(tokens) or tokens[at].sentence != sentence or tokens[at].gap.strip():
        return False
    token = tokens[at]
    return token.definite and bool(lexicon.titles.longest(tokens, at, suffixes=False))


def _suffix_at(tokens: list[Token], at: int, sentence: int, lexicon: Lexicon) -> bool:
    """A name's suffix ("أوغلو", cues.yaml: name_suffixes) at ``at``, right after a word."""
    if at >= len(tokens) or tokens[at].sentence != sentence or tokens[at].gap.strip():
        return False
    return lexicon.name_suffixes.has(tokens[at])


def _family_at(
    tokens: list[Token], at: int, sentence: int, starts: set[int], lexicon: Lexicon
) -> bool:
    """A family name at ``at`` going on a name an honorific opened: a definite word that
    may be a name's ("الجابر"; "الصباح", listed as family_names since it is also a common
    word), right after the word before it, where the name visibly ends after the chain."""
    while at < len(tokens) and tokens[at].sentence == sentence and at not in starts:
        token = tokens[at]
        if token.gap.strip() or not token.definite:
            return False
        if not could_be_name(lexicon, token, definite=True):
            return False
        if _name_ends(tokens, at + 1, sentence, starts, lexicon):
            return True
        at += 1
    return False


def _lineage_goes_on(tokens: list[Token], at: int, words: int, lexicon: Lexicon) -> bool:
    """Whether the name goes on at ``at`` with a lineage or family word ("بن", "آل") and
    the name after it (cues.yaml: lineage, families), within the bound of a lineage."""
    if words >= _MAX_LINEAGE or at + 1 >= len(tokens):
        return False
    link, after = tokens[at], tokens[at + 1]
    if link.sentence != tokens[at - 1].sentence or link.gap.strip() or after.gap.strip():
        return False
    return lexicon.lineage.has(link) or lexicon.families.has(link)


_FUTURE = ("سي", "ست", "سن")  # the future's س before an imperfect verb's prefix


def _future_verb(token: Token) -> bool:
    """A verb in the future ("ستتطرق", "سيلتقي", "سنعمل"): س, the imperfect's prefix,
    then the verb's first consonant; not a name such as "ستيوارت" (a vowel follows)."""
    word = token.folded
    return len(word) >= 5 and word[:2] in _FUTURE and word[2] not in "يوا"


def _lone_name(
    token: Token, tokens: list[Token], sentence: int, starts: set[int], lexicon: Lexicon
) -> bool:
    """One word after a title is a name only if it could be nothing else here: no article
    or attached pronoun, four letters or more, and then punctuation, a speech or contact
    word or "that" (not merely a word no name has: "الوزير نفسه")."""
    if token.definite or token.forms != token.names or len(token.folded) < 4:
        return False
    at = token.index + 1
    if at >= len(tokens) or tokens[at].sentence != sentence:
        return True
    after = tokens[at]
    if not after.gap.strip() and after.definite and lexicon.contact_types.has(after):
        return False  # "الوزير الروسي توسع المحادثات": a noun of a genitive chain
    return (
        bool(after.gap.strip())
        or lexicon.speech.has(after, verb=True)
        or lexicon.contact_types.has(after)
        or lexicon.complementisers.has(after)
    )


def _honoured_chain(tokens: list[Token], at: int, lexicon: Lexicon) -> bool:
    """Whether the definite word at ``at`` is inside a name of a given name and several
    family names that an honorific opens ("الشيخ مشعل الأحمد الجابر الصباح"): back over
    definite words to one indefinite given name, with the honorific right before it."""
    sentence = tokens[at].sentence
    while at >= 0 and tokens[at].sentence == sentence and tokens[at].definite:
        if tokens[at].gap.strip():
            return False
        at -= 1
    for _ in range(2):  # "الشيخ الدكتور أحمد ناصر المحمد الصباح": given and father's names
        if not (
            at >= 1
            and tokens[at - 1].sentence == sentence
            and not tokens[at].gap.strip()
            and could_be_name(lexicon, tokens[at])
        ):
            return False
        if lexicon.honorifics.has(tokens[at - 1]):
            return True
        at -= 1
    return False


def _name_before(
    title: Title, tokens: list[Token], starts: set[int], lexicon: Lexicon
) -> list[Token]:
    """Name words right before the title ("X، وزير الخارجية", "X مبعوث ترامب"), back to
    a word that cannot be in a name, which must be there: a verb or "بأن" before them."""
    first = title.first
    if first == 0 or (tokens[first].gap.strip() not in ("", ",", "،")):
        return []
    head = tokens[first]
    prefixed = head.folded[:1] in "بكل" and head.folded[1:] in head.names
    if prefixed and head.folded not in lexicon.titles.by_first:
        return []  # "كرئيس", "لرئيس": as or for a president, no apposition ("كبير" is one)
    stated = any(m.how == "demonym" for m in title.inside)  # "قال X الرئيس الأرجنتيني إن"
    if not head.gap.strip() and head.definite and not stated:
        return []  # without a comma only an indefinite head follows a name ("X مبعوث ترامب")
    sentence = tokens[first].sentence
    taken: list[Token] = []
    at = first - 1
    while at >= 0 and tokens[at].sentence == sentence and at not in starts and len(taken) < 5:
        token = tokens[at]
        honoured = token.definite and _honoured_chain(tokens, at, lexicon)  # "الصباح" too
        if not (
            honoured
            or lexicon.name_links.has(token)
            or could_be_name(lexicon, token, definite=True)
        ):
            break
        if token.forms != token.names:
            break  # "منصبه": a word with a pronoun is no name
        if token.definite and taken and not token.text.isascii() and not honoured:
            break  # a definite word only ends a name
        taken.insert(0, token)
        if token.gap.strip():
            at -= 1
            break  # punctuation before the name opens it
        at -= 1
    while taken and lexicon.name_links.has(taken[0]):
        taken.pop(0)
    if taken and any(named_after_place(tokens, taken[0].index - k, lexicon) for k in (1, 2)):
        return []  # "مطار الملك خالد الدولي، ولي العهد": a place's name, no person's
    if taken and taken[0].index > 0 and not taken[0].gap.strip() and taken[-1].definite:
        previous = tokens[taken[0].index - 1]
        chain = not any(lexicon.name_links.has(t) for t in taken)
        if chain and previous.sentence == sentence and lexicon.titles.has(previous):
            return []  # "نائب رئيس مجلس الوزراء وزير الدفاع": the words end another title
    if any(lexicon.titles.longest(tokens, t.index, suffixes=False) for t in taken):
        return []  # "ولي العهد رئيس مجلس الوزراء": two posts of one person, no name
    words = [t for t in taken if not lexicon.name_links.has(t)]
    before = taken[0].index - 1 if taken else -1
    honoured = before >= 0 and lexicon.honorifics.has(tokens[before])
    # "لدولة السيد هواكافامايليكو رئيس وزراء": one word an honorific opens is a name
    alone = honoured and len(words) == 1 and _lone_honoured(words[0], tokens[first])
    if not (2 <= len(words) <= (_MAX_HONOURED if honoured else _MAX_NAME) or alone):
        return []
    opener = tokens[taken[0].index]
    bounded = (
        taken[0].index == 0
        or tokens[taken[0].index - 1].sentence != sentence
        or bool(opener.gap.strip())
        or not could_be_name(lexicon, tokens[taken[0].index - 1], definite=True)
    )
    return taken if bounded else []


def _lone_honoured(word: Token, head: Token) -> bool:
    """One word between an honorific and an indefinite title's head ("السيد X رئيس
    وزراء") is a name: no article, no pronoun, four letters or more, right before it."""
    return (
        not word.definite
        and word.forms == word.names
        and len(word.folded) >= 4
        and not head.definite
        and not head.gap.strip()
    )


def _other_given_name(
    title: Title,
    tokens: list[Token],
    by_first: dict[int, Mention],
    lexicon: Lexicon,
    index: ActorIndex | None,
) -> list[Token]:
    """ "السفير جون سوليفان" where the facts know only another Sullivan: a given name
    unlike the known one's before a known surname is someone new. A spelling of the same
    given name ("سيرغي" for "سيرجي") is the known person; a word no name has ("السفير
    إلى أوشاكوف": to) is no given name."""
    if index is None or title.last + 1 >= len(tokens):
        return []
    given, surname = tokens[title.last], tokens[title.last + 1]
    known = by_first.get(title.last + 1)
    if known is None or known.last != known.first + 1 or given.gap.strip() or surname.gap.strip():
        return []
    if index.kind(known.actor) != "person":
        return []
    if given.definite or not could_be_name(lexicon, given) or title.last in by_first:
        return []
    names = [n.split() for n in index.actors[known.actor].names.values()]
    givens = [normalise_name(words[0]) for words in names if len(words) > 1]
    if not givens or close_matches(given.folded, givens, n=1, cutoff=0.6):
        return []
    return [given, surname]


def _name_ends(
    tokens: list[Token],
    at: int,
    sentence: int,
    starts: set[int],
    lexicon: Lexicon,
    coordination: bool = True,
) -> bool:
    """Whether a name may end before ``tokens[at]``: nothing, punctuation, a known name, a
    word joined by "و" (unless not ``coordination``) or a lexicon word follows. Not a
    definite word: "سبل الحل" is a noun and its complement, so the word before it is no
    name."""
    if at >= len(tokens) or tokens[at].sentence != sentence or at in starts:
        return True
    token = tokens[at]
    joined = (
        coordination and token.folded[:1] in "وف" and token.folded[1:] in token.names
    )  # "وأجرى"
    return bool(token.gap.strip()) or joined or not could_be_name(lexicon, token, definite=True)


def could_be_name(lexicon: Lexicon, token: Token, definite: bool = False) -> bool:
    """A word that may be part of a new person's name; ``definite``: a word with the
    article may be (a surname: "الجبير", "البوسعيدي")."""
    if not any(c.isalpha() for c in token.text):
        return False
    if token.text.isascii():
        return token.text[:1].isupper() and not lexicon.not_names.has(token)
    bare = token.folded.startswith("ال")  # "الجبير", not "للتشاور" (to consult)
    if definite and bare and lexicon.family_names.has(token):
        return True  # "الصباح": a family name, though also the morning
    if (
        lexicon.speech.has(token, verb=True)
        or lexicon.contact_types.opens(token)
        or lexicon.carriers.has(token, verb=True)
    ):
        return False  # "سلطان عمان يبحث مع", "ولي العهد يبعث رسالة": a verb ends a name
    return not (
        (token.definite and not (definite and bare))
        or len(token.folded) < 2
        or any(
            table.has(token)
            for table in (
                lexicon.not_names,
                lexicon.contact_types,
                lexicon.titles,
                lexicon.relative_dates,
                lexicon.months,
                lexicon.status,
                lexicon.honorifics,
                lexicon.complementisers,
                lexicon.speech_nouns,  # "تأكيد X، الممثل الخاص": the noun is no name
                lexicon.demonyms,
                lexicon.places,  # "دونالد توسك أوروبا والصين": a place ends a name
                lexicon.state_names,  # "مدير إدارة أمريكا الشمالية": a region, no name
            )
        )
    )


def _side_before(
    index: ActorIndex, title: Title, tokens: list[Token], mentions: Sequence[Mention]
) -> list[str]:
    """A title naming no state takes the side named just before it in its clause:
    "ورأس الجانب الأمريكي في الاجتماع نائبة وزير الخارجية X" (X is American)."""
    first = title.first
    for mention in reversed(mentions):
        if mention.last > first or first - mention.last > _SIDE_REACH:
            continue
        if any(set(t.gap) & set("،,.؛;") for t in tokens[mention.last : first + 1]):
            return []
        if mention.how == "demonym" and index.kind(mention.actor) == "state":
            return [mention.actor]
    return []


def _known_people(index: ActorIndex) -> dict[str, str]:
    """Known people's names of two words or more, folded, to their ids."""
    found: dict[str, str] = {}
    for actor in index.actors.values():
        if actor.kind != "person":
            continue
        for name in [*actor.names.values(), *(a for v in actor.aliases.values() for a in v)]:
            if len(name.split()) > 1:
                found.setdefault(normalise_name(name), actor.id)
    return found


def enrol(
    index: ActorIndex,
    newcomers: list[tuple[str, Title, int]],
    tokens: list[Token],
    text: str,
    mentions: Sequence[Mention] = (),
    lexicon: Lexicon | None = None,
) -> dict[str, Newcomer]:
    """Give each new name a provisional id and put it in the index, with its surname: a
    father's name with its "بن" ("بن طارق"), no family's name ("آل سعود": all its
    members)."""
    enrolled: dict[str, Newcomer] = {}
    by_name: dict[str, str] = {}
    spelled = _known_people(index)
    for name, title, first in newcomers:
        if name in by_name:
            continue
        same = close_matches(normalise_name(name), list(spelled), n=1, cutoff=_SAME_SPELLING)
        if same:  # "أنطونوف" for "أنتونوف": the known person spelled another way
            by_name[name] = spelled[same[0]]
            index.names.add(name, (spelled[same[0]], "any"))
            continue
        ident = provisional_id(len(enrolled) + 1)
        while ident in index.actors:
            ident += "-x"
        # "والأميركي X" (a dual title's second holder): the adjective right before X
        right_before = [
            m.actor
            for m in mentions
            if m.last == first and m.how == "demonym" and index.kind(m.actor) == "state"
        ]
        states = right_before or [m.actor for m in title.inside if index.kind(m.actor) == "state"]
        states = states or _side_before(index, title, tokens, mentions)
        language = "en" if name.isascii() else "ar"
        index.actors[ident] = Actor(
            ident, "person", {language: name}, country=states[0] if states else None
        )
        printed = text[tokens[title.first].start : tokens[title.last - 1].end]
        enrolled[ident] = Newcomer(ident, name, printed)
        by_name[name] = ident
        index.names.add(name, (ident, "any"))
        surname = _surname(name, lexicon)
        if surname and not index.names.by_first.get(surname.casefold()) and len(surname) >= 3:
            index.names.add(surname, (ident, "capital" if surname.isascii() else "any"))
    return enrolled


def _surname(name: str, lexicon: Lexicon | None) -> str | None:
    """The short form a new name is called by later: its last word, or "بن X" after a
    lineage word; none after a family's "آل" (cues.yaml: lineage)."""
    words = name.split()
    if lexicon is None or len(words) < 2:
        return words[-1]
    if len(words) >= 3 and _one_word(lexicon.name_suffixes, fold_phrase(words[-1])[0]):
        return f"{words[-2]} {words[-1]}"  # "تشاووش أوغلو", not "أوغلو"
    before = fold_phrase(words[-2])
    if len(before) != 1:
        return words[-1]
    if _one_word(lexicon.families, before[0]):
        return None
    if _one_word(lexicon.lineage, before[0]):
        return f"{words[-2]} {words[-1]}"
    return words[-1]


def _one_word(table: PhraseTable, folded: str) -> bool:
    return any(len(words) == 1 for words, _ in table.by_first.get(folded, ()))
