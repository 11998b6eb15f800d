"""The extent of a new person's name (`dipgraph suggest`), on sentences written for these
tests: suffixes written apart ("أوغلو"), family names after an honorific, given names
printed like a function word, names joined by a link after a speech verb."""

from __future__ import annotations

import pytest

from conftest import drafts, new_names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a suffix written apart closes the name: not cut before it, nothing after it
        ("والتقى الرئيس وزير الخارجية التركي كمال يلدز أوغلو بمقر الوزارة أمس.", "كمال يلدز أوغلو"),
        ("وقال وزير الخارجية التركي سليم أوغلو إن الحوار مفيد.", "سليم أوغلو"),
        # after an honorific, family names follow the given names ("الصباح" is also morning)
        (
            "وحضر اللقاء وزير الدولة الشيخ سالم ناصر الجابر الصباح ورئيس الديوان.",
            "سالم ناصر الجابر الصباح",
        ),
        (
            "وأكد رئيس الديوان الشيخ فهد سالم الصباح، أن العلاقات متينة.",
            "فهد سالم الصباح",
        ),
        # ... also before a title, back to the honorific
        (
            "ونقل الشيخ الدكتور سالم حمد المحمد الصباح مبعوث أمير الدولة رسالة إلى الرئيس.",
            "سالم حمد المحمد الصباح",
        ),
        # a given name printed with ي, where the article writes "على" with ى, inside a name
        ("والتقى السفير على الفور وزير الخارجية العراقي كريم علي الحسني.", "كريم علي الحسني"),
        # a speech verb, a name with a link, then a title in apposition
        ("وقال سامر عبد الهادي المتحدث الرسمي باسم الوزارة إن الزيارة مهمة.", "سامر عبد الهادي"),
    ],
)
def test_a_new_names_extent(world, text: str, name: str) -> None:
    assert new_names(text, world) == [name]


def test_a_definite_word_after_a_name_without_an_honorific_still_ends_it(world) -> None:
    # no honorific: "الحسني" ends the name, the next definite word is no family name
    text = "وقال وزير الخارجية العراقي كريم الحسني الثلاثاء إن الحوار مفيد."
    assert new_names(text, world) == ["كريم الحسني"]


def test_a_speech_verb_before_two_words_and_a_noun_drafts_no_one(world) -> None:
    # the word after the two is a definite noun, no title: no closure, no name
    assert new_names("وقال سامر عبد الهادي الاتفاق مهم جدا.", world) == []


def test_a_suffixed_names_short_form_keeps_the_suffix(world) -> None:
    text = (
        "التقى الرئيس وزير الخارجية التركي كمال يلدز أوغلو في أنقرة. "
        "وقال يلدز أوغلو إن اللقاء مفيد."
    )
    found = drafts(text, world)
    new = [a for a in found.actors if a.id is None and a.kind == "person"]
    assert [a.name for a in new] == ["كمال يلدز أوغلو"]
    assert [s.speaker for s in found.statements] == [new[0].provisional_id]


@pytest.mark.parametrize(
    "text",
    [
        # a dual title: both holders new, the second after "و" and its state's adjective
        "والتقى الرئيس وزيري الخارجية الكوبي كريم سالم والفنزويلي سامي نادر.",
        # counterparts in the dual, after another title
        "والتقى الرئيس نظيريه الكوبي كريم سالم والفنزويلي سامي نادر.",
    ],
)
def test_two_new_people_under_one_dual_title(world, text: str) -> None:
    assert new_names(text, world) == ["كريم سالم", "سامي نادر"]


def test_an_adjective_joined_by_and_is_no_family_name(world) -> None:
    found = drafts("والتقى الرئيس وزيري الخارجية الكوبي كريم سالم والفنزويلي سامي نادر.", world)
    names = {a.provisional_id: a.name for a in found.actors if a.kind == "person"}
    posts = {names[p.holder]: p.organization for p in found.posts}
    assert posts == {"كريم سالم": "cuba", "سامي نادر": "venezuela"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an occupation introduces a name ...
        ("ونفى الكرملين ما ورد في كتاب للصحافي الأميركي جيمس ولكر عن اللقاء.", "جيمس ولكر"),
        ("وأعلن كريم سالم، المحلل المتخصص بشؤون روسيا، أن الزيارة مهمة.", "كريم سالم"),
        # an envoy posted in a capital: the capital is the title's, the name follows
        ("وقال السفير الصيني ببغداد لي مينغ في تصريح إن العلاقات جيدة.", "لي مينغ"),
        # a prosecutor's title; a feminine official's
        ("وأشار إلى التحقيق الذي يجريه المدعي الخاص جيمس ولكر منذ أشهر.", "جيمس ولكر"),
        ("وقالت المسؤولة الأمريكية سارة ولكر إن الحوار مفيد.", "سارة ولكر"),
    ],
)
def test_more_titles_before_a_new_name(world, text: str, name: str) -> None:
    assert new_names(text, world) == [name]


def test_an_occupation_is_no_post_and_alone_stands_for_no_one(world) -> None:
    found = drafts("ونقل الصحافي الأميركي جيمس ولكر عن بوتين قوله إن اللقاء مفيد.", world)
    assert [a.name for a in found.actors if a.kind == "person" and a.id is None] == ["جيمس ولكر"]
    assert found.posts == []
    alone = drafts("وقال الصحافي الأمريكي إن بوتين التقى السفير.", world)
    assert [s.speaker for s in alone.statements] == []


def test_a_field_in_construct_stays_in_the_title(world) -> None:
    # "شؤون نزع السلاح": the field's noun and its complement are no name
    text = "وقال مساعد وزير الخارجية لشؤون نزع السلاح إن الحوار مفيد."
    assert new_names(text, world) == []


@pytest.mark.parametrize(
    "text",
    [
        # a place named after a king: its title and words are no person
        "ووصل الرئيس إلى مطار الملك فهد الدولي، وكان في استقباله السفير.",
        "وغادر الرئيس مدينة الملك فهد الطبية بعد تماثله للشفاء.",
        # ... nor before another title
        "ووصل إلى مطار الملك فهد الدولي، ولي العهد وسط ترحيب.",
        # "بل" (rather) and "دول" (states) after a title are no name
        "ولم يحمل المبعوث رسالة واحدة فقط إلى ولي العهد، بل اثنتين.",
        "وقال مساعد الوزير لشؤون دول شرق أوروبا إن الحوار مفيد.",
    ],
)
def test_words_after_or_before_a_title_that_are_no_name(world, text: str) -> None:
    assert new_names(text, world) == []


def test_a_name_joined_by_and_or_with_to_one_printed_alone_is_another(world) -> None:
    text = (
        "ونفى مصدر لقاء الرئيس الفلسطيني كريم بسالم في القاهرة. "
        "وكانت مواقع محسوبة على سالم قالت إن لقاء عقد بين الرئيس كريم وسالم."
    )
    assert not [n for n in new_names(text, world) if "سالم" in n and " " in n]


def test_a_state_named_by_its_capital_is_drafted_under_its_name(world) -> None:
    found = drafts("وأعلنت هافانا أن اللقاء مع بوتين كان مفيدا.", world)
    cuba = [a for a in found.actors if a.provisional_id == "cuba"]
    assert [a.name for a in cuba] == ["كوبا"]
    assert any("named only by its capital ('هافانا')" in c for c in cuba[0].comments)


def test_a_verb_before_a_definite_title_is_no_third_name_word(world) -> None:
    text = "وقال إنه بناء على تعليمات من وزير الخارجية كريم سالم قامت السفيرة باستدعاء السفير."
    assert new_names(text, world) == ["كريم سالم"]


def test_an_envoy_an_honorific_opens_before_his_title_holds_it(world) -> None:
    text = (
        "وسلم الرسالة معالي الشيخ الدكتور سالم حمد المحمد الصباح مبعوث صاحب السمو "
        "الشيخ فهد ناصر الجابر الصباح أمير الدولة، خلال استقباله."
    )
    found = drafts(text, world)
    names = {a.provisional_id: a.name for a in found.actors if a.kind == "person"}
    assert sorted(names.values()) == ["سالم حمد المحمد الصباح", "فهد ناصر الجابر الصباح"]
    envoys = [names[p.holder] for p in found.posts if "مبعوث" in p.title]
    assert envoys == ["سالم حمد المحمد الصباح"]


def test_a_known_subject_before_an_envoys_title_is_not_the_envoy(world) -> None:
    found = drafts("والتقى بوتين مبعوث ترامب في موسكو أمس.", world)
    assert [p.holder for p in found.posts if "مبعوث" in p.title] != ["vladimir-putin"]


def test_a_states_agency_and_its_short_name_in_brackets_are_one_outlet(world) -> None:
    text = "وذكرت وكالة الأنباء الكوبية (كنا)، أن الرئيس التقى بوتين في موسكو."
    found = drafts(text, world)
    outlets = [a.name for a in found.actors if a.kind == "organization" and a.id is None]
    assert "كنا" not in outlets
    # an agency whose name is only in the brackets keeps it
    text = "وذكرت وكالة الأنباء الرسمية «كنا»، أن الرئيس التقى بوتين في موسكو."
    found = drafts(text, world)
    assert "كنا" in [a.name for a in found.actors if a.kind == "organization"]


def test_a_title_right_after_a_name_a_preposition_governs_is_its_apposition(world) -> None:
    text = "وتلقى الرئيس اتصالا هاتفيا من كريم سالم رئيس جمهورية كوبا أعرب فيه عن التهنئة."
    found = drafts(text, world)
    names = {a.provisional_id: a.name for a in found.actors if a.kind == "person"}
    assert [(names.get(p.holder), p.title) for p in found.posts] == [
        ("كريم سالم", "رئيس جمهورية كوبا")
    ]
    # a subject before the title is not its holder ("Putin met India's prime minister")
    found = drafts("التقى بوتين رئيس وزراء الهند في موسكو.", world)
    assert "vladimir-putin" not in [p.holder for p in found.posts]


def test_the_end_of_one_title_before_another_is_no_name(world) -> None:
    text = "وتلقى ولي العهد نائب رئيس مجلس الوزراء وزير الدفاع اتصالا هاتفيا من الرئيس."
    assert new_names(text, world) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a given name with the article, known by the lineage word after it
        ("ورافقه ولي العهد الأمير الحسن بن فيصل الثاني، ووزير الخارجية.", "الحسن بن فيصل الثاني"),
        # "وعدد من" (and a number of) ends a name: the definite surname before it is kept
        (
            "وحضر اللقاء سفير الدولة لدى الأردن فهد بن سالم الحربي وعدد من المسؤولين.",
            "فهد بن سالم الحربي",
        ),
    ],
)
def test_lineage_names_keep_their_ends(world, text: str, name: str) -> None:
    assert new_names(text, world) == [name]


def test_one_word_an_honorific_opens_before_a_title_is_a_name(world) -> None:
    text = "وبعث الرئيس رسالة خطية لدولة السيد تاوفاهيكو رئيس وزراء مملكة تونغا."
    found = drafts(text, world)
    names = {a.provisional_id: a.name for a in found.actors if a.kind == "person"}
    assert list(names.values()) == ["تاوفاهيكو"]
    assert [(names.get(p.holder), p.organization) for p in found.posts] == [("تاوفاهيكو", "tonga")]
    # the honorific before a title is no name
    assert new_names("وقال السيد الرئيس إن اللقاء مفيد.", world) == []


def test_the_body_a_post_is_in_stays_in_the_title(world) -> None:
    text = "وكانت مسؤولة شؤون الحد من التسلح في وزارة الخارجية سارة ولكر قالت إن الحوار مفيد."
    found = drafts(text, world)
    assert new_names(text, world) == ["سارة ولكر"]
    assert [p.title for p in found.posts] == ["مسؤولة شؤون الحد من التسلح في وزارة الخارجية"]
