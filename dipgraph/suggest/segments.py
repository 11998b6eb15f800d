"""Where contacts are mentioned: each contact word (or run of adjacent ones, "محادثات
مباشرة على الإنترنت") and the clause it governs, up to the next contact word, speech
verb or "that".
"""

from __future__ import annotations

from dataclasses import dataclass

from dipgraph.suggest.article import Article
from dipgraph.suggest.gapped import WITH, gapped, subjectless
from dipgraph.suggest.statements import Speech
from dipgraph.suggest.text import Sentence


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


def contact_segments(article: Article, sentence: Sentence, speeches: list[Speech]) -> list[Segment]:
    covered = article.covered()
    words: list[tuple[int, int, str]] = []
    at = sentence.first
    while at < sentence.last:
        match = None if at in covered else article.lexicon.contact_types.longest(article.tokens, at)
        if match is None and at not in covered and not _word_in_clause(article, at, sentence):
            # "بحث الرئيس X مع نظيره Y": the verb of "بحث مع", its subject between (unless
            # a contact word of the clause says what the contact was: "... في اتصال هاتفي")
            kind = gapped(article, article.lexicon.contact_types, at, sentence, WITH)
            match = (1, kind) if kind is not None else None
        if match is None:
            at += 1
            continue
        words.append((at, at + match[0], match[1]))
        at += match[0]
    groups: list[list[tuple[int, int, str]]] = []
    starts = {m.first for m in article.sentence_mentions(sentence)}
    carried: set[int] = set()  # groups opened by a verb whose object is the contact word
    for word in words:
        if groups and _carries(article, groups[-1], word):
            groups[-1].append(word)
            carried.add(len(groups) - 1)
        elif (
            groups
            and not any(groups[-1][-1][1] <= i < word[0] for i in starts)
            and not subjectless(article, word[0], sentence)  # "اللقاءات، وأنه التقى Y"
            and (word[0] - groups[-1][-1][1] <= 3)
        ):
            groups[-1].append(word)
        else:
            groups.append([word])
    segments = []
    verbs = [s.verb for s in speeches if s.sentence is sentence]
    for number, group in enumerate(groups):
        if number in carried:  # "تلقى X اتصالا هاتفيا": the object says what contact
            best = min(group[1:], key=lambda w: article.lexicon.type_rank[w[2]])
        else:
            best = min(group, key=lambda w: article.lexicon.type_rank[w[2]])
        lead = groups[number - 1][-1][1] if number else sentence.first
        end = groups[number + 1][0][0] if number + 1 < len(groups) else sentence.last
        # a new speech verb, "that ..." or "after X's speech" opens another clause
        for at in range(group[-1][1], end):
            if (
                at in verbs
                or article.lexicon.complementisers.longest(article.tokens, at, suffixes=False)
                or article.lexicon.other_events.longest(article.tokens, at, suffixes=False)
            ):
                end = at
                break
        segments.append(Segment(sentence, group[0][0], group[-1][1], best[2], lead, end, group))
    return segments


def _word_in_clause(article: Article, at: int, sentence: Sentence) -> bool:
    """Whether a contact word follows ``at`` in its clause."""
    tokens = article.tokens
    for after in range(at + 1, sentence.last):
        if tokens[after].after_clause_break:
            return False
        if article.lexicon.contact_types.longest(tokens, after):
            return True
    return False


# How far a verb's object may follow it: the subject between has honorifics, a title and
# a name of up to seven words, set off by commas ("تسلم حضرة صاحب السمو الشيخ X بن Y آل Z
# أمير البلاد، رسالة خطية").
_CARRIED_WITHIN = 16


def _carries(
    article: Article, group: list[tuple[int, int, str]], word: tuple[int, int, str]
) -> bool:
    """Whether ``group`` is a lone verb such as "تلقى" whose object is ``word``, later in
    the sentence with only its subject between (commas set off the subject's titles, a
    full clause break does not: "؛"): one contact, whoever the subject is."""
    if len(group) != 1:
        return False
    first, last, _ = group[0]
    tokens = article.tokens
    if not article.lexicon.carriers.longest(tokens, first, suffixes=False):
        return False
    if word[0] - last > _CARRIED_WITHIN:
        return False
    return not any(
        tokens[i].gap.strip(" ،,") or article.lexicon.speech.has(tokens[i], verb=True)
        for i in range(last, word[0] + 1)
    )
