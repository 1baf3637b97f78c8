"""Moving models between apps loses no row, and links already sent by email keep working."""

import pytest
from django.core import signing
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from notifications.models import AlertSubscription

# The state just before models left forum and accounts for core, notifications, search and moderation.
BEFORE_THE_MOVES = [
    ("forum", "0014_auditlog_without_text"), ("accounts", "0003_notificationpreferences"),
    ("core", None), ("notifications", None), ("search", None), ("moderation", None), ("comments", None),
]  # fmt: skip
MOVED_TABLES = {
    "core.AuditLog": "forum_auditlog", "core.WorkerHeartbeat": "forum_workerheartbeat",
    "notifications.OutboxEmail": "forum_outboxemail", "notifications.AlertSubscription": "forum_alertsubscription",
    "notifications.NotificationPreferences": "accounts_notificationpreferences",
    "search.SynonymGroup": "forum_synonymgroup", "search.SearchTerm": "forum_searchterm",
    "moderation.Report": "forum_report", "comments.Comment": "forum_comment",
}  # fmt: skip


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([target for target in targets if target[1]]).apps


def _fill_with_the_old_models(old):
    User = old.get_model("accounts", "User")
    people = [User.objects.create(email=f"mover{i}@example.org", password="!") for i in range(3)]
    category = old.get_model("forum", "Category").objects.create(name="Moving", slug="moving")
    question = old.get_model("forum", "Question").objects.create(
        author=people[0], title="Does moving keep rows?", slug="moving", body="b", body_html="b",
        category=category, consented_at=timezone.now(),
    )  # fmt: skip
    ContentType = old.get_model("contenttypes", "ContentType")
    question_type = ContentType.objects.get(app_label="forum", model="question")
    for person in people:
        old.get_model("forum", "AuditLog").objects.create(actor=person, action="x", target_type="forum.question",
                                                          target_id=question.pk)  # fmt: skip
        old.get_model("forum", "OutboxEmail").objects.create(key=f"k{person.pk}", kind="k", to_email=person.email,
                                                             subject="s", body_text="t", body_html="h")  # fmt: skip
        old.get_model("forum", "AlertSubscription").objects.create(email=person.email, frequency="daily")
        old.get_model("accounts", "NotificationPreferences").objects.create(user=person)
        old.get_model("forum", "Report").objects.create(reporter=person, content_type=question_type,
                                                        object_id=question.pk, reason="other")  # fmt: skip
    old.get_model("forum", "Comment").objects.create(question=question, author=people[1], body="b", body_html="b")
    old.get_model("forum", "WorkerHeartbeat").objects.create(name="celery", seen_at=timezone.now())
    old.get_model("forum", "SynonymGroup").objects.create(terms="Tysabri, natalizumab")
    old.get_model("forum", "SearchTerm").objects.create(word="moving", frequency=2)
    return question


def _count(table):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - our own table names
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_a_database_filled_by_the_old_code_keeps_every_row_after_the_moves():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    try:
        old = _migrate(BEFORE_THE_MOVES)
        # As on a database the old code made: the moved models' content types under their old apps.
        ContentType = old.get_model("contenttypes", "ContentType")
        new_apps = ["core", "notifications", "search", "moderation", "comments"]
        ContentType.objects.filter(app_label__in=new_apps).delete()
        old_type_ids = {
            label.split(".")[1].lower(): ContentType.objects.create(
                app_label="accounts" if table.startswith("accounts_") else "forum", model=label.split(".")[1].lower()
            ).pk
            for label, table in MOVED_TABLES.items()
        }
        question = _fill_with_the_old_models(old)
        before = {table: _count(table) for table in MOVED_TABLES.values()}
        new = _migrate(latest)
    finally:
        _migrate(latest)
    for label, table in MOVED_TABLES.items():
        model = new.get_model(label)
        assert model._meta.db_table == table
        assert model.objects.count() == before[table] > 0, label
    report = new.get_model("moderation", "Report").objects.first()
    assert (report.content_type.app_label, report.object_id) == ("forum", question.pk)  # still the question
    # Each moved model's content type is the old row under its new app: permissions and admin history follow.
    ContentType = new.get_model("contenttypes", "ContentType")
    moved_types = dict(ContentType.objects.filter(model__in=old_type_ids).values_list("model", "pk"))
    assert moved_types == old_type_ids and len(old_type_ids) == len(MOVED_TABLES)
    assert set(ContentType.objects.filter(pk__in=list(old_type_ids.values())).values_list("app_label", flat=True)) == {
        "comments",
        "core",
        "moderation",
        "notifications",
        "search",
    }


@pytest.mark.django_db
def test_links_signed_before_the_moves_still_confirm_and_unsubscribe(client):
    subscription = AlertSubscription.objects.create(email="early@example.org", frequency="daily")
    # Signed exactly as the code that sent the first emails did (salts of the forum app's old token module).
    confirm = signing.dumps({"s": subscription.pk}, salt="forum.alert-confirm")
    unsubscribe = signing.dumps({"k": "alert", "r": subscription.pk, "f": ""}, salt="forum.unsubscribe", compress=True)
    assert client.post(reverse("notifications:alert_confirm", args=[confirm])).status_code == 200
    assert client.post(f"/alerts/unsubscribe/{unsubscribe}/").status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None and subscription.unsubscribed_at is not None
