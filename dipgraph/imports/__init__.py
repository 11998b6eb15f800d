"""Facts drafted from structured datasets the user brings (``dipgraph import``).

Posts (who held which office, and when) already exist as data: Wikidata's P39 "position
held" with its start (P580) and end (P582) qualifiers, FtM ``Occupancy`` entities. An
import drafts actors, posts with their dates and the organization of each post, matched
to known actors by Wikidata id or exact name, as a reviewable fact file whose evidence
cites the dataset (entity, property, value, qualifiers, address, retrieval date): ``check``
proves every cited value is in the file, which must lie inside the facts directory.
Nothing is merged silently and nothing is fetched.
"""

from __future__ import annotations

import os
from pathlib import Path

from dipgraph.imports.drafts import (
    ActorDraft,
    Citation,
    Imported,
    ImportFileError,
    Matcher,
    PostDraft,
    check_inside,
    dataset_date,
    relative_file,
)
from dipgraph.loader.dataset_files import DatasetError
from dipgraph.loader.fields import is_wikidata_id


def import_dataset(
    kind: str,
    path: str | os.PathLike[str],
    facts_dir: str | os.PathLike[str],
    retrieved: str,
    source_id: str | None = None,
    draft_dir: str | os.PathLike[str] | None = None,
) -> Imported:
    """Draft facts from a Wikidata JSON (``kind="wikidata"``) or FtM JSON lines file
    (``kind="ftm"``) inside ``facts_dir``; ``draft_dir`` is where the draft will be saved
    (the facts directory by default), so the source's ``file`` points at the dataset."""
    from dipgraph.loader import load_facts

    dataset_path, root = Path(path), Path(facts_dir)
    check_inside(dataset_path, root)
    if dataset_date(retrieved) is None:
        raise ImportFileError(f"--retrieved '{retrieved}' is not a date (YYYY-MM-DD)")
    facts = load_facts(root)
    matcher = Matcher(facts)
    where = Path(draft_dir) if draft_dir is not None else root
    from dipgraph.suggest.output import slug

    source = source_id or matcher.new_id(f"{kind}-{slug(dataset_path.stem)}")
    file = relative_file(dataset_path, where)
    try:
        if kind == "wikidata":
            from dipgraph.imports.wikidata import draft_wikidata

            return draft_wikidata(dataset_path, matcher, source, file, retrieved)
        if kind == "ftm":
            from dipgraph.imports.ftm import draft_ftm

            return draft_ftm(dataset_path, matcher, source, file, retrieved)
    except DatasetError as error:
        raise ImportFileError(f"{dataset_path}: {error}") from None
    raise ImportFileError(f"unknown dataset kind {kind!r}: wikidata or ftm")


__all__ = [
    "ActorDraft",
    "Citation",
    "ImportFileError",
    "Imported",
    "PostDraft",
    "import_dataset",
    "is_wikidata_id",
]
