from django.db import migrations

from forum.migrations._grant import grant


class Migration(migrations.Migration):
    dependencies = [("forum", "0007_question_comment_count_question_comments_closed_and_more")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
