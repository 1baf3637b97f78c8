from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from core.text import NormalizedFormMixin
from forum.models import Category, Question, Tag
from notifications.models import AlertSubscription

# Filled by the search app's template tag (and by ask.js as the title is typed).
SIMILAR_SLOT = '{% load search_tags %}<div id="similar-slot" aria-live="polite">{% similar_questions_to similar_text %}</div>'  # noqa: E501  # fmt: skip


def honeypot_field() -> forms.CharField:
    """A field hidden from people (and from the tab order) that only bots fill in."""
    return forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


class QuestionForm(NormalizedFormMixin, forms.ModelForm):
    title = forms.CharField(
        label=_("Your question in one sentence"),
        min_length=15,
        max_length=160,
        help_text=_("For example: Can heat make my MS symptoms worse for a few hours?"),
    )
    body = forms.CharField(
        label=_("Details"),
        min_length=30,
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "What happened, what you already know, what you would like to understand. "
            "Markdown works: **bold**, *italic*, lists. Leave out names, dates of birth and contact details."
        ),
    )
    category = forms.ModelChoiceField(
        label=_("Topic"), queryset=Category.objects.order_by("position", "name"), empty_label=_("Choose a topic")
    )
    tags = forms.ModelMultipleChoiceField(
        label=_("Tags (optional)"),
        queryset=Tag.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    is_anonymous = forms.BooleanField(
        label=_("Show my name as “Anonymous”"),
        required=False,
        initial=True,
        help_text=_("Untick to show your display name instead. Your email address is never shown."),
    )

    class Meta:
        model = Question
        fields = ["title", "body", "category", "tags", "is_anonymous"]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field("title"),
            # Similar answered questions appear right under the title as it is typed.
            HTML(SIMILAR_SLOT),
            Field("body"),
            Field("category"),
            Field("tags", wrapper_class="tags-inline"),  # a fieldset with a plain legend (no "for")
            Field("is_anonymous"),
            *[Field(name) for name in self.extra_fields],
        )
        if "website" in self.fields:
            self.helper.layout.append(Div(Field("website"), css_class="visually-hidden", aria_hidden="true"))

    extra_fields: tuple[str, ...] = ()

    def clean_tags(self) -> list[Tag]:
        tags = list(self.cleaned_data["tags"])
        if len(tags) > 5:
            raise forms.ValidationError(_("Choose at most five tags."))
        return tags


class AskForm(QuestionForm):
    consent = forms.BooleanField(
        label=_("I agree that my question and the answer may be published on this site for everyone to read."),
        help_text=_(
            "Health information is sensitive. Your question is only published once it is answered, "
            "and you can ask us to remove it at any time."
        ),
        error_messages={"required": _("Please agree to publication, or we cannot answer in public.")},
    )
    acknowledged = forms.BooleanField(required=False, widget=forms.HiddenInput)
    website = honeypot_field()

    extra_fields = ("consent", "acknowledged")


class SafeguardingForm(NormalizedFormMixin, forms.Form):
    reply = forms.ChoiceField(label=_("Reply"), widget=forms.RadioSelect, choices=())
    note = forms.CharField(
        label=_("A note of your own (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent to the asker only, under the reply. It is not kept in the audit log."),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        from forum.services.safeguarding import REPLIES

        self.fields["reply"].choices = list(REPLIES.items())  # type: ignore[attr-defined]


class RejectForm(NormalizedFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason (the asker will see it)"), widget=forms.Textarea(attrs={"rows": 3}))


class AlertForm(NormalizedFormMixin, forms.Form):
    email = forms.EmailField(label=_("Your email address"))
    scope = forms.ChoiceField(
        label=_("Tell me about"), choices=AlertSubscription.Scope.choices, widget=forms.RadioSelect, initial="all"
    )
    category = forms.ModelChoiceField(
        label=_("Topic"), queryset=Category.objects.order_by("position", "name"), required=False
    )
    tag = forms.ModelChoiceField(label=_("Tag"), queryset=Tag.objects.order_by("name"), required=False)
    frequency = forms.ChoiceField(
        label=_("How often"), choices=AlertSubscription.Frequency.choices, initial="weekly", widget=forms.RadioSelect
    )
    website = honeypot_field()

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        scope = cleaned.get("scope")
        if scope == AlertSubscription.Scope.CATEGORY and not cleaned.get("category"):
            self.add_error("category", _("Choose the topic you want to follow."))
        if scope == AlertSubscription.Scope.TAG and not cleaned.get("tag"):
            self.add_error("tag", _("Choose the tag you want to follow."))
        return cleaned
