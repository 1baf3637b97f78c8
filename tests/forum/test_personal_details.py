from collections import Counter

import pytest
from django.utils.functional import Promise

from forum.screening import Match, find_personal_details, personal_identifiers, redact
from tests.forum.personal_details_corpus import CORPUS


def found(text: str) -> list[tuple[str, str]]:
    return [(m.kind, text[m.start : m.end]) for m in find_personal_details(text)]


@pytest.mark.parametrize(
    ("text", "kind", "detail"),
    [
        ("Mail me: ann.k+ms@example.org.", "email", "ann.k+ms@example.org"),
        ("Pictures at https://example.org/legs?x=1, have a look", "url", "https://example.org/legs?x=1"),
        ("See www.example.net/diary.", "url", "www.example.net/diary"),
        ("Ring 07700 900123 after six", "phone", "07700 900123"),
        ("Ring +44 (0)20 7946 0958 any time", "phone", "+44 (0)20 7946 0958"),
        ("Text (555) 013-4477 please", "phone", "(555) 013-4477"),
        ("I was born on 12/03/1981", "date", "12/03/1981"),
        ("Diagnosed March 3rd, 2019 in Leeds", "date", "March 3rd, 2019"),
        ("It started on the 4th of July 2012.", "date", "4th of July 2012"),
        ("I live at 14 Mill Lane near the park", "address", "14 Mill Lane"),
        ("Send it to 12 Elm Street, Springfield, IL 62704", "address", "12 Elm Street"),
        ("Send it to 12 Elm Street, Springfield, IL 62704", "zip", "62704"),
        ("Ship to Tampa, FL 33602-1187 please", "zip", "33602-1187"),
        ("Our postcode is SW1A 1AA", "postcode", "SW1A 1AA"),
        ("I'm in M1 1AE, near the hospital", "postcode", "M1 1AE"),
        ("my post code is ls6 2qt", "postcode", "ls6 2qt"),
        ("My neurologist Dr Patel said so", "name", "Patel"),
        ("Dr. Sarah Jones was kind", "name", "Sarah Jones"),
        ("My husband John drives me", "name", "John"),
        ("my daughter Emily is 9", "name", "Emily"),
        ("My MS nurse Kelly rang", "name", "Kelly"),
        ("My son's name is Jack", "name", "Jack"),
        ("My NHS number is 943 476 5919", "record", "943 476 5919"),
        ("Hospital number: RX45-88123", "record", "RX45-88123"),
        ("My insurance member ID is XJH448100921.", "record", "XJH448100921"),
        ("Logged in from 192.0.2.45 today", "ip", "192.0.2.45"),
        ("Logged in from 2001:db8::7334 today", "ip", "2001:db8::7334"),
        ("Full form 2001:db8:3333:4444:5555:6666:7777:8888 too", "ip", "2001:db8:3333:4444:5555:6666:7777:8888"),
        ("I'm @ms_warrior on there", "handle", "@ms_warrior"),
        ("Follow instagram.com/someone.here for tips", "handle", "instagram.com/someone.here"),
        ("See https://www.tiktok.com/@spoonie.sam!", "handle", "https://www.tiktok.com/@spoonie.sam"),
    ],
)
def test_each_kind_is_found_with_its_exact_span(text, kind, detail):
    assert (kind, detail) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "I take 200 mg of magnesium and 4000 IU of vitamin D3.",
        "My next infusion is on 3 May; the last was on 14/6.",
        "My EDSS went from 3.5 to 4.0 this year.",
        "I'm 42 and have had MS since 2015.",
        "Since March 2021 my EDSS has been 3.5.",
        "Baclofen @ 8am and again @8pm.",
        "My neurologist said my MRI looked stable.",
        "I saw the Dr yesterday; Dr appointment again tomorrow.",
        "Dr. Reddy's generic and Dr. Scholl's insoles, and Dr Google of course.",
        "My husband and I told my son Monday.",
        "It takes 10 minutes to drive there, 100 metres down the road.",
        "I get 20 mg Dr. Reddy's baclofen.",
        "Step counts: 3200 4100 2800 5000.",
        "I had 3 relapses in 2018-2019.",
        "Member of the MS Society since 1998.",
        "I went to my hospital for the first time in 2014.",
        "IDK if 20000 steps a week is enough?",
        "The app version 4.12.0.7 crashes; the timer says 01:30:00.",
        "IL-6 and IL-17, T2 lesions at C3 and T1, T25FW 6.8 s.",
        "@everyone in the group: thank you.",
        "Blood pressure 120/80, B12 range 197-771.",
    ],
)
def test_look_alikes_are_not_found(text):
    assert found(text) == []


def test_matches_are_in_text_order_and_do_not_overlap():
    text = "Dr Patel (07700 900123) saw me on 12/03/2024 at 33 Station Road, M20 2LR; email a.b@example.org."
    matches = find_personal_details(text)
    assert [(m.kind, text[m.start : m.end]) for m in matches] == [
        ("name", "Patel"),
        ("phone", "07700 900123"),
        ("date", "12/03/2024"),
        ("address", "33 Station Road"),
        ("postcode", "M20 2LR"),
        ("email", "a.b@example.org"),
    ]
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:], strict=False))


@pytest.mark.parametrize(
    ("text", "kind", "detail"),
    [
        ("My NHS number is 943 476 5919", "record", "943 476 5919"),  # not also a phone number
        ("Born 04.11.1975 in Hull", "date", "04.11.1975"),  # not a phone number
        ("Mail sam@example.org", "email", "sam@example.org"),  # not a handle "@example"
        ("See https://instagram.com/sam_ms", "handle", "https://instagram.com/sam_ms"),  # not a web address
        ("Tampa, FL 33602-1187", "zip", "33602-1187"),  # not a phone number
    ],
)
def test_the_more_specific_kind_wins_an_overlap(text, kind, detail):
    assert found(text) == [(kind, detail)]


def test_a_match_carries_its_kind_label_and_span():
    [match] = find_personal_details("Call 555-0142 now")
    assert match == Match("phone", match.label, 5, 13)
    assert str(match.label) == "a phone number"


def test_labels_stay_lazy_so_they_follow_the_language_when_read():
    for match in find_personal_details("sam@example.org, SW1A 1AA, @sam_ms, 192.0.2.1, my wife Ann"):
        assert isinstance(match.label, Promise), match.kind
    assert all(isinstance(f.label, Promise) for f in personal_identifiers("sam@example.org"))


def test_redact_replaces_every_detail_by_default():
    text = "I'm Dr Okafor's patient, call 07700 900123 or write to sam@example.org."
    assert redact(text) == "I'm Dr [removed]'s patient, call [removed] or write to [removed]."


def test_redact_replaces_only_the_given_matches_with_the_given_text():
    text = "My wife Ann, 07700 900123."
    phone = [m for m in find_personal_details(text) if m.kind == "phone"]
    assert redact(text, phone, replacement="***") == "My wife Ann, ***."
    assert redact(text, []) == text
    assert redact("Nothing to see, 200 mg on 3 May.") == "Nothing to see, 200 mg on 3 May."


def test_personal_identifiers_lists_each_kind_once_in_a_fixed_order():
    text = "@sam_ms here, 07700 900123 or 07700 900456, sam@example.org, my son Leo"
    assert [f.kind for f in personal_identifiers(text)] == ["email", "phone", "name", "handle"]


def test_the_corpus_is_labelled_with_substrings_of_its_sentences():
    assert len(CORPUS) >= 200
    with_details = sum(1 for _sentence, labels in CORPUS if labels)
    assert 0.4 <= with_details / len(CORPUS) <= 0.6
    for sentence, labels in CORPUS:
        for _kind, detail in labels:
            assert detail in sentence


def test_precision_and_recall_over_the_corpus():
    true_pos = false_pos = false_neg = 0
    for sentence, labels in CORPUS:
        expected, got = Counter(labels), Counter(found(sentence))
        true_pos += sum((expected & got).values())
        false_pos += sum((got - expected).values())
        false_neg += sum((expected - got).values())
    precision = true_pos / (true_pos + false_pos)
    recall = true_pos / (true_pos + false_neg)
    print(f"personal details: precision {precision:.3f}, recall {recall:.3f} over {len(CORPUS)} sentences")
    assert precision >= 0.90
    assert recall >= 0.90
