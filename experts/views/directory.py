"""The public experts directory, an expert's page and the application form."""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from core.cache import public_page
from core.pagination import paginate
from core.query import SLUG_MAX_LENGTH, query_text
from experts import permissions as expert_permissions
from experts import selectors
from experts.forms import ExpertApplicationForm
from experts.services import profiles
from forum import permissions, scopes
from forum import selectors as forum_selectors
from forum.models import Category


@method_decorator(public_page(reads=("specialty",), scopes=[scopes.EXPERT_DIRECTORY]), name="dispatch")
class ExpertListView(TemplateView):
    template_name = "experts/expert_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        specialty = query_text(self.request, "specialty", max_length=SLUG_MAX_LENGTH) or None
        context["experts"] = selectors.experts_public(specialty)
        context["specialties"] = Category.objects.order_by("position", "name")
        context["specialty"] = specialty
        return context


@method_decorator(public_page(reads=("page",), scopes=lambda slug: [scopes.expert(slug)]), name="dispatch")
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


@method_decorator(never_cache, name="dispatch")
class ApplyView(LoginRequiredMixin, View):
    template_name = "experts/apply.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated:
            self.profile = expert_permissions.expert_profile_of(request.user)
            if not permissions.has_verified_email(request.user):
                messages.warning(request, _("Please confirm your email address before applying."))
                return redirect("account_email")
        return super().dispatch(request, *args, **kwargs)

    def render_page(self, form: ExpertApplicationForm | None) -> HttpResponse:
        return render(self.request, self.template_name, {"form": form, "profile": self.profile})

    def get(self, request: HttpRequest) -> HttpResponse:
        editable = expert_permissions.can_apply(request.user)
        return self.render_page(ExpertApplicationForm(instance=self.profile) if editable else None)

    def post(self, request: HttpRequest) -> HttpResponse:
        if not expert_permissions.can_apply(request.user):
            raise PermissionDenied
        form = ExpertApplicationForm(request.POST, request.FILES, instance=self.profile)
        if not form.is_valid():
            return self.render_page(form)
        profiles.expert_apply(
            user=request.user,  # type: ignore[arg-type]
            data=form.cleaned_data,
            specialties=list(form.cleaned_data["specialties"]),
            photo=request.FILES.get("photo"),
        )
        messages.success(request, _("Thank you. A moderator will check your registration and reply by email."))
        return redirect("experts:apply")
