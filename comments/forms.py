from django import forms
from django.utils.translation import gettext_lazy as _

from core.text import NormalizedFormMixin
from forum.forms import honeypot_field


class CommentForm(NormalizedFormMixin, forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        min_length=2,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Be kind. Markdown works: **bold**, *italic*, lists, links. No personal details, please."),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    website = honeypot_field()
