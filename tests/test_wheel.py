"""What the wheel ships: type hints (py.typed), the licence and a NOTICE naming every
bundled article as its publisher's text, and the dataset file with its licence."""

from __future__ import annotations

import zipfile

import pytest

from conftest import BUNDLED, REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    from hatchling.builders.wheel import WheelBuilder  # the test extras install it

    out = tmp_path_factory.mktemp("wheel")
    (path,) = WheelBuilder(str(REPO)).build(directory=str(out), versions=["standard"])
    return zipfile.ZipFile(path)


def test_the_wheel_ships_py_typed(wheel: zipfile.ZipFile) -> None:
    assert "dipgraph/py.typed" in wheel.namelist()


def test_the_wheel_metadata_names_the_licence_and_the_notice(wheel: zipfile.ZipFile) -> None:
    names = wheel.namelist()
    (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
    headers = wheel.read(metadata).decode("utf-8").split("\n\n", 1)[0].splitlines()
    assert "License-Expression: MIT" in headers
    assert {"License-File: LICENSE", "License-File: NOTICE"} <= set(headers)
    notice = [n for n in names if n.endswith(".dist-info/licenses/NOTICE")]
    assert notice and wheel.read(notice[0]) == (REPO / "NOTICE").read_bytes()
    assert "dipgraph/bundled_facts/dataset.yaml" in names


def test_the_notice_names_every_bundled_article_as_its_publishers_text() -> None:
    notice = (REPO / "NOTICE").read_text(encoding="utf-8")
    articles = sorted(p.name for p in (BUNDLED / "sources").glob("*.txt"))
    assert len(articles) == 5
    for name in articles:
        assert name in notice
    assert "NOT under either licence" in notice
    assert "MIT" in notice and "creativecommons.org/licenses/by/4.0/" in notice
    dataset = (BUNDLED / "dataset.yaml").read_text(encoding="utf-8")
    assert "licence: https://creativecommons.org/licenses/by/4.0/" in dataset
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "[NOTICE](NOTICE)" in readme
