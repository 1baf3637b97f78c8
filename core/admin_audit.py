"""Plain admin edits and deletions of records that public pages show (an expert's credentials, a person's
display name) go into the audit log like every other moderation change, and invalidate what they change
on public pages (`public_scopes`)."""

from typing import Any

from django import forms
from django.db import models, transaction
from django.http import HttpRequest

from core.audit import audit_record
from core.cache import SITE, invalidate


def _plain(value: Any) -> Any:
    if isinstance(value, list | tuple | models.QuerySet):
        return [str(item) for item in value]
    return None if value is None else str(value)


class AuditedChangesMixin:
    """Records who changed which fields, and the old and new values of `audit_values`; other fields
    (licence numbers, email addresses, permissions) are named without their values."""

    audit_action = "admin.edit"
    audit_delete_action = "admin.delete"
    audit_values: tuple[str, ...] = ()

    def public_scopes(self, obj: models.Model) -> list[str]:
        """What an edit of this record changes on public pages (core.cache scopes): by default everything,
        as an edit in the admin is rare and may show anywhere; an admin that knows better narrows it."""
        return [SITE]

    def save_model(self, request: HttpRequest, obj: models.Model, form: forms.ModelForm, change: bool) -> None:
        super().save_model(request, obj, form, change)  # type: ignore[misc]
        if not change or not form.changed_data:
            return
        shown = [name for name in form.changed_data if name in self.audit_values]
        audit_record(
            actor=request.user,  # type: ignore[arg-type]
            action=self.audit_action,
            target=obj,
            before={name: _plain(form.initial.get(name)) for name in shown},
            after={name: _plain(form.cleaned_data.get(name)) for name in shown},
            reason="Edited in the admin: " + ", ".join(form.changed_data),
        )
        invalidate(*self.public_scopes(obj))

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        with transaction.atomic():
            self._audit_deletion(request, obj)
            super().delete_model(request, obj)  # type: ignore[misc]

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet) -> None:
        with transaction.atomic():
            for obj in queryset:
                self._audit_deletion(request, obj)
            super().delete_queryset(request, queryset)  # type: ignore[misc]

    def _audit_deletion(self, request: HttpRequest, obj: models.Model) -> None:
        invalidate(*self.public_scopes(obj))  # read before the record goes
        audit_record(actor=request.user, action=self.audit_delete_action, target=obj,  # type: ignore[arg-type]
                     reason="Deleted in the admin")  # fmt: skip


class ReadOnlyInlineMixin:
    """An inline that shows history (revisions, requests, redactions): nothing is added or changed through it."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
