from .ops import WorkerHeartbeat
from .taxonomy import Category, Tag

__all__ = ["Category", "Tag", "WorkerHeartbeat"]
