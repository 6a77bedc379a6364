"""Template helpers for localized content: fallbacks and their lang/dir, the language
switcher, money, and rendering sanitised HTML (the footer is ``pages``')."""

from babel.numbers import format_currency
from django import template
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from content.i18n import OG_LOCALES, fallback_info
from content.i18n import x_default as default_alternate
from content.languages import language_codes
from content.richtext import sanitize_html

register = template.Library()


@register.filter
def fallback(obj):
    """``None``, or the language ``obj`` falls back to: ``{code, name, dir}``."""
    return fallback_info(obj)


@register.simple_tag
def lang_attrs(obj):
    """` lang="…" dir="…"` for an element showing ``obj`` in a fallback language, else nothing:
    an Arabic title inside a French page is still read and laid out right to left."""
    info = fallback_info(obj)
    if info is None:
        return ""
    return format_html(' lang="{}" dir="{}"', info["code"], info["dir"])


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """The page's language, then a link to each other language the page exists in."""
    current = translation.get_language()
    urls = dict(context.get("alternates") or [])
    languages = []
    for code in language_codes():
        if code == current or code in urls:
            info = translation.get_language_info(code)
            languages.append(
                {
                    "code": code,
                    "name": info["name_local"],
                    "url": urls.get(code),
                    "current": code == current,
                }
            )
    return {"languages": languages}


@register.filter
def money(amount, currency="EUR"):
    """An amount formatted for the page's language (12 500 000,00 € in French)."""
    if amount is None or amount == "":
        return ""
    locale = translation.to_locale(translation.get_language() or "en")
    return format_currency(amount, currency, locale=locale)


@register.filter
def x_default(alternates):
    """The URL for hreflang="x-default" among ``alternates``."""
    return default_alternate(list(alternates))


@register.filter
def og_locale(language_code):
    return OG_LOCALES.get(language_code, translation.to_locale(language_code))


@register.filter
def sanitized(html):
    """HTML from a model we do not own (flatpages are not sanitised on save): through the one
    sanitiser, then safe to output."""
    return mark_safe(sanitize_html(html or ""))  # noqa: S308 - sanitised on the line above
