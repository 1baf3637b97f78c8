"""Anyone signed in can report a question, an answer or a comment to the moderators; anyone can write to them."""

from typing import Any

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from comments.models import Comment
from forum import permissions
from forum.models import Answer, Question
from moderation import services as moderation
from moderation.forms import ContactForm, ReportForm

REPORTABLE: dict[str, type[Question] | type[Answer] | type[Comment]] = {
    "question": Question,
    "answer": Answer,
    "comment": Comment,
}


@method_decorator(never_cache, name="dispatch")
class ReportView(LoginRequiredMixin, View):
    """Flag a question or answer for the moderators."""

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        model = REPORTABLE.get(kwargs["kind"])
        if model is None:
            raise Http404("Nothing to report")
        self.target = get_object_or_404(model, pk=kwargs["pk"])
        self.question = self.target if isinstance(self.target, Question) else self.target.question  # type: ignore[attr-defined]

    def check_visible(self) -> None:
        if not permissions.can_view_question(self.request.user, self.question):
            raise Http404("No such question")
        if isinstance(self.target, Comment) and not (
            self.target.status == Comment.Status.APPROVED and not self.target.is_deleted
        ):
            raise Http404("No such comment")

    def render_form(self, form: ReportForm) -> HttpResponse:
        return render(self.request, "moderation/report.html", {"form": form, "question": self.question,
                                                          "kind": self.kwargs["kind"]})  # fmt: skip

    def get(self, request: HttpRequest, kind: str, pk: int) -> HttpResponse:
        self.check_visible()
        return self.render_form(ReportForm())

    def post(self, request: HttpRequest, kind: str, pk: int) -> HttpResponse:
        self.check_visible()
        form = ReportForm(request.POST)
        if not form.is_valid():
            return self.render_form(form)
        if form.cleaned_data["website"]:  # only bots fill the hidden field
            return redirect(self.question.get_absolute_url())
        try:
            moderation.report_create(
                reporter=request.user,  # type: ignore[arg-type]
                target=self.target,
                reason=form.cleaned_data["reason"],
                details=form.cleaned_data["details"],
            )
        except moderation.DuplicateReport:
            messages.info(request, _("You have already reported this; the moderators will look at it."))
        else:
            messages.success(request, _("Thank you. The moderators will look at your report."))
        return redirect(self.question.get_absolute_url())


@method_decorator(never_cache, name="dispatch")
class ContactView(View):
    """Anyone can write to the moderators (bots are turned away by a hidden field and a rate limit)."""

    template_name = "moderation/contact.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        email = request.user.email if request.user.is_authenticated else ""
        return render(request, self.template_name, {"form": ContactForm(initial={"email": email})})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ContactForm(request.POST)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        if form.cleaned_data["website"]:  # only bots fill the hidden field
            return redirect("moderation:contact_sent")
        if not ratelimit.consume(request, action="contact"):
            form.add_error(None, _("Too many messages from here just now; please try again later."))
            return render(request, self.template_name, {"form": form}, status=429)
        data = form.cleaned_data
        moderation.contact_message(name=data["name"], email=data["email"], topic=data["topic"],
                                   message=data["message"], user=request.user)  # type: ignore[arg-type]  # fmt: skip
        return redirect("moderation:contact_sent")


def contact_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "moderation/contact_sent.html")
