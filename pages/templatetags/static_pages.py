"""The footer's links to the static pages."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from seed.static_pages import STATIC_PAGES

register = template.Library()


@register.simple_tag
def static_page_links():
    """[{title, url}] of the static pages in the page's language, from the seed's list: the
    footer is on every page and costs no query."""
    language = translation.get_language()
    fallback = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    return [
        {
            "title": spec["title"].get(language) or spec["title"][fallback],
            "url": reverse("pages:flatpage", kwargs={"url": spec["url"].lstrip("/")}),
        }
        for spec in STATIC_PAGES
    ]
