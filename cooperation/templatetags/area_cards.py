"""``{% area_card area %}``: a cooperation area as the home page lists it (written in Python
for the reason ``projects.templatetags.project_cards`` gives)."""

from functools import lru_cache

from django import template
from django.template.defaultfilters import striptags, truncatewords
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe

from content.templatetags.content import lang_attrs
from content.templatetags.images import card_image

register = template.Library()


def _opening(text):
    """summary|default:body|striptags|truncatewords:26 (each filter keeps a safe text safe):
    an area's body is rich text, which striptags parses; the same text gives the same line."""
    return _opening_of(text, isinstance(text, SafeData))


@lru_cache(maxsize=256)
def _opening_of(text, safe):
    return truncatewords(striptags(mark_safe(text) if safe else text), 26)  # noqa: S308


@register.simple_tag
def area_card(area, level=3):
    """An area as a card: its summary, or the opening of its text when it has none."""
    escape = conditional_escape
    text = _opening(area.summary or area.body)
    return mark_safe(  # noqa: S308 - every value is escaped
        f'\n<article class="card card-area"{lang_attrs(area)}>\n'
        f"  {card_image(area)}\n"
        f'  <h{level}><a href="{escape(area.get_absolute_url())}">{escape(area.title)}</a>'
        f"</h{level}>\n"
        f"  {f'<p>{escape(text)}</p>' if text else ''}\n"
        f"</article>\n"
    )
