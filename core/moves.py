"""For migrations that move a model to another app while its table stays where it is."""

from collections.abc import Callable
from typing import Any


def content_type_renamer(new_app: str, moved: list[tuple[str, str]]) -> Callable[[Any, Any], None]:
    """A RunPython step: each moved model's content type row changes app, keeping its id, so reports,
    permissions and the admin's history keep pointing at it (a fresh database has no row to rename)."""

    def rename(apps: Any, schema_editor: Any) -> None:
        ContentType = apps.get_model("contenttypes", "ContentType")
        for old_app, model in moved:
            if not ContentType.objects.filter(app_label=new_app, model=model).exists():
                ContentType.objects.filter(app_label=old_app, model=model).update(app_label=new_app)

    return rename
