"""modeltranslation registrations: models we do not own, translated without changing their code."""

from django.contrib.flatpages.models import FlatPage
from modeltranslation.translator import TranslationOptions, register


@register(FlatPage)
class FlatPageTranslationOptions(TranslationOptions):
    fields = ("title", "content")
