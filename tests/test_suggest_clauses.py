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


def test_a_dateline_with_its_outlet_between_dashes_is_no_party(world) -> None:
    found = drafts("جنيف- وكالة تاس - التقى بوتين بايدن أمس.", world)
    assert [c.sides for c in found.contacts] == [[["vladimir-putin"], ["joe-biden"]]]


def test_according_to_with_the_preposition_attached_names_the_outlet(world) -> None:
    found = drafts("ووفقا لصحيفة كومرسانت، فإن لافروف التقى بوتين.", world)
    [outlet] = [a for a in found.actors if a.name == "كومرسانت"]
    assert speakers(found) == {outlet.provisional_id}


# --- the ends of new names --------------------------------------------------------------


def new_names(found) -> list[str]:
    return [a.name for a in found.actors if a.id is None and a.kind == "person"]


def test_a_place_after_a_new_name_is_not_its_third_part(world) -> None:
    found = drafts("دعا رئيس البرلمان كارل شميت أوروبا والصين إلى الحوار.", world)
    assert new_names(found) == ["كارل شميت"]


def test_a_word_joined_by_and_is_no_third_part_of_a_name(world) -> None:
    found = drafts("وقال السفير بيتر هولم وبشكل واضح إن الحوار مهم.", world)
    assert new_names(found) == ["بيتر هولم"]


def test_a_verb_in_the_future_is_no_third_part_of_a_name(world) -> None:
    text = "وقال الوزير إن المحادثات مع الرئيس الأرجنتيني خوان بيريز ستتطرق إلى التجارة."
    assert new_names(drafts(text, world)) == ["خوان بيريز"]
    text = "وقال الوزير إن الرئيس البرازيلي جواو دا سيلفا سيلتقي بوتين غدا."
    assert new_names(drafts(text, world)) == ["جواو دا سيلفا"]  # "دا" links; a name follows
    text = "وقال الوزير إن السفير جون بول ستيوارت وصل أمس."
    assert new_names(drafts(text, world)) == ["جون بول ستيوارت"]


def test_a_name_before_a_title_with_its_states_adjective_is_a_new_person(world) -> None:
    found = drafts("قال خوان بيريز الرئيس الأرجنتيني، إن الحوار مهم.", world)
    assert new_names(found) == ["خوان بيريز"]
    (perez,) = [a.provisional_id for a in found.actors if a.name == "خوان بيريز"]
    assert [s.speaker for s in found.statements] == [perez]
    found = drafts("استقبل بوتين الرئيس الأرجنتيني في موسكو.", world)
    assert new_names(found) == []  # a known name before it: the title is the object's


def test_a_hyphenated_word_is_one_part_of_a_name(world) -> None:
    found = drafts("التقى بوتين الرئيس الكوري يون سيوك-يول في موسكو.", world)
    assert new_names(found) == ["يون سيوك-يول"]
    found = drafts("والتقى بوتين الرئيس الكوري يون سيوك، - وفقا لوكالة تاس - في موسكو.", world)
    assert new_names(found) == ["يون سيوك"]


def test_what_was_discussed_after_a_counterpart_is_no_name(world) -> None:
    for text in (
        "بحث بوتين مع نظيره الإيراني مستجدات القضية.",
        "بحث بوتين مع نظيره الإيراني تطورات الأوضاع في المنطقة.",
        "بحث بوتين مع نظيره الإيراني آخر التطورات.",
    ):
        assert new_names(drafts(text, world)) == [], text


def test_a_function_word_before_a_known_surname_is_no_given_name(world) -> None:
    found = drafts("تمت دعوة السفير الأميركي إلى بوتين لإجراء محادثة.", world)
    assert new_names(found) == []


def test_a_verb_opening_a_contact_phrase_ends_a_title_not_a_name(world) -> None:
    found = drafts("سلطان بروناي يبحث مع بوتين العلاقات الثنائية.", world)
    assert new_names(found) == []


def test_a_common_noun_after_a_title_is_no_name(world) -> None:
    found = drafts("حضر اللقاء مدير عام مكتب الوزير.", world)
    assert new_names(found) == []


# --- attendees --------------------------------------------------------------------------


def test_an_attendee_joins_the_side_of_his_country_in_the_contact_reported(world) -> None:
    found = drafts("استقبل بوتين بايدن في الكرملين. وحضر اللقاء سيرجي لافروف.", world)
    [contact] = found.contacts
    assert {frozenset(s) for s in contact.sides} == {
        frozenset({"vladimir-putin", "sergey-lavrov"}),
        frozenset({"joe-biden"}),
    }
    assert any("وحضر اللقاء" in s.quote for s in contact.spans)


def test_attendees_are_no_contact_of_their_own(world) -> None:
    text = "التقى بوتين بايدن في جنيف. وحضر الاجتماع سيرجي لافروف، والوزير ريكس تيلرسون."
    [contact] = drafts(text, world).contacts
    assert {frozenset(s) for s in contact.sides} == {
        frozenset({"vladimir-putin", "sergey-lavrov"}),
        frozenset({"joe-biden", "rex-tillerson"}),
    }


# --- denials ----------------------------------------------------------------------------


def test_a_denied_report_denies_the_contact_it_reports(world) -> None:
    text = "ونفى الكرملين أمس ما جاء في تقارير صحفية ذكرت أن بوتين تحدث هاتفيا مع بايدن."
    [contact] = drafts(text, world).contacts
    assert contact.status == "denied"
    assert "نفى" in next(c for c in contact.comments if c.startswith("status "))


def test_a_denied_report_with_a_clause_between_leaves_the_contact_alone(world) -> None:
    text = "ونفى الكرملين ما جاء في تقارير عن خطة جديدة، مذكرا بأن بوتين التقى بايدن."
    [contact] = drafts(text, world).contacts
    assert contact.status == "happened"


# --- "the two sides" speaking -----------------------------------------------------------


def test_the_two_sides_speaking_are_the_two_people_named_before(world) -> None:
    text = "أجرى بوتين اتصالا هاتفيا مع بايدن. وقال الكرملين إن الجانبين أكدا أهمية الحوار."
    found = drafts(text, world)
    assert {"vladimir-putin", "joe-biden"} <= speakers(found)
    [pair] = [s for s in found.statements if s.speaker == "joe-biden"]
    assert pair.kind == "confirmed" and "أكدا" in pair.quote


def test_the_two_leaders_after_the_verb_speak(world) -> None:
    text = "التقى بوتين بايدن في جنيف. وأكد الزعيمان أهمية الحوار."
    assert speakers(drafts(text, world)) == {"vladimir-putin", "joe-biden"}


def test_the_two_countries_in_another_clause_do_not_speak(world) -> None:
    text = "التقى بوتين بايدن في جنيف. وتحدث الكرملين عن العلاقات بين البلدين، مضيفة أن الحوار مهم."
    assert not {"russia", "usa"} & speakers(drafts(text, world))


# --- states the facts lack (lexicon/gazetteer.yaml) -------------------------------------


def new_states(found) -> dict[str, str]:
    return {a.name: a.provisional_id for a in found.actors if a.id is None and a.kind == "state"}


def test_a_state_the_facts_lack_is_drafted_as_a_new_state_party_or_host(world) -> None:
    found = drafts("استضافت سلطنة عمان المحادثات بين الولايات المتحدة وإيران.", world)
    states = new_states(found)
    assert set(states) == {"سلطنة عمان", "إيران"}
    [contact] = found.contacts
    assert {frozenset(s) for s in contact.sides} == {
        frozenset({"usa"}),
        frozenset({states["إيران"]}),
    }
    assert contact.hosts == [states["سلطنة عمان"]]


def test_a_state_a_contact_is_about_is_no_party_nor_new_actor(world) -> None:
    found = drafts("بحث بوتين وبايدن هاتفيا الوضع في سوريا.", world)
    [contact] = found.contacts
    assert sorted(contact.participants) == ["joe-biden", "vladimir-putin"]
    assert new_states(found) == {}


def test_a_new_state_ending_a_list_does_not_speak(world) -> None:
    text = "ناقش بوتين وبايدن الوضع في كل من اليمن وسوريا وقال الكرملين إن المحادثات مفيدة."
    assert speakers(drafts(text, world)) == {"kremlin"}


# --- gapped verbs and documents ----------------------------------------------------------


def test_a_verb_whose_particle_follows_the_subject_speaks(world) -> None:
    found = drafts("وعبر الرئيس بوتين خلال اللقاء عن أمله في تحسن العلاقات.", world)
    assert speakers(found) == {"vladimir-putin"}


def test_via_inside_a_clause_is_no_speech_verb(world) -> None:
    found = drafts("وقالت الخارجية الأمريكية عبر بايدن عن العلاقات إنها مهمة.", world)
    assert "joe-biden" not in speakers(found)


def test_the_statement_as_subject_carries_its_issuer(world) -> None:
    text = "وقال الكرملين إن الحوار مهم. وأضاف البيان: إن اللقاء مفيد."
    found = drafts(text, world)
    assert [s.speaker for s in found.statements] == ["kremlin", "kremlin"]


def test_a_statement_issued_by_a_body_is_the_bodys(world) -> None:
    found = drafts("وأوضح بيان صادر من الكرملين أن المحادثات بناءة.", world)
    assert speakers(found) == {"kremlin"}


# --- "the two presidents" as a title ----------------------------------------------------


def test_the_two_presidents_before_their_names_is_each_ones_post(world) -> None:
    found = drafts("التقى الرئيسان الأمريكي جو بايدن والروسي فلاديمير بوتين في جنيف.", world)
    assert {p.holder for p in found.posts} == {"joe-biden", "vladimir-putin"}


def test_the_two_presidents_referring_back_name_no_new_person(world) -> None:
    found = drafts("التقى بوتين بايدن في جنيف. وعقد الرئيسان اجتماعا مغلقا.", world)
    assert new_names(found) == []


def test_a_title_alone_is_the_one_person_the_article_names_with_it(world) -> None:
    text = "التقى ولي العهد الأمير خالد الراشد بوتين في موسكو. وأكد ولي العهد أن الحوار مهم."
    found = drafts(text, world)
    (prince,) = [a.provisional_id for a in found.actors if a.name == "خالد الراشد"]
    assert [s.speaker for s in found.statements] == [prince]
    text = (
        "ولي عهد الأردن يلتقي بوتين. واستقبل بوتين ولي العهد الأردني الأمير خالد الراشد في موسكو."
    )
    [contact] = drafts(text, world).contacts
    assert any(s.quote == "ولي عهد الأردن يلتقي بوتين" for s in contact.spans)
    text = (
        "التقى وزير الخارجية خالد الراشد بوتين. والتقى وزير الخارجية سامي الحمد بايدن. "
        "وقال وزير الخارجية إنه متفائل."
    )
    assert drafts(text, world).statements == []  # which minister: two hold the title


def test_a_source_closed_by_a_colon_opening_a_headline_is_no_party(world) -> None:
    [contact] = drafts("الكرملين: بوتين تحدث مع بايدن هاتفيا.", world).contacts
    assert sorted(contact.participants) == ["joe-biden", "vladimir-putin"]
    assert any("not a party: Kremlin" in c for c in contact.comments)


def test_a_name_with_by_after_a_title_is_not_its_holder(world) -> None:
    found = drafts("وجرى لقاء مبعوث بايدن ببوتين في موسكو.", world)
    assert "vladimir-putin" not in {p.holder for p in found.posts}


def test_a_title_stops_before_another_title_with_by(world) -> None:
    found = drafts("واتصل الرئيس الأمريكي بالرئيس فلاديمير بوتين أمس.", world)
    assert [p.title for p in found.posts if p.holder == "vladimir-putin"] != [
        "الرئيس الأمريكي بالرئيس"
    ]


# --- news agencies of a state, and clauses opened by "و" ---------------------------------


def test_a_states_news_agency_is_a_new_organisation_that_speaks(world) -> None:
    found = drafts("والتقى بوتين بايدن، بحسب وكالة الأنباء العمانية الرسمية.", world)
    [agency] = [a for a in found.actors if a.name == "وكالة الأنباء العمانية"]
    assert agency.kind == "organization" and agency.provisional_id in speakers(found)


def test_a_verb_joined_by_and_does_not_take_the_name_before_it_as_speaker(world) -> None:
    text = "استدعت الخارجية الأمريكية السفير أناتولي أنتونوف وأعربت له عن احتجاجها."
    assert "anatoly-antonov" not in speakers(drafts(text, world))


def test_a_title_with_a_new_states_adjective_names_a_new_person_of_that_state(world) -> None:
    found = drafts("وقال وزير الخارجية العماني سالم الحارثي إن اللقاء مفيد.", world)
    [post] = found.posts
    assert post.organization == "oman" and "oman" in new_states(found).values()


# --- a contact referred to again --------------------------------------------------------


def test_during_the_meeting_refers_to_the_meeting_reported(world) -> None:
    text = (
        "التقى بوتين بايدن في جنيف. وعبر الرئيس بوتين خلال اللقاء عن أمله في تحسن العلاقات "
        "بين بلاده وواشنطن."
    )
    [contact] = drafts(text, world).contacts
    assert sorted(contact.participants) == ["joe-biden", "vladimir-putin"]
    assert any("خلال اللقاء" in s.quote for s in contact.spans)


def test_the_two_sides_are_those_of_the_contact_reported_not_the_last_states(world) -> None:
    for text, again in (
        (
            "التقى بوتين بايدن في جنيف أمس، وسط توتر في العلاقات الروسية الأمريكية. "
            "والطرفان بحثا أيضا الوضع في سوريا.",
            "والطرفان بحثا",
        ),
        (
            "اتصل بوتين هاتفيا ببايدن أمس. وساد التوتر العلاقات بين روسيا والولايات المتحدة. "
            "وقد ناقشا وزيرا خارجية البلدين الأزمة.",
            "وزيرا خارجية البلدين",
        ),
    ):
        [contact] = drafts(text, world).contacts
        assert sorted(contact.participants) == ["joe-biden", "vladimir-putin"]
        assert any(again in s.quote for s in contact.spans)


def test_a_contact_a_visit_is_for_is_held_by_the_visitor(world) -> None:
    found = drafts("يزور بوتين تركيا غدا لعقد قمة مع الرئيس بايدن.", world).contacts
    summits = [c for c in found if c.type == "summit_meeting"]
    assert [(c.sides, c.status) for c in summits] == [
        ([["vladimir-putin"], ["joe-biden"]], "planned")
    ]


def test_in_the_meeting_between_two_others_is_another_contact(world) -> None:
    text = "التقى بوتين بايدن في جنيف. وشارك لافروف في الاجتماع مع تيلرسون."
    found = drafts(text, world).contacts
    assert any(sorted(c.participants) == ["rex-tillerson", "sergey-lavrov"] for c in found)


def test_an_offer_verb_after_the_contact_word_does_not_make_it_proposed(world) -> None:
    text = 'وفي مقابلة مع شبكة "سي بي اس" أمس عرضت مقاطع منها، قال بوتين إن العلاقات جيدة.'
    [contact] = drafts(text, world).contacts
    assert contact.status == "happened"


def test_a_proposed_word_right_after_the_contact_word_still_counts(world) -> None:
    [contact] = drafts("ورحب بوتين بلقاء مقترح مع بايدن في جنيف.", world).contacts
    assert contact.status == "proposed"


def test_a_trip_to_a_capital_is_a_visit_to_its_state(world) -> None:
    found = drafts("ومن المقرر أن يقوم بوتين بزيارة إلى الرياض الشهر المقبل.", world)
    [visit] = [c for c in found.contacts if c.type == "visit"]
    assert visit.participants == ["vladimir-putin", "saudi-arabia"]
    assert "saudi-arabia" in new_states(found).values()  # drafted under the gazetteer's id
    assert visit.status == "planned"


def test_a_capital_after_in_is_where_not_who(world) -> None:
    found = drafts("والتقى لافروف نظيره في الرياض أمس.", world)
    assert new_states(found) == {}


def test_a_title_head_beginning_with_kaf_follows_a_new_name(world) -> None:
    found = drafts("والتقى بوتين مع لي مينغ، كبير الدبلوماسيين الصينيين، في موسكو.", world)
    assert new_names(found) == ["لي مينغ"]
    [contact] = found.contacts
    assert "vladimir-putin" in contact.participants and len(contact.sides) == 2


# --- new people named right after a speech verb -------------------------------------------


def test_a_name_right_after_a_speech_verb_and_before_that_is_a_new_person(world) -> None:
    found = drafts("وقالت ماريا كوفاليفا إن المكالمة كانت إيجابية.", world)
    assert new_names(found) == ["ماريا كوفاليفا"]
    [statement] = found.statements
    assert statement.speaker == found.actors[0].provisional_id


def test_sources_and_documents_after_a_speech_verb_are_no_new_people(world) -> None:
    text = 'وقالت مصادر دبلوماسية إن المكالمة كانت إيجابية. وقال بيان مشترك: "اللقاء مهم".'
    assert new_names(drafts(text, world)) == []


def test_the_one_told_is_not_the_speaker(world) -> None:
    text = 'وقال بوتين إن الحوار مهم. وأضاف "لقد أبلغت الكونغرس بأن ذلك أولوية".'
    assert speakers(drafts(text, world)) == {"vladimir-putin"}


def test_the_teller_before_the_one_told_speaks(world) -> None:
    assert speakers(drafts("وأبلغ بوتين بايدن أن الحوار مهم.", world)) == {"vladimir-putin"}


def test_unnamed_officials_are_sources_not_the_man_they_accompany(world) -> None:
    text = "وقال مسؤولون كبار يرافقون بوتين إن الحوار مهم. وقال مسؤول أمريكي إن اللقاء مفيد."
    assert speakers(drafts(text, world)) == set()


def test_an_official_with_his_name_speaks(world) -> None:
    found = drafts("وقال مسؤول الكرملين بوريس بيلوف إن اللقاء مفيد.", world)
    assert speakers(found) == {"boris-belov"}


def test_never_before_denies_the_contact_that_follows(world) -> None:
    [contact] = drafts("ولم يسبق للافروف أن التقى تيلرسون في واشنطن.", world).contacts
    assert contact.status == "denied"
    assert "يسبق" in next(c for c in contact.comments if c.startswith("status "))


def test_people_of_no_known_state_facing_one_state_are_one_side(world) -> None:
    text = "وأعلن الكرملين أنه يستعد لاستقبال كارل شميت، والمبعوث هانس ليم، في موسكو."
    found = drafts("التقى الوزير كارل شميت والمبعوث هانس ليم في برلين. " + text, world)
    [planned] = [c for c in found.contacts if c.status == "planned"]
    assert len(planned.sides) == 2 and ["kremlin"] in planned.sides


# --- posts: a counterpart's own title ----------------------------------------------------


def test_a_counterparts_own_title_is_his_post(world) -> None:
    found = drafts("اتصل الرئيس الأمريكي جو بايدن بنظيره الرئيس الروسي فلاديمير بوتين.", world)
    assert {p.holder: p.title for p in found.posts}["vladimir-putin"] == "الرئيس الروسي"


def test_an_english_bare_head_alone_makes_no_post(world) -> None:
    assert drafts("President Biden met Putin in Geneva.", world).posts == []


def test_an_attendee_joins_the_side_the_clause_names_for_him(world) -> None:
    # his title names America (the office he heads), the clause the Russian side
    text = (
        "استقبل لافروف الوزير ريكس تيلرسون في موسكو. وشارك في اللقاء من الجانب الروسي "
        "مدير إدارة أمريكا في الوزارة هانس ليم."
    )
    [contact] = drafts(text, world).contacts
    assert ["rex-tillerson"] in contact.sides
    assert len(contact.sides) == 2 and "sergey-lavrov" in contact.sides[0]


def test_a_state_the_gazetteer_adds_is_not_carried_on_as_speaker(world) -> None:
    text = "وأشار الوزير الروسي إلى الحرب في أوكرانيا، لكنه شدد على أن الأولوية للحوار."
    assert not [s for s in drafts(text, world).statements if s.speaker.startswith("new-state")]


def test_a_noun_before_a_definite_contact_word_is_no_lone_name(world) -> None:
    found = drafts("ولم يستبعد الوزير الروسي توسع المحادثات لتشمل ملفات أخرى.", world)
    assert new_names(found) == []


def test_a_title_standing_for_a_guessed_person_is_not_what_a_statement_is_about(world) -> None:
    text = "التقى الرئيس بوتين تيلرسون في موسكو. وقال تيلرسون إن الرئيس الروسي أبدى تفهما للموقف."
    [said] = [s for s in drafts(text, world).statements if s.speaker == "rex-tillerson"]
    assert "vladimir-putin" not in said.about


def test_analysts_and_witnesses_unnamed_are_no_new_people_nor_speakers(world) -> None:
    text = "وقال محللون سياسيون إن اللقاء مهم. وقال شهود عيان إن الوفد وصل."
    found = drafts(text, world)
    assert new_names(found) == [] and speakers(found) == set()


# --- contact verbs with their subject between ("بحث X مع Y") ----------------------------


def test_discussed_with_the_subject_between_is_a_contact(world) -> None:
    text = "بحث الرئيس الروسي فلاديمير بوتين مع الرئيس الأمريكي جو بايدن العلاقات الثنائية."
    [contact] = drafts(text, world).contacts
    assert contact.type == "talks" and sorted(contact.participants) == [
        "joe-biden",
        "vladimir-putin",
    ]


def test_spoke_with_the_subject_between_is_no_statement(world) -> None:
    found = drafts("وتحدث بوتين أمس مع بايدن عن الوضع في المنطقة.", world)
    assert found.statements == [] and len(found.contacts) == 1


def test_a_contact_word_later_in_the_clause_decides_not_the_gapped_verb(world) -> None:
    [contact] = drafts("بحث بوتين مع بايدن العلاقات خلال اتصال هاتفي أمس.", world).contacts
    assert contact.type == "phone_call"


def test_an_honorific_between_title_and_name_keeps_the_post(world) -> None:
    found = drafts("واستقبل وزير الخارجية الأمريكي الأستاذ ريكس تيلرسون لافروف.", world)
    [post] = [p for p in found.posts if p.holder == "rex-tillerson"]
    assert post.title == "وزير الخارجية الأمريكي"


def test_the_agency_refers_back_to_the_new_outlet_last_named(world) -> None:
    text = (
        "والتقى بوتين بايدن، بحسب وكالة الأنباء العمانية. وذكرت الوكالة أن اللقاء مفيد. "
        "وقالت وكالة تاس إن الحوار جيد. وأضافت الوكالة أن بوتين سعيد."
    )
    found = drafts(text, world)
    ids = {a.name: a.provisional_id for a in found.actors if a.id is None}
    assert [s.speaker for s in found.statements] == [
        ids["وكالة الأنباء العمانية"],
        ids["وكالة الأنباء العمانية"],
        ids["تاس"],
        ids["تاس"],
    ]
