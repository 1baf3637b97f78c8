from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from core.errors import ApplicationError
from core.markdown import render_markdown
from core.query import SLUG_MAX_LENGTH, query_text
from experts import permissions as expert_permissions
from experts import selectors
from experts.forms import AnswerForm
from experts.services import answers, claims
from forum import sources as forum_sources
from forum.models import Answer, Category, Question
from forum.services.questions import TransitionError
from forum.views import humanize_duration


class ExpertRequiredMixin(LoginRequiredMixin):
    """The dashboard is for verified experts with a current licence; others get 403."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated and not expert_permissions.can_use_dashboard(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


@method_decorator(never_cache, name="dispatch")
class DashboardView(ExpertRequiredMixin, TemplateView):
    template_name = "experts/dashboard.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        expert = self.request.user.expert_profile  # type: ignore[union-attr]
        mine = self.request.GET.get("scope", "mine") == "mine"
        category = query_text(self.request, "category", max_length=SLUG_MAX_LENGTH) or None
        figures = selectors.expert_figures(expert)
        context.update(
            expert=expert,
            queue=selectors.dashboard_queue(expert, mine_only=mine, category=category),
            scope="mine" if mine else "all",
            category=category,
            categories=Category.objects.order_by("position", "name"),
            overdue_before=selectors.overdue_before(),
            target_days=settings.FORUM_ANSWER_TARGET_DAYS,
            due_for_review=selectors.answers_due_for_review(expert),
            drafts=selectors.my_drafts(expert),
            in_review=selectors.my_answers_in_review(expert),
            review_queue=selectors.review_queue(expert),
            concerns=selectors.answers_with_concerns(),
            rereview=selectors.rereview_queue(expert, mine_only=mine),
            reader_feedback=selectors.reader_feedback(expert),
            thanks=selectors.thanks_received(expert),
            waiting_for_asker=selectors.waiting_for_asker(expert),
            figures=figures,
            median_text=humanize_duration(figures.median_time),
        )
        return context


def _expert_or_403(request: HttpRequest) -> None:
    if not expert_permissions.can_use_dashboard(request.user):
        raise PermissionDenied


@require_POST
@never_cache
def claim(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("account_login")
    _expert_or_403(request)
    question = get_object_or_404(Question, pk=pk, status=Question.Status.APPROVED)
    try:
        claims.question_claim(question=question, expert_user=request.user)
    except claims.ClaimTaken as taken:
        messages.error(
            request,
            _("%(name)s is already working on this question, until %(time)s.")
            % {"name": taken.claim.expert.public_name, "time": taken.claim.expires_at.strftime("%H:%M")},
        )
        return redirect("experts:dashboard")
    return redirect("experts:answer", pk=question.pk)


@require_POST
@never_cache
def release(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("account_login")
    _expert_or_403(request)
    question = get_object_or_404(Question, pk=pk)
    claims.question_release(question=question, expert_user=request.user)
    messages.info(request, _("You released the question; other experts can take it now."))
    return redirect("experts:dashboard")


@method_decorator(never_cache, name="dispatch")
class AnswerEditorView(ExpertRequiredMixin, View):
    template_name = "experts/answer_editor.html"

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        self.question = get_object_or_404(
            Question.objects.select_related("category").prefetch_related("tags"),
            pk=kwargs["pk"],
            status=Question.Status.APPROVED,
        )

    def render_page(self, form: AnswerForm, preview_html: str = "") -> HttpResponse:
        claim = claims.active_claim(self.question)
        answer = Answer.objects.filter(question=self.question).first()
        if answer and not expert_permissions.can_read_draft(self.request.user, answer, claim):
            answer = None
        return render(
            self.request,
            self.template_name,
            {"question": self.question, "form": form, "claim": claim, "preview_html": preview_html,
             "claim_minutes": settings.FORUM_CLAIM_MINUTES, "answer": answer,
             "exchanges": self.question.information_requests.all(), "wait_days": settings.FORUM_INFORMATION_WAIT_DAYS},
        )  # fmt: skip

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        draft = Answer.objects.filter(question=self.question).first()
        if draft and not expert_permissions.can_read_draft(request.user, draft, claims.active_claim(self.question)):
            draft = None
        form = AnswerForm(initial={"body": draft.body if draft else "",
                                   "sources": forum_sources.as_text(draft.sources) if draft else ""})  # fmt: skip
        return self.render_page(form, render_markdown(draft.body) if draft else "")

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = AnswerForm(request.POST)
        if "preview" in request.POST or not form.is_valid():
            return self.render_page(form, render_markdown(request.POST.get("body", "")))
        body, cited = form.cleaned_data["body"], form.cleaned_data["sources"]
        expert_user: Any = request.user
        try:
            if "publish" in request.POST:
                answer = answers.answer_publish(
                    question=self.question, expert_user=expert_user, body=body, sources=cited
                )
                if answer.status == Answer.Status.IN_REVIEW:
                    sent = _("Thank you. A second clinician reads it before patients do; you will hear by email.")
                    messages.success(request, sent)
                    return redirect("experts:dashboard")
                messages.success(request, _("Your answer is published. Thank you."))
                return redirect(self.question.get_absolute_url())
            answers.answer_save_draft(question=self.question, expert_user=expert_user, body=body, sources=cited)
            messages.success(request, _("Draft saved."))
            return redirect("experts:answer", pk=pk)
        except claims.ClaimTaken as taken:
            messages.error(
                request,
                _("%(name)s is working on this question now; your text is kept below.")
                % {"name": taken.claim.expert.public_name},
            )
        except TransitionError:
            messages.error(request, _("This question can no longer be answered."))
        return self.render_page(form, render_markdown(body))


@method_decorator(never_cache, name="dispatch")
class AnswerReviseView(ExpertRequiredMixin, View):
    template_name = "experts/answer_revise.html"

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        self.answer = get_object_or_404(
            Answer.objects.select_related("question__category", "expert__user").prefetch_related("revisions"),
            pk=kwargs["pk"],
        )

    def check(self) -> None:
        self.own = expert_permissions.can_revise(self.request.user, self.answer)
        if not self.own and not expert_permissions.can_rereview(self.request.user, self.answer):
            raise PermissionDenied

    def render_page(self, form: AnswerForm, preview_html: str = "", status: int = 200) -> HttpResponse:
        context = {"answer": self.answer, "form": form, "preview_html": preview_html, "own": self.own}
        return render(self.request, self.template_name, context, status=status)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        self.check()
        initial = {"body": self.answer.body, "sources": forum_sources.as_text(self.answer.sources)}
        return self.render_page(AnswerForm(initial=initial, show_note=True), self.answer.body_html)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        self.check()
        form = AnswerForm(request.POST, show_note=True)
        if "preview" in request.POST or not form.is_valid():
            return self.render_page(form, render_markdown(request.POST.get("body", "")))
        try:
            answers.answer_revise(
                answer=self.answer, expert_user=request.user, body=form.cleaned_data["body"],  # type: ignore[arg-type]
                note=form.cleaned_data.get("note", ""), sources=form.cleaned_data["sources"],
            )  # fmt: skip
        except ApplicationError as refusal:
            form.add_error("note", str(refusal))
            return self.render_page(form, render_markdown(form.cleaned_data["body"]), status=400)
        messages.success(request, _("The revised answer is published."))
        return redirect(self.answer.question.get_absolute_url())


@require_POST
@never_cache
def mark_reviewed(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("account_login")
    answer = get_object_or_404(Answer.objects.select_related("question__category", "expert__user"), pk=pk)
    if not expert_permissions.can_revise(request.user, answer) and not expert_permissions.can_rereview(
        request.user, answer
    ):
        raise PermissionDenied
    answers.answer_mark_reviewed(answer=answer, expert_user=request.user)
    messages.success(request, _("Confirmed: the answer is marked as reviewed today."))
    return redirect("experts:dashboard")


@require_POST
@never_cache
def request_information(request: HttpRequest, pk: int) -> HttpResponse:
    """The expert holding a question asks the asker for more information."""
    if not request.user.is_authenticated:
        return redirect("account_login")
    _expert_or_403(request)
    question = get_object_or_404(Question, pk=pk)
    try:
        claims.information_request(question=question, expert_user=request.user, message=request.POST.get("message", ""))
    except ApplicationError as refusal:
        messages.error(request, str(refusal))
        return (
            redirect("experts:answer", pk=pk)
            if question.status == Question.Status.APPROVED
            else redirect("experts:dashboard")
        )
    messages.success(request, _("Your question was emailed to the asker. Their reply comes back to you here."))
    return redirect("experts:dashboard")
