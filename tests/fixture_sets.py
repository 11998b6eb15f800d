"""Every dataset the tests compile: what a property of every build must hold on."""

from __future__ import annotations

from conftest import BUNDLED, SMALL, TESTS

DELEGATIONS = TESTS / "fixtures" / "delegations"
EVERY_DATASET = {
    "small": SMALL,
    "bundled": BUNDLED,
    "delegations": DELEGATIONS,
    "sides": TESTS / "fixtures" / "sides",
    "hostile": TESTS / "fixtures" / "hostile",
}
