"""Every actor a draft claims is named in the draft's own quotes.

A party, speaker or host the clause names only by a title ("نظيره الصيني", "الرئيس
الروسي"), or not at all (a speaker carried over from the sentence before, "وأضاف: ..."),
is quoted where the article names them too: the nearest naming before the draft's first
quote, else the first after it. The curator sees who was meant, and ``check``'s rule 1
(every party is named in one of the fact's quotes) holds for the draft as written.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from dipgraph.suggest.article import Article
from dipgraph.suggest.drafts import Draft


def cite_names(article: Article, draft: Draft, actors: Iterable[str]) -> None:
    """Cite, for each of ``actors`` no quote of the draft names, a clause that does."""
    namings = article.namings()
    for actor in dict.fromkeys(actors):
        found = namings.get(actor)
        if not found:
            continue  # named by no name of its own anywhere: nothing to cite
        starts, mentions = found
        if any(_inside(starts, span.start, span.end) for span in draft.spans):
            continue
        at = bisect_left(starts, draft.spans[0].start)
        mention = mentions[at - 1] if at > 0 else mentions[0]
        sentence = article.sentences[article.tokens[mention.first].sentence]
        first, last = article.clause(sentence, mention.first, mention.last)
        span = article.span(first, last)
        span.naming = True
        if draft.cite(span):
            draft.comments.append(f"{article.name(actor)} is quoted where the article names them")


def _inside(starts: list[int], start: int, end: int) -> bool:
    at = bisect_left(starts, start)
    return at < len(starts) and starts[at] < end
