"""Second-clinician review: claim an answer in review, read it with its question, approve or return it."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.errors import ApplicationError
from experts import permissions as expert_permissions
from experts.forms import ReviewReturnForm
from experts.services import reviews
from experts.views.dashboard import ExpertRequiredMixin
from forum.models import Answer


def _answer_to_review(request: HttpRequest, pk: int) -> Answer:
    if not expert_permissions.can_use_dashboard(request.user):
        raise PermissionDenied
    answer = get_object_or_404(Answer.objects.select_related("question__category", "expert"), pk=pk)
    if answer.expert_id == request.user.expert_profile.pk:  # type: ignore[union-attr]
        raise reviews.OwnAnswer
    return answer


@require_POST
@never_cache
def review_claim(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("account_login")
    answer = _answer_to_review(request, pk)
    try:
        reviews.review_claim(answer=answer, reviewer_user=request.user)
    except reviews.ReviewTaken as taken:
        messages.error(
            request, _("%(name)s is already reviewing this answer.") % {"name": taken.claim.reviewer.public_name}
        )
        return redirect("experts:dashboard")
    except ApplicationError as refusal:
        messages.error(request, str(refusal))
        return redirect("experts:dashboard")
    return redirect("experts:review", pk=answer.pk)


@require_POST
@never_cache
def review_release(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("account_login")
    answer = _answer_to_review(request, pk)
    reviews.review_release(answer=answer, reviewer_user=request.user)
    messages.info(request, _("You released the answer; another expert can review it now."))
    return redirect("experts:dashboard")


@method_decorator(never_cache, name="dispatch")
class ReviewView(ExpertRequiredMixin, View):
    template_name = "experts/review.html"

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        self.pk = kwargs["pk"]

    def render_page(self, answer: Answer, form: ReviewReturnForm, status: int = 200) -> HttpResponse:
        context = {"answer": answer, "question": answer.question, "form": form,
                   "claim": reviews.active_review_claim(answer)}  # fmt: skip
        return render(self.request, self.template_name, context, status=status)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        answer = _answer_to_review(request, pk)
        if answer.status != Answer.Status.IN_REVIEW:
            messages.info(request, _("This answer is not waiting for review any more."))
            return redirect("experts:dashboard")
        return self.render_page(answer, ReviewReturnForm())

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        answer = _answer_to_review(request, pk)
        form = ReviewReturnForm(request.POST if "return" in request.POST else None)
        try:
            if "approve" in request.POST:
                reviews.review_approve(answer=answer, reviewer_user=request.user)  # type: ignore[arg-type]
                messages.success(request, _("Approved: the answer is published with your name as its reviewer."))
                return redirect(answer.question.get_absolute_url())
            if form.is_valid():
                reviews.review_return(answer=answer, reviewer_user=request.user, notes=form.cleaned_data["notes"])  # type: ignore[arg-type]
                messages.success(request, _("Returned to its author with your notes."))
                return redirect("experts:dashboard")
        except reviews.ReviewTaken as taken:
            messages.error(
                request, _("%(name)s is reviewing this answer now.") % {"name": taken.claim.reviewer.public_name}
            )
        except ApplicationError as refusal:
            messages.error(request, str(refusal))
        answer.refresh_from_db()
        return self.render_page(answer, form, status=400)
