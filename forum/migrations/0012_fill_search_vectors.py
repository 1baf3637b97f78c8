from django.db import migrations


def fill(apps, schema_editor):
    from forum.search import record_vocabulary, refresh_vectors

    Question = apps.get_model("forum", "Question")
    ids = list(Question.objects.filter(status="answered").values_list("pk", flat=True))
    refresh_vectors(ids)
    record_vocabulary(ids)


class Migration(migrations.Migration):
    dependencies = [("forum", "0011_moderators_synonym_permissions")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
