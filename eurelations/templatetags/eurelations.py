"""Template helpers for localized content: fallback notices and money."""

from babel.numbers import format_currency
from django import template
from django.utils import translation

from eurelations.i18n import fallback_info
from eurelations.i18n import x_default as default_alternate

register = template.Library()


@register.filter
def fallback(obj):
    """``None``, or the language ``obj`` falls back to: ``{code, name, dir}``."""
    return fallback_info(obj)


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
