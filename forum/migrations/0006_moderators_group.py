"""The Moderators group, with exactly the permissions moderation needs (and no more)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from forum.roles import MODERATOR_PERMISSIONS, MODERATORS_GROUP



def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now so they can be granted.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
    for app_label, codenames in MODERATOR_PERMISSIONS.items():
        for codename in codenames:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


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
