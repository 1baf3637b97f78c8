"""{% shared "name" arg ... %}...{% endshared %}: a fragment every reader of the page sees alike.

The view announces the fragments it will show (forum.cache.SharedParts), so all of them, with the
content version, come from the cache in one round trip; a missing one is rendered and stored. Without
`shared_parts` in the context (a view that caches nothing), the fragment is simply rendered.
"""

from django import template
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.template.context import Context
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def part_name(*bits: object) -> str:
    return ":".join(str(bit) for bit in bits)


class SharedNode(template.Node):
    def __init__(self, nodelist: NodeList, bits: list[FilterExpression]) -> None:
        self.nodelist = nodelist
        self.bits = bits

    def render(self, context: Context) -> SafeString:
        parts = context.get("shared_parts")
        if parts is None:
            return self.nodelist.render(context)
        name = part_name(*(bit.resolve(context) for bit in self.bits))
        html = parts.get(name)
        if html is None:
            html = self.nodelist.render(context)
            parts.set(name, str(html))
        return mark_safe(html)  # noqa: S308 - our own rendered template output, stored as it was rendered


@register.tag("shared")
def do_shared(parser: Parser, token: Token) -> SharedNode:
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("{% shared %} needs a name")
    nodelist = parser.parse(("endshared",))
    parser.delete_first_token()
    return SharedNode(nodelist, [parser.compile_filter(bit) for bit in bits])
