from datetime import UTC, date, datetime, timedelta

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from experts.services.answers import answer_publish, answer_revise
from forum.models import Answer
from forum.search_index import refresh_vectors
from forum.services.questions import question_edit
from search import engine as search
from search.models import SynonymGroup
from search.vocabulary import record_vocabulary
from tests.factories import CategoryFactory, ExpertProfileFactory, QuestionFactory, TagFactory, answered_question


def ids(text, **filters):
    return search.search_ids(text, search.Filters(**filters)).ids


@pytest.mark.django_db
def test_ranking_puts_title_matches_before_body_matches_and_recency_breaks_ties():
    now = timezone.now()
    in_title = answered_question(title="Does heat sensitivity ever go away?", answered_at=now - timedelta(days=300))
    in_body = answered_question(title="A question about summer holidays?", body="I notice heat sensitivity a lot.",
                                answered_at=now - timedelta(days=1))  # fmt: skip
    old_title = answered_question(title="Heat sensitivity in older age?", answered_at=now - timedelta(days=900))
    result = ids("heat sensitivity")
    assert result[0] == in_title.pk
    assert result.index(in_title.pk) < result.index(old_title.pk) < result.index(in_body.pk)


@pytest.mark.django_db
def test_phrases_or_and_exclusion():
    a = answered_question(title="Is a cooling vest worth buying?")
    b = answered_question(title="Which vest keeps me cool when walking?")
    c = answered_question(title="Are fans better than cold showers?")
    assert ids('"cooling vest"') == [a.pk]
    assert set(ids("vest")) == {a.pk, b.pk}
    assert set(ids("vest -walking")) == {a.pk}
    assert set(ids("fans OR buying")) == {a.pk, c.pk}


@pytest.mark.django_db
def test_synonyms_work_both_ways():
    SynonymGroup.objects.create(terms="Ocrevus, ocrelizumab")
    SynonymGroup.objects.create(terms="Tecfidera, dimethyl fumarate")
    brand = answered_question(title="How often are Ocrevus infusions given?")
    generic = answered_question(title="Side effects of ocrelizumab in the first year?")
    multi = answered_question(title="Flushing on dimethyl fumarate, is that normal?")
    assert set(ids("ocrelizumab")) == {brand.pk, generic.pk}
    assert set(ids("Ocrevus")) == {brand.pk, generic.pk}
    assert ids("tecfidera") == [multi.pk]


@pytest.mark.django_db
def test_typo_suggestion_when_few_results():
    question = answered_question(title="Fatigue after a relapse?")
    record_vocabulary([question.pk])
    results = search.search_ids("fatige")
    assert results.ids == []
    assert results.suggestion == "fatigue"
    assert search.search_ids("fatigue").suggestion is None


@pytest.mark.django_db
def test_filters_by_category_tag_expert_and_date():
    cat, tag = CategoryFactory(), TagFactory()
    expert = ExpertProfileFactory(slug="dr-filter")
    when = datetime(2025, 3, 10, tzinfo=UTC)
    match = answered_question(title="Walking aids for balance?", category=cat, tags=[tag], expert=expert,
                              answered_at=when)  # fmt: skip
    answered_question(title="Walking aids at night?")
    assert ids("walking", category=cat.slug) == [match.pk]
    assert ids("walking", tag=tag.slug) == [match.pk]
    assert ids("walking", expert="dr-filter") == [match.pk]
    assert ids("walking", date_from=date(2025, 3, 1), date_to=date(2025, 3, 31)) == [match.pk]


@pytest.mark.django_db
def test_hidden_and_unpublished_content_is_never_found(moderator):
    for status in ("pending", "approved", "rejected", "withdrawn"):
        q = QuestionFactory(status=status, title=f"Secret zebra question {status}?",
                            rejection_reason="x" if status == "rejected" else "")  # fmt: skip
        refresh_vectors([q.pk])
    assert ids("zebra") == []


@pytest.mark.django_db
def test_vectors_follow_question_answer_and_tag_changes(client, expert, moderator):
    question = QuestionFactory(status="approved", approved_at=timezone.now(), title="A question about rain?")
    answer_publish(question=question, expert_user=expert.user, body="Mentions kaleidoscope in the answer. " * 2)
    assert ids("kaleidoscope") == [question.pk]
    answer = Answer.objects.get(question=question)
    answer_revise(answer=answer, expert_user=expert.user, body="Now it mentions periscope instead. " * 2)
    assert ids("kaleidoscope") == [] and ids("periscope") == [question.pk]
    tag = TagFactory(name="Thermometer", slug="thermometer")
    question.tags.add(tag)
    client.force_login(moderator)
    client.post(reverse("admin:forum_tag_change", args=[tag.pk]), {"name": "Barometer", "slug": "barometer"})
    assert ids("barometer") == [question.pk]
    pending = QuestionFactory(status="pending", title="Unrelated title here?")
    question_edit(question=pending, editor=pending.author, title="Now about aardvarks?", body="x" * 40)
    pending.refresh_from_db()
    assert "aardvark" in str(pending.search_vector)


@pytest.mark.django_db
def test_search_page_highlights_and_escapes(client):
    answered_question(title="Tingling <b>hands</b> at night?", body="Tingling <script>alert(1)</script> again.")
    html = client.get(reverse("search:search"), {"q": "tingling"}).content.decode()
    assert "<mark>Tingling</mark>" in html
    assert "<script>alert(1)</script>" not in html and "<b>hands</b>" not in html
    assert "1 answer matches" in html


@pytest.mark.django_db
@pytest.mark.parametrize("q", ["", "   ", '"', "-", "OR", "((()))", "a" * 500, "' OR 1=1 --", "\x00"])
def test_empty_or_odd_queries_get_a_page_not_an_error(client, q):
    answered_question(title="Some answered question here?")
    response = client.get(reverse("search:search"), {"q": q, "from": "not-a-date", "page": "zz"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_ask_form_suggestions_use_the_same_search():
    SynonymGroup.objects.create(terms="Tysabri, natalizumab")
    question = answered_question(title="Is natalizumab safe long term?")
    from search.selectors import similar_questions

    assert [q.pk for q in similar_questions("Questions about Tysabri infusions")] == [question.pk]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["latest", "category", "tag", "expert"])
@pytest.mark.parametrize("rss", [False, True])
def test_feeds_parse_and_contain_the_expected_entries(client, kind, rss):
    cat, tag = CategoryFactory(), TagFactory()
    expert = ExpertProfileFactory(public_name="Dr Feed Writer", postnominals="MD")
    mine = answered_question(title="In the feed?", category=cat, tags=[tag], expert=expert, is_anonymous=False)
    other = answered_question(title="Elsewhere?")
    QuestionFactory(title="Pending, never in a feed?")
    url = {
        "latest": reverse("forum:feed_latest"),
        "category": reverse("forum:feed_category", args=[cat.slug]),
        "tag": reverse("forum:feed_tag", args=[tag.slug]),
        "expert": reverse("feed_expert", args=[expert.slug]),
    }[kind] + ("rss/" if rss else "")
    response = client.get(url)
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == ("rss20" if rss else "atom10")
    titles = [e.title for e in parsed.entries]
    assert "In the feed?" in titles and "Pending, never in a feed?" not in titles
    assert ("Elsewhere?" in titles) == (kind == "latest")
    entry = next(e for e in parsed.entries if e.title == "In the feed?")
    assert entry.link.endswith(mine.get_absolute_url())
    assert "Dr Feed Writer" in entry.get("author", "")
    assert mine.author.display_name not in response.content.decode()
    assert mine.author.email not in response.content.decode()
    assert entry.get("published_parsed") or entry.get("updated_parsed")
    assert other.title not in titles or kind == "latest"


@pytest.mark.django_db
def test_pages_link_their_feeds_in_the_head(client):
    cat = CategoryFactory()
    answered_question(category=cat)
    html = client.get(cat.get_absolute_url()).content.decode()
    assert f'href="{reverse("forum:feed_category", args=[cat.slug])}"' in html
    assert 'type="application/atom+xml"' in client.get("/").content.decode()


@pytest.mark.django_db
def test_sitemap_covers_questions_categories_tags_months_and_experts(client):
    tag = TagFactory()
    expert = ExpertProfileFactory()
    question = answered_question(tags=[tag], expert=expert)
    xml = client.get("/sitemap.xml").content.decode()
    month = f"/archive/{question.answered_at:%Y}/{question.answered_at:%m}/"
    for path in (question.get_absolute_url(), question.category.get_absolute_url(), tag.get_absolute_url(),
                 expert.get_absolute_url(), month):  # fmt: skip
        assert path in xml, path


@pytest.mark.django_db
def test_search_query_count_is_fixed(client, settings, django_assert_num_queries):
    settings.FORUM_PAGE_CACHE_SECONDS = 300  # as in production, from an empty cache
    for i in range(30):
        answered_question(title=f"Question {i} about fatigue?", answered_at=timezone.now() - timedelta(days=400 + i))
    # Sidebar (months, topics, recent questions, recent comments), filter choices (tags, experts),
    # synonyms, then one statement for every time window and the ranking, and one for the rows with
    # their highlighted snippets; the three windows are all needed here.
    with django_assert_num_queries(9):
        response = client.get(reverse("search:search"), {"q": "fatigue"})
    assert response.content.decode().count("search-hit") == min(30, settings.FORUM_PAGE_SIZE)
    with django_assert_num_queries(0):
        client.get(reverse("search:search"), {"q": "fatigue"})


@pytest.mark.django_db
def test_snippets_are_plain_words_not_markdown(client):
    question = answered_question(title="Cooling vests on hot days?")
    Answer.objects.filter(question=question).update(
        body="Cooling vests are **not** harmful.\n\n- wear one on *long* walks\n- see [the guide](https://example.org/x)"
    )
    refresh_vectors([question.pk])
    page = client.get("/search/", {"q": "cooling vests harmful walks"}).content.decode()
    snippet = page.split('class="small mb-0">', 1)[1].split("</p>", 1)[0]
    assert "**" not in snippet and "- wear" not in snippet and "](" not in snippet
    assert "not" in snippet and "harmful" in snippet
