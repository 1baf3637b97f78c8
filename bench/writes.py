"""Writes a live site makes while people read, through the application's own services.

The one module of the benchmarks that imports the application's write code (services, the cache's
invalidation): when those modules move, update the imports here and nowhere else. Model imports are here too,
for picking what to write on.

Run as `python -m bench.writes RATE` with the server's environment (settings, database, cache), so the
cache versions its services change are the ones the server reads: it prints `BENCH-WRITES ready`, then writes at
RATE service calls per second until a line (or end of file) arrives on stdin, then prints
`BENCH-WRITES {json counts}`. Each step is one of, in turn: a first-time commenter's comment (held for
a moderator) and its approval; a known commenter's comment or reply, published at once; an expert's
revision of their published answer.
"""

import json
import random
import sys
import threading
import time
import traceback
from collections import Counter
from datetime import timedelta
from typing import Any

MARK = "BENCH-WRITES"


def invalidate_everything() -> None:
    """Make every cached page and part stale (as a renamed topic would)."""
    from core.cache import invalidate_everything as invalidate

    invalidate()


def recount_figures() -> None:
    """The counts per topic and month, from the Q&As (the generated data bypasses the services)."""
    from forum.figures import recount

    recount()


class Writer:
    def __init__(self, seed: int) -> None:
        from allauth.account.models import EmailAddress
        from django.conf import settings
        from django.contrib.auth.models import Group
        from django.utils import timezone

        from accounts.models import User
        from comments.models import Comment
        from forum.models import Answer, Question

        self.rng = random.Random(seed)  # noqa: S311 - picks what to write on
        self.run = f"{int(time.time())}-{seed}"
        self.fresh = 0
        self.published_count = 0
        self.moderator, _ = User.objects.get_or_create(
            email="bench-moderator@example.org", defaults={"display_name": "Bench moderator", "is_staff": True}
        )
        self.moderator.groups.add(Group.objects.get(name="Moderators"))
        open_since = timezone.now() - timedelta(days=settings.FORUM_COMMENTS_OPEN_DAYS) + timedelta(hours=1)
        self.open_questions = list(
            Question.objects.public()
            .filter(comments_closed=False, answered_at__gte=open_since)
            .values_list("pk", flat=True)
        )
        self.answers = list(Answer.objects.filter(status=Answer.Status.PUBLISHED).values_list("pk", flat=True))
        # Commenters with published comments already (the generated data's patients), who may comment: verified.
        # Each comments once in a run, and none who commented lately, so flood control lets them all through.
        recent = Comment.objects.filter(created_at__gte=timezone.now() - timedelta(hours=1), author__isnull=False)
        self.commenters = list(
            User.objects.filter(email__startswith="bench-patient", comments__status="approved")
            .exclude(expert_profile__isnull=False)
            .exclude(pk__in=recent.values("author_id"))
            .distinct()
            .values_list("pk", flat=True)[:500]
        )
        self.rng.shuffle(self.commenters)
        have = set(EmailAddress.objects.filter(user_id__in=self.commenters).values_list("user_id", flat=True))
        EmailAddress.objects.bulk_create(
            [
                EmailAddress(user=user, email=user.email, verified=True, primary=True)
                for user in User.objects.filter(pk__in=set(self.commenters) - have)
            ],
            ignore_conflicts=True,
        )
        EmailAddress.objects.filter(user_id__in=self.commenters).update(verified=True)
        if not self.open_questions or not self.answers or not self.commenters:
            raise SystemExit("bench.writes: no open Q&A, published answer or commenter to write with")

    def _question(self) -> Any:
        from forum.models import Question

        return Question.objects.get(pk=self.rng.choice(self.open_questions))

    def held_then_approved(self) -> int:
        """A first-time commenter's comment waits for a moderator, who approves it."""
        from allauth.account.models import EmailAddress

        from accounts.models import User
        from comments.services import comment_approve, comment_post

        self.fresh += 1
        author = User.objects.create(email=f"bench-writer-{self.run}-{self.fresh}@example.org",
                                     display_name=f"Writer {self.fresh}")  # fmt: skip
        EmailAddress.objects.create(user=author, email=author.email, verified=True, primary=True)
        comment = comment_post(question=self._question(), author=author, body="Thank you, this helped me a lot.")
        if comment.status != "pending":
            raise RuntimeError(f"a first comment should be held, not {comment.status}")
        comment_approve(comment=comment, moderator=self.moderator)
        return 2

    def published(self) -> int:
        """A known commenter's comment, half the time a reply to the newest comment there."""
        from accounts.models import User
        from comments.models import Comment
        from comments.services import comment_post

        question = self._question()
        parent = None
        if self.rng.random() < 0.5:
            parent = (
                Comment.objects.filter(question=question, status="approved", is_deleted=False).order_by("-pk").first()
            )
        self.published_count += 1
        author = User.objects.get(pk=self.commenters[self.published_count % len(self.commenters)])
        comment = comment_post(question=question, author=author, parent=parent,
                               body="Same here. My neurologist said much the same last month.")  # fmt: skip
        if comment.status != "approved":
            raise RuntimeError(f"a known commenter's comment should be published, not {comment.status}")
        return 1

    def revised(self) -> int:
        """An expert revises their published answer."""
        from experts.services.answers import answer_revise
        from forum.models import Answer

        answer = Answer.objects.select_related("expert__user").get(pk=self.rng.choice(self.answers))
        body = f"{answer.body}\n\nReviewed again: the advice above still stands."
        answer_revise(answer=answer, expert_user=answer.expert.user, body=body, note="Periodic review.")
        return 1


def main() -> None:
    import django

    rate = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
    django.setup()
    from django.db import close_old_connections

    writer = Writer(seed=int(time.time() * 1000) % 100_000)
    steps = [("held then approved", writer.held_then_approved), ("published", writer.published),
             ("answer revised", writer.revised)]  # fmt: skip
    stop = threading.Event()

    def stop_on_newline() -> None:  # the bench writes a line when the load ends
        sys.stdin.readline()
        stop.set()

    threading.Thread(target=stop_on_newline, daemon=True).start()
    print(MARK, "ready", flush=True)
    done: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    calls = 0
    started = time.monotonic()
    step = 0
    while not stop.is_set():
        # A fixed schedule: a slow write is followed at once by the next, so the rate holds on average.
        if stop.wait(max(0.0, started + calls / rate - time.monotonic())):
            break
        name, write = steps[step % len(steps)]
        step += 1
        try:
            calls += write()
            done[name] += 1
        except Exception as error:  # noqa: BLE001 - counted and reported, the run goes on
            calls += 1
            failed[type(error).__name__] += 1
            if failed[type(error).__name__] == 1:
                traceback.print_exc()
        close_old_connections()
    seconds = time.monotonic() - started
    writes = done["held then approved"] * 2 + done["published"] + done["answer revised"]
    print(MARK, json.dumps({"seconds": seconds, "writes": writes, "steps": dict(done), "failed": dict(failed)}),
          flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
