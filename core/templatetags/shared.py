"""Template tags for fast pages.

{% shared "name" arg ... %}...{% endshared %}: a fragment every reader of the page sees alike.

The view announces the fragments it will show (core.cache.SharedParts), so all of them, with the
versions of their scopes, come from the cache in one round trip; a missing one is rendered and stored.
A fragment is rendered without anything of its reader's but whether they are signed in (SharedReader):
the reader, their token, the CSP nonce and their messages are not in its context. Without
`shared_parts` in the context (a view that caches nothing), the fragment is simply rendered.
"""

from django import template
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.template.context import Context
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from core import links

register = template.Library()


def part_name(*bits: object) -> str:
    return ":".join(str(bit) for bit in bits)


class SharedReader:
    """What a shared fragment may know of its reader: whether they are signed in (its name says which
    kind of reader it was rendered for). Nothing else of theirs exists inside one."""

    def __init__(self, is_authenticated: bool) -> None:
        self.is_authenticated = is_authenticated
        self.is_anonymous = not is_authenticated
        self.pk = self.id = None

    def __str__(self) -> str:
        return ""


# Per-request values hidden inside a shared fragment (the reader, their session's token, the page's CSP
# nonce, their messages): a fragment that named one would otherwise show one reader's value to all.
PER_REQUEST = ("request", "csrf_token", "csp_nonce", "perms", "messages")


class SharedNode(template.Node):
    def __init__(self, nodelist: NodeList, bits: list[FilterExpression]) -> None:
        self.nodelist = nodelist
        self.bits = bits

    def render(self, context: Context) -> SafeString:
        parts = context.get("shared_parts")
        if parts is None:
            return self.nodelist.render(context)
        name = part_name(*(bit.resolve(context) for bit in self.bits))
        html = parts.get_or_build(name, lambda: self.render_for_everyone(context))
        # our own template's output, rendered (and escaped) before it was stored
        return mark_safe(html)  # noqa: S308  # nosec B308 B703

    def render_for_everyone(self, context: Context) -> str:
        user = context.get("user")
        reader = SharedReader(bool(getattr(user, "is_authenticated", False)))
        with context.push(user=reader, **dict.fromkeys(PER_REQUEST, "")):
            return str(self.nodelist.render(context))


@register.tag("shared")
def do_shared(parser: Parser, token: Token) -> SharedNode:
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("{% shared %} needs a name")
    nodelist = parser.parse(("endshared",))
    parser.delete_first_token()
    return SharedNode(nodelist, [parser.compile_filter(bit) for bit in bits])


@register.simple_tag
def link(name: str) -> str:
    """{% url %} for an address without arguments, reversed once per process (the header and footer
    of every page hold about twenty)."""
    return links.link(name)


class ConstantNode(template.Node):
    def __init__(self, nodelist: NodeList, name: str) -> None:
        self.nodelist = nodelist
        self.name = name
        self.rendered: dict[str, SafeString] = {}

    def render(self, context: Context) -> SafeString:
        language = get_language() or ""
        html = self.rendered.get(language)
        if html is None:
            html = self.rendered[language] = self.nodelist.render(context)
        return html


@register.tag("constant")
def do_constant(parser: Parser, token: Token) -> ConstantNode:
    """{% constant "name" %}...{% endconstant %}: markup that depends only on code, settings and the
    language (the footer), rendered once per process and language."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% constant %} takes one name")
    nodelist = parser.parse(("endconstant",))
    parser.delete_first_token()
    return ConstantNode(nodelist, bits[1])
