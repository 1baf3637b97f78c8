"""Addresses reversed once per process: a page links the same topics, months and fixed pages over and over,
and Django's reverse() costs about as much as rendering the link around it."""

from django.urls import get_script_prefix, get_urlconf, reverse

_links: dict[tuple[str, tuple[object, ...], str, str | None], str] = {}


def link(name: str, *args: object) -> str:
    """reverse(name, args=args), remembered per script prefix and URLconf (both may differ per request)."""
    key = (name, args, get_script_prefix(), get_urlconf())
    url = _links.get(key)
    if url is None:
        if len(_links) > 10_000:  # addresses with ids or slugs in them: keep the memory bounded
            _links.clear()
        url = _links[key] = reverse(name, args=args)
    return url
