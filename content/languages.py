"""The site's languages: one place that reads them from the settings, below everything else
(settings in, answer out; it imports nothing of ours)."""

from django.conf import settings


def language_codes():
    """The codes of ``settings.LANGUAGES``, in their order (Arabic, English, French, Spanish)."""
    return [code for code, _name in settings.LANGUAGES]


def source_language():
    """The language the content is written in first (``CONTENT_SOURCE_LANGUAGE``)."""
    return settings.CONTENT_SOURCE_LANGUAGE


def is_rtl(language_code):
    """Is ``language_code`` written right to left (``settings.LANGUAGES_BIDI``)?"""
    return language_code.split("-")[0] in settings.LANGUAGES_BIDI


def language_attrs(language_code):
    """The HTML attributes of text written in ``language_code``: ``lang``, and ``dir`` (right to
    left for Arabic), so a browser lays it out in its own direction whatever the page's."""
    return {"lang": language_code, "dir": "rtl" if is_rtl(language_code) else "ltr"}
