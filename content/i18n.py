"""Which languages a page exists in, the language its text is actually shown in, and the
addresses of the same page in the other languages."""

from urllib.parse import unquote, urlsplit, urlunsplit

from django.conf import settings
from django.shortcuts import redirect
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from parler.utils.i18n import get_active_language_choices

from content import registry
from content.languages import language_codes
from content.site import absolute

# Open Graph wants language_TERRITORY; these are the locales its consumers know for our four.
OG_LOCALES = {"ar": "ar_AR", "en": "en_GB", "fr": "fr_FR", "es": "es_ES"}

# Query parameters whose values are text in the page's language: they mean nothing on the same
# page in another language, so the switcher and the alternates leave them out.
LANGUAGE_BOUND_PARAMETERS = ("region", "q")


def available_languages(obj):
    """The languages ``obj`` really has a translation in (no query when translations are
    prefetched)."""
    return registry.entry_for(obj).available_languages(obj)


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
    return registry.entry_for(obj).url_in(obj, language)


def redirect_to_canonical(request, obj):
    """A 301 to ``obj``'s own address in the page's language when the request used another
    slug (another language's, or a fallback's once a translation exists); else ``None``."""
    canonical = obj.get_absolute_url(translation.get_language())
    if request.path != unquote(canonical):
        query = request.META.get("QUERY_STRING", "")
        return redirect(f"{canonical}?{query}" if query else canonical, permanent=True)
    return None


def object_alternates(obj):
    """[(language, url)] for each language that really has a translation of ``obj``."""
    available = available_languages(obj)
    return [(code, url_in(obj, code)) for code in language_codes() if code in available]


def object_page_context(request, obj):
    """Alternates and canonical URL of the page showing ``obj``. A page shown in a fallback
    language duplicates the page in that language, so that page is its canonical address."""
    alternates = object_alternates(obj)
    canonical = dict(alternates).get(shown_language(obj), request.path)
    return {
        "alternates": alternates,
        "canonical_url": absolute(canonical),
        # A draft or scheduled item opened by staff: say so, and keep it out of search engines.
        "preview": not getattr(obj, "is_public", True),
    }


def path_alternates(path):
    """[(language, url)] of a page that exists in every language (lists, search, home): what
    ``translate_url`` gives for each language, with the path resolved once, not per language."""
    parsed = urlsplit(path)
    try:
        match = resolve(unquote(parsed.path))
    except Resolver404:
        return [(code, path) for code in language_codes()]
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    alternates = []
    for code in language_codes():
        with translation.override(code):
            try:
                url = reverse(name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                url = path
            else:
                url = urlunsplit(
                    (parsed.scheme, parsed.netloc, url, parsed.query, parsed.fragment)
                )
        alternates.append((code, url))
    return alternates


def x_default(alternates):
    """The alternate for visitors whose language is not offered: English if there, else the
    first one."""
    urls = dict(alternates)
    return urls.get(settings.LANGUAGE_CODE) or (alternates[0][1] if alternates else None)
