from datetime import datetime

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import User
from core.markdown import render_markdown
from experts.models import ExpertProfile
from forum import figures
from forum.models import Answer, Category, Question, Tag
from forum.search_index import refresh_vectors

TEST_PASSWORD = "correct-horse-battery-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Faker("first_name")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def verified(obj: User, create: bool, extracted: bool | None, **kwargs: object) -> None:  # noqa: N805
        obj.save()
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    description = factory.Faker("sentence")


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"tag {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class ExpertProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpertProfile

    user = factory.SubFactory(UserFactory)
    public_name = factory.Faker("name")
    slug = factory.Sequence(lambda n: f"expert-{n}")
    postnominals = "MD, PhD"
    position = "Consultant neurologist"
    institution = "Riverside Teaching Hospital"
    bio = "Runs the MS clinic."
    disclosure = "No conflicts to declare."
    licence_number = factory.Sequence(lambda n: f"LIC-{n:06d}")
    licence_body = "General Medical Council"
    status = ExpertProfile.Status.VERIFIED


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question
        skip_postgeneration_save = True

    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Is it normal to feel tired after a relapse, case {n}?")
    slug = factory.LazyAttribute(lambda o: slugify(o.title)[:80])
    body = "Since my last relapse I get exhausted by mid-afternoon. Is that expected, and will it improve?"
    body_html = factory.LazyAttribute(lambda o: render_markdown(o.body))
    category = factory.SubFactory(CategoryFactory)
    is_anonymous = True
    consented_at = factory.LazyFunction(timezone.now)
    status = Question.Status.PENDING

    @factory.post_generation
    def tags(obj: Question, create: bool, extracted: list[Tag] | None, **kwargs: object) -> None:  # noqa: N805
        if create and extracted:
            obj.tags.set(extracted)


def answered_question(
    *, expert: ExpertProfile | None = None, answered_at: datetime | None = None, **kwargs: object
) -> Question:
    """A public Q&A: an approved question with a published answer, without going through services."""
    when = answered_at or timezone.now()
    expert = expert or ExpertProfileFactory()
    question = QuestionFactory(status=Question.Status.ANSWERED, answered_at=when, approved_at=when, **kwargs)
    body = "Fatigue after a relapse is common and usually improves over weeks. Pace your day."
    Answer.objects.create(
        question=question,
        expert=expert,
        body=body,
        body_html=render_markdown(body),
        status=Answer.Status.PUBLISHED,
        published_at=when,
        last_reviewed_at=when,
    )
    refresh_vectors([question.pk])
    figures.counted(question, +1)  # as publishing does
    return question
