"""The projection (dipgraph/projection.py): one typed record of each fact kind, which
every door reads; its side numbers, roles, dates and evidence, and that changing its
field list changes what the network doors write."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
from pathlib import Path

import networkx as nx
import pytest

import dipgraph
from conftest import SMALL
from dipgraph import projection
from dipgraph.dates import PartialDate
from dipgraph.exports.network import write_csv_tables
from dipgraph.facts import Citation, Contact, Evidence, Post, Statement
from dipgraph.projection import (
    CONTACT_FIELDS,
    NETWORK_CONTACT_FIELDS,
    NETWORK_STATEMENT_FIELDS,
    StatementRecord,
    contact_record,
    network_contact,
    network_statement,
    post_record,
    statement_record,
)

ASSEMBLY = Contact(
    "assembly",
    "talks",
    (("ann", "bob"), ("cyd",), ("dan", "eve")),
    "Three delegations met under a host, with a mediator, about one subject.",
    (Evidence("wire", "three delegations met"), Evidence("paper", "they met", corroborating=True)),
    subjects=("fay",),
    hosts=("gus",),
    mediators=("hal", "ivy"),
    date=PartialDate(2024, 2),
    status="planned",
    secret=True,
)


def test_parties_carry_their_side_from_one_and_role_holders_no_side() -> None:
    record = contact_record(ASSEMBLY, "036", ("CONSULT", None))
    assert [(link.actor, link.role, link.side) for link in record.links] == [
        ("ann", "party", 1), ("bob", "party", 1), ("cyd", "party", 2),
        ("dan", "party", 3), ("eve", "party", 3),
        ("fay", "subject", None), ("gus", "host", None),
        ("hal", "mediator", None), ("ivy", "mediator", None),
    ]  # fmt: skip
    for link in record.links:  # the facts' own numbering, whatever the role
        assert link.side == (ASSEMBLY.side_of(link.actor) if link.role == "party" else None)
    assert record.numbered_sides == ((1, ("ann", "bob")), (2, ("cyd",)), (3, ("dan", "eve")))
    assert record.roles == {"subject": ("fay",), "host": ("gus",), "mediator": ("hal", "ivy")}
    assert record.participants == ASSEMBLY.participants
    assert (record.status, record.secret, record.cameo, record.plover_event) == (
        "planned", True, "036", "CONSULT",
    )  # fmt: skip


def test_a_date_keeps_its_precision_and_the_days_it_may_denote() -> None:
    date = contact_record(ASSEMBLY).date
    assert date is not None
    assert (date.text, date.precision) == ("2024-02", "month")
    assert (date.first, date.last) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert contact_record(dataclasses.replace(ASSEMBLY, date=None)).date is None


def test_evidence_keeps_order_corroboration_and_the_dataset_fields() -> None:
    cites = Citation("Q5", "P39", "Q7", {"P580": "2016-03-14"}, PartialDate(2026, 12, 1),
                     "https://www.wikidata.org/wiki/Q5#P39")  # fmt: skip
    post = Post("held", "ann", {"en": "Envoy"}, (Evidence("wd", "Q5 P39 Q7", cites=cites),))
    (item,) = post_record(post).evidence
    assert item.view() == {"source": "wd", "quote": "Q5 P39 Q7"}
    assert item.dataset is not None
    assert (item.dataset.dataset, item.dataset.entity, item.dataset.property) == (
        "wd", "Q5", "P39",
    )  # fmt: skip
    assert item.dataset.value == "Q7" and item.dataset.qualifiers == (("P580", "2016-03-14"),)
    assert item.dataset.retrieved.text == "2026-12-01"
    assert item.dataset.address == "https://www.wikidata.org/wiki/Q5#P39"
    quotes = contact_record(ASSEMBLY).evidence
    assert [(e.source, e.corroborating, e.dataset) for e in quotes] == [
        ("wire", False, None), ("paper", True, None),
    ]  # fmt: skip


def test_a_post_spans_its_ends_or_the_day_it_is_attested_on() -> None:
    held = post_record(Post("p", "ann", {"en": "Envoy"}, (), from_=PartialDate(2019, 5)))
    assert held.interval == "2019-05/.." and held.span == (dt.date(2019, 5, 1), None)
    seen = post_record(Post("p", "ann", {"en": "Envoy"}, (), as_of=PartialDate(2020, 3, 2)))
    assert seen.interval is None and seen.span == (dt.date(2020, 3, 2), dt.date(2020, 3, 2))


def test_a_statement_record_names_speaker_reporter_and_what_it_is_about() -> None:
    said = Statement("s", "ann", "criticism", "Ann criticised Bob.", (), reported_by="cyd",
                     date=PartialDate(2021), about=("bob", "trade"))  # fmt: skip
    record = statement_record(said)
    assert (record.speaker, record.reported_by, record.about) == ("ann", "cyd", ("bob", "trade"))
    assert record.date is not None and record.date.precision == "year"


def test_records_are_immutable() -> None:
    with pytest.raises(AttributeError):
        contact_record(ASSEMBLY).status = "happened"  # type: ignore[misc]


def test_the_network_fields_are_fields_of_the_record() -> None:
    assert set(NETWORK_CONTACT_FIELDS) <= set(CONTACT_FIELDS)
    flat = network_contact(contact_record(ASSEMBLY, "036"))
    assert list(flat) == [
        f
        for f in NETWORK_CONTACT_FIELDS
        if f not in ("plover_event", "plover_mode", "initiated_by", "reported_by")
    ]  # fmt: skip  (unknown or none: left out)
    assert flat["sides"] == '[["ann", "bob"], ["cyd"], ["dan", "eve"]]'
    assert flat["date"] == "2024-02" and flat["secret"] is True


def test_the_network_doors_name_a_reporter_as_the_records_do() -> None:
    """A contact's reporters (JSON text, as its sides) and a statement's reporter reach
    the network doors under the record's own field name."""
    reported = dataclasses.replace(ASSEMBLY, reported_by=("fay", "gus"))
    assert json.loads(network_contact(contact_record(reported))["reported_by"]) == ["fay", "gus"]
    said = Statement("s", "ann", "criticism", "Ann criticised Bob.", (), reported_by="cyd")
    flat = network_statement(statement_record(said))
    assert set(flat) <= set(NETWORK_STATEMENT_FIELDS) <= {*StatementRecord._fields, "fact"}
    assert (flat["fact"], flat["reported_by"]) == ("s", "cyd")
    unreported = statement_record(dataclasses.replace(said, reported_by=None))
    assert "reported_by" not in network_statement(unreported)


def test_the_field_list_drives_networkx_graphml_and_csv(monkeypatch, tmp_path: Path) -> None:
    """Add a field of the record to the network fields: every network door writes it."""
    monkeypatch.setattr(projection, "NETWORK_CONTACT_FIELDS", (*NETWORK_CONTACT_FIELDS, "place"))
    kg = dipgraph.load(SMALL)
    placed = {c.id: c.place for c in kg.facts.contacts.values() if c.place}
    assert placed, "the small fixture has a contact with a place"
    graph = kg.networkx
    assert {n: d["place"] for n, d in graph.nodes(data=True) if "place" in d} == placed
    nx.write_graphml(graph, tmp_path / "g.graphml")
    read = nx.read_graphml(tmp_path / "g.graphml")
    assert {n: d["place"] for n, d in read.nodes(data=True) if "place" in d} == placed
    write_csv_tables(kg, tmp_path / "t-nodes.csv")
    with (tmp_path / "t-nodes.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["id"]: r["place"] for r in rows if r["place"]} == placed
