from typing import Any

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.contrib.auth.forms import AdminUserCreationForm as BaseAdminUserCreationForm
from django.contrib.auth.forms import UserChangeForm
from django.contrib.auth.hashers import make_password
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from core.text import NormalizedFormMixin

from .models import User


class SignupForm(NormalizedFormMixin, AllauthSignupForm):
    """allauth's sign-up with a display name, where an address that already has an account costs the same
    work as a new one (the password is hashed either way), so the answer time tells nothing."""

    display_name = forms.CharField(
        label=_("Display name (optional)"),
        max_length=50,
        required=False,
        help_text=_(
            "A name others may see if you choose to show it on a question or comment. "
            "Leave it empty to stay anonymous everywhere."
        ),
    )

    field_order = ("email", "display_name", "password1", "password2")

    def signup(self, request: HttpRequest, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"].strip()
        user.save(update_fields=["display_name"])

    def try_save(self, request: HttpRequest) -> tuple[Any, Any]:
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1") or "")  # what creating the account would cost
        return super().try_save(request)


class AdminUserCreationForm(NormalizedFormMixin, BaseAdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "display_name")


class AdminUserChangeForm(NormalizedFormMixin, UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    confirm = forms.BooleanField(
        label=_("I understand that this cannot be undone."),
        error_messages={"required": _("Please tick the box to confirm.")},
    )

    def __init__(self, *args: object, user: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):  # type: ignore[attr-defined]
            raise forms.ValidationError(_("That password is not right."))
        return password
