from typing import Any

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from accounts import services
from accounts.forms import DeleteAccountForm
from accounts.models import NotificationPreferences
from core.query import positive_int
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
        context.setdefault("form", PreferencesForm(instance=NotificationPreferences.for_user(user)))  # type: ignore[arg-type]
        context["alerts"] = AlertSubscription.objects.filter(
            user_id=user_id, unsubscribed_at__isnull=True
        ).select_related("category", "tag")
        context["is_expert"] = hasattr(user, "expert_profile")
        return context

    def post(self, request: HttpRequest) -> HttpResponse:
        if "stop_alert" in request.POST:
            alert_id = positive_int(request.POST.get("stop_alert"))  # not an id: no alert, a 404
            alert = get_object_or_404(AlertSubscription, pk=alert_id, user=request.user)
            alert_services.alert_unsubscribe(subscription=alert)
            messages.success(request, _("That alert is stopped."))
            return redirect("account")
        form = PreferencesForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        alert_services.preferences_update(user=request.user, **form.cleaned_data)  # type: ignore[arg-type]
        messages.success(request, _("Your email preferences are saved."))
        return redirect("account")


@never_cache
def account_export(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("account_login")
    data = services.account_export(user=request.user)
    response = JsonResponse(data, json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


@method_decorator(never_cache, name="dispatch")
class AccountDeleteView(LoginRequiredMixin, View):
    template_name = "accounts/delete.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, self.template_name, {"form": DeleteAccountForm(user=request.user)})

    def post(self, request: HttpRequest) -> HttpResponse:
        # A password form: throttled per person like allauth's own re-authentication.
        throttled = ratelimit.consume_or_429(request, action="reauthenticate", user=request.user)
        if throttled is not None:
            return throttled
        form = DeleteAccountForm(request.POST, user=request.user)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form})
        user = request.user
        try:
            services.account_delete(user=user)  # type: ignore[arg-type]
        except services.AccountDeletionRefused as refused:
            form.add_error(None, str(refused))
            return render(request, self.template_name, {"form": form})
        logout(request)
        messages.success(request, _("Your account and personal data have been deleted."))
        return redirect("forum:home")
