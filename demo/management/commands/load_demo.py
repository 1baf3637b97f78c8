from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.sites.models import Site
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import User
from comments.models import Comment
from core.cache import invalidate_everything
from core.markdown import render_markdown
from core.roles import moderators_group
from demo import accounts as demo
from demo import content as demo_content
from experts.models import ExpertProfile, ReviewPolicy
from experts.services import answers as answer_services
from forum import figures
from forum.models import Category, Question, Tag
from forum.services import questions as question_services
from notifications.models import OutboxEmail
from search.models import SynonymGroup

# Answers are spread back from "now" so the archive spans more than a year.
DAYS_BETWEEN_ANSWERS = 6


class Command(BaseCommand):
    help = "Load the demo community: accounts, experts, categories, tags and Q&As. Safe to run again."

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        started = timezone.now()
        Site.objects.update_or_create(
            id=settings.SITE_ID,
            defaults={"domain": urlsplit(settings.SITE_URL).netloc or "localhost", "name": settings.SITE_NAME},
        )
        for email, display_name, is_staff, is_superuser in demo.DEMO_ACCOUNTS:
            self.account(email, display_name, is_staff=is_staff, is_superuser=is_superuser)
        patients = [self.account(p["email"], p["display_name"]) for p in demo_content.PATIENTS]

        categories = {}
        for position, (name, slug, description) in enumerate(demo.CATEGORIES):
            categories[slug], _ = Category.objects.update_or_create(
                slug=slug, defaults={"name": name, "description": description, "position": position}
            )
        tags = {}
        for name, slug in demo.TAGS:
            tags[slug], _ = Tag.objects.update_or_create(slug=slug, defaults={"name": name})

        for terms, note in demo.SYNONYMS:
            SynonymGroup.objects.update_or_create(
                terms=terms, defaults={"note": note, "is_medicine": note == "Brand and generic name"}
            )

        experts = [self.expert(data, categories) for data in demo_content.EXPERTS]
        moderator = User.objects.get(email="moderator@example.com")
        moderator.groups.add(moderators_group())

        created = 0
        now = timezone.now()
        for index, data in enumerate(demo_content.QUESTIONS):
            if Question.objects.filter(title=data["title"]).exists():
                continue
            answered_at = now - timedelta(days=1 + index * DAYS_BETWEEN_ANSWERS, hours=index % 9)
            asked_at = answered_at - timedelta(days=1 + index % 6, hours=3 + index % 7)
            author = patients[index % len(patients)]
            question = question_services.question_submit(
                author=author,
                title=data["title"],
                body=data["body"],
                category=categories[data["category"]],
                tags=[tags[slug] for slug in data["tags"]],
                is_anonymous=data["anonymous"],
                consent=True,
                acknowledged=True,  # the demo askers read the notes
                enforce_limits=False,
            )
            question_services.question_approve(question=question, moderator=moderator)
            answer_services.answer_publish(
                question=question,
                expert_user=experts[data["expert"]].user,
                body=data["answer"],
                published_at=answered_at,
            )
            Question.objects.filter(pk=question.pk).update(
                created_at=asked_at, approved_at=asked_at + timedelta(hours=5)
            )
            created += 1

        # Answers on treatments are read by a second clinician first (set after the demo's published history).
        review_policy = ReviewPolicy.current()
        review_policy.categories.add(categories["treatments"])
        for index, data in enumerate(demo_content.OTHER_STATE_QUESTIONS):
            if Question.objects.filter(title=data["title"]).exists():
                continue
            question = question_services.question_submit(
                author=patients[index % len(patients)],
                title=data["title"],
                body=data["body"],
                category=categories[data["category"]],
                tags=[tags[slug] for slug in data["tags"]],
                consent=True,
                acknowledged=True,  # the demo askers read the notes
                enforce_limits=False,
            )
            status = data["status"]
            if status == Question.Status.APPROVED:
                question_services.question_approve(question=question, moderator=moderator)
                if "answer_for_review" in data:  # the review policy sends it to a second clinician
                    written = data["answer_for_review"]
                    answer_services.answer_publish(
                        question=question, expert_user=experts[written["expert"]].user, body=written["body"]
                    )
            elif status == Question.Status.REJECTED:
                question_services.question_reject(
                    question=question, moderator=moderator, reason=data["rejection_reason"]
                )
            elif status == Question.Status.WITHDRAWN:
                question_services.question_withdraw(question=question, actor=question.author)  # type: ignore[arg-type]
            # Spread waiting times so the dashboard shows fresh and overdue questions.
            asked = now - timedelta(days=1 + index * 2, hours=index)
            Question.objects.filter(pk=question.pk).update(
                created_at=asked,
                approved_at=asked + timedelta(hours=6) if status == Question.Status.APPROVED else None,
            )
            created += 1

        self.comments(patients)
        figures.recount()  # the demo's history moved answer dates back after publishing
        invalidate_everything()
        # The demo's history goes through the real services, which queue emails about events that
        # "happened" months ago; nobody should receive those, so they are dropped before commit.
        OutboxEmail.objects.filter(created_at__gte=started, status=OutboxEmail.Status.PENDING).delete()

        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {User.objects.count()} accounts, {len(experts)} experts, "
                f"{Category.objects.count()} categories, {Tag.objects.count()} tags, "
                f"{Question.objects.public().count()} answered Q&As ({created} new)."
            )
        )

    def comments(self, patients: list[User]) -> None:
        """Threaded demo comments; the second answered Q&A has its thread closed."""
        questions = list(Question.objects.public().order_by("-answered_at")[:20])
        if not questions or Comment.objects.exists():
            return
        created: list[Comment] = []
        now = timezone.now()
        for index, data in enumerate(demo_content.COMMENTS):
            question = questions[data["question_index"]]
            parent = created[data["parent"]] if data["parent"] is not None else None
            author = patients[data["author"]]
            depth = min(parent.depth + 1, settings.FORUM_COMMENT_MAX_DEPTH) if parent else 0
            if parent is not None and parent.depth >= settings.FORUM_COMMENT_MAX_DEPTH:
                parent = parent.parent
            comment = Comment.objects.create(
                question=question if parent is None else parent.question,
                author=author,
                parent=parent,
                depth=depth,
                body=data["body"],
                body_html=render_markdown(data["body"], comment=True),
                status=Comment.Status.APPROVED,
                created_at=min(now, (question.answered_at or now) + timedelta(hours=6 + index * 3)),
            )
            created.append(comment)
        for question in Question.objects.filter(comments__isnull=False).distinct():
            question.comment_count = question.comments.filter(status=Comment.Status.APPROVED).count()
            question.save(update_fields=["comment_count"])
        # One held first comment for the moderators' queue, and one closed thread.
        Comment.objects.create(
            question=questions[0], author=patients[-1], body="Thank you, this helped me understand my last scan.",
            body_html=render_markdown("Thank you, this helped me understand my last scan.", comment=True),
            status=Comment.Status.PENDING,
        )  # fmt: skip
        Question.objects.filter(pk=questions[1].pk).update(comments_closed=True)

    def account(self, email: str, display_name: str, *, is_staff: bool = False, is_superuser: bool = False) -> User:
        user = User.objects.filter(email__iexact=email).first() or User(email=email)
        user.display_name = display_name
        user.is_staff = is_staff
        user.is_superuser = is_superuser
        user.set_password(demo.DEMO_PASSWORD)
        user.save()
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        return user

    def expert(self, data: dict[str, Any], categories: dict[str, Category]) -> ExpertProfile:
        user = User.objects.filter(email__iexact=data["email"]).first() or self.account(
            data["email"], data["public_name"]
        )
        profile, _ = ExpertProfile.objects.update_or_create(
            user=user,
            defaults={
                "public_name": data["public_name"],
                "slug": slugify(data["public_name"]),
                "postnominals": data["postnominals"],
                "position": data["position"],
                "institution": data["institution"],
                "bio": data["bio"],
                "disclosure": data["disclosure"],
                "licence_number": f"DEMO-{user.pk:05d}",
                "licence_body": "Demo Medical Council",
                "licence_expires_on": (timezone.now() + timedelta(days=400)).date(),
                "status": ExpertProfile.Status.VERIFIED,
                "verified_at": timezone.now(),
            },
        )
        profile.specialties.set([categories[slug] for slug in data["specialties"]])
        return profile
