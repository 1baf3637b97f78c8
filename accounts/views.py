from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from accounts import services
from accounts.forms import DeleteAccountForm


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
