"""Post an admin change form as a person would: what the page shows, with the fields they change."""

from typing import Any

from django import forms


def _value(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return [getattr(item, "pk", item) for item in value]
    return getattr(value, "pk", value)


def change_form_data(client: Any, url: str, **changes: Any) -> dict[str, Any]:
    response = client.get(url)
    assert response.status_code == 200, response.status_code  # noqa: S101
    form = response.context["adminform"].form
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        if field.disabled or isinstance(field, forms.FileField):  # an upload is sent only when changed
            continue
        value = _value(form.initial.get(name, field.initial))
        if value is True:
            data[name] = "on"
        elif value not in (None, False):
            data[name] = value
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data.update({management.add_prefix(name): value for name, value in management.initial.items()})
    for name, value in changes.items():
        data[name] = _value(value)
    return data
