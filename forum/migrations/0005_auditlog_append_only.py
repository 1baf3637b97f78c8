"""The audit log is append-only in the database itself, whatever the application does.

Deleting is refused. Updating is refused too, except the one change Django
makes when an account is deleted: setting the actor to NULL.
"""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION forum_auditlog_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND NEW.actor_id IS NULL AND OLD.actor_id IS NOT NULL
       AND NEW.id = OLD.id AND NEW.action = OLD.action
       AND NEW.target_type = OLD.target_type AND NEW.target_id = OLD.target_id
       AND NEW.before = OLD.before AND NEW.after = OLD.after
       AND NEW.reason = OLD.reason AND NEW.created_at = OLD.created_at THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER forum_auditlog_append_only
BEFORE UPDATE OR DELETE ON forum_auditlog
FOR EACH ROW EXECUTE FUNCTION forum_auditlog_append_only();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS forum_auditlog_append_only ON forum_auditlog;
DROP FUNCTION IF EXISTS forum_auditlog_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("forum", "0004_alter_question_options_question_is_spam_report")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
