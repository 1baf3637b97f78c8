"""Posting, editing and deleting comments under a Q&A."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from comments import services as comment_services
from comments.forms import CommentForm
from comments.models import Comment
from core.errors import ApplicationError
from forum.models import Question
from forum.services.flood import FloodError
from forum.views.questions import QuestionDetailView


@require_POST
@login_required
def comment_post(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(Question.objects.public(), pk=pk)
    form = CommentForm(request.POST)
    if form.is_valid() and form.cleaned_data["website"]:
        return redirect(question.get_absolute_url())  # the honeypot: a bot filled the hidden field
    if form.is_valid():
        parent_id = form.cleaned_data.get("parent")
        parent = Comment.objects.filter(pk=parent_id, question=question).first() if parent_id else None
        try:
            comment = comment_services.comment_post(
                question=question,
                author=request.user,  # type: ignore[arg-type]
                body=form.cleaned_data["body"],
                parent=parent,
            )
        except comment_services.CommentsClosed:
            messages.error(request, _("Comments are closed on this question."))
            return redirect(question.get_absolute_url())
        except PermissionDenied:
            messages.warning(request, _("Please confirm your email address before commenting."))
            return redirect("account_email")
        except ApplicationError as error:
            form.add_error(None, str(error) if isinstance(error, FloodError) else _("That reply is not possible."))
        else:
            if comment.status == Comment.Status.PENDING:
                messages.info(request, _("Thank you. Your first comment will appear once a moderator has read it."))
            return redirect(f"{question.get_absolute_url()}#comment-{comment.pk}")
    view = QuestionDetailView.as_view()
    request.method = "GET"
    return view(request, pk=pk, slug=question.slug, comment_form=form)


@method_decorator(never_cache, name="dispatch")
class CommentEditView(LoginRequiredMixin, View):
    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        self.comment = get_object_or_404(Comment.objects.select_related("question"), pk=kwargs["pk"])

    def render_form(self, form: CommentForm) -> HttpResponse:
        return render(self.request, "comments/comment_edit.html", {"form": form, "comment": self.comment})

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        if self.comment.author_id != request.user.pk:
            raise PermissionDenied
        return self.render_form(CommentForm(initial={"body": self.comment.body}))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = CommentForm(request.POST)
        if not form.is_valid():
            return self.render_form(form)
        try:
            comment_services.comment_edit(comment=self.comment, user=request.user, body=form.cleaned_data["body"])  # type: ignore[arg-type]
        except comment_services.EditWindowPassed:
            form.add_error(None, _("Comments can only be edited for a short while after posting."))
            return self.render_form(form)
        messages.success(request, _("Your comment was updated."))
        return redirect(f"{self.comment.question.get_absolute_url()}#comment-{self.comment.pk}")


@require_POST
@login_required
def comment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.select_related("question"), pk=pk)
    comment_services.comment_delete(comment=comment, user=request.user)  # type: ignore[arg-type]
    messages.success(request, _("Your comment was deleted."))
    return redirect(f"{comment.question.get_absolute_url()}#comment-{comment.pk}")
