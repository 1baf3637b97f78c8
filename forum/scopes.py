"""What public pages show, named for the cache (core.cache): each page and cached part is stored under
the scopes it shows, and each service that changes what a scope shows invalidates it next to its write.

- `question:<id>`: the Q&A page; invalidated when its question, answer, expert card or comments change.
- `commenters:<id>`: who has a comment on it (signed-in readers see their own held ones); any comment.
- `category:<slug>`, `tag:<slug>`, `month:<yyyy-mm>`, `expert:<slug>`: list pages and their feeds; a Q&A
  listed there enters, leaves or changes (its list item shows its comment count).
- `latest`: the home page, the sidebar's recently answered, the latest feeds, the sitemap; and `search`:
  search results; any public Q&A enters, leaves or changes.
- `figures`: the sidebar's counts per topic and month, the archive's years; a Q&A enters or leaves public
  view, or changes topic.
- `recent-comments`: the sidebar's latest comments; a published comment appears, changes or goes.
- `experts`: the experts directory; an expert is verified, suspended or edited, or a Q&A enters or leaves.

`site` (core.cache) is part of everything: topic and tag names, the synonym table, the demo data.
"""

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from django.utils import timezone

from core.cache import SITE

if TYPE_CHECKING:
    from forum.models import Question

LATEST = "latest"
SEARCH = "search"
PUBLIC_FIGURES = "figures"
RECENT_COMMENTS = "recent-comments"
EXPERT_DIRECTORY = "experts"
SIDEBAR = (LATEST, PUBLIC_FIGURES, RECENT_COMMENTS)

__all__ = ["SITE", "LATEST", "SEARCH", "PUBLIC_FIGURES", "RECENT_COMMENTS", "EXPERT_DIRECTORY", "SIDEBAR"]


def question(pk: int | str) -> str:
    return f"question:{int(pk)}"


def commenters(pk: int | str) -> str:
    return f"commenters:{int(pk)}"


def category(slug: str) -> str:
    return f"category:{slug}"


def tag(slug: str) -> str:
    return f"tag:{slug}"


def expert(slug: str) -> str:
    return f"expert:{slug}"


def month(year: int | str, number: int | str) -> str:
    return f"month:{int(year):04d}-{int(number):02d}"


def month_of(moment: datetime) -> str:
    local = timezone.localtime(moment)
    return month(local.year, local.month)


def with_sidebar(*scopes: str) -> tuple[str, ...]:
    """A whole page that shows the sidebar is stale when the sidebar is."""
    return (*scopes, *SIDEBAR)


def public_qa(qa: "Question") -> list[str]:
    """A public Q&A's page and every list it is shown in (its list item shows its title, excerpt, expert,
    topic, tags and comment count)."""
    scopes = [question(qa.pk), LATEST, SEARCH, category(qa.category.slug)]
    scopes += [tag(slug) for slug in qa.tags.values_list("slug", flat=True)]
    if qa.answered_at is not None:
        scopes.append(month_of(qa.answered_at))
    answer = getattr(qa, "answer", None)
    if answer is not None:
        scopes.append(expert(answer.expert.slug))
    return scopes


def entering_or_leaving(qa: "Question") -> list[str]:
    """A Q&A that enters or leaves public view: its lists, and the counts and directory figures too."""
    return [*public_qa(qa), PUBLIC_FIGURES, EXPERT_DIRECTORY]


def questions(pks: Iterable[int]) -> list[str]:
    return [question(pk) for pk in pks]


def commenters_of(pks: Iterable[int]) -> list[str]:
    return [commenters(pk) for pk in pks]
