"""Looking up content by its per-language slug."""

from django.http import Http404
from django.utils import translation
from parler.utils.i18n import get_active_language_choices


def get_by_slug(queryset, slug):
    """The object whose slug is ``slug`` in the active language or, failing that, in one of its
    fallback languages (the object is then served under the fallback slug).

    One ``.translated()``-style filter on a single join, so the object is never listed once per
    translation (django-parler #330, #281).
    """
    for language in get_active_language_choices(translation.get_language()):
        obj = (
            queryset.filter(translations__language_code=language, translations__slug=slug)
            .with_translations()
            .first()
        )
        if obj is not None:
            return obj
    raise Http404("No such page in this language.")
