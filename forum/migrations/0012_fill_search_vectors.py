from django.db import migrations


def fill(apps, schema_editor):
    from forum.search_index import refresh_vectors
    from search.vocabulary import record_vocabulary

    Question = apps.get_model("forum", "Question")
    ids = list(Question.objects.filter(status="answered").values_list("pk", flat=True))
    refresh_vectors(ids)
    record_vocabulary(ids)


class Migration(migrations.Migration):
    dependencies = [("forum", "0011_moderators_synonym_permissions")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
