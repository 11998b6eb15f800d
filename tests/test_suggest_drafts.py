"""`dipgraph suggest`'s drafts claim only what their own quote says, and cite each quote
once: dates, places, secrecy, denials and repeated mentions."""

from __future__ import annotations

import shutil

import pytest

import dipgraph
from conftest import SUGGEST_WORLD


def contacts(text: str, facts) -> list:
    return dipgraph.suggest(text=text, facts=facts).contacts


def test_a_headline_printed_three_times_is_cited_once(world) -> None:
    headline = "بوتين يدعو إلى إجراء محادثات مباشرة مع بايدن"
    text = f"{headline}\n\n{headline}\n\n{headline}\n\nوقال الكرملين إن العرض قائم."
    [draft] = contacts(text, world)
    assert [s.quote for s in draft.spans] == [headline]
    assert draft.spans[0].start == 0


def test_a_repeated_headline_adds_no_confidence(world) -> None:
    headline = "بوتين يدعو إلى إجراء محادثات مباشرة مع بايدن"
    once = contacts(headline, world)[0].confidence
    thrice = contacts(f"{headline}\n\n{headline}\n\n{headline}", world)[0].confidence
    assert thrice == once


def test_a_date_elsewhere_in_the_sentence_is_not_the_contacts(world) -> None:
    # "أمس الأربعاء" dates the interview's publication, not the meetings it mentions
    text = (
        'وقال أنتونوف، في حديث لصحيفة نشر أمس الأربعاء، "إضافة إلى اللقاءات المنتظمة '
        'بين وزيري الخارجية الروسي سيرجي لافروف والأمريكي ريكس تيلرسون".'
    )
    [meeting] = [c for c in contacts(text, world) if "sergey-lavrov" in c.participants]
    assert meeting.date is None and meeting.date_note is None
    assert "الأربعاء" not in meeting.quote


def test_a_date_in_the_quote_is_kept(world) -> None:
    text = "التقى لافروف وتيلرسون في جنيف يوم 12 مارس 2017."
    [meeting] = contacts(text, world)
    assert meeting.date == "2017-03-12"
    assert "2017" in meeting.quote


def test_the_place_of_a_contact_is_in_its_quote(world) -> None:
    # the host after the place ("في إسطنبول التركية") widens the quote to the place
    text = (
        "كشف لافروف، عن جديد المحادثات مع تيلرسون، التي تعقد بسرية في إسطنبول "
        "التركية لبحث الملفات العالقة."
    )
    [talks] = contacts(text, world)
    assert talks.hosts == ["turkey"]
    assert talks.place == {"en": "Istanbul", "ar": "إسطنبول"}
    assert "في إسطنبول التركية" in talks.quote


def test_secrecy_comes_from_the_quoted_words(world) -> None:
    [leaked] = contacts("كشفت وثائق سرية، أن لافروف وتيلرسون عقدا لقاء في جنيف.", world)
    assert not leaked.secret  # the documents are secret, not the meeting
    [secret] = contacts("عقد لافروف وتيلرسون لقاء سريا في جنيف.", world)
    assert secret.secret


# --- a denial sets the status only of the contact it denies ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a plan is denied; the meeting is recalled in the next clause
        "ونفى أنتونوف ما تناقلته وسائل إعلام حول وجود خطة أمريكية، مذكرا بأن هذه "
        "المزايدات انتشرت عشية أول لقاء بين الرئيسين الروسي فلاديمير بوتين والأمريكي جو بايدن.",
        # the meeting is a word deep inside what is denied
        "نفى الكرملين وجود خطة أمريكية لتطبيع العلاقات قبل أول لقاء بين بوتين وبايدن.",
    ],
    ids=["plan-denied-meeting-recalled", "meeting-deep-inside-the-denied-plan"],
)
def test_a_denial_of_something_else_leaves_the_contact_as_happened(world, text: str) -> None:
    [meeting] = [c for c in contacts(text, world) if "joe-biden" in c.participants]
    assert meeting.status == "happened"
    assert not any("denied" in comment for comment in meeting.comments)


@pytest.mark.parametrize(
    "text",
    [
        "ونفى الكرملين، في بيان، أن يكون بوتين قد التقى بايدن.",
        "ونفى الكرملين أن تكون واشنطن قد تلقت رسالة من موسكو.",
        "نفى الكرملين إجراء محادثات بين بوتين وبايدن.",
        "Belov denied any meeting with Clark in Helsinki.",
    ],
    ids=["after-a-parenthesis", "that-clause", "direct-object", "english"],
)
def test_a_denial_of_the_contact_itself_is_denied(world, text: str) -> None:
    [contact] = contacts(text, world)
    assert contact.status == "denied"


# --- a means of contact names no counterpart ------------------------------------------


def test_diplomatic_channels_without_a_counterpart_draft_no_contact(world) -> None:
    # the presidents are who the event would bring together, not parties to the channels
    text = (
        "وأشار الكرملين إلى أن موسكو تستخدم القنوات الدبلوماسية لإتاحة خيارات لعقد "
        "فعالية تجمع بوتين وبايدن."
    )
    assert contacts(text, world) == []


def test_channels_with_a_counterpart_are_a_contact(world) -> None:
    text = "وأشار الكرملين إلى أن موسكو تستخدم القنوات الدبلوماسية مع واشنطن."
    [channels] = contacts(text, world)
    assert channels.type == "consultations"
    assert sorted(channels.participants) == ["russia", "usa"]


def test_channels_referred_to_again_join_the_contact_before(world) -> None:
    text = "فتحت موسكو قنوات اتصال مع واشنطن.\nوقال الكرملين إن هذه القنوات لا تزال مفتوحة."
    [channels] = contacts(text, world)
    assert len(channels.spans) == 2


# --- "the same?" points to the record quoting the same words ---------------------------

CONTACTS = """
sources:
  - id: src-other
    title_en: Another wire report (written for the tests)
    language: en
    file: sources/other.txt
contacts:
  - id: belov-adams-vienna
    type: meeting
    participants: [boris-belov, alice-adams]
    date: 2024-05-03
    summary: Belov and Adams met in Vienna.
    evidence:
      - source: src-other
        quote: Belov met Adams in Vienna
  - id: belov-adams-geneva
    type: meeting
    participants: [boris-belov, alice-adams]
    summary: Belov and Adams met in Geneva.
    evidence:
      - source: src-english
        quote: Boris Belov met Secretary of State Alice Adams in Geneva
"""


@pytest.fixture()
def world_with_contacts(tmp_path):
    root = tmp_path / "facts"
    shutil.copytree(SUGGEST_WORLD, root)
    (root / "sources" / "other.txt").write_text("Belov met Adams in Vienna.\n", encoding="utf-8")
    (root / "contacts.yaml").write_text(CONTACTS, encoding="utf-8")
    return root


def test_the_hint_names_the_record_quoting_the_same_words(world_with_contacts) -> None:
    drafts = dipgraph.suggest(world_with_contacts / "sources" / "english.txt", world_with_contacts)
    assert drafts.source_id == "src-english"
    [meeting] = [c for c in drafts.contacts if "alice-adams" in c.participants]
    hints = [c for c in meeting.comments if "the same?" in c]
    assert len(hints) == 1
    assert "'belov-adams-geneva'" in hints[0] and "quotes these words" in hints[0]


def test_without_shared_words_the_hint_says_why(world_with_contacts) -> None:
    text = "Belov met Adams in Oslo on 3 May 2024."
    [meeting] = dipgraph.suggest(text=text, facts=world_with_contacts).contacts
    [hint] = [c for c in meeting.comments if "the same?" in c]
    assert "'belov-adams-vienna'" in hint  # the one that also has the date
    assert "the same parties and type and the same date 2024-05-03" in hint
    assert "src-other, not from these words; 1 more like it" in hint


def test_a_date_only_the_second_mention_gives_goes_to_the_merged_draft(world) -> None:
    """The headline has no date, the body does: one draft, dated from the body's words."""
    text = "التقى لافروف وتيلرسون في جنيف.\n\nوالتقى لافروف وتيلرسون يوم 12 مارس 2017 في جنيف."
    [meeting] = contacts(text, world)
    assert len(meeting.spans) == 2
    assert meeting.date == "2017-03-12"
    assert any("2017" in span.quote for span in meeting.spans)


def test_two_mentions_with_different_dates_are_pointed_out(world) -> None:
    text = "التقى لافروف وتيلرسون يوم 12 مارس 2017.\n\nوالتقى لافروف وتيلرسون يوم 14 مارس 2017."
    [meeting] = contacts(text, world)
    assert meeting.date == "2017-03-12"
    assert any("2017-03-14" in comment for comment in meeting.comments)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("ونفى بيسكوف أن يكون بوتين قد التقى بايدن.", "denied"),
        ("نفى بيسكوف أن بوتين التقى بايدن.", "denied"),
        # what is denied is a plan; the meeting is reported after it
        ("نفى بيسكوف ما تناقلته وسائل إعلام حول خطة، مذكرا بأن بوتين التقى بايدن.", "happened"),
    ],
)
def test_a_denier_the_facts_do_not_know_still_denies(world, text: str, status: str) -> None:
    """Peskov is no actor of these facts: his denial of the clause after «أن» counts."""
    [meeting] = contacts(text, world)
    assert meeting.participants == ["vladimir-putin", "joe-biden"]
    assert meeting.status == status
