"""``suggest --into FACTS_DIR``: the article's text, its source and its drafts, written in.

Three things a curator used to do by hand: copy the text under ``sources/``, write a
source record (with the publication date the article prints), and paste the drafts into
a new file whose ``file:`` path is right relative to where it is written. All go into
files of their own (nothing another article's file holds is touched), each written
whole to a temporary file and linked into place only if no file of that name exists: a
second run, or a name taken meanwhile, changes nothing.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from dipgraph.dates import PartialDate
from dipgraph.suggest import ArticleError, Suggestions
from dipgraph.suggest.corroborating import corroborations_yaml, take_repeats
from dipgraph.suggest.dating import find_published, resolve
from dipgraph.suggest.when import relative_words


@dataclass(frozen=True)
class Written:
    """What ``--into`` wrote: the source text, the fact file, and the publication date."""

    text: Path
    facts: Path
    published: PartialDate | None


def resolve_dates(drafts: Suggestions, published: PartialDate) -> int:
    """Date each contact whose note quotes a relative day ("أمس الخميس") from
    ``published``; the words stay in the note. Returns how many were dated."""
    dated = 0
    for contact in drafts.contacts:
        words = relative_words(contact.date_note)
        if contact.date is not None or words is None:
            continue
        day, why = resolve(words, published)
        if day is not None:
            contact.date = str(day)
            contact.date_note = (
                f'The text says "{words}"; counted from the publication date the article '
                f"prints ({published}), that is {day}."
            )
            dated += 1
        elif why:
            note = (contact.date_note or "").removesuffix(".")
            contact.date_note = f"{note} ({why})." if note else f"Undated ({why})."
    return dated


def targets(root: Path, source_id: str) -> tuple[Path, Path]:
    """Where the text and the fact file go: ``sources/ID.txt`` and ``articles/ID.yaml``
    (or ``ID.yaml`` at the root when the folder has no ``articles/``)."""
    folder = root / "articles" if (root / "articles").is_dir() else root
    return root / "sources" / f"{source_id}.txt", folder / f"{source_id}.yaml"


def write_into(drafts: Suggestions, root: Path, published: PartialDate | None = None) -> Written:
    """Write the article's text, source record and drafts under ``root``; ArticleError
    (and nothing written) when the source is known or a file of that name exists."""
    from dipgraph.suggest.output import to_yaml

    if drafts.source_known:
        raise ArticleError(
            f"source '{drafts.source_id}' is already in {root}: give another --source-id"
        )
    published = published or find_published(drafts.text)
    if published is not None:
        resolve_dates(drafts, published)
    text_path, facts_path = targets(root, drafts.source_id)
    for path in (text_path, facts_path):
        if path.exists():
            raise ArticleError(f"{path} exists already: give another --source-id")
    relative = Path(os.path.relpath(text_path, facts_path.parent)).as_posix()
    repeats = take_repeats(drafts, drafts.known) if drafts.known is not None else []
    body = to_yaml(drafts, source_file=relative, published=published)
    body += corroborations_yaml(repeats, drafts.source_id)
    text_path.parent.mkdir(parents=True, exist_ok=True)
    placed: list[Path] = []
    try:
        for path, content in ((text_path, drafts.text), (facts_path, body)):
            _place(path, content)
            placed.append(path)
    except BaseException:
        for path in placed:
            path.unlink(missing_ok=True)
        raise
    return Written(text_path, facts_path, published)


def _place(path: Path, content: str) -> None:
    """Write ``content`` to a temporary file beside ``path``, then link it there: the
    link fails, and nothing changes, if ``path`` exists (no clobbering, no half file)."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise ArticleError(f"{path} exists already: give another --source-id") from None
    finally:
        os.unlink(temporary)
