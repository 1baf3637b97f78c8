from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _


class ModerationAdminSite(admin.AdminSite):
    site_header = _("Moderation console")
    site_title = _("Moderation")
    index_title = _("Work waiting for moderators")
    index_template = "admin/moderation_index.html"

    def index(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> TemplateResponse:
        from forum.selectors import moderation_counts  # models are not loaded when this module is

        context = {**(extra_context or {}), "waiting": moderation_counts()}
        return super().index(request, context)
