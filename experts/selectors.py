from django.db.models import Count, Prefetch, Q, QuerySet

from experts.models import ExpertProfile
from forum.models import Answer, Category


def experts_public() -> QuerySet[ExpertProfile]:
    return (
        ExpertProfile.objects.verified()
        .annotate(answer_count=Count("answers", filter=Q(answers__status=Answer.Status.PUBLISHED)))
        .prefetch_related(Prefetch("specialties", queryset=Category.objects.only("name", "slug")))
        .order_by("public_name")
    )


def expert_for_profile(slug: str) -> ExpertProfile | None:
    return (
        ExpertProfile.objects.verified()
        .prefetch_related(Prefetch("specialties", queryset=Category.objects.only("name", "slug")))
        .filter(slug=slug)
        .first()
    )
