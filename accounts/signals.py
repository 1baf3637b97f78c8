"""The hooks through which every app takes part in a person's data export and erasure."""

from django.dispatch import Signal

# sender=User; kwargs: user. Each receiver returns a dict of export sections ({"questions": [...], ...}).
account_exporting = Signal()
# sender=User; kwargs: user. Sent inside the deletion's transaction: each receiver erases what its app keeps
# of the person and returns counts for the audit log ({"questions": 2}), or raises AccountDeletionRefused.
account_erasing = Signal()
