import pytest
from django.test import override_settings

from forum.screening import personal_identifiers, urgent_terms


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("You can reach me at sam.lee@example.org", "email"),
        ("Call me on 07700 900123 please", "phone"),
        ("Ring +44 20 7946 0958 any time", "phone"),
        ("I was born on 12/03/1981", "date"),
        ("My MRI was on 3 March 2024", "date"),
        ("It happened on 2024-05-17", "date"),
        ("I live at 14 Mill Lane near the park", "address"),
        ("My NHS number is 943 476 5919", "record"),
        ("Hospital number: RX45-88123", "record"),
        ("See www.example.org/my-scan for pictures", "url"),
        ("My blog https://example.org/ms tells more", "url"),
    ],
)
def test_personal_identifiers_are_found(text, kind):
    assert kind in [f.kind for f in personal_identifiers(text)]


@pytest.mark.parametrize(
    "text",
    [
        "I was diagnosed with RRMS in 2019 and have three lesions.",
        "I take vitamin D every day and walk 5000 steps.",
        "Since March 2021 my EDSS has been 3.5.",
        "My neurologist said my MRI looked stable.",
    ],
)
def test_ordinary_health_text_raises_no_warning(text):
    assert personal_identifiers(text) == []


def test_a_record_number_is_not_also_reported_as_a_phone_number():
    kinds = [f.kind for f in personal_identifiers("My NHS number is 943 476 5919")]
    assert kinds == ["record"]


def test_urgent_terms_are_found_case_and_spacing_insensitively():
    assert urgent_terms("Since this morning I have CHEST   pain and my face is drooping") == ["chest pain"]
    assert urgent_terms("My legs feel heavy in the heat") == []


@override_settings(FORUM_URGENT_TERMS=["double vision"])
def test_urgent_terms_come_from_settings():
    assert urgent_terms("Sudden double vision today") == ["double vision"]
    assert urgent_terms("chest pain") == []
