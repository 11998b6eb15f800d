"""Draft facts from a new article: ``dipgraph suggest`` and its Python twin.

Given an article (Arabic or English plain text) and the known facts, draft the actors
it names, posts, contacts and statements, each quoting the article exactly with its
offsets, a confidence and comments saying what the curator must decide. Rules and
lexicons are YAML data in ``dipgraph/suggest/lexicon/``; nothing is downloaded.

>>> import dipgraph
>>> drafts = dipgraph.suggest(text="Putin met Carol Clark in Vienna on 2 May 2021. "
...                           "Clark said the talks were useful.", facts="tests/fixtures/small")
>>> [(c.type, c.sides, c.place["en"], c.date) for c in drafts.contacts]
[('meeting', [['vladimir-putin'], ['carol-clark']], 'Vienna', '2021-05-02')]
>>> [(s.speaker, s.kind, s.quote) for s in drafts.statements]
[('carol-clark', 'said', 'Clark said the talks were useful')]
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dipgraph.errors import InputError

if TYPE_CHECKING:  # query commands import this package; the drafting modules load on use
    from dipgraph.facts import Facts
    from dipgraph.suggest.drafts import ActorDraft, ContactDraft, PostDraft, StatementDraft

__all__ = ["ArticleError", "Suggestions", "suggest"]


class ArticleError(InputError):
    """An article that cannot be read as UTF-8 text."""


@dataclass(slots=True)
class Suggestions:
    """Everything drafted from one article, in article order within each kind."""

    source_id: str
    source_known: bool
    article: Path | None
    text: str
    actors: list[ActorDraft] = field(default_factory=list)
    posts: list[PostDraft] = field(default_factory=list)
    contacts: list[ContactDraft] = field(default_factory=list)
    statements: list[StatementDraft] = field(default_factory=list)
    known_ids: frozenset[str] = frozenset()  # every id the facts use: drafts avoid them
    known_places: dict[str, str] = field(default_factory=dict)  # a place's name -> its id
    known: Facts | None = field(default=None, repr=False, compare=False)  # drafted against

    def as_dict(self) -> dict:
        """The JSON shape: ``{"source", "actors", "posts", "contacts", "statements"}``."""
        return {
            "source": self.source_id,
            "actors": [a.as_dict() for a in self.actors],
            "posts": [p.as_dict() for p in self.posts],
            "contacts": [c.as_dict() for c in self.contacts],
            "statements": [s.as_dict() for s in self.statements],
        }


MAX_ARTICLE_BYTES = 4 * 1024 * 1024  # a long report is 100 kB; 1 MiB of news drafts in 7-9 s


def read_article(path: str | os.PathLike[str]) -> str:
    """The article's text; ArticleError if it is missing, too large, or not UTF-8."""
    article = Path(path)
    if not article.is_file():
        raise ArticleError(f"article not found: {article}")
    size = article.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise ArticleError(
            f"{article}: {size:,} bytes; suggest reads articles up to {MAX_ARTICLE_BYTES:,}"
        )
    try:
        return article.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ArticleError(f"{article}: not UTF-8 text (byte {error.start})") from error


def _facts(facts: Facts | str | os.PathLike[str] | None) -> Facts:
    from dipgraph.facts import Facts

    if isinstance(facts, Facts):
        return facts
    from dipgraph.bundled import default_facts_dir
    from dipgraph.loader import FactsError, check_facts
    from dipgraph.loader.drafts import is_draft_leftover

    # A folder may hold drafts not yet decided (another article's): their marks are no
    # reason to refuse drafting one more; any other error is.
    known, problems = check_facts(Path(facts) if facts is not None else default_facts_dir())
    if any(p.severity == "error" and not is_draft_leftover(p.message) for p in problems):
        raise FactsError(problems)
    return known


_ID = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*\Z")


def _source_id(facts: Facts, article: Path | None, given: str | None) -> tuple[str, bool]:
    if given:
        if not _ID.match(given):
            raise ArticleError(
                f"source id {given!r} is not an id: lowercase letters, digits, '-', '_', '.'"
            )
        return given, given in facts.sources
    if article is not None:
        resolved = article.resolve()
        for source in facts.sources.values():
            if Path(source.file).resolve() == resolved:
                return source.id, True
        from dipgraph.slugs import slug

        return f"src-{slug(article.stem)}", False
    return "src-new-article", False


def suggest(
    article: str | os.PathLike[str] | None = None,
    facts: Facts | str | os.PathLike[str] | None = None,
    source_id: str | None = None,
    *,
    text: str | None = None,
    lexicon: str | os.PathLike[str] | None = None,
) -> Suggestions:
    """Draft facts from ``article`` (a path) or ``text``, against the known ``facts``
    (a directory, default ./facts or the bundled dataset, or loaded Facts).

    ``lexicon`` is a directory of lexicon files that replace the shipped ones of the same
    name (see dipgraph/suggest/lexicon/README.md). Raises ArticleError for an unreadable
    article, LexiconError for a bad lexicon and dipgraph.FactsError for bad facts.
    """
    from dipgraph.suggest.article import Article
    from dipgraph.suggest.contacts import draft_contacts
    from dipgraph.suggest.hints import add_duplicate_hints
    from dipgraph.suggest.lexicon import LEXICON_DIR, load_lexicon
    from dipgraph.suggest.new_states import drop_idle
    from dipgraph.suggest.posts import draft_actors, draft_posts
    from dipgraph.suggest.statements import draft_statements, speech_verbs

    if text is None:
        if article is None:
            raise ArticleError("give an article path or text=")
        text = read_article(article)
    known = _facts(facts)
    path = Path(article) if article is not None else None
    source, source_known = _source_id(known, path, source_id)
    words = load_lexicon(Path(lexicon).resolve() if lexicon is not None else LEXICON_DIR)
    read = Article.read(text, known, words)
    speeches = speech_verbs(read)
    contacts = draft_contacts(read, speeches)
    add_duplicate_hints(contacts, known, source if source_known else None, text)
    posts = draft_posts(read)
    statements = draft_statements(read, speeches)
    return Suggestions(
        source_id=source,
        source_known=source_known,
        article=path,
        text=text,
        actors=drop_idle(read.index, draft_actors(read), contacts, statements, posts),
        posts=posts,
        contacts=contacts,
        statements=statements,
        known_ids=frozenset(
            ident
            for kind in ("source", "actor", "topic", "place", "post", "contact", "statement")
            for ident in known.by_kind(kind)
        ),
        known_places={
            name.casefold(): place.id
            for place in known.places.values()
            for name in (*place.names.values(), *(a for v in place.aliases.values() for a in v))
        },
        known=known,
    )
