"""Verbs whose particle comes after their subject: "بحث الرئيس X مع نظيره Y" (a contact
phrase "بحث مع" with the subject between), "وعبر X خلال اللقاء عن أمله" (a speech verb
and its particle). The verb must open its clause, and the particle follow in the same
clause within a few words.
"""

from __future__ import annotations

from dipgraph.suggest.article import Article
from dipgraph.suggest.lexicon import PhraseTable
from dipgraph.suggest.text import Sentence

GAP = 8  # words from the verb to its particle ("عبر X خلال اللقاء عن")
WITH = {"مع"}  # the particle of a contact verb's counterpart


def opens_clause(article: Article, at: int, sentence: Sentence) -> bool:
    """The word at ``at`` opens its clause: first in the sentence, after a clause break,
    joined by "و"/"ف", or after one of cues.yaml's clause_openers ("فيما", "وقد")."""
    token = article.tokens[at]
    return (
        at == sentence.first
        or token.after_clause_break
        or token.folded[:1] in ("و", "ف")
        or bool(article.lexicon.clause_openers.longest(article.tokens, at - 1, suffixes=False))
    )


def gapped(
    article: Article, table: PhraseTable, at: int, sentence: Sentence, particles: set[str] | None
) -> str | None:
    """The payload of a two-word phrase of ``table`` whose first word is the verb at ``at``
    and whose second (one of ``particles``, any if None) follows in its clause."""
    if not opens_clause(article, at, sentence):
        return None
    tokens = article.tokens
    for form in tokens[at].verbs:
        for words, payload in table.by_first.get(form, ()):
            if len(words) != 2 or (particles is not None and words[1] not in particles):
                continue
            for end in range(at + 2, min(sentence.last, at + 1 + GAP)):
                if tokens[end].after_clause_break:
                    break
                if words[1] in tokens[end].forms:
                    return payload
    return None


def subjectless(article: Article, at: int, sentence: Sentence) -> bool:
    """A contact verb of cues.yaml's dropped_subjects that opens its clause ("وسيلتقي",
    "وأنه التقى", "قبل أن يستقبل"): right after a "that", a clause opener or a break."""
    tokens = article.tokens
    lexicon = article.lexicon
    if not lexicon.dropped_subjects.has(tokens[at], verb=True):
        return False
    if at > sentence.first and (
        lexicon.complementisers.longest(tokens, at - 1, suffixes=False)
        or lexicon.clause_openers.longest(tokens, at - 1, suffixes=False)
    ):
        return True
    return opens_clause(article, at, sentence) and not tokens[at].text.isascii()
