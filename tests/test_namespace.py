"""A real namespace: the dataset file beside the facts gives the base of every data IRI
(RDF, JSON-LD, VoID, the JSON Schema's $id) and its title, publisher, licence and
languages; the vocabulary lives at a w3id.org permanent IRI; moving the base changes no
answer."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

import dipgraph
from conftest import BUNDLED, REPO, SMALL
from dipgraph.graph.iris import DEFAULT_BASE, DG_NS
from dipgraph.loader.dataset import DATASET_FILE, dataset_of

OTHER = "https://data.example.org/diplomacy/"
VOID = "http://rdfs.org/ns/void#"
DCT = "http://purl.org/dc/terms/"


def declared() -> dict[str, object]:
    """The bundled dataset.yaml, read as plain YAML (not by dipgraph's loader)."""
    text = (BUNDLED / DATASET_FILE).read_text(encoding="utf-8")
    return yaml.safe_load(text)["dataset"]


@pytest.fixture(scope="module")
def moved(tmp_path_factory) -> Path:
    """The bundled facts with another base in their dataset.yaml."""
    target = tmp_path_factory.mktemp("moved") / "facts"
    shutil.copytree(BUNDLED, target)
    path = target / DATASET_FILE
    text = path.read_text(encoding="utf-8")
    base = declared()["base"]
    assert text.count(f"base: {base}") == 1
    path.write_text(text.replace(f"base: {base}", f"base: {OTHER}"), encoding="utf-8")
    return target


def test_the_bundled_dataset_declares_a_w3id_base_and_its_licence() -> None:
    about = declared()
    assert about["base"] == DEFAULT_BASE == "https://w3id.org/dipgraph/id/"
    assert about["licence"].startswith("https://creativecommons.org/licenses/")
    assert dataset_of(BUNDLED).languages == tuple(about["languages"])


def test_the_vocabulary_is_not_a_reserved_example_domain() -> None:
    assert DG_NS == "https://w3id.org/dipgraph/ns#"
    for path in [*(REPO / "dipgraph").rglob("*.ttl"), *(REPO / "dipgraph").rglob("*.rq")]:
        assert ".example/" not in path.read_text(encoding="utf-8"), path
    ontology = (REPO / "dipgraph" / "schema" / "ontology.ttl").read_text(encoding="utf-8")
    assert f"<{DG_NS}> a owl:Ontology" in ontology
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "w3id.org/dipgraph/ns#" in readme and "perma-id" in readme


def test_void_describes_the_dataset_as_its_file_says() -> None:
    kg = dipgraph.load(BUNDLED)
    about = declared()
    dataset = f"<{about['base']}dataset>"
    said = {
        (p, o)
        for line in kg.nquads.splitlines()
        if line.startswith(dataset)
        for _, p, o in [line.split(" ", 2)]
    }
    assert (f"<{DCT}title>", f'"{about["title"]}"@en <{about["base"]}graph/void> .') in said
    assert (f"<{DCT}license>", f"<{about['licence']}> <{about['base']}graph/void> .") in said
    assert (f"<{DCT}publisher>", f'"{about["publisher"]}" <{about["base"]}graph/void> .') in said
    languages = {o.split('"')[1] for p, o in said if p == f"<{DCT}language>"}
    assert languages == set(about["languages"])


def test_facts_without_a_dataset_file_get_the_default_base() -> None:
    assert not (SMALL / DATASET_FILE).exists()
    kg = dipgraph.load(SMALL)
    assert kg.base == DEFAULT_BASE
    assert f"<{DEFAULT_BASE}actor/" in kg.nquads


@pytest.mark.slow
def test_the_base_goes_into_rdf_jsonld_void_and_the_schema(cli, moved: Path, tmp_path) -> None:
    kg = dipgraph.load(moved)
    assert kg.base == OTHER
    assert "w3id.org/dipgraph/id/" not in kg.nquads
    assert f'<{OTHER}dataset> <{VOID}uriSpace> "{OTHER}"' in kg.nquads
    built = cli("build", "--facts", moved, "--out", tmp_path, "--formats", "jsonld")
    assert built.code == 0, built.err
    document = json.loads((tmp_path / "dipgraph.jsonld").read_text(encoding="utf-8"))
    assert document["@context"]["id"] == OTHER
    schema = cli("schema", "--facts", moved)
    assert schema.json()["$id"] == f"{OTHER}schema/facts.json"
    assert cli("schema", "--facts", BUNDLED).json()["$id"].startswith(DEFAULT_BASE)


@pytest.mark.slow
def test_the_bundled_dataset_file_follows_the_json_schema(cli) -> None:
    schema = cli("schema").json()
    data = yaml.safe_load((BUNDLED / DATASET_FILE).read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    data["dataset"]["licence"] = ["not", "a", "string"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def _modulo_iris(text: str, base: str) -> str:
    return text.replace(base, "{base}")


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    [
        ("talks", "putin", "--format", "json"),
        ("path", "putin", "biden", "--all", "--format", "json"),
        ("show", "lavrov", "--format", "json"),
        ("actors", "--format", "json"),
        ("sparql", "who-talked-to-whom", "--format", "json"),
        (
            "sparql",
            "SELECT ?s ?o WHERE { ?s <http://www.w3.org/2002/07/owl#sameAs> ?o }",
            "--format",
            "csv",
        ),
    ],
)
def test_moving_the_base_changes_no_answer(cli, moved: Path, question: tuple[str, ...]) -> None:
    here = cli(*question, "--facts", BUNDLED)
    there = cli(*question, "--facts", moved)
    assert here.code == there.code == 0, (here.err, there.err)
    assert here.out.strip()
    assert _modulo_iris(here.out, DEFAULT_BASE) == _modulo_iris(there.out, OTHER)


def test_dataset_file_mistakes_are_reported_at_their_place(cli, small_copy: Path) -> None:
    (small_copy / DATASET_FILE).write_text(
        "dataset:\n"
        "  base: https://example.org/no-slash\n"
        "  titel: A title\n"
        "  licence: not an iri\n"
        "  languages: [ar, English]\n",
        encoding="utf-8",
    )
    (small_copy / "zz-extra.yaml").write_text("dataset:\n  title: x\n", encoding="utf-8")
    result = cli("check", "--facts", small_copy, "--format", "json")
    assert result.code == 1
    found = {(Path(p["path"]).name, p["line"], p["col"]): p["message"]
             for p in result.json()["problems"]}  # fmt: skip
    assert "must be an absolute IRI ending with '/'" in found[(DATASET_FILE, 2, 9)]
    assert "unknown field 'titel'" in found[(DATASET_FILE, 3, 3)]
    assert "did you mean 'title'" in found[(DATASET_FILE, 3, 3)]
    assert found[(DATASET_FILE, 4, 12)].startswith("licence must be the IRI of a licence")
    assert "'English' is not a language code" in found[(DATASET_FILE, 5, 19)]
    assert "missing required field 'title'" in found[(DATASET_FILE, 2, 3)]
    assert "dataset.yaml at the root" in found[("zz-extra.yaml", 1, 1)]
    assert len(found) == 6


def test_a_wrong_base_in_the_dataset_file_stops_a_query(cli, small_copy: Path) -> None:
    (small_copy / DATASET_FILE).write_text(
        "dataset:\n  base: https://example.org/x\n  title: t\n", encoding="utf-8"
    )
    result = cli("talks", "--facts", small_copy)
    assert result.code == 1
    assert f"{DATASET_FILE}:2:9: error: base IRI" in result.err
    assert "Traceback" not in result.err
