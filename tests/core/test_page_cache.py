"""Anonymous public pages come from the cache, and every change that shows on them invalidates it."""

import pickle
import re
import time

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comments import services as comment_services
from comments.models import Comment
from core.cache import invalidate_everything, memory, versions
from core.models import AuditLog
from experts.services.answers import answer_publish, answer_revise
from forum.models import Answer
from forum.services import questions as question_services
from tests.factories import CategoryFactory, ExpertProfileFactory, QuestionFactory, UserFactory, answered_question
from tests.support.admin_forms import change_form_data


@pytest.fixture
def page_cache(settings):
    settings.FORUM_PAGE_CACHE_SECONDS = 300


def _get(client, url):
    return client.get(url).content.decode()


@pytest.mark.django_db
def test_a_cached_page_is_served_without_queries(client, page_cache, django_assert_num_queries):
    question = answered_question(title="A cached question?")
    _get(client, question.get_absolute_url())
    with django_assert_num_queries(0):
        assert "A cached question?" in _get(client, question.get_absolute_url())


@pytest.mark.django_db
def test_signed_in_people_never_get_the_anonymous_copy(client, page_cache, user):
    question = answered_question()
    anonymous_html = _get(client, question.get_absolute_url())
    client.force_login(user)
    signed_in_html = _get(client, question.get_absolute_url())
    assert "Sign in to comment" in anonymous_html and "Sign in to comment" not in signed_in_html


@pytest.mark.django_db
def test_answering_a_question_invalidates_cached_pages(client, page_cache, expert, django_capture_on_commit_callbacks):
    answered_question(title="Already answered?")
    assert "Already answered?" in _get(client, "/")
    question = QuestionFactory(status="approved", approved_at=timezone.now(), title="Freshly answered question?")
    assert "Freshly answered question?" not in _get(client, "/")
    with django_capture_on_commit_callbacks(execute=True):
        answer_publish(question=question, expert_user=expert.user, body="A new answer for everyone. " * 3)
    assert "Freshly answered question?" in _get(client, "/")


@pytest.mark.django_db
def test_editing_an_answer_invalidates_the_qa_page(client, page_cache, expert, django_capture_on_commit_callbacks):
    question = answered_question(expert=expert)
    answer = Answer.objects.get(question=question)
    assert "Fatigue after a relapse is common" in _get(client, question.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        answer_revise(answer=answer, expert_user=expert.user, body="A revised answer with new advice. " * 3)
    assert "A revised answer with new advice." in _get(client, question.get_absolute_url())


@pytest.mark.django_db
def test_approving_a_comment_invalidates_the_qa_page(client, page_cache, moderator, django_capture_on_commit_callbacks):
    question = answered_question()
    held = Comment.objects.create(question=question, author=UserFactory(), body="Held comment text",
                                  body_html="<p>Held comment text</p>")  # fmt: skip
    assert "Held comment text" not in _get(client, question.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        comment_services.comment_approve(comment=held, moderator=moderator)
    assert "Held comment text" in _get(client, question.get_absolute_url())


@pytest.mark.django_db
def test_closing_comments_invalidates_the_qa_page(client, page_cache, moderator, django_capture_on_commit_callbacks):
    question = answered_question()
    assert "Comments are closed." not in _get(client, question.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        question_services.comments_close(question=question, moderator=moderator)
    assert "Comments are closed." in _get(client, question.get_absolute_url())


def _save_in_admin(client, person, model, pk, on_commit, **changes):
    """Save an admin change form as `person`, then read pages as an anonymous visitor again."""
    url = reverse(f"admin:{model}_change", args=[pk])
    client.force_login(person)
    with on_commit(execute=True):
        response = client.post(url, change_form_data(client, url, **changes))
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()


@pytest.mark.django_db
def test_moving_a_question_to_another_category_in_the_admin_invalidates_pages(
    client, page_cache, moderator, django_capture_on_commit_callbacks
):
    question = answered_question(title="Which topic is this in?", body="Two lines of text.\nThe second one.")
    target = CategoryFactory(name="Bladder and bowel")
    assert "No answered questions here yet." in _get(client, target.get_absolute_url())
    crlf = question.body.replace("\n", "\r\n")  # as a browser sends a textarea back
    _save_in_admin(
        client, moderator, "forum_question", question.pk, django_capture_on_commit_callbacks, category=target, body=crlf
    )
    html = _get(client, target.get_absolute_url())
    assert "No answered questions here yet." not in html and "Which topic is this in?" in html
    assert "Bladder and bowel" in _get(client, question.get_absolute_url())
    entry = AuditLog.objects.get(action="question.recategorize", target_id=question.pk)
    assert entry.actor == moderator and entry.after["category"] == "Bladder and bowel"


@pytest.mark.django_db
def test_editing_an_experts_credentials_in_the_admin_invalidates_pages(client, page_cache, moderator,
                                                                      django_capture_on_commit_callbacks):  # fmt: skip
    expert = ExpertProfileFactory(postnominals="MD")
    question = answered_question(expert=expert)
    assert "MD, FRCP" not in _get(client, question.get_absolute_url())
    _save_in_admin(
        client,
        moderator,
        "experts_expertprofile",
        expert.pk,
        django_capture_on_commit_callbacks,
        postnominals="MD, FRCP",
    )
    assert "MD, FRCP" in _get(client, question.get_absolute_url())
    assert "MD, FRCP" in _get(client, expert.get_absolute_url())
    entry = AuditLog.objects.get(action="expert.profile_edit", target_id=expert.pk)
    assert entry.before == {"postnominals": "MD"} and entry.after == {"postnominals": "MD, FRCP"}
    assert entry.actor == moderator


@pytest.mark.django_db
def test_changing_a_display_name_in_the_admin_invalidates_pages(client, page_cache,
                                                                django_capture_on_commit_callbacks):  # fmt: skip
    question = answered_question()
    commenter = UserFactory(display_name="Walker")
    _comment(question, commenter, "Cooling vests help me")
    assert "Walker" in _get(client, question.get_absolute_url())
    admin = UserFactory(is_staff=True, is_superuser=True)
    _save_in_admin(
        client, admin, "accounts_user", commenter.pk, django_capture_on_commit_callbacks, display_name="Rambler"
    )
    html = _get(client, question.get_absolute_url())
    assert "Rambler" in html and "Walker" not in html
    entry = AuditLog.objects.get(action="account.admin_edit", target_id=commenter.pk)
    assert entry.after == {} and "display_name" in entry.reason  # named, without the name itself
    assert "Rambler" not in str(entry.before) + str(entry.after) + entry.reason
    assert commenter.email not in str(entry.before) + str(entry.after) + entry.reason


@pytest.mark.django_db
def test_deleting_a_person_in_the_admin_invalidates_pages(client, page_cache, django_capture_on_commit_callbacks):
    question = answered_question()
    commenter = UserFactory(display_name="Walker")
    _comment(question, commenter, "Cooling vests help me")
    assert "Walker" in _get(client, question.get_absolute_url())
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:accounts_user_delete", args=[commenter.pk]), {"post": "yes"})
    assert response.status_code == 302
    client.logout()
    html = _get(client, question.get_absolute_url())
    assert "Cooling vests help me" in html and "Walker" not in html
    assert AuditLog.objects.get(action="account.admin_delete", target_id=commenter.pk).actor == admin


@pytest.mark.django_db
def test_feeds_and_sitemap_follow_new_answers(client, page_cache, expert, django_capture_on_commit_callbacks):
    assert "Feed newcomer?" not in _get(client, reverse("forum:feed_latest"))
    question = QuestionFactory(status="approved", approved_at=timezone.now(), title="Feed newcomer?")
    with django_capture_on_commit_callbacks(execute=True):
        answer_publish(question=question, expert_user=expert.user, body="Answer for the feed. " * 3)
    assert "Feed newcomer?" in _get(client, reverse("forum:feed_latest"))
    assert question.get_absolute_url() in _get(client, "/sitemap.xml")


# Signed-in readers: the page is rendered for them, from fragments shared by everyone who sees the
# same thing (the question and answer, the thread for their kind of visitor, related questions, sidebar).


def _comment(question, author, body, status="approved", **kwargs):
    return Comment.objects.create(question=question, author=author, body=body, body_html=f"<p>{body}</p>",
                                  status=status, **kwargs)  # fmt: skip


def _thread(html):
    return html.split('id="comments-heading"', 1)[1].split('id="comment-form"', 1)[0]


@pytest.mark.django_db
def test_signed_in_page_reuses_shared_fragments(client, page_cache, user, django_assert_num_queries):
    question = answered_question()
    for n in range(20):
        _comment(question, UserFactory(), f"Shared comment number {n}")
    question.comment_count = 20
    question.save(update_fields=["comment_count"])
    client.force_login(user)
    first = _get(client, question.get_absolute_url())
    # the person (with email and expert facts): the session, the Q&A, who commented on it, its thread,
    # related questions and the sidebar all come from the cache
    with django_assert_num_queries(1):
        second = _get(client, question.get_absolute_url())
    assert second.count('class="comment depth-') == first.count('class="comment depth-') == 20
    assert "Fatigue after a relapse is common" in second and "Shared comment number 19" in second
    assert "csrfmiddlewaretoken" not in _thread(second)  # the shared thread holds no per-person token


def _token(html):
    return html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]


@pytest.mark.django_db
def test_readers_of_one_shared_page_each_get_their_own_name_and_working_token(
    page_cache, django_capture_on_commit_callbacks
):
    question = answered_question()
    first, second = UserFactory(display_name="Ash <b>"), UserFactory(display_name="Birch")
    pages = {}
    for reader in (first, second):
        client = Client(enforce_csrf_checks=True)
        client.force_login(reader)
        pages[reader] = client, _get(client, question.get_absolute_url())
    first_html, second_html = pages[first][1], pages[second][1]
    assert "Signed in as Ash &lt;b&gt;" in first_html and "Birch" not in first_html
    assert "Signed in as Birch" in second_html and "Ash" not in second_html
    client = pages[second][0]
    form_token = _token(second_html.split('id="comment-form"', 1)[1])
    body = "Posted with the token the shared page carried"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("comments:comment_post", args=[question.pk]), {"body": body, "csrfmiddlewaretoken": form_token}
        )
    assert response.status_code == 302
    assert Comment.objects.filter(author=second, body__startswith="Posted with the token").exists()
    assert client.post(reverse("account_logout"), {"csrfmiddlewaretoken": _token(second_html)}).status_code == 302


@pytest.mark.django_db
def test_a_shared_page_shows_each_reader_the_menu_for_their_role(client, page_cache, user, expert):
    question = answered_question()
    client.force_login(user)
    assert "Expert dashboard" not in _get(client, question.get_absolute_url())
    client.force_login(expert.user)
    assert "Expert dashboard" in _get(client, question.get_absolute_url())
    client.force_login(UserFactory(is_staff=True))
    html = _get(client, question.get_absolute_url())
    assert ">Moderation</a>" in html and "Expert dashboard" not in html


@pytest.mark.django_db
def test_a_reader_sees_their_held_comment_right_after_posting_it(client, page_cache, user,
                                                                django_capture_on_commit_callbacks):  # fmt: skip
    question = answered_question()
    client.force_login(user)
    assert "Only you can see this comment" not in _get(client, question.get_absolute_url())  # shared page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("comments:comment_post", args=[question.pk]), {"body": "My first comment here"})
    assert response.status_code == 302
    html = _get(client, question.get_absolute_url())
    assert "Your first comment will appear once a moderator has read it." in html
    assert "My first comment here" in html and "Only you can see this comment" in html
    html = _get(client, question.get_absolute_url())  # the message shown, the page is theirs still
    assert "Your first comment will appear" not in html and "My first comment here" in html
    client.force_login(UserFactory())
    assert "My first comment here" not in _get(client, question.get_absolute_url())


@pytest.mark.django_db
def test_a_shared_thread_never_holds_anyones_own_comments(client, page_cache, user, unverified_user):
    question = answered_question()
    client.force_login(unverified_user)  # another kind of reader: the verified readers' page is not built yet
    _get(client, question.get_absolute_url())  # who commented here is now shared for this version
    # A comment that arrives without the version moving on (the change is not yet committed when the
    # version is read, say) must not end up in the copy every reader shares.
    _comment(question, user, "Held comment of one reader", status="pending")
    client.force_login(user)
    _get(client, question.get_absolute_url())
    client.force_login(UserFactory())
    assert "Held comment of one reader" not in _get(client, question.get_absolute_url())


@pytest.mark.django_db
def test_own_comments_are_never_taken_from_the_shared_thread(client, page_cache, user):
    question = answered_question()
    _comment(question, UserFactory(), "Somebody else's comment")
    reader = UserFactory()
    client.force_login(reader)
    shared = _get(client, question.get_absolute_url())  # fills the shared thread for members
    assert "Somebody else's comment" in shared and "Edit</a>" not in _thread(shared)

    _comment(question, user, "My comment waiting for a moderator", status="pending")
    _comment(question, user, "My published comment")
    invalidate_everything()  # these rows were made directly, not through the services
    client.force_login(user)
    mine = _thread(_get(client, question.get_absolute_url()))
    assert "My comment waiting for a moderator" in mine and "Only you can see this comment" in mine
    assert "My published comment" in mine and mine.count(">Delete</button>") == 2
    assert "csrfmiddlewaretoken" in mine

    client.force_login(reader)
    theirs = _thread(_get(client, question.get_absolute_url()))
    assert "My comment waiting for a moderator" not in theirs and ">Delete</button>" not in theirs


@pytest.mark.django_db
def test_the_shared_thread_differs_by_kind_of_reader(client, page_cache, user, unverified_user):
    question = answered_question()
    _comment(question, UserFactory(), "A comment to reply to")
    client.force_login(user)
    assert ">Reply</a>" in _thread(_get(client, question.get_absolute_url()))
    client.force_login(unverified_user)
    assert ">Reply</a>" not in _thread(_get(client, question.get_absolute_url()))
    client.logout()
    anonymous = _get(client, question.get_absolute_url())
    assert ">Reply</a>" not in _thread(anonymous.replace('id="comment-form"', "")) and "Report</a>" not in anonymous


@pytest.mark.django_db
def test_signed_in_fragments_follow_changes(client, page_cache, user, moderator, django_capture_on_commit_callbacks):
    question = answered_question()
    held = _comment(question, UserFactory(), "Held until a moderator reads it", status="pending")
    client.force_login(user)
    assert "Held until a moderator reads it" not in _get(client, question.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        comment_services.comment_approve(comment=held, moderator=moderator)
    assert "Held until a moderator reads it" in _get(client, question.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        question_services.comments_close(question=question, moderator=moderator)
    html = _get(client, question.get_absolute_url())
    assert "Comments are closed." in html and ">Reply</a>" not in html


@pytest.mark.django_db
def test_a_removed_question_leaves_the_shared_copy(client, page_cache, user, moderator,
                                                   django_capture_on_commit_callbacks):  # fmt: skip
    question = answered_question(title="Soon to be removed?")
    client.force_login(user)
    assert "Soon to be removed?" in _get(client, question.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        question_services.question_remove(question=question, moderator=moderator, reason="Personal details")
    assert client.get(question.get_absolute_url()).status_code == 404


# Each process keeps copies of entries in memory, checked against the versions in the shared cache.


@pytest.mark.django_db
def test_memory_copies_serve_pages_the_shared_cache_has_dropped(client, page_cache, expert,
                                                                django_capture_on_commit_callbacks):  # fmt: skip
    answered_question(title="Kept in memory?")
    assert "Kept in memory?" in _get(client, "/")
    cache.delete("page:/?")  # evicted from Redis, still held by this process
    assert "Kept in memory?" in _get(client, "/")
    question = QuestionFactory(status="approved", approved_at=timezone.now(), title="Newer than the copy?")
    with django_capture_on_commit_callbacks(execute=True):
        answer_publish(question=question, expert_user=expert.user, body="A new answer for everyone. " * 3)
    assert "Newer than the copy?" in _get(client, "/")  # the version moved on: the copy is not used


@pytest.mark.django_db
def test_an_emptied_shared_cache_never_revives_old_copies(client, page_cache):
    answered_question(title="Before the restart?")
    assert "Before the restart?" in _get(client, "/")
    before = versions([])
    cache.clear()  # Redis restarted empty; this process still holds its copies
    answered_question(title="After the restart?")
    assert versions([]) != before  # `site` starts from the clock again
    assert "After the restart?" in _get(client, "/")


def test_memory_holds_a_bounded_number_of_fresh_objects(settings):
    settings.FORUM_MEMORY_CACHE_ENTRIES = 2
    settings.FORUM_PAGE_CACHE_SECONDS = 300
    for key in ("a", "b", "c"):
        memory.put(key, (7,), pickle.dumps({"key": key}))
    assert memory.get("a", (7,)) == (False, None)  # the least recently used went first
    held, first = memory.get("c", (7,))
    assert held and first == {"key": "c"}
    assert memory.get("c", (7,))[1] is not first  # every request gets its own object
    assert memory.get("c", (8,)) == (False, None)  # another version: not served


def test_memory_copies_expire_with_the_shared_cache(settings, monkeypatch):
    settings.FORUM_PAGE_CACHE_SECONDS = 300
    now = time.monotonic()
    monkeypatch.setattr("core.cache.time.monotonic", lambda: now)
    memory.put("page", (7,), pickle.dumps("html"))
    monkeypatch.setattr("core.cache.time.monotonic", lambda: now + 299)
    assert memory.get("page", (7,)) == (True, "html")
    monkeypatch.setattr("core.cache.time.monotonic", lambda: now + 301)
    assert memory.get("page", (7,)) == (False, None)


@pytest.mark.django_db
def test_no_reader_s_name_token_or_nonce_reaches_another_reader(page_cache):
    """Every per-request value (name, form token, CSP nonce) on a page is that reader's own, whatever the
    shared fragments and per-process constants hold."""
    question = answered_question()
    _comment(question, UserFactory(), "A comment every reader sees")
    readers = [UserFactory(display_name="Reader Rowan"), UserFactory(display_name="Reader Juniper")]
    clients, tokens, nonces = {}, {}, {}
    for reader in readers:
        client = clients[reader.pk] = Client(enforce_csrf_checks=True)
        client.force_login(reader)
        for url in (question.get_absolute_url(), reverse("forum:home")):
            response = client.get(url)
            html = response.content.decode()
            assert f"Signed in as {reader.display_name}" in html
            assert next(r for r in readers if r != reader).display_name not in html
            tokens[reader.pk] = _token(html)
            header = response.get("Content-Security-Policy", "")
            found = set(re.findall(r"nonce-([\w+/=-]+)", header)) | set(re.findall(r'nonce="([^"]+)"', html))
            nonces.setdefault(reader.pk, set()).update(found)
    first, second = (reader.pk for reader in readers)
    assert not nonces[first] & nonces[second]
    preview = reverse("forum:ask_preview")
    for reader, other in ((first, second), (second, first)):
        # A reader's page token works for them and for nobody else.
        assert clients[reader].post(preview, {"csrfmiddlewaretoken": tokens[reader]}).status_code == 200
        assert clients[reader].post(preview, {"csrfmiddlewaretoken": tokens[other]}).status_code == 403


@pytest.mark.django_db
def test_a_cold_page_reads_its_versions_once_and_writes_its_parts_together(client, page_cache, monkeypatch):
    question = answered_question()
    calls = {"get_many": [], "set": 0, "set_many": []}
    real_get_many, real_set_many, real_set = cache.get_many, cache.set_many, cache.set

    def get_many(keys, *args, **kwargs):
        calls["get_many"].append(list(keys))
        return real_get_many(keys, *args, **kwargs)

    def set_many(data, *args, **kwargs):
        calls["set_many"].append(sorted(data))
        calls["in_set_many"] = True
        try:
            return real_set_many(data, *args, **kwargs)
        finally:
            calls["in_set_many"] = False

    def set_one(*args, **kwargs):
        if not calls.get("in_set_many"):  # the local-memory cache's set_many sets each key
            calls["set"] += 1
        return real_set(*args, **kwargs)

    monkeypatch.setattr(cache, "get_many", get_many)
    monkeypatch.setattr(cache, "set_many", set_many)
    monkeypatch.setattr(cache, "set", set_one)
    assert "Fatigue after a relapse" in _get(client, question.get_absolute_url())
    version_reads = [keys for keys in calls["get_many"] if all(k.startswith("forum:scope:") for k in keys)]
    assert len(version_reads) == 1  # the page's, its parts' and the sidebar's scopes in one round trip
    assert calls["set"] == 0 and len(calls["set_many"]) == 1  # everything it built, written in one
    written = calls["set_many"][0]
    assert f"page:{question.get_absolute_url()}?" in written
    assert any(key.startswith("part:sidebar:") for key in written)
    assert any(key.endswith(f"qa-head:{question.pk}") for key in written)


@pytest.mark.django_db
def test_a_signed_in_reader_s_page_reads_every_version_it_needs_in_one_round_trip(client, page_cache, user,
                                                                                  monkeypatch):  # fmt: skip
    question = answered_question()
    client.force_login(user)
    _get(client, question.get_absolute_url())  # its shared parts are cached now
    reads = []
    real_get_many = cache.get_many

    def get_many(keys, *args, **kwargs):
        reads.append(list(keys))
        return real_get_many(keys, *args, **kwargs)

    monkeypatch.setattr(cache, "get_many", get_many)
    assert "Fatigue after a relapse" in _get(client, question.get_absolute_url())
    version_reads = [keys for keys in reads if keys and all(k.startswith("forum:scope:") for k in keys)]
    assert len(version_reads) == 1  # the page's scopes and who has commented (for this reader), together
    assert f"forum:scope:commenters:{question.pk}" in version_reads[0]
