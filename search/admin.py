from django import forms
from django.contrib import admin
from django.http import HttpRequest

from core.cache import invalidate
from core.text import NormalizedAdminMixin
from search.engine import SYNONYMS
from search.models import SynonymGroup


@admin.register(SynonymGroup)
class SynonymGroupAdmin(NormalizedAdminMixin, admin.ModelAdmin):
    list_display = ("terms", "note", "is_medicine")
    list_filter = ("is_medicine",)
    search_fields = ("terms",)

    def save_model(self, request: HttpRequest, obj: SynonymGroup, form: forms.ModelForm, change: bool) -> None:
        super().save_model(request, obj, form, change)
        invalidate(SYNONYMS)

    def delete_model(self, request: HttpRequest, obj: SynonymGroup) -> None:
        super().delete_model(request, obj)
        invalidate(SYNONYMS)
