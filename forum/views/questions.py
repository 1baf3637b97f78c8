"""The Q&A page: the question, its answer, related questions and the comment thread."""

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.views.generic import TemplateView

from core.cache import public_page
from core.query import positive_int, query_int
from core.templatetags.shared import part_name
from forum import permissions, selectors
from forum.forms import CommentForm
from forum.models import Comment, Question
from forum.views.listing import SidebarMixin


def _thread_variant(request: HttpRequest, comments_open: bool) -> str:
    """The kind of reader a shared comment thread is rendered for (what its links depend on)."""
    user = request.user
    return f"{'member' if user.is_authenticated else 'anonymous'}-{permissions.can_comment(user):d}-{comments_open:d}"


@method_decorator(public_page(reads=("reply_to",)), name="dispatch")
class QuestionDetailView(SidebarMixin, TemplateView):
    template_name = "forum/question_detail.html"

    def shared_names(self, request: HttpRequest, **kwargs: Any) -> list[str]:
        pk = kwargs["pk"]
        variants = [_thread_variant(request, is_open) for is_open in (True, False)]
        threads = [part_name("qa-thread", pk, variant) for variant in variants]
        commenters = [f"commenters:{pk}"] if request.user.is_authenticated else []
        return [*super().shared_names(request), f"question:{pk}", f"qa-head:{pk}", f"qa-related:{pk}", *threads,
                *commenters]  # fmt: skip

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        pk = int(kwargs["pk"])
        question = self.shared.get(f"question:{pk}")
        if question is None:
            question = selectors.question_for_page(pk)
            if question is not None and question.is_public:  # only what everyone may see is shared
                self.shared.set(f"question:{pk}", question)
        if question is None or not permissions.can_view_question(request.user, question):
            raise Http404("No such question")
        if kwargs.get("slug") != question.slug:
            return HttpResponseRedirect(question.get_absolute_url(), status=301)
        self.question = question
        viewer_id = request.user.pk if request.user.is_authenticated else None
        # Everyone without a comment of their own in the thread sees the same thread for their kind of visitor.
        # (A whole page shared by such readers, with holes for their menu and token, was measured at 1.39x
        # this page's speed: under the 1.5x a cache layer must earn, so each reader's page is rendered.)
        self.own_comments = viewer_id is not None and question.is_public and viewer_id in self.commenters(pk)
        return super().get(request, *args, **kwargs)

    def commenters(self, pk: int) -> frozenset[int]:
        """Who has comments here, shared until content changes (every comment written bumps the version)."""
        return self.shared.get_or_build(f"commenters:{pk}", lambda: selectors.commenter_ids(pk))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        question = self.question
        answer = getattr(question, "answer", None) if question.is_public else None
        context.update(
            question=question,
            answer=answer,
            expert=answer.expert if answer else None,
            related=SimpleLazyObject(lambda: selectors.related_questions(question) if question.is_public else []),
            is_author=question.author_id == self.request.user.pk,
        )
        if question.is_public:
            context.update(self.comment_context(question, kwargs.get("comment_form")))
        return context

    def comment_context(self, question: Question, form: CommentForm | None) -> dict[str, Any]:
        viewer_id = self.request.user.pk if self.request.user.is_authenticated else None
        reply_to = None
        reply_id = query_int(self.request, "reply_to")
        if reply_id is None and form is not None:
            reply_id = positive_int(form.data.get("parent"))
        if reply_id is not None:
            reply_to = Comment.objects.filter(
                pk=reply_id, question=question, status=Comment.Status.APPROVED, is_deleted=False
            ).first()
        # A blank form (no reply, nothing typed) is rendered once per process; it is only built for that.
        blank_form = form is None and reply_to is None
        comment_form: Any = form
        if comment_form is None:
            comment_form = SimpleLazyObject(lambda: CommentForm(initial={"parent": reply_to.pk if reply_to else None}))
        # The thread of a reader without comments of their own is shared (its HTML cached), so it is built
        # as nobody's: a comment of theirs that arrived after this request read the version stays out of it.
        # The thread itself is only built when it is rendered.
        thread_variant = None if self.own_comments else _thread_variant(self.request, question.comments_open)
        thread_viewer = viewer_id if thread_variant is None else None
        return {
            "thread": SimpleLazyObject(lambda: selectors.comment_thread(question, thread_viewer)),
            "thread_variant": thread_variant,
            "comment_form": comment_form,
            "blank_form": blank_form,
            "reply_to": reply_to,
            "can_comment": permissions.can_comment(self.request.user),
            "max_depth": settings.FORUM_COMMENT_MAX_DEPTH,
        }
