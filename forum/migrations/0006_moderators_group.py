"""The Moderators group, with exactly the permissions moderation needs (and no more)."""

from django.db import migrations

from forum.migrations._grant import grant
from core.roles import MODERATORS_GROUP



def revoke(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=MODERATORS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0005_auditlog_append_only"),
        ("experts", "0002_expertprofile_photo_expertprofile_review_notes_and_more"),
        ("accounts", "0002_alter_user_options"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
