"""The Q&A page: the question, its answer and related questions (the comments app adds its thread)."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.views.generic import TemplateView

from core.cache import public_page
from forum import permissions, selectors
from forum.views.listing import SidebarMixin


@method_decorator(public_page(reads=("reply_to",)), name="dispatch")
class QuestionDetailView(SidebarMixin, TemplateView):
    template_name = "forum/question_detail.html"

    def shared_names(self, request: HttpRequest, **kwargs: Any) -> list[str]:
        pk = kwargs["pk"]
        return [*super().shared_names(request), f"question:{pk}", f"qa-head:{pk}", f"qa-related:{pk}"]

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
        )
        # The comment section comes from the comments app's template tag (comments/templatetags).
        return context
