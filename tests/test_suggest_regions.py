"""`dipgraph suggest` on sentences written for these tests (issue #24, the round tuned on
the dev articles from other regions: Gulf, Arab states, Asia, Latin America)."""

from __future__ import annotations

from conftest import drafts


def new_names(found) -> list[str]:
    return [a.name for a in found.actors if a.id is None and a.kind == "person"]


# --- names ------------------------------------------------------------------------------


def test_a_states_adjective_before_bin_is_a_given_name_not_the_state(world) -> None:
    found = drafts("استقبل الوزير الأمير تركي بن فهد في الرياض أمس.", world)
    assert "تركي بن فهد" in new_names(found)
    assert "turkey" not in {a.id for a in found.actors}
