"""Which languages a page exists in, and the language its text is actually shown in."""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from parler.utils.i18n import get_active_language_choices

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def is_rtl(language_code):
    return translation.get_language_info(language_code)["bidi"]


def shown_language(obj, language=None):
    """The language ``obj`` is displayed in: the requested one when it is translated, else the
    first language of the fallback chain that is (uses prefetched translations: no query)."""
    language = language or translation.get_language()
    available = set(obj.get_available_languages())
    for code in get_active_language_choices(language):
        if code in available:
            return code
    return language


def fallback_info(obj, language=None):
    """``None`` when ``obj`` is translated into the page's language, else the fallback's
    language code, name and direction for the notice and the ``lang``/``dir`` attributes."""
    language = language or translation.get_language()
    shown = shown_language(obj, language)
    if shown == language:
        return None
    info = translation.get_language_info(shown)
    return {
        "code": shown,
        "name": translation.gettext(info["name"]),
        "dir": "rtl" if info["bidi"] else "ltr",
    }


def object_alternates(obj):
    """[(language, url)] for each language that really has a translation of ``obj``."""
    available = set(obj.get_available_languages())
    return [(code, obj.get_absolute_url(code)) for code in LANGUAGE_CODES if code in available]


def path_alternates(path):
    """[(language, url)] of a page that exists in every language (lists, search, home)."""
    return [(code, translate_url(path, code)) for code in LANGUAGE_CODES]


def x_default(alternates):
    """The alternate for visitors whose language is not offered: English if there, else the
    first one."""
    urls = dict(alternates)
    return urls.get(settings.LANGUAGE_CODE) or (alternates[0][1] if alternates else None)
