"""Email links and the notification preferences page: confirm an alert, one-click unsubscribe, preferences."""

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView

from core.query import positive_int
from notifications import services as alert_services
from notifications import tokens
from notifications.forms import PreferencesForm
from notifications.models import AlertSubscription, NotificationPreferences, QuestionFollow


@method_decorator(never_cache, name="dispatch")
class AccountView(LoginRequiredMixin, TemplateView):
    """Notification preferences and alerts (data export and deletion live here too)."""

    template_name = "notifications/account.html"

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


@method_decorator(never_cache, name="dispatch")
class AlertConfirmView(View):
    """GET shows a button; the POST confirms (nothing changes on GET, so link scanners confirm nothing)."""

    def subscription_id(self, token: str) -> int:
        subscription_id = tokens.read_confirm_token(token)
        if subscription_id is None:
            raise Http404("This confirmation link is not valid or has expired.")
        return subscription_id

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        subscription = get_object_or_404(AlertSubscription, pk=self.subscription_id(token))
        return render(request, "notifications/alert_confirm.html", {"subscription": subscription})

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        subscription = alert_services.alert_confirm(subscription_id=self.subscription_id(token))
        if subscription is None:
            raise Http404("This alert no longer exists.")
        messages.success(request, _("Thank you. Your alert is confirmed."))
        return render(request, "notifications/alert_confirm.html", {"subscription": subscription, "confirmed": True})


@method_decorator(never_cache, name="dispatch")
@method_decorator(
    csrf_exempt, name="dispatch"
)  # RFC 8058 one-click POSTs come from mail clients; the token is the proof
class UnsubscribeView(View):
    def resolve(self, token: str) -> dict[str, Any]:
        data = tokens.read_unsubscribe_token(token)
        if data is None:
            raise Http404("This unsubscribe link is not valid.")
        return data

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        self.resolve(token)
        return render(request, "notifications/unsubscribe.html", {"done": False})

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        data = self.resolve(token)
        if data["k"] == "alert":
            subscription = AlertSubscription.objects.filter(pk=data["r"]).first()
            if subscription is not None:
                alert_services.alert_unsubscribe(subscription=subscription)
        elif data["k"] == "follow":
            QuestionFollow.objects.filter(pk=data["r"]).delete()  # stops following that Q&A
        else:
            user = get_user_model().objects.filter(pk=data["r"]).first()
            field = str(data.get("f") or "")
            if user is not None and field in alert_services.PREFERENCE_OFF:
                alert_services.preference_unsubscribe(user=user, field=field)
        return render(request, "notifications/unsubscribe.html", {"done": True})
