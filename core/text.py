"""The one normaliser every user text goes through: forms (NormalizedFormMixin), the admin
(NormalizedAdminMixin) and the services that store text (they call normalize_text on what they are given,
whoever calls them).

Text is put in Unicode NFC (the same words, the same bytes), line ends become "\\n", and characters that
no page, feed or email should carry are removed: control characters other than newline and tab (U+0000 to
U+001F, U+007F to U+009F, pasted from PDFs and terminals), lone surrogates, byte-order marks, zero-width
spaces and the invisible direction overrides that can reorder what a reader sees. A single-line text (a
title, a name) has its runs of white space, tabs and newlines included, made one space.
"""

import re
import unicodedata
from typing import Any

from django import forms
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext_lazy as _

# Control characters but tab and newline, lone surrogates, byte-order marks and non-characters, the zero-width
# space, direction overrides and isolates.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff\u200b\u202a-\u202e\u2066-\u2069]"
)
_SPACES = re.compile(r"\s+")


def normalize_text(value: str, *, multiline: bool = True) -> str:
    """`value` as it is stored and shown; white space at both ends removed."""
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    value = _UNSAFE.sub("", value)
    if not multiline:
        value = _SPACES.sub(" ", value)
    return value.strip()


TOO_LONG = _(
    "Please shorten this to %(limit_value)s characters or fewer: it has %(show_value)s now. Nothing you wrote is lost."
)


def _is_multiline(field: forms.Field) -> bool:
    return isinstance(field.widget, forms.Textarea)


class NormalizedFormMixin:
    """A form whose text fields are normalised before any validation, so length limits, duplicate checks and
    the page shown again with errors all see the text as it will be stored.

    A browser cuts a text pasted into a field with `maxlength` without a word; here the limit becomes
    `data-maxlength`, which static/js/forms.js shows as a live count, and the server's message says how
    long the text is and how long it may be."""

    fields: dict[str, forms.Field]
    data: Any
    is_bound: bool

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            limit = field.widget.attrs.pop("maxlength", None)
            if limit is not None and isinstance(field, forms.CharField) and not field.widget.is_hidden:
                field.widget.attrs["data-maxlength"] = limit
                field.error_messages["max_length"] = TOO_LONG

    def full_clean(self) -> None:
        if self.is_bound:
            data = self.data.copy() if isinstance(self.data, QueryDict) else dict(self.data)
            for name, field in self.fields.items():
                key = self.add_prefix(name)  # type: ignore[attr-defined]
                if not isinstance(field, forms.CharField) or isinstance(field.widget, forms.PasswordInput):
                    continue
                value = data.get(key)
                if isinstance(value, str):
                    data[key] = normalize_text(value, multiline=_is_multiline(field))
            self.data = data
        super().full_clean()  # type: ignore[misc]


class NormalizedAdminMixin:
    """A ModelAdmin whose forms normalise their text fields like every other form."""

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)  # type: ignore[misc]
        if issubclass(form, NormalizedFormMixin):
            return form
        return type(form.__name__, (NormalizedFormMixin, form), {})
