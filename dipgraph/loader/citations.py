"""Evidence of the second kind: a statement of a structured dataset, checked like a quote.

A fact may cite, instead of a quote from an article, one statement of a dataset file
kept beside the facts (a source with ``format: wikidata-json`` or ``ftm-json``)::

    evidence:
      - dataset: wikidata-officials      # the source holding the file
        entity: Q90000001                # the item, or the FtM entity id
        property: P39                    # the property (FtM: the field)
        value: Q90000010                 # the value cited
        qualifiers: {P580: 2016-03-14}   # optional: on the same statement
        address: https://www.wikidata.org/wiki/Q90000001#P39   # optional
        retrieved: 2026-12-01            # when the file was taken

``check`` reads the file (once a source) and proves that one statement of the entity
has that value and every qualifier given; the fact's ``quote`` is the statement
written out (``Q90000001 P39 Q90000010 (P580: 2016-03-14)``), what exports show.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dipgraph.facts import Citation, Source
from dipgraph.loader.dataset_files import FORMATS, Dataset, DatasetError, read_dataset_file
from dipgraph.loader.problems import Problem

CITATION_KEYS = ("dataset", "entity", "property", "value", "qualifiers", "address", "retrieved")
REQUIRED_KEYS = ("dataset", "entity", "property", "value", "retrieved")


@dataclass(frozen=True, slots=True)
class CitationUse:
    """A dataset statement some evidence cites, and where."""

    source: str
    cites: Citation
    path: str
    line: int
    col: int


def written_out(cites: Citation) -> str:
    """The statement as one line of text: the evidence's ``quote``."""
    qualifiers = ", ".join(f"{key}: {value}" for key, value in cites.qualifiers.items())
    return f"{cites.entity} {cites.property} {cites.value}" + (
        f" ({qualifiers})" if qualifiers else ""
    )


def is_dataset(source: Source) -> bool:
    return source.format in FORMATS


def check_citations(
    uses: list[CitationUse], sources: dict[str, Source], problems: list[Problem]
) -> None:
    """Every cited statement must be in its dataset file (each file read once)."""
    read: dict[str, Dataset | None] = {}
    for use in uses:
        source = sources.get(use.source)
        if source is None:
            continue  # unknown, invalid or unreadable: reported already
        if not is_dataset(source):
            problems.append(
                Problem(
                    use.path, use.line, use.col,
                    f"'{use.source}' is a text source, not a dataset: cite it with source: "
                    "and quote:, or give the source format: wikidata-json or ftm-json",
                )
            )  # fmt: skip
            continue
        if use.source not in read:
            read[use.source] = _read(source, use, problems)
        dataset = read[use.source]
        if dataset is None:
            continue
        cites = use.cites
        if dataset.holds(cites.entity, cites.property, cites.value, cites.qualifiers):
            continue
        if not dataset.of(cites.entity, cites.property):
            reason = f"no entity {cites.entity} with {cites.property}"
        else:
            qualified = ", ".join(f"{k} = {v}" for k, v in cites.qualifiers.items())
            reason = f"no statement {cites.entity} {cites.property} = {cites.value}" + (
                f" with {qualified}" if qualified else ""
            )
        problems.append(
            Problem(
                use.path, use.line, use.col,
                f"dataset '{use.source}' ({Path(source.file).name}) has {reason}",
            )
        )  # fmt: skip


def check_quoted_datasets(
    uses: list[Any], sources: dict[str, Source], problems: list[Problem]
) -> None:
    """A quote is checked against a text: one citing a dataset source is refused
    (``uses``: the loader's QuoteUse records, with source, path, line and col)."""
    for use in uses:
        source = sources.get(use.source)
        if source is not None and is_dataset(source):
            problems.append(
                Problem(
                    use.path, use.line, use.col,
                    f"source '{use.source}' is a dataset ({source.format}): cite one of its "
                    "statements (dataset:, entity:, property:, value:, retrieved:), not a quote",
                )
            )  # fmt: skip


def _read(source: Source, use: CitationUse, problems: list[Problem]) -> Dataset | None:
    try:
        return read_dataset_file(Path(source.file), str(source.format))
    except (DatasetError, OSError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        problems.append(
            Problem(
                use.path, use.line, use.col,
                f"dataset '{use.source}': cannot read {Path(source.file).name} as "
                f"{source.format} ({reason})",
            )
        )  # fmt: skip
        return None
