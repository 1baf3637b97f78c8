"""Email alerts about the forum's topics: the subscribe form (confirmation and unsubscribing live in notifications)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from forum.forms import AlertForm
from notifications import services as alert_services


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
