"""Query parameters are cleaned where they are read: control characters, over-long text and numbers
that are no number end as a normal page, page one or a 404."""

import pytest
from django.test import Client
from django.urls import reverse

from core.query import clean_text, positive_int
from tests.factories import CategoryFactory, ExpertProfileFactory, answered_question


def test_clean_text_turns_control_characters_into_spaces_and_bounds_the_length():
    assert clean_text("heat\x00sensitivity\x1b\x7f\x85") == "heat sensitivity"
    assert clean_text("  tab\there\n ") == "tab here"
    assert clean_text("a" * 5000) == "a" * 200
    assert clean_text("abcdef", max_length=3) == "abc"
    assert clean_text("Ocrevus – € ü") == "Ocrevus – € ü"  # only controls go


@pytest.mark.parametrize(
    ("value", "expected"),
    [("12", 12), ("0012", 12), ("0", None), ("-1", None), ("", None), (None, None), ("abc", None), ("1.5", None),
     ("\u00b2", None), ("\u0663", None), ("99999999999999999999", None), ("9" * 5000, None), (" 1", None),
     (str(2**63 - 1), 2**63 - 1)],
)  # fmt: skip
def test_positive_int_takes_only_ascii_digits_that_fit_an_id(value, expected):
    assert positive_int(value) == expected


def _client():
    return Client(raise_request_exception=False)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/archive/0000/", "/archive/1899/", "/archive/9999/", "/archive/0000/01/",
                                  "/archive/9999/12/", "/archive/9998/12/"])  # fmt: skip
def test_archive_years_out_of_range_are_not_found(path):
    assert _client().get(path).status_code == 404


@pytest.mark.django_db
def test_archive_pages_of_a_year_with_answers_still_work():
    question = answered_question()
    year, month = question.answered_at.year, question.answered_at.month
    assert _client().get(reverse("forum:archive_year", args=[year])).status_code == 200
    assert _client().get(reverse("forum:archive_month", args=[year, month])).status_code == 200


@pytest.mark.django_db
def test_control_characters_in_the_search_separate_words():
    question = answered_question(title="Walking with a stick in winter?")
    response = _client().get("/search/?q=walking%00stick")
    assert response.status_code == 200
    assert [hit.question.pk for hit in response.context["hits"]] == [question.pk]
    assert response.context["q"] == "walking stick"


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["category", "tag", "expert"])
def test_a_nul_byte_in_a_search_filter_is_dropped_instead_of_failing(name):
    answered_question(title="Walking with a stick in winter?", category=CategoryFactory(slug="mobility"))
    response = _client().get(f"/search/?q=walking&{name}=mobility%00")
    assert response.status_code == 200
    assert getattr(response.context["filters"], name) == "mobility"
    assert len(response.context["hits"]) == (1 if name == "category" else 0)


@pytest.mark.django_db
def test_filters_are_kept_in_the_result_links_only_as_read():
    CategoryFactory(slug="mobility")
    response = _client().get("/search/?q=walking&category=mobility%00&from=2024-01-01&to=not-a-date")
    assert response.context["filter_query"] == "category=mobility&from=2024-01-01"


@pytest.mark.django_db
def test_a_nul_byte_in_the_expert_list_specialty_is_dropped_instead_of_failing():
    expert = ExpertProfileFactory(slug="dr-nul")
    expert.specialties.set([CategoryFactory(slug="mobility")])
    for value, shown in (("%00", True), ("mobility%00", True), ("bladder%00", False)):
        response = _client().get(f"{reverse('experts:list')}?specialty={value}")
        assert response.status_code == 200, value
        assert (expert in response.context["experts"]) is shown, value


@pytest.mark.django_db
def test_a_reply_to_that_is_no_id_shows_the_page_without_a_reply(client):
    question = answered_question()
    for value in ("%C2%B2", "9" * 5000, "-1", "%00"):
        response = _client().get(f"{question.get_absolute_url()}?reply_to={value}")
        assert response.status_code == 200, value
        assert response.context["reply_to"] is None
