"""Taking words out of published text, and out of every copy the site kept of them.

A moderator's redaction (forum/services/redaction.py for questions and answers, comments.services for
comments) gives the new text; this module works out which words went (`removed_words`), what kind of detail
they were (`kinds_removed`), records the redaction without them (`record`) and purges the copies
(`purge_copies`): earlier revisions, moderators' reasons, the admin's change history and the outbox's emails.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q
from django.utils.html import escape
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.audit import audit_record
from core.errors import ApplicationError
from core.models import AuditLog
from core.text import normalize_text
from forum import screening, signals
from forum.models import Redaction
from notifications.models import OutboxEmail

if TYPE_CHECKING:
    from accounts.models import User

REMOVED = "[removed]"
OTHER = "other"
LABELS = {**screening.LABELS, OTHER: _("other words")}
# In emails, which hold other people's texts too, only removed words of at least this length are purged:
# taking every "Dr" or "my" out of every email would damage the rest.
OUTBOX_MIN_LENGTH = 4

_TOKENS = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


class NothingRemoved(ApplicationError):
    pass


@dataclass
class FieldChange:
    name: str
    old: str
    new: str
    removed: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)


def removed_words(old: str, new: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The runs of words in `old` that are not in `new` (whole words, compared word by word), and their spans."""
    old_tokens, new_tokens = _TOKENS.findall(old), _TOKENS.findall(new)
    offsets, position = [], 0
    for token in old_tokens:
        offsets.append(position)
        position += len(token)
    offsets.append(position)
    runs: list[str] = []
    spans: list[tuple[int, int]] = []
    matcher = SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    for op, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if op in ("replace", "delete"):
            run = "".join(old_tokens[i1:i2]).strip()
            if run and run != REMOVED and any(ch.isalnum() for ch in run):
                runs.append(run)
                spans.append((offsets[i1], offsets[i2]))
    return runs, spans


def kinds_removed(old: str, spans: list[tuple[int, int]]) -> list[str]:
    """The kinds of personal detail that the removed spans touch, or ["other"] when they touch none."""
    found = {
        match.kind
        for match in screening.find_personal_details(old)
        if any(match.start < end and start < match.end for start, end in spans)
    }
    kinds = [kind for kind in screening.KINDS if kind in found]
    return kinds or [OTHER]


def changes(texts: dict[str, tuple[str, str]], *, multiline: dict[str, bool]) -> list[FieldChange]:
    """For each field (name → (stored text, new text)), what the new text removes; unchanged fields left out."""
    result = []
    for name, (old, new) in texts.items():
        new = normalize_text(new, multiline=multiline.get(name, True))
        if new.replace("\r\n", "\n").strip() == old.replace("\r\n", "\n").strip():
            continue
        removed, spans = removed_words(old, new)
        result.append(FieldChange(name, old, new, removed, kinds_removed(old, spans) if removed else []))
    return result


def check(found: list[FieldChange], reason: str) -> str:
    """The normalised reason, once the change removes something and the reason does not repeat it."""
    reason = normalize_text(reason, multiline=False)
    if not found:
        raise NothingRemoved(gettext("Nothing was changed. Edit the text or pick a finding to remove."))
    if not reason:
        raise ApplicationError(
            gettext("Say why you removed these words; the reason is kept in the history and sent to the author.")
        )
    lowered = reason.casefold()
    if any(word.casefold() in lowered for change in found for word in change.removed if len(word) > 2):
        raise ApplicationError(
            gettext("The reason repeats words you are removing. Describe them instead, e.g. “a phone number”.")
        )
    return reason


def scrub(text: str, words: Iterable[str]) -> str:
    """`text` with every whole-word occurrence of each of `words` replaced by "[removed]" (longest first)."""
    for word in sorted(set(words), key=len, reverse=True):
        text = _pattern(word).sub(REMOVED, text)
    return text


def _pattern(word: str) -> re.Pattern[str]:
    before = r"(?<!\w)" if word[:1].isalnum() or word[:1] == "_" else ""
    after = r"(?!\w)" if word[-1:].isalnum() or word[-1:] == "_" else ""
    return re.compile(before + re.escape(word) + after)


def purge_copies(target: Model, words: list[str], *, also: Iterable[tuple[Model, tuple[str, ...]]] = ()) -> None:
    """Take `words` out of every copy kept of `target`'s text: the `also` rows given by the caller (revisions,
    with the names of their text fields), the moderators' reasons and the admin's change history about the
    target, and any email in the outbox that quoted them; apps above forum purge theirs on `text_redacted`."""
    if not words:
        return
    signals.text_redacted.send(sender=type(target), target=target, words=words)
    for row, names in also:
        values = {name: scrub(getattr(row, name), words) for name in names}
        if any(values[name] != getattr(row, name) for name in names):
            type(row)._default_manager.filter(pk=row.pk).update(**values)
    content_type = ContentType.objects.get_for_model(target)
    for entry in AuditLog.objects.filter(target_type=target._meta.label_lower, target_id=target.pk).exclude(reason=""):
        cleaned = scrub(entry.reason, words)
        if cleaned != entry.reason:
            AuditLog.objects.filter(pk=entry.pk).update(reason=cleaned)
    for log in LogEntry.objects.filter(content_type=content_type, object_id=str(target.pk)):
        cleaned = scrub(log.object_repr, words)
        if cleaned != log.object_repr:
            LogEntry.objects.filter(pk=log.pk).update(object_repr=cleaned[:200])
    long_words = [word for word in words if len(word) >= OUTBOX_MIN_LENGTH]
    if not long_words:
        return
    quoted = Q()
    for word in long_words:
        quoted |= Q(subject__contains=word) | Q(body_text__contains=word) | Q(body_html__contains=escape(word))
    escaped = [escape(word) for word in long_words]
    for email in OutboxEmail.objects.filter(quoted).only("pk", "subject", "body_text", "body_html"):
        OutboxEmail.objects.filter(pk=email.pk).update(
            subject=scrub(email.subject, long_words)[:200],
            body_text=scrub(email.body_text, long_words),
            body_html=scrub(email.body_html, escaped),
        )


def record(*, target: Model, moderator: User, found: list[FieldChange], reason: str, action: str) -> Redaction:
    """The redaction's history entry and its audit record: fields and kinds, never the words."""
    kinds = [kind for kind in LABELS if any(kind in change.kinds for change in found)]
    fields = [change.name for change in found]
    redaction = Redaction.objects.create(
        content_type=ContentType.objects.get_for_model(target), object_id=target.pk, moderator=moderator,
        reason=reason, fields=fields, kinds=kinds,
    )  # fmt: skip
    audit_record(actor=moderator, action=action, target=target, after={"fields": fields, "kinds": kinds},
                 reason=reason)  # fmt: skip
    return redaction


def kind_labels(kinds: list[str]) -> list[str]:
    return [str(LABELS[kind]) for kind in kinds if kind in LABELS]
