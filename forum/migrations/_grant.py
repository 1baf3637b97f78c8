"""Shared by the migrations that (re)grant the Moderators group its permissions."""

from django.contrib.auth.management import create_permissions

from core.roles import MODERATOR_PERMISSIONS, MODERATORS_GROUP


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now so they can be granted.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
    # Models added by later migrations get their permissions when those migrations re-run this.
    for app_label, codenames in MODERATOR_PERMISSIONS.items():
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
