"""The first triage phrases and crisis contacts (forum/triage_defaults.py); moderators edit both afterwards."""

from django.db import migrations

from forum.migrations._grant import grant


def add_defaults(apps, schema_editor):
    from forum.triage_defaults import add_defaults as add

    add(apps.get_model("forum", "TriageTerm"), apps.get_model("forum", "CrisisContact"))


class Migration(migrations.Migration):
    dependencies = [("forum", "0020_triage")]

    operations = [
        migrations.RunPython(add_defaults, migrations.RunPython.noop),
        migrations.RunPython(grant, migrations.RunPython.noop),  # moderators edit the phrases and contacts
    ]
