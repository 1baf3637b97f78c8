from django.db import migrations


class Migration(migrations.Migration):
    """The newest questions of a tag, straight from an index (related questions)."""

    dependencies = [("forum", "0012_fill_search_vectors")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS forum_question_tags_tag_question ON forum_question_tags (tag_id, question_id)",
            "DROP INDEX IF EXISTS forum_question_tags_tag_question",
        )
    ]
