"""The Q&A page: the question, its answer and related questions (the comments app adds its thread)."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.views.generic import TemplateView

from core.cache import SharedParts, public_page
from forum import permissions, scopes, selectors, structured_data
from forum.views.listing import SidebarMixin


@method_decorator(
    public_page(
        reads=("reply_to",),
        scopes=lambda pk, **_: scopes.with_sidebar(scopes.question(pk)),
        also=lambda pk, **_: [scopes.commenters(pk)],  # read for signed-in readers only
    ),
    name="dispatch",
)
class QuestionDetailView(SidebarMixin, TemplateView):
    """The parts every reader sees alike (the Q&A, its head, its related questions, its comment thread)
    are cached under the Q&A's own scope, fetched with its version before the page reads any data."""

    template_name = "forum/question_detail.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        pk = int(kwargs["pk"])
        self.shared = SharedParts([f"question:{pk}", f"qa-head:{pk}", f"qa-related:{pk}"], [scopes.question(pk)])
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
        return super().get(request, *args, **kwargs)

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
            shared_parts=self.shared,
            structured_data=structured_data.as_script(structured_data.qa_page(question)) if answer else "",
        )
        # The comment section comes from the comments app's template tag (comments/templatetags).
        return context
