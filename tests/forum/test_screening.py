import pytest

from forum.screening import personal_identifiers


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
