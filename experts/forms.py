from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.text import NormalizedFormMixin
from experts.models import ExpertProfile
from experts.photos import process_photo
from forum import sources
from forum.models import Category


class ExpertApplicationForm(NormalizedFormMixin, forms.ModelForm):
    specialties = forms.ModelMultipleChoiceField(
        label=_("Specialties"),
        queryset=Category.objects.order_by("position", "name"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The topics you can answer. New questions in them are shown to you first."),
    )
    photo = forms.ImageField(
        label=_("Photo (optional)"),
        required=False,
        help_text=_("A head-and-shoulders photo, JPEG, PNG or WebP, up to 3 MB."),
    )
    licence_expires_on = forms.DateField(label=_("Licence valid until"), widget=forms.DateInput(attrs={"type": "date"}))

    class Meta:
        model = ExpertProfile
        fields = [
            "public_name", "postnominals", "position", "institution", "specialties", "bio", "disclosure",
            "photo", "licence_number", "licence_body", "licence_expires_on",
        ]  # fmt: skip
        labels = {
            "public_name": _("Name as it should appear publicly"),
            "bio": _("Short biography"),
            "disclosure": _("Conflicts of interest (published)"),
        }
        help_texts = {
            "disclosure": _("Payments, grants or roles with companies relevant to MS. Write “None” if there are none."),
            "licence_number": _("Private: seen only by moderators to check your registration."),
        }
        widgets = {"bio": forms.Textarea(attrs={"rows": 4}), "disclosure": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for name in ("licence_number", "licence_body", "disclosure"):
            self.fields[name].required = True
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean_licence_expires_on(self) -> object:
        value = self.cleaned_data["licence_expires_on"]
        if value and value < timezone.localdate():
            raise ValidationError(_("This licence has already expired."))
        return value

    def clean_photo(self) -> object:
        photo = self.cleaned_data.get("photo")
        if photo and hasattr(photo, "content_type"):
            process_photo(photo)  # raises a ValidationError with a clear message
        return photo


class AnswerForm(NormalizedFormMixin, forms.Form):
    body = forms.CharField(
        label=_("Your answer"),
        min_length=40,
        max_length=12000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Markdown: **bold**, *italic*, lists, links. Write for a patient, not a colleague."),
    )
    sources = forms.CharField(
        label=_("Sources (optional)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: a PubMed ID (PMID 12345678), a DOI (doi:10.1000/xyz) or a web address. "
                    "Shown as numbered sources under the answer."),
    )  # fmt: skip
    note = forms.CharField(label=_("What changed (optional)"), required=False, max_length=300)

    def clean_sources(self) -> list[dict[str, str]]:
        return sources.parse(self.cleaned_data.get("sources", ""))

    def __init__(self, *args: object, show_note: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if not show_note:
            del self.fields["note"]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class ReviewReturnForm(NormalizedFormMixin, forms.Form):
    notes = forms.CharField(
        label=_("What the author should change"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Only the author reads these notes. Patients never see them."),
    )
