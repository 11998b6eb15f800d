"""Writing every requested export of one compiled graph."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from dipgraph.errors import InputError
from dipgraph.exports import DEFAULT_FORMATS, EXPORTERS
from dipgraph.process_memory import give_back_memory

if TYPE_CHECKING:
    from dipgraph.graph.knowledge import KnowledgeGraph


# The formats written from the compiled quads (or the store made of them).
RDF_FORMATS = frozenset({"ttl", "nt", "nq", "trig", "jsonld"})


class BuildError(InputError):
    """A build that cannot start: an unknown format, an unusable output directory."""


def parse_formats(spec: str | None) -> list[str]:
    """'ttl,trig' -> ['ttl', 'trig']; 'all' -> every format; unknown names refused."""
    if not spec:
        return list(DEFAULT_FORMATS)
    names = [name.strip() for name in spec.split(",") if name.strip()]
    if names == ["all"]:
        return list(EXPORTERS)
    unknown = [name for name in names if name not in EXPORTERS]
    if unknown:
        raise BuildError(f"unknown format '{unknown[0]}'; choose from: {', '.join(EXPORTERS)}, all")
    return list(dict.fromkeys(names))


def _write(kg: KnowledgeGraph, out: Path, name: str, rest: list[str]) -> list[Path]:
    """Write one format; every file it wrote (CSV writes its edges beside its nodes).
    Once no format of ``rest`` (those still to write) needs the quads, they go. Turtle
    alone is written as the quads are compiled, none held (see write_rdf); followed by
    another RDF format, it takes the quads that format will read, compiled once."""
    exporter = EXPORTERS[name]
    if name == "ttl" and not RDF_FORMATS.isdisjoint(rest):
        kg.quads  # noqa: B018 (compiled now, for the formats after it too)
    written = exporter.write(kg, out / exporter.filename)
    if name in RDF_FORMATS and RDF_FORMATS.isdisjoint(rest):
        held = not {"quads", "store"}.isdisjoint(vars(kg))
        kg.forget_rdf()
        if held:
            give_back_memory()
    return [written, *(written.with_name(extra) for extra in exporter.also_writes)]


def build_exports(
    kg: KnowledgeGraph, out: Path, formats: str | None = None, progress: bool = False
) -> list[Path]:
    """Write each format into ``out``; every file appears whole or not at all."""
    names = parse_formats(formats)
    if out.exists() and not out.is_dir():
        raise BuildError(f"--out {out} exists and is not a directory")
    # What checking the facts and writing their cache entry freed (a gigabyte at 100k
    # contacts) goes back to the system before the exports are made.
    give_back_memory()
    written: list[Path] = []
    if not progress:
        for at, name in enumerate(names):
            written.extend(_write(kg, out, name, names[at + 1 :]))
        return written
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("building", total=len(names))
        for at, name in enumerate(names):
            bar.update(task, description=f"writing {EXPORTERS[name].filename}")
            written.extend(_write(kg, out, name, names[at + 1 :]))
            bar.advance(task)
    return written
