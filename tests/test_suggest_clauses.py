"""`dipgraph suggest` on sentences written for these tests (issue #24, fourth round):
attributions, attendees, denials that govern a contact, and the ends of new names."""

from __future__ import annotations

from conftest import drafts


def speakers(found) -> set[str]:
    return {s.speaker for s in found.statements}


# --- attributions -----------------------------------------------------------------------


def test_an_attribution_names_its_source_after_it_not_the_name_before_it(world) -> None:
    found = drafts("وقال الكرملين إن العلاقات جيدة مع بوتين، بحسب ما أوردته وكالة تاس.", world)
    assert "vladimir-putin" not in speakers(found)
    [outlet] = [a for a in found.actors if a.name == "تاس"]
    assert outlet.provisional_id in speakers(found)


def test_according_to_with_the_preposition_attached_names_the_outlet(world) -> None:
    found = drafts("ووفقا لصحيفة كومرسانت، فإن لافروف التقى بوتين.", world)
    [outlet] = [a for a in found.actors if a.name == "كومرسانت"]
    assert speakers(found) == {outlet.provisional_id}
