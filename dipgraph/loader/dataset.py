"""The dataset file beside the facts (``dataset.yaml``): where its IRIs live, its title,
publisher, licence and languages; what RDF, JSON-LD, VoID and the JSON Schema's ``$id``
say about the dataset as a whole.

>>> from pathlib import Path
>>> dataset_of(Path("facts")).base
'https://w3id.org/dipgraph/id/'
>>> dataset_of(Path("tests/fixtures/small")) == DEFAULT_DATASET
True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from dipgraph.loader.fields import LANGUAGE_PATTERN
from dipgraph.loader.iri_syntax import iri_problem
from dipgraph.loader.nodes import NodeReader
from dipgraph.loader.problems import Problem, did_you_mean
from dipgraph.schema.namespace import DEFAULT_BASE

DATASET_FILE = "dataset.yaml"


@dataclass(frozen=True, slots=True)
class Dataset:
    """What the facts say about themselves as a dataset."""

    base: str = DEFAULT_BASE
    title: str = "dipgraph knowledge graph"
    description: str | None = None
    publisher: str | None = None
    licence: str | None = None  # an IRI (e.g. a Creative Commons deed)
    languages: tuple[str, ...] = ()


DEFAULT_DATASET = Dataset()
_FIELDS = ("base", "title", "description", "publisher", "licence", "languages")


def base_problem(base: str) -> str | None:
    """Why ``base`` cannot be a base IRI: absolute, ending with '/', '#' or ':'."""
    problem = iri_problem(base)
    if problem is None and base[-1:] in ("/", "#", ":"):
        return None
    reason = f" ({problem})" if problem else ""
    return (
        f"base IRI '{base}' must be an absolute IRI ending with '/', '#' or ':'{reason} "
        "(for example https://example.org/dipgraph/)"
    )


def check_dataset_node(reader: NodeReader, node: yaml.Node) -> Dataset | None:
    """The ``dataset:`` section of dataset.yaml, every mistake reported at its place."""
    entries = reader.mapping(node, "the dataset section")
    if entries is None:
        return None
    values: dict[str, object] = {}
    ok = True
    for key, key_node, value_node in entries:
        if key not in _FIELDS:
            reader.error(
                key_node,
                f"unknown field '{key}' in the dataset{did_you_mean(key, _FIELDS)}; "
                f"fields: {', '.join(_FIELDS)}",
            )
            ok = False
        elif key == "languages":
            codes = []
            for item in reader.sequence(value_node, "languages"):
                code = reader.text(item, "a language")
                if code is not None and not LANGUAGE_PATTERN.match(code):
                    reader.error(item, f"'{code}' is not a language code (ar, en, ru, zh-Hant...)")
                    code = None
                ok = ok and code is not None
                codes.append(code)
            values[key] = tuple(c for c in codes if c)
        else:
            text = reader.text(value_node, key)
            if text is None:
                ok = False
                continue
            problem = None
            if key == "base":
                problem = base_problem(text)
            elif key == "licence" and iri_problem(text):
                problem = f"licence must be the IRI of a licence ({iri_problem(text)})"
            if problem:
                reader.error(value_node, problem)
                ok = False
            values[key] = text
    for required in ("base", "title"):
        if required not in values and not any(k == required for k, _, _ in entries):
            reader.error(node, f"the dataset is missing required field '{required}'")
            ok = False
    return Dataset(**values) if ok else None  # type: ignore[arg-type]


def check_dataset_file(path: Path, shown: str, problems: list[Problem]) -> Dataset:
    """The dataset a dataset.yaml describes (defaults where it is missing or wrong)."""
    from dipgraph.loader.reading import read_yaml_nodes

    node, read_problems = read_yaml_nodes(path, shown)
    problems.extend(read_problems)
    if node is None:
        return DEFAULT_DATASET
    reader = NodeReader(shown, problems)
    found = None
    for key, _, value_node in reader.mapping(node, "a fact file") or []:
        if key == "dataset":
            found = check_dataset_node(reader, value_node)
    return found or DEFAULT_DATASET


def dataset_of(root: Path) -> Dataset:
    """The dataset of a facts directory: its dataset.yaml, else the defaults (a wrong
    file also gives the defaults; ``check`` reports its mistakes)."""
    path = (root if root.is_dir() else root.parent) / DATASET_FILE
    if not path.is_file():
        return DEFAULT_DATASET
    return check_dataset_file(path, str(path), [])
