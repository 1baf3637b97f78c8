"""'Did this answer help you?': the Q&A page links here with the reader's first choice; this page (never cached,
with its own form token) records it, with a reason when it did not help."""

from typing import Any

from allauth.core import ratelimit
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.crypto import salted_hmac
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from core.errors import ApplicationError
from forum.models import Answer, AnswerFeedback
from forum.services.feedback import answer_feedback


def voter_of(request: HttpRequest) -> str:
    """The reader: their account, or a keyed hash of their session (created if needed); never their address."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    if request.session.session_key is None:
        request.session["feedback"] = True  # a session, so one browser votes once per answer
        request.session.save()
    return "anon:" + salted_hmac("answer-feedback", str(request.session.session_key)).hexdigest()[:40]


@method_decorator(never_cache, name="dispatch")
class AnswerFeedbackView(View):
    template_name = "forum/answer_feedback.html"

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        self.answer = get_object_or_404(
            Answer.objects.select_related("question"), question_id=kwargs["pk"], status=Answer.Status.PUBLISHED
        )

    def render_page(self, helped: str, reason: str = "", error: str = "", status: int = 200) -> HttpResponse:
        context = {"answer": self.answer, "question": self.answer.question, "helped": helped, "reason": reason,
                   "reasons": AnswerFeedback.Reason.choices, "error": error}  # fmt: skip
        return render(self.request, self.template_name, context, status=status)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        helped = request.GET.get("helped", "")
        return self.render_page(helped if helped in ("yes", "no") else "")

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        helped, reason = request.POST.get("helped", ""), request.POST.get("reason", "")
        if helped not in ("yes", "no"):
            return self.render_page("", reason, _("Please say whether the answer helped you."), status=400)
        if not request.user.is_authenticated and not ratelimit.consume(request, action="answer_feedback"):
            return self.render_page(helped, reason, _("Too many answers from here just now; please try later."), 429)
        try:
            answer_feedback(answer=self.answer, voter=voter_of(request), helped=helped == "yes", reason=reason,
                            user=request.user if request.user.is_authenticated else None)  # fmt: skip
        except ApplicationError as refusal:
            return self.render_page(helped, reason, str(refusal), status=400)
        messages.success(request, _("Thank you for telling us. The expert sees what readers say."))
        return redirect(self.answer.question.get_absolute_url())
