"""Reading values that arrive in a URL's query string (and the few that arrive as ids in a form).

Every page reads its parameters through these helpers, so what it gets is fit for a query: PostgreSQL
refuses NUL in text (the driver raises before the query is sent), no parameter of ours has a use for
control characters, and none needs more than a couple of hundred characters. A number that is not
one comes back as None, for the page to show its first page or a 404.
"""

import re

from django.http import HttpRequest

# C0 controls (NUL, tab and newline among them), DEL and the C1 controls.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
TEXT_MAX_LENGTH = 200
SLUG_MAX_LENGTH = 110  # the longest slug of ours (an expert's); topics' and tags' are shorter
# The largest id a (64-bit) primary key holds; longer digit strings are no id of ours.
ID_MAX = 2**63 - 1


def clean_text(value: str, max_length: int = TEXT_MAX_LENGTH) -> str:
    """The value cut to max_length, its control characters turned to spaces, trimmed."""
    return CONTROL.sub(" ", value[:max_length]).strip()


def query_text(request: HttpRequest, name: str, *, max_length: int = TEXT_MAX_LENGTH) -> str:
    """A text parameter, cleaned ("" when absent)."""
    return clean_text(request.GET.get(name, ""), max_length)


def positive_int(value: str | None) -> int | None:
    """The value as an id: ASCII digits only (str.isdigit() also passes "²", which int() refuses), and
    no more of them than an id has (int() refuses thousands of digits too)."""
    if not value or len(value) > len(str(ID_MAX)) or not (value.isascii() and value.isdigit()):
        return None
    number = int(value)
    return number if 0 < number <= ID_MAX else None


def query_int(request: HttpRequest, name: str) -> int | None:
    """An id parameter, or None when it is absent or not one."""
    return positive_int(request.GET.get(name))
