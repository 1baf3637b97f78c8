from django import forms
from django.contrib import admin
from django.db import transaction
from django.http import HttpRequest

from core.cache import bump_content_version
from search.models import SynonymGroup


@admin.register(SynonymGroup)
class SynonymGroupAdmin(admin.ModelAdmin):
    list_display = ("terms", "note")
    search_fields = ("terms",)

    def save_model(self, request: HttpRequest, obj: SynonymGroup, form: forms.ModelForm, change: bool) -> None:
        super().save_model(request, obj, form, change)
        transaction.on_commit(bump_content_version)  # cached search pages
