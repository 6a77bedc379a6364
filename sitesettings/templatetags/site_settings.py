"""``{% site_identity as identity %}``: the site's settings in the page's language, and
``{% site_emblem identity size %}``: its emblem (the uploaded one's renditions, or ours)."""

from django import template
from django.utils.html import format_html

from sitesettings.identity import site_identity as identity_in

register = template.Library()


@register.simple_tag
def site_identity():
    return identity_in()


@register.simple_tag
def site_emblem(identity, size):
    """The emblem at ``size`` CSS pixels (square box; an uploaded one keeps its proportions
    within it through the stylesheet's ``object-fit``), with its alt text."""
    if identity.emblem_renditions:
        return format_html(
            '<img src="{}" srcset="{}" sizes="{}px" alt="{}" width="{}" height="{}">',
            identity.emblem_url,
            identity.emblem_srcset,
            size,
            identity.image_alt,
            size,
            size,
        )
    return format_html(
        '<img src="{}" alt="{}" width="{}" height="{}">',
        identity.emblem_url,
        identity.image_alt,
        size,
        size,
    )
