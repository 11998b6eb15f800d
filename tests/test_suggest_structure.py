"""`dipgraph suggest` on sentences written for these tests (issue #24, fifth round): the
structure of names (lineage, family), greetings carried to someone, and the clause a
reported contact stands in."""

from __future__ import annotations

from conftest import drafts


def sides(found) -> list[list[list[str]]]:
    return [c.sides for c in found.contacts]


def new_id(found, name: str) -> str:
    [actor] = [a for a in found.actors if a.name == name]
    assert actor.provisional_id
    return actor.provisional_id


# --- lineage and family -----------------------------------------------------------------


def test_a_fathers_name_inside_a_sons_name_names_no_one(world) -> None:
    text = (
        "وأشاد بايدن بالملك فيصل بن خالد آل نور. "
        "والتقى الأمير سامي بن فيصل بن خالد آل نور الرئيس بوتين أمس."
    )
    found = drafts(text, world)
    son = new_id(found, "سامي بن فيصل بن خالد آل نور")
    assert sides(found) == [[[son], ["vladimir-putin"]]]


def test_a_new_person_is_called_later_by_his_fathers_name_with_its_word(world) -> None:
    text = "التقى السلطان هادي بن كامل الرئيس بوتين. وتلقى بن كامل اتصالا هاتفيا من بايدن."
    found = drafts(text, world)
    sultan = new_id(found, "هادي بن كامل")
    assert [[sultan], ["joe-biden"]] in sides(found)


# --- greetings carried -------------------------------------------------------------------


def test_greetings_carried_by_an_envoy_are_a_message_of_the_sender(world) -> None:
    found = drafts("ونقل السفير الروسي تحيات الرئيس بوتين إلى الرئيس بايدن.", world)
    [contact] = found.contacts
    assert contact.type == "message"
    assert contact.sides == [["vladimir-putin"], ["joe-biden"]]


def test_greetings_sent_to_no_one_are_no_contact(world) -> None:
    assert drafts("وبعث بوتين بأطيب التحيات.", world).contacts == []


# --- the clause of reported words --------------------------------------------------------


def test_who_the_speaker_praised_before_that_is_no_party_of_the_reported_contact(world) -> None:
    text = "وأشاد بايدن بالرئيس بوتين، وقال إن سيرجي لافروف التقى ريكس تيلرسون."
    assert sides(drafts(text, world)) == [[["sergey-lavrov"], ["rex-tillerson"]]]


def test_that_he_keeps_the_speaker_a_party(world) -> None:
    assert sides(drafts("وقال بوتين إنه التقى بايدن أمس.", world)) == [
        [["vladimir-putin"], ["joe-biden"]]
    ]


# --- relative clauses and the reach of a status cue ---------------------------------------


def by_type(found) -> dict[str, tuple[str, list[list[str]]]]:
    return {c.type: (c.status, c.sides) for c in found.contacts}


def test_a_relative_clause_is_a_contact_of_the_one_it_is_about(world) -> None:
    found = drafts("التقى سيرجي لافروف ريكس تيلرسون، الذي يزور موسكو حاليا.", world)
    assert by_type(found) == {
        "meeting": ("happened", [["sergey-lavrov"], ["rex-tillerson"]]),
        "visit": ("happened", [["rex-tillerson"], ["russia"]]),
    }


def test_a_relative_clause_has_its_own_time(world) -> None:
    found = drafts("يلتقي سيرجي لافروف غدا ريكس تيلرسون، التي تزور روسيا حاليا.", world)
    assert by_type(found) == {
        "meeting": ("planned", [["sergey-lavrov"], ["rex-tillerson"]]),
        "visit": ("happened", [["rex-tillerson"], ["russia"]]),
    }


def test_who_carries_a_named_senders_message_is_no_party_of_it(world) -> None:
    text = "واستقبل بوتين سيرجي لافروف، الذي نقل إلى الرئيس رسالة من الرئيس الأمريكي بايدن."
    found = drafts(text, world)
    assert all(
        "sergey-lavrov" not in side
        for c in found.contacts
        if c.type == "message"
        for side in c.sides
    )
    assert by_type(found)["meeting"] == ("happened", [["vladimir-putin"], ["sergey-lavrov"]])


def test_a_comma_closing_a_name_does_not_end_the_reach_of_a_cue(world) -> None:
    found = drafts("يلتقي سيرجي لافروف، غدا الثلاثاء، ريكس تيلرسون.", world)
    assert by_type(found) == {"meeting": ("planned", [["sergey-lavrov"], ["rex-tillerson"]])}
    found = drafts("التقى بوتين بايدن، ويتوجه غدا إلى باريس.", world)
    assert by_type(found) == {"meeting": ("happened", [["vladimir-putin"], ["joe-biden"]])}


# --- coordination -------------------------------------------------------------------------


def test_people_joined_by_and_after_the_first_party_are_one_side(world) -> None:
    found = drafts("التقى بوتين مع الوزير الصيني وانغ جون والوزير تشين لي في بكين.", world)
    wang, chen = new_id(found, "وانغ جون"), new_id(found, "تشين لي")
    assert sides(found) == [[["vladimir-putin"], [wang, chen]]]


def test_a_title_may_stand_between_the_people_joined(world) -> None:
    found = drafts("استقبل الكرملين المبعوث ستيف ماكس وصهر الرئيس الأمريكي، جون كوشر.", world)
    max_, kosher = new_id(found, "ستيف ماكس"), new_id(found, "جون كوشر")
    assert sides(found) == [[["kremlin"], [max_, kosher]]]


def test_the_first_two_parties_joined_by_and_are_two_sides(world) -> None:
    assert sides(drafts("اجتمع بوتين وبايدن في جنيف.", world)) == [
        [["vladimir-putin"], ["joe-biden"]]
    ]


# --- a contact word with a pronoun attached ---------------------------------------------


def test_a_contact_noun_keeps_its_type_with_a_pronoun_attached(world) -> None:
    found = drafts("اتفق بايدن وبوتين، خلال قمتهما في جنيف أمس، على التعاون.", world)
    assert [(c.type, c.sides) for c in found.contacts] == [
        ("summit_meeting", [["joe-biden"], ["vladimir-putin"]])
    ]
    found = drafts("بحث بايدن وبوتين خلال لقائهما في جنيف أمس التعاون.", world)
    assert [c.type for c in found.contacts] == ["meeting"]
    found = drafts("وقال بوتين إن بايدن في زيارته لموسكو لم يتحدث عن ذلك.", world)
    assert sides(found) == [[["joe-biden"], ["russia"]]]


def test_the_forms_of_a_word_restore_its_ending_before_a_pronoun() -> None:
    from dipgraph.suggest.text import word_forms

    assert {"زياره", "قمه", "لقاء"} <= word_forms("زيارته") | word_forms("قمتهما") | word_forms(
        "لقائهما"
    )
    assert word_forms("عبدالله") == {"عبدالله"}


def test_a_long_lineage_is_one_name_and_its_title_after_it_names_him_later(world) -> None:
    text = (
        "أجرى الأمير سامي بن خالد بن فهد آل نور، ولي العهد رئيس مجلس الوزراء، اتصالا هاتفيا "
        "بالرئيس بوتين. وأكد ولي العهد خلال الاتصال أن العلاقات جيدة."
    )
    found = drafts(text, world)
    prince = new_id(found, "سامي بن خالد بن فهد آل نور")
    assert sides(found) == [[[prince], ["vladimir-putin"]]]
    assert [s.speaker for s in found.statements] == [prince]


# --- denials of reports ------------------------------------------------------------------


def test_a_denied_report_about_a_contact_denies_the_contact(world) -> None:
    text = (
        "نفى الكرملين الأنباء التي نشرتها بعض المواقع عن لقاء عقد اليوم في جنيف "
        "بين الرئيس بوتين والرئيس بايدن."
    )
    [contact] = drafts(text, world).contacts
    assert (contact.status, contact.sides) == ("denied", [["vladimir-putin"], ["joe-biden"]])


def test_a_report_denied_before_another_clause_leaves_its_contact(world) -> None:
    text = "نفى الكرملين الأنباء، وتحدث عن لقاء بين الرئيس بوتين والرئيس بايدن."
    assert [c.status for c in drafts(text, world).contacts] == ["happened"]


def test_attendees_of_no_known_state_are_no_contact_of_their_own(world) -> None:
    text = "استقبل بوتين بايدن في الكرملين. وحضر المقابلة الوزير كارل شميت والسفير بيتر هولم."
    assert sides(drafts(text, world)) == [[["vladimir-putin"], ["joe-biden"]]]


def test_a_visit_to_two_states_is_a_visit_to_each(world) -> None:
    found = drafts("وسيقوم الرئيس بوتين بزيارة للهند وباكستان الشهر المقبل.", world)
    india, pakistan = new_id(found, "الهند"), new_id(found, "باكستان")
    assert [(c.type, c.status, c.sides) for c in found.contacts] == [
        ("visit", "planned", [["vladimir-putin"], [india]]),
        ("visit", "planned", [["vladimir-putin"], [pakistan]]),
    ]


# --- the channel of a speaker's words ----------------------------------------------------


def test_an_attribution_between_a_speakers_verb_and_that_is_no_speaker(world) -> None:
    text = "وقالت الخارجية الروسية، وفقا لوكالة الأنباء الروسية، إن بوتين التقى بايدن."
    found = drafts(text, world)
    ministry = new_id(found, "الخارجية الروسية")
    assert new_id(found, "وكالة الأنباء الروسية")  # the agency, printed without its "ل"
    assert [s.speaker for s in found.statements] == [ministry]


def test_an_attribution_after_the_words_still_names_their_source(world) -> None:
    found = drafts("وقال الكرملين إن العلاقات جيدة مع بوتين، بحسب ما أوردته وكالة تاس.", world)
    assert {s.speaker for s in found.statements} == {"kremlin", new_id(found, "تاس")}


def test_an_outlets_name_may_follow_words_describing_it(world) -> None:
    found = drafts("وقالت الوكالة الرسمية للأنباء (نورا)، إن بوتين التقى بايدن.", world)
    assert [s.speaker for s in found.statements] == [new_id(found, "نورا")]
    found = drafts("التقى بوتين بايدن، بحسب وكالة الأنباء الرسمية «نورا».", world)
    assert new_id(found, "نورا")


def test_words_an_outlet_relays_from_someone_are_his(world) -> None:
    found = drafts("ونقلت وكالة تاس عن الوزير سيرجي لافروف أن العلاقات جيدة.", world)
    assert [s.speaker for s in found.statements] == ["sergey-lavrov"]
