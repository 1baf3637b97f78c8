"""User Markdown to safe HTML: Markdown renders, then nh3 (ammonia) keeps only a safe subset."""

import re

import markdown as markdown_lib
import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "code", "pre",
    "h3", "h4", "h5", "h6", "a", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


# Comments get a smaller subset: no headings, tables or rules.
COMMENT_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "code", "a"}


_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def _safe_url(element: str, attribute: str, value: str) -> str | None:
    """Browsers ignore tabs, newlines and spaces inside a URL's scheme ("java\tscript:"), so judge
    the scheme the way a browser will read it; ammonia alone sees such a URL as relative."""
    if attribute not in {"href", "src"}:
        return value
    squashed = _INVISIBLE.sub("", value).lower()
    scheme = _SCHEME.match(squashed)
    if scheme and scheme.group(1) not in ALLOWED_URL_SCHEMES:
        return None
    return value


def render_markdown(text: str, *, comment: bool = False) -> str:
    html = markdown_lib.markdown(text, extensions=["sane_lists", "tables", "fenced_code"], output_format="html")
    return nh3.clean(
        html,
        tags=COMMENT_TAGS if comment else ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        attribute_filter=_safe_url,
        link_rel="nofollow noopener ugc",
        strip_comments=True,
    )
