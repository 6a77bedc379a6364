"""Which languages a page exists in, and the language its text is actually shown in."""

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from parler.utils.i18n import get_active_language_choices

from eurelations.translation_status import flatpage_has_translation

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

# Open Graph wants language_TERRITORY; these are the locales its consumers know for our four.
OG_LOCALES = {"ar": "ar_AR", "en": "en_GB", "fr": "fr_FR", "es": "es_ES"}

# Query parameters whose values are text in the page's language: they mean nothing on the same
# page in another language, so the switcher and the alternates leave them out.
LANGUAGE_BOUND_PARAMETERS = ("region", "q")


def is_rtl(language_code):
    return translation.get_language_info(language_code)["bidi"]


def available_languages(obj):
    """The languages ``obj`` really has a translation in (no query when translations are
    prefetched). Flatpages are translated by modeltranslation: a language has the page when
    its title column is filled in."""
    if hasattr(obj, "get_available_languages"):
        return set(obj.get_available_languages())
    return {code for code in LANGUAGE_CODES if flatpage_has_translation(obj, code)}


def shown_language(obj, language=None):
    """The language ``obj`` is displayed in: the requested one when it is translated, else the
    first language of the fallback chain that is (uses prefetched translations: no query)."""
    language = language or translation.get_language()
    available = available_languages(obj)
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


def url_in(obj, language):
    """``obj``'s address in ``language`` (its own slug there, or its fallback's)."""
    if hasattr(obj, "get_available_languages"):
        return obj.get_absolute_url(language)
    # A flatpage: Django's FlatPage.get_absolute_url knows nothing of our language prefixes.
    with translation.override(language):
        return reverse("flatpage", kwargs={"url": obj.url.lstrip("/")})


def object_alternates(obj):
    """[(language, url)] for each language that really has a translation of ``obj``."""
    available = available_languages(obj)
    return [(code, url_in(obj, code)) for code in LANGUAGE_CODES if code in available]


def object_page_context(request, obj):
    """Alternates and canonical URL of the page showing ``obj``. A page shown in a fallback
    language duplicates the page in that language, so that page is its canonical address."""
    alternates = object_alternates(obj)
    canonical = dict(alternates).get(shown_language(obj), request.path)
    return {
        "alternates": alternates,
        "canonical_url": request.build_absolute_uri(canonical),
        # A draft or scheduled item opened by staff: say so, and keep it out of search engines.
        "preview": not getattr(obj, "is_public", True),
    }


def path_alternates(path):
    """[(language, url)] of a page that exists in every language (lists, search, home)."""
    return [(code, translate_url(path, code)) for code in LANGUAGE_CODES]


def x_default(alternates):
    """The alternate for visitors whose language is not offered: English if there, else the
    first one."""
    urls = dict(alternates)
    return urls.get(settings.LANGUAGE_CODE) or (alternates[0][1] if alternates else None)
