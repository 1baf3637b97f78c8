from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _


class ModerationAdminSite(admin.AdminSite):
    site_header = _("Moderation console")
    site_title = _("Moderation")
    index_title = _("Work waiting for moderators")
    index_template = "admin/moderation_index.html"

    def index(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> TemplateResponse:
        from moderation.selectors import moderation_counts  # models are not loaded when this module is

        context = {**(extra_context or {}), "waiting": moderation_counts()}
        return super().index(request, context)

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        """Staff sign in through the site's own sign-in (throttled, with the two-factor step), never with a
        password alone on a second form."""
        if request.user.is_authenticated and not self.has_permission(request):
            raise PermissionDenied("This area is for moderators.")
        next_url = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            next_url = ""
        if request.user.is_authenticated:
            return HttpResponseRedirect(next_url or reverse("admin:index"))
        return HttpResponseRedirect(
            f"{reverse('account_login')}?{urlencode({'next': next_url or reverse('admin:index')})}"
        )
