from django import template
from django.utils.safestring import SafeString

from forum import sidebar as parts

register = template.Library()


@register.simple_tag
def sidebar() -> SafeString:
    """{% sidebar %}: the sidebar's HTML, shared by every page and reader (forum.sidebar)."""
    return parts.html()
