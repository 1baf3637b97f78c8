from django import forms
from django.utils.translation import gettext_lazy as _

from core.text import NormalizedFormMixin
from forum.forms import honeypot_field
from moderation.models import ContactMessage, Report


class ReportForm(NormalizedFormMixin, forms.Form):
    reason = forms.ChoiceField(label=_("What is wrong?"), choices=Report.Reason.choices, widget=forms.RadioSelect)
    details = forms.CharField(
        label=_("Anything the moderators should know (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    website = honeypot_field()


class ContactForm(NormalizedFormMixin, forms.ModelForm):
    website = honeypot_field()

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "topic", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 6}), "topic": forms.RadioSelect}
        help_texts = {
            "email": _("Only so that a moderator can reply. It is never shown anywhere."),
            "message": _("Please leave out health details about anyone else."),
        }
