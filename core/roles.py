"""The Moderators group: exactly the permissions moderation needs, not superuser."""

from django.contrib.auth.models import Group, Permission

MODERATORS_GROUP = "Moderators"

MODERATOR_PERMISSIONS = {
    "forum": [
        "view_question", "change_question", "moderate_question", "view_questionrevision",
        "view_answer", "change_answer", "view_answerrevision", "view_redaction", "view_informationrequest",
        "view_category", "add_category", "change_category", "view_tag", "add_tag", "change_tag",
        "view_triageterm", "add_triageterm", "change_triageterm", "delete_triageterm",
        "view_crisiscontact", "add_crisiscontact", "change_crisiscontact", "delete_crisiscontact",
    ],
    "comments": ["view_comment", "change_comment"],
    "core": ["view_auditlog", "view_workerheartbeat"],
    "moderation": ["view_report", "change_report", "view_contactmessage", "change_contactmessage"],
    "search": ["view_synonymgroup", "add_synonymgroup", "change_synonymgroup"],
    "experts": ["view_expertprofile", "change_expertprofile", "view_questionclaim", "view_reviewpolicy",
                "change_reviewpolicy", "view_reviewclaim", "view_peerresponse"],
    "accounts": ["view_user", "remove_spam_account"],
}  # fmt: skip


def moderators_group() -> Group:
    """Create or repair the group (the data migration does the same on a fresh database)."""
    group, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
    wanted = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codenames in MODERATOR_PERMISSIONS.items()
        for codename in codenames
    ]
    group.permissions.set(wanted)
    return group
