"""Actors and posts: the known actors an article names, new people introduced by a title
("وزير الخارجية X", "the ambassador X"), and posts from appositions ("السفير الروسي لدى
واشنطن أناتولي أنتونوف").

New people are found in :mod:`dipgraph.suggest.newcomers`.
"""

from __future__ import annotations

from dipgraph.suggest.article import Article
from dipgraph.suggest.drafts import ActorDraft, PostDraft
from dipgraph.suggest.gazetteer import Entry, new_actor_comments
from dipgraph.suggest.mentions import Mention
from dipgraph.suggest.state_names import printed_name
from dipgraph.suggest.text import fold_phrase
from dipgraph.suggest.titles import Title


def draft_actors(article: Article) -> list[ActorDraft]:
    """Each actor once, first mention quoted; newcomers with their provisional id."""
    drafts: dict[str, ActorDraft] = {}
    for mention in sorted(article.mentions + article.implied, key=lambda m: m.first):
        actor = article.index.actors[mention.actor]
        if mention.actor in drafts:
            drafts[mention.actor].mentions += 1
            new = mention.actor in article.newcomers or mention.actor in article.index.gazetteer
            upgrade = mention.how == "name" and not new
            if upgrade and drafts[mention.actor].confidence < 0.9:
                drafts[mention.actor].spans.insert(0, article.span(mention.first, mention.last))
                drafts[mention.actor].confidence = 0.95
            continue
        entry = article.index.gazetteer.get(mention.actor)
        if entry is not None:  # a state (organisation) the facts lack: gazetteer.py
            drafts[mention.actor] = _gazetteer_actor(article, mention, entry)
            continue
        newcomer = article.newcomers.get(mention.actor)
        if newcomer is not None:
            introduced = {"person": "title", "state": "gazetteer"}.get(
                newcomer.kind, "kind of outlet"
            )
            drafts[mention.actor] = ActorDraft(
                [article.span(mention.first, mention.last)],
                0.35,
                [
                    "a new actor: not in the facts. Check the name's extent, choose an id "
                    "(lowercase, hyphenated) in place of this provisional one everywhere, "
                    "add its English name and aliases",
                    f"{introduced} as printed: '{newcomer.title}'",
                ],
                id=None,
                provisional_id=newcomer.id,
                name=newcomer.name,
                kind=newcomer.kind,
            )
            continue
        confidence = {"name": 0.95, "demonym": 0.6, "short": 0.6, "title": 0.5, "guess": 0.3}[
            mention.how
        ]
        comments = {
            "name": [],
            "demonym": ["named only by an adjective (Russian, الروسي)"],
            "short": ["named only by a short form ('the council') of a name used before"],
            "title": ["named only by a title that a known post has; check"],
            "guess": ["named only by a title; taken as the person of that state named most"],
        }[mention.how]
        drafts[mention.actor] = ActorDraft(
            [article.span(mention.first, mention.last)],
            confidence,
            list(comments),
            id=actor.id,
            name=actor.name,
            kind=actor.kind,
        )
    return list(drafts.values())


def _gazetteer_actor(article: Article, mention: Mention, entry: Entry) -> ActorDraft:
    """A state (organisation) the facts lack, drafted under the gazetteer's id and names:
    the Arabic name as the article prints it, else the gazetteer's."""
    printed = next(
        (
            name
            for m in article.mentions
            if m.actor == mention.actor
            and (name := printed_name(article.index, article.tokens, m)) is not None
        ),
        None,
    )
    capital = next(
        (
            name
            for m in article.mentions
            if m.actor == mention.actor
            and (name := printed_name(article.index, article.tokens, m, capitals=True))
        ),
        None,
    )
    span = article.span(mention.first, mention.last)
    return ActorDraft(
        [span],
        0.6 if printed or capital else 0.5,
        new_actor_comments(entry, printed is not None, span.quote, capital),
        id=None,
        provisional_id=entry.id,
        name=printed or entry.ar[0],
        kind=entry.kind,
        english=entry.en,
    )


def _known_posts(
    article: Article, holder: str, words: tuple[str, ...], organisation: str | None
) -> list[str]:
    """A comment naming the known post this may repeat: add the quote there instead."""
    for post in article.facts.posts.values():
        if post.holder != holder:
            continue
        same_title = any(fold_phrase(t) == words for t in post.post.values())
        if same_title or (organisation and post.organization == organisation):
            return [f"the facts have post '{post.id}' for this holder: add the quote there?"]
    return []


def draft_posts(article: Article) -> list[PostDraft]:
    """A post for every title tied to a person named beside it (both people of a dual
    title: "وزيري الخارجية الروسي سيرجي لافروف والأمريكي ريكس تيلرسون")."""
    drafts: list[PostDraft] = []
    seen: set[tuple[str, str]] = set()
    bare: list[tuple[Title, Mention]] = []
    for title in article.titles:
        holder = title.holder
        if holder is None or holder.how != "name" or title.relational:
            continue
        if article.lexicon.occupations.longest(article.tokens, title.first):
            continue  # "الصحافي الأميركي X": an occupation, no post (titles.yaml)
        if title.last == title.head_last == title.first + 1 and not title.inside:
            # a bare head: a post only if titles.yaml lists it (bare_posts); "President"
            # alone says too little
            if article.lexicon.bare_posts.longest(article.tokens, title.first):
                # "الرئيسين X وY" (a dual head, titles.yaml: dual): each of the two
                bare += [(title, person) for person in (holder, *(p for p, _ in title.shared))]
            continue
        text = article.span(title.first, title.last).quote
        head = article.tokens[title.first]
        joined = head.folded not in article.lexicon.titles.by_first  # "وزير" is a head
        if joined and head.folded[:1] in "وف" and head.folded[1:] in head.names:
            text = text[1:]  # "ووزير الدفاع": the conjunction is no part of the title
        holders = [(holder, None), *title.shared]
        for person, adjective in holders:
            if (person.actor, text) in seen:
                continue
            seen.add((person.actor, text))
            drafts.append(_post(article, title, text, person, adjective))
    for title, holder in bare:
        _bare_post(article, title, holder, drafts, seen)
    return drafts


def _without_article(words: tuple[str, ...]) -> tuple[str, ...]:
    """Folded words, the first without its article ("الرئيس" -> "رئيس")."""
    if words and words[0].startswith("ال") and len(words[0]) > 3:
        return (words[0][2:], *words[1:])
    return words


def _bare_post(
    article: Article,
    title: Title,
    holder: Mention,
    drafts: list[PostDraft],
    seen: set[tuple[str, str]],
) -> None:
    """A bare head before a name ("الرئيس X"): another quote of the person's post that the
    same head opens ("الرئيس الروسي X"), else a post of its own with no organisation."""
    printed = article.span(title.first, title.last).quote
    # the head as the lexicon lists it, without an attached "و", "ب", "ل"... ("بالرئيس")
    text = next(
        (
            printed[cut:]
            for cut in range(min(3, len(printed)))
            if fold_phrase(printed[cut:])[:1]
            and fold_phrase(printed[cut:])[0] in article.lexicon.bare_posts.by_first
        ),
        printed,
    )
    head = _without_article(fold_phrase(text))
    span = article.span(min(title.first, holder.first), max(title.last, holder.last))
    for draft in drafts:
        opens = _without_article(fold_phrase(draft.title))[: len(head)] == head
        if draft.holder == holder.actor and opens:  # "رئيس الجمهورية" is opened by "الرئيس"
            if all(s.start != span.start or s.end != span.end for s in draft.spans):
                draft.spans.append(span)
            return
    if (holder.actor, text) in seen or not _spelled_as_named(article, holder):
        return  # a spelling the facts lack ("بوتن"): check would not find the holder named
    seen.add((holder.actor, text))
    drafts.append(_post(article, title, text, holder, None))
    if article.lexicon.dual_titles.longest(article.tokens, title.first, suffixes=False):
        drafts[-1].comments.append("a dual head (two people's): write the title singular")


def _spelled_as_named(article: Article, holder: Mention) -> bool:
    """Whether the name after a bare head is printed as the holder's name, an alias or its
    last word (a new person: as the article first printed it), as ``check`` reads names."""
    printed = fold_phrase(article.span(holder.first, holder.last).quote)
    newcomer = article.newcomers.get(holder.actor)
    if newcomer is not None:
        return _inside(fold_phrase(newcomer.name), printed)
    actor = article.index.actors.get(holder.actor)
    if actor is None:
        return False
    names = [*actor.names.values(), *(n for ns in actor.aliases.values() for n in ns)]
    keys = {fold_phrase(n) for n in names} - {()}
    return any(_inside(k, printed) or _inside(k[-1:], printed) for k in keys)


def _inside(words: tuple[str, ...], printed: tuple[str, ...]) -> bool:
    """Whether ``words`` run, in order and together, somewhere in ``printed``."""
    size = len(words)
    return size > 0 and any(printed[i : i + size] == words for i in range(len(printed) - size + 1))


def _post(
    article: Article, title: Title, text: str, holder: Mention, adjective: Mention | None
) -> PostDraft:
    first = min(title.first, holder.first)
    last = max(title.last, holder.last)
    inside = list(title.inside)
    comments = ["dates only as the text gives them"]
    if adjective is not None:
        # the second person of a dual title: the state's adjective after "و" replaces the first's
        inside = [adjective, *(m for m in inside if m.how != "demonym")]
        printed = article.span(adjective.first, adjective.last).quote
        comments.append(f"one title for two people; this one is '{printed}': adjust the title")
    organisations = [m.actor for m in inside if article.index.kind(m.actor) == "organization"]
    states = [m.actor for m in inside if article.index.kind(m.actor) == "state"]
    organisation = next(iter(organisations or states), None)
    language = "en" if text.isascii() else "ar"
    words = fold_phrase(text)
    known = article.index.post_names.get(words, {})
    names = {k: v for k, v in known.items() if k != language} if adjective is None else {}
    if names:
        comments.append("other names copied from a known post of this title")
    elif language != "en":
        comments.append("add the English title (check requires it)")
    comments.extend(_known_posts(article, holder.actor, words, organisation))
    if organisation is None:
        comments.append("no organisation or state is named in the title: set one")
    return PostDraft(
        [article.span(first, last)],
        (0.7 if title.last - title.head_last or organisation else 0.5) - (0.1 if adjective else 0),
        comments,
        holder=holder.actor,
        title=text,
        language=language,
        organization=organisation,
        names=names,
    )
