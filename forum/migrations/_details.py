"""Shared by the migrations that find the personal details in what is already stored (questions, answers,
comments)."""

from collections.abc import Callable
from typing import Any


def find_existing(app_label: str, model_name: str, fields: tuple[str, ...]) -> Callable[[Any, Any], None]:
    def run(apps: Any, schema_editor: Any) -> None:
        from forum.screening import detail_kinds  # as the services keep them

        model = apps.get_model(app_label, model_name)
        changed = []
        for row in model.objects.only("id", *fields).iterator(chunk_size=2000):
            row.personal_details = detail_kinds(*(getattr(row, field) for field in fields))
            if row.personal_details:
                changed.append(row)
        model.objects.bulk_update(changed, ["personal_details"], batch_size=1000)

    return run
