"""Looking up content by its per-language slug."""

from urllib.parse import unquote

from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from parler.utils.i18n import get_active_language_choices

from eurelations.i18n import LANGUAGE_CODES


def get_by_slug(queryset, slug):
    """The object whose slug is ``slug`` in the active language; failing that, in its fallback
    languages, then in any language (a visitor may follow a link made for another language).

    Each lookup filters language and slug in one ``.filter()`` call, on one join, so an object
    is never listed once per translation (django-parler #330, #281).
    """
    language = translation.get_language()
    obj = _first(queryset, [language], slug)
    if obj is None:
        preference = get_active_language_choices(language)
        preference += [code for code in LANGUAGE_CODES if code not in preference]
        obj = _first(queryset, preference[1:], slug)
    if obj is None:
        raise Http404("No such page.")
    return obj


def _first(queryset, languages, slug):
    candidates = list(
        queryset.filter(translations__language_code__in=languages, translations__slug=slug)
        .with_translations()
        .distinct()
    )
    if not candidates:
        return None

    # Several objects may use this slug in different languages: prefer the earliest language.
    def rank(obj):
        owned = {t.language_code for t in obj.translations.all() if t.slug == slug}
        return min(languages.index(code) for code in owned if code in languages)

    return min(candidates, key=rank)


def redirect_to_canonical(request, obj):
    """A 301 to ``obj``'s own address in the page's language when the request used another
    slug (another language's, or a fallback's once a translation exists); else ``None``."""
    canonical = obj.get_absolute_url(translation.get_language())
    if request.path != unquote(canonical):
        query = request.META.get("QUERY_STRING", "")
        return redirect(f"{canonical}?{query}" if query else canonical, permanent=True)
    return None
