from django.db import migrations

from forum.migrations._grant import grant


class Migration(migrations.Migration):
    dependencies = [("forum", "0010_searchterm_synonymgroup_question_search_vector_and_more")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
