"""Email alerts: subscribe (double opt-in), confirm, and one-click unsubscribe from any email."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from accounts.models import User
from forum import tokens
from forum.forms import AlertForm
from forum.models import AlertSubscription
from forum.services import alerts as alert_services


@method_decorator(never_cache, name="dispatch")
class AlertSubscribeView(View):
    template_name = "forum/alerts.html"

    def render_form(self, form: AlertForm) -> HttpResponse:
        return render(self.request, self.template_name, {"form": form})

    def get(self, request: HttpRequest) -> HttpResponse:
        initial: dict[str, object] = {}
        if request.user.is_authenticated:
            initial["email"] = request.user.email
        for field in ("category", "tag"):
            if request.GET.get(field):
                initial.update(scope=field, **{field: request.GET[field]})
        return self.render_form(AlertForm(initial=initial))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = AlertForm(request.POST)
        if not form.is_valid():
            return self.render_form(form)
        if form.cleaned_data["website"]:  # honeypot
            return redirect("forum:alerts_sent")
        subscription = alert_services.alert_subscribe(
            email=form.cleaned_data["email"],
            scope=form.cleaned_data["scope"],
            frequency=form.cleaned_data["frequency"],
            category=form.cleaned_data.get("category"),
            tag=form.cleaned_data.get("tag"),
            user=request.user if request.user.is_authenticated else None,
        )
        if subscription is not None:  # the signed-in person's own address
            messages.success(request, _("Your alert is active. Every email has a link to stop it."))
            return redirect("account")
        # The same answer whatever the address already follows, and however often it was asked today.
        return redirect("forum:alerts_sent")


def alerts_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "forum/alerts_sent.html")


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
        return render(request, "forum/alert_confirm.html", {"subscription": subscription})

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        subscription = alert_services.alert_confirm(subscription_id=self.subscription_id(token))
        if subscription is None:
            raise Http404("This alert no longer exists.")
        messages.success(request, _("Thank you. Your alert is confirmed."))
        return render(request, "forum/alert_confirm.html", {"subscription": subscription, "confirmed": True})


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
        return render(request, "forum/unsubscribe.html", {"done": False})

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        data = self.resolve(token)
        if data["k"] == "alert":
            subscription = AlertSubscription.objects.filter(pk=data["r"]).first()
            if subscription is not None:
                alert_services.alert_unsubscribe(subscription=subscription)
        else:
            user = User.objects.filter(pk=data["r"]).first()
            field = str(data.get("f") or "")
            if user is not None and field in alert_services.PREFERENCE_OFF:
                alert_services.preference_unsubscribe(user=user, field=field)
        return render(request, "forum/unsubscribe.html", {"done": True})
