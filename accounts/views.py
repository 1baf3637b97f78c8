from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from accounts.models import NotificationPreferences
from forum.forms import PreferencesForm
from forum.models import AlertSubscription
from forum.services import alerts as alert_services


@method_decorator(never_cache, name="dispatch")
class AccountView(LoginRequiredMixin, TemplateView):
    """Notification preferences and alerts (data export and deletion live here too)."""

    template_name = "accounts/account.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        user_id = int(user.pk or 0)
        prefs = NotificationPreferences.objects.filter(user_id=user_id).first()
        prefs = prefs or NotificationPreferences(user_id=user_id)
        context.setdefault("form", PreferencesForm(instance=prefs))
        context["alerts"] = AlertSubscription.objects.filter(
            user_id=user_id, unsubscribed_at__isnull=True
        ).select_related("category", "tag")
        context["is_expert"] = hasattr(user, "expert_profile")
        return context

    def post(self, request: HttpRequest) -> HttpResponse:
        if "stop_alert" in request.POST:
            alert = get_object_or_404(AlertSubscription, pk=request.POST.get("stop_alert"), user=request.user)
            alert_services.alert_unsubscribe(subscription=alert)
            messages.success(request, _("That alert is stopped."))
            return redirect("account")
        form = PreferencesForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        alert_services.preferences_update(user=request.user, **form.cleaned_data)  # type: ignore[arg-type]
        messages.success(request, _("Your email preferences are saved."))
        return redirect("account")
