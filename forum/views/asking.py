"""Asking and following one's own questions: the ask form, its preview, "my questions", edit and withdraw."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import TemplateView

from core.errors import ApplicationError
from core.markdown import render_markdown
from forum import permissions, screening, selectors, triage
from forum.forms import AskForm, QuestionForm
from forum.models import Question
from forum.services import answers as answer_services
from forum.services import information as information_services
from forum.services import questions as question_services
from forum.services.flood import FloodError
from forum.views.site import humanize_duration


@method_decorator(never_cache, name="dispatch")
class AskView(LoginRequiredMixin, View):
    template_name = "forum/ask.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated and not permissions.can_ask(request.user):
            messages.warning(request, _("Please confirm your email address before asking a question."))
            return redirect("account_email")
        return super().dispatch(request, *args, **kwargs)

    def render_form(self, form: AskForm, **extra: Any) -> HttpResponse:
        return render(
            self.request,
            self.template_name,
            {"form": form, "advice": triage.all_advice(triage.country_of(self.request)), **extra},
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render_form(AskForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = AskForm(request.POST)
        text = f"{request.POST.get('title', '')}\n{request.POST.get('body', '')}"
        extra = {
            "identifiers": screening.personal_identifiers(text),
            "triage": triage.classify(text),
            "preview_html": render_markdown(request.POST.get("body", "")),
            "similar_text": request.POST.get("title", ""),  # the search app's template tag lists similar ones
        }
        if "preview" in request.POST or not form.is_valid():
            return self.render_form(form, **extra)
        if form.cleaned_data["website"]:  # the honeypot: only bots fill it; say nothing useful to them
            messages.success(request, _("Thank you."))
            return redirect("forum:home")
        try:
            question = question_services.question_submit(
                author=request.user,  # type: ignore[arg-type]
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                category=form.cleaned_data["category"],
                tags=form.cleaned_data["tags"],
                is_anonymous=form.cleaned_data["is_anonymous"],
                consent=form.cleaned_data["consent"],
                acknowledged=form.cleaned_data["acknowledged"],
                country=triage.country_of(request),
            )
        except question_services.NeedsAcknowledgement:
            data = request.POST.copy()
            data["acknowledged"] = "True"  # sending again means the notes were seen
            return self.render_form(AskForm(data), needs_acknowledgement=True, **extra)
        except question_services.AlreadyAsked as already:
            messages.info(request, str(already))
            return redirect("forum:ask_done", pk=already.question.pk)
        except FloodError as error:
            form.add_error(None, str(error))
            return self.render_form(form, **extra)
        return redirect("forum:ask_done", pk=question.pk)


@login_required
@never_cache
def ask_done(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(Question, pk=pk, author=request.user)
    context = {
        "question": question,
        "advice": triage.advice(question.triage, triage.country_of(request)),
        "typical": None if question.triage else humanize_duration(selectors.typical_answer_time()),
    }
    return render(request, "forum/ask_done.html", context)


@require_POST
@login_required
def ask_preview(request: HttpRequest) -> JsonResponse:
    """Live preview for the ask form: sanitized HTML and the non-blocking warnings."""
    title = request.POST.get("title", "")[:200]
    body = request.POST.get("body", "")[:6000]
    text = f"{title}\n{body}"
    return JsonResponse(
        {
            "html": render_markdown(body),
            "identifiers": [f.label for f in screening.personal_identifiers(text)],
            "triage": triage.classify(text),
        }
    )


@method_decorator(never_cache, name="dispatch")
class MyQuestionsView(LoginRequiredMixin, TemplateView):
    template_name = "forum/my_questions.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["questions"] = selectors.questions_of_author(int(self.request.user.pk or 0))
        return context


@method_decorator(never_cache, name="dispatch")
class QuestionEditView(LoginRequiredMixin, View):
    """The asker edits a question while it awaits review."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated:
            self.question = get_object_or_404(Question, pk=kwargs["pk"], author=request.user)
            if not permissions.can_edit_own_question(request.user, self.question):
                messages.info(request, _("Only questions awaiting review can be edited."))
                return redirect("forum:my_questions")
        return super().dispatch(request, *args, **kwargs)

    def render_form(self, form: QuestionForm) -> HttpResponse:
        return render(self.request, "forum/question_edit.html", {"form": form, "question": self.question})

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self.render_form(QuestionForm(instance=self.question))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = QuestionForm(request.POST, instance=Question.objects.get(pk=pk))
        if not form.is_valid():
            return self.render_form(form)
        question_services.question_edit(
            question=self.question,
            editor=request.user,  # type: ignore[arg-type]
            title=form.cleaned_data["title"],
            body=form.cleaned_data["body"],
            category=form.cleaned_data["category"],
            tags=form.cleaned_data["tags"],
            is_anonymous=form.cleaned_data["is_anonymous"],
        )
        messages.success(request, _("Your question was updated."))
        return redirect("forum:my_questions")


@require_http_methods(["GET", "POST"])
@login_required
def question_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """Withdraw a question awaiting review, once the asker has confirmed it on a page of its own (which is also
    what the address shows when opened directly)."""
    question = get_object_or_404(Question, pk=pk, author=request.user)
    if request.method == "GET" or request.POST.get("confirm") != "yes":
        return render(request, "forum/withdraw_confirm.html", {"question": question})
    try:
        question_services.question_withdraw(question=question, actor=request.user)  # type: ignore[arg-type]
    except question_services.TransitionError:
        messages.error(request, _("This question is already being worked on and can no longer be withdrawn."))
    else:
        messages.success(request, _("Your question was withdrawn. It will not be published."))
    return redirect("forum:my_questions")


@require_POST
@never_cache
def information_reply(request: HttpRequest, pk: int) -> HttpResponse:
    """The asker answers an expert's request for more information, from My questions."""
    if not request.user.is_authenticated:
        return redirect("account_login")
    question = get_object_or_404(Question, pk=pk, author=request.user)
    try:
        information_services.information_reply(
            question=question, asker=request.user, reply=request.POST.get("reply", "")
        )
    except ApplicationError as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Thank you. Your reply is with the expert, who will answer your question."))
    return redirect("forum:my_questions")


@require_POST
@never_cache
def answer_accept(request: HttpRequest, pk: int) -> HttpResponse:
    """The asker says the answer answered their question, and may thank the expert."""
    if not request.user.is_authenticated:
        return redirect("account_login")
    question = get_object_or_404(Question, pk=pk, author=request.user)
    try:
        answer_services.answer_accept(question=question, asker=request.user, thanks=request.POST.get("thanks", ""))
    except ApplicationError as refusal:
        messages.error(request, str(refusal))
        return redirect("forum:my_questions")
    messages.success(request, _("Thank you for telling us. The expert sees your message on their dashboard."))
    return redirect(question.get_absolute_url())
