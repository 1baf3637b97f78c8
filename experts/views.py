from typing import Any

from django.conf import settings
from django.http import Http404
from django.views.generic import TemplateView

from experts import selectors
from forum import selectors as forum_selectors
from forum.pagination import paginate


class ExpertListView(TemplateView):
    template_name = "experts/expert_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["experts"] = selectors.experts_public()
        return context


class ExpertDetailView(TemplateView):
    template_name = "experts/expert_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        expert = selectors.expert_for_profile(self.kwargs["slug"])
        if expert is None:
            raise Http404("No such expert")
        ids = forum_selectors.question_ids_public().filter(answer__expert=expert)
        context["expert"] = expert
        context["page_obj"] = paginate(self.request, ids, forum_selectors.questions_by_ids, settings.FORUM_PAGE_SIZE)
        return context
