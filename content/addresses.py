"""The address of an object's page from its slug, without a ``reverse()`` per object.

A list, a sitemap page or search results show dozens to hundreds of objects, each with a link:
``reverse()`` walks the URL patterns for every one of them (a fifth of a partner list's links
cost). The address of a placeholder slug is reversed once per process, URL name and language,
and each object's slug is put in its place, quoted as ``reverse()`` quotes it."""

import re
from urllib.parse import quote

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS

from content.converters import UnicodeSlugConverter

PLACEHOLDER = "slug-placeholder"
URL_SAFE = RFC3986_SUBDELIMS + "/~:@"  # what reverse() leaves unquoted
_ACCEPTED = re.compile(UnicodeSlugConverter.regex)
# (URL name, language, script prefix, URLconf): the address of PLACEHOLDER. A handful of keys.
_templates = {}


def detail_url(name, slug, language):
    """``reverse(name, kwargs={"slug": slug})`` with ``language`` active. A slug that the URL
    would not accept goes to ``reverse()``, which refuses it as before (NoReverseMatch)."""
    if not slug or not _ACCEPTED.fullmatch(slug):
        with translation.override(language):
            return reverse(name, kwargs={"slug": slug})
    key = (name, language, get_script_prefix(), get_urlconf())
    template = _templates.get(key)
    if template is None:
        with translation.override(language):
            template = _templates[key] = reverse(name, kwargs={"slug": PLACEHOLDER})
    return template.replace(PLACEHOLDER, quote(slug, safe=URL_SAFE))
