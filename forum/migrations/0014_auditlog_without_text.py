"""The audit log keeps who did what to which object, never anyone's words: drop the texts that earlier
versions copied into it (question titles and details, comment and answer texts, display names, biographies).

The append-only trigger is lifted for this one rewrite, inside the migration's transaction.
"""

from django.db import migrations

TEXT_KEYS = ["title", "body", "details", "text", "display_name", "bio", "disclosure", "email"]
KEYS = "ARRAY[" + ", ".join(f"'{key}'" for key in TEXT_KEYS) + "]::text[]"

FORWARD = f"""
ALTER TABLE forum_auditlog DISABLE TRIGGER forum_auditlog_append_only;
UPDATE forum_auditlog
   SET before = before - {KEYS}, after = after - {KEYS}
 WHERE before ?| {KEYS} OR after ?| {KEYS};
ALTER TABLE forum_auditlog ENABLE TRIGGER forum_auditlog_append_only;
"""


class Migration(migrations.Migration):
    dependencies = [("forum", "0013_question_tags_tag_question_index")]

    operations = [migrations.RunSQL(FORWARD, migrations.RunSQL.noop)]
