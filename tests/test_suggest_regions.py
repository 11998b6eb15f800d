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


def test_a_compound_given_name_ending_in_allah_is_no_word_with_a_pronoun(world) -> None:
    found = drafts("وقال الملك عبدالله إن العلاقات جيدة.", world)
    [king] = [a for a in found.actors if a.name == "عبدالله"]
    assert {s.speaker for s in found.statements} == {king.provisional_id}


def test_a_monarchs_regnal_number_is_part_of_his_name(world) -> None:
    found = drafts("استقبل الملك محمد السادس وزير الخارجية حسن صالحي.", world)
    assert new_names(found) == ["محمد السادس", "حسن صالحي"]
    assert len(found.contacts) == 1


def test_ali_after_a_title_is_a_name_where_the_article_writes_ala_with_maqsura(world) -> None:
    found = drafts("التقى الملك عبدالله الثاني وزير الخارجية علي أكبر صالحي.", world)
    assert new_names(found) == ["عبدالله الثاني", "علي أكبر صالحي"]


def test_ali_is_the_preposition_where_the_article_never_writes_maqsura(world) -> None:
    found = drafts("وأكد الوزير علي أهمية الحوار مع الرئيس كارل شميت.", world)
    assert new_names(found) == ["كارل شميت"]


def test_a_titles_word_before_bin_is_a_given_name_not_a_title(world) -> None:
    found = drafts("استقبل السلطان قابوس بن سعيد السفير سلطان بن خزيم.", world)
    assert new_names(found) == ["قابوس بن سعيد", "سلطان بن خزيم"]


def test_a_post_before_another_post_is_no_name(world) -> None:
    found = drafts("أجرى الأمير كارل شميت، ولي العهد رئيس مجلس الوزراء، اتصالا هاتفيا.", world)
    assert new_names(found) == ["كارل شميت"]


def test_a_non_resident_ambassador_to_a_kingdom_keeps_the_state_in_the_title(world) -> None:
    found = drafts("وحضر السفير غير المقيم لدى مملكة تونغا كريم سالم.", world)
    [post] = found.posts
    assert post.title == "السفير غير المقيم لدى مملكة تونغا"
    assert post.organization == "tonga"
    assert new_names(found) == ["كريم سالم"]


def test_after_a_definite_title_an_indefinite_word_and_a_definite_one_are_a_name(world) -> None:
    found = drafts("التقى الرئيس كريم الحداد الرئيس كارل شميت.", world)
    assert new_names(found) == ["كريم الحداد", "كارل شميت"]


def test_a_name_opening_with_abd_is_one_name_after_a_title(world) -> None:
    found = drafts("جرى اتصال هاتفي بين الرئيس عبد المجيد كريم والرئيس كارل شميت.", world)
    assert new_names(found) == ["عبد المجيد كريم", "كارل شميت"]


def test_a_prepositional_phrase_after_a_name_is_not_its_second_part(world) -> None:
    found = drafts("هنأ بوتين الرئيس شميت بمناسبة عيد ميلاده.", world)
    assert new_names(found) == []


def test_a_verb_sending_a_message_is_no_name_after_a_title(world) -> None:
    found = drafts("ولي العهد يبعث رسالة خطية إلى الرئيس كارل شميت.", world)
    assert new_names(found) == ["كارل شميت"]


def test_a_states_adjective_after_a_given_name_is_a_family_name(world) -> None:
    found = drafts("استقبل رئيس الوزراء كريم شياع السوداني، اليوم، الرئيس كارل شميت.", world)
    assert new_names(found) == ["كريم شياع السوداني", "كارل شميت"]
    assert "sudan" not in {a.provisional_id or a.id for a in found.actors}


def test_another_post_after_a_title_is_no_name(world) -> None:
    found = drafts("بعث نائب الأمير وولي العهد رسالة إلى الرئيس كارل شميت.", world)
    assert new_names(found) == ["كارل شميت"]


def test_a_word_with_their_attached_is_no_name_after_a_title(world) -> None:
    found = drafts("ونقل تحياته إلى أمير البلاد المفدى، وتمنياتهما لسموه بدوام الصحة.", world)
    assert new_names(found) == []


def test_a_name_written_with_hamza_alef_lam_carries_no_article(world) -> None:
    found = drafts("وأشار الرئيس الأرجنتيني ألبرتو فرنانديز إلى أهمية العلاقات.", world)
    assert new_names(found) == ["ألبرتو فرنانديز"]
    [post] = found.posts
    assert post.title == "الرئيس الأرجنتيني"


# --- contacts ---------------------------------------------------------------------------


def test_a_call_received_is_a_phone_call_whatever_name_stands_between(world) -> None:
    found = drafts(
        "تلقى الأمير كارل بن شميت بن هانز آل مولر اتصالا هاتفيا، أمس، من الرئيس بوتين.",
        world,
    )
    [call] = found.contacts
    assert call.type == "phone_call"
    assert "vladimir-putin" in call.participants
    assert any("from 'اتصالا هاتفيا'" in c for c in call.comments)


def test_a_letter_received_by_a_subject_with_titles_set_off_by_commas(world) -> None:
    found = drafts(
        "تسلم حضرة صاحب السمو الشيخ كارل بن هانز آل شميت أمير البلاد، رسالة خطية، من الرئيس بوتين.",
        world,
    )
    [letter] = found.contacts
    assert letter.type == "letter"
    assert "vladimir-putin" in letter.participants
    assert len(letter.participants) == 2


def test_an_honorific_opens_a_name_of_several_family_names_before_a_title(world) -> None:
    found = drafts(
        "تسلم الرئيس كارل شميت رسالة من سمو الشيخ مشعل الأحمد الجابر الصباح نائب الأمير.",
        world,
    )
    assert new_names(found) == ["كارل شميت", "مشعل الأحمد الجابر الصباح"]


def test_a_secretary_general_is_a_title_before_a_name(world) -> None:
    found = drafts("التقى الرئيس كارل شميت مع السكرتير العام للأمم المتحدة هانز مولر.", world)
    assert new_names(found) == ["كارل شميت", "هانز مولر"]
    [meeting] = found.contacts
    assert len(meeting.participants) == 2


def test_an_envoys_title_goes_on_to_his_mission_before_his_name(world) -> None:
    found = drafts(
        "استقبل الرئيس كارل شميت المبعوث الخاص للأمم المتحدة إلى سوريا هانز مولر.", world
    )
    assert new_names(found) == ["كارل شميت", "هانز مولر"]
    [post] = [p for p in found.posts if p.title.startswith("المبعوث")]
    assert post.title == "المبعوث الخاص للأمم المتحدة إلى سوريا"
