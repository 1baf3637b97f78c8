"""The audit log stays append-only, with one more narrow exception besides forgetting an erased actor: a
redaction may replace words in an entry's reason with "[removed]" (forum.redaction.purge_copies), and
nothing else. The trigger checks that the new reason is the old one with parts replaced by "[removed]"."""

from django.db import migrations

# The trigger function as 0005 made it: forgetting an erased actor is the one change it accepted.
ERASED_ACTOR = r"""
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
"""
REFUSE = r"""
    RAISE EXCEPTION 'the audit log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""

FORWARD = r"""
CREATE OR REPLACE FUNCTION forum_auditlog_reason_only_loses_words(old_reason text, new_reason text)
RETURNS boolean AS $$
DECLARE
    part text;
    pos integer := 1;
    found integer;
BEGIN
    IF new_reason = old_reason OR position('[removed]' in new_reason) = 0 THEN
        RETURN false;
    END IF;
    FOREACH part IN ARRAY string_to_array(new_reason, '[removed]') LOOP
        IF part <> '' THEN
            found := strpos(substr(old_reason, pos), part);
            IF found = 0 THEN
                RETURN false;
            END IF;
            pos := pos + found - 1 + length(part);
        END IF;
    END LOOP;
    RETURN true;
END;
$$ LANGUAGE plpgsql IMMUTABLE;

{erased_actor}    IF TG_OP = 'UPDATE'
       AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
       AND NEW.id = OLD.id AND NEW.action = OLD.action
       AND NEW.target_type = OLD.target_type AND NEW.target_id = OLD.target_id
       AND NEW.before = OLD.before AND NEW.after = OLD.after AND NEW.created_at = OLD.created_at
       AND forum_auditlog_reason_only_loses_words(OLD.reason, NEW.reason) THEN
        RETURN NEW;
    END IF;
{refuse}""".format(erased_actor=ERASED_ACTOR, refuse=REFUSE)

BACKWARD = r"""
{erased_actor}{refuse}DROP FUNCTION IF EXISTS forum_auditlog_reason_only_loses_words(text, text);
""".format(erased_actor=ERASED_ACTOR, refuse=REFUSE)


class Migration(migrations.Migration):
    dependencies = [("forum", "0024_redaction")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
