"""modeltranslation registrations: models we do not own, translated without changing their code."""

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.db.models.signals import pre_save
from django.dispatch import receiver
from modeltranslation.translator import TranslationOptions, register
from modeltranslation.utils import build_localized_fieldname

from content.richtext import sanitize_html


@register(FlatPage)
class FlatPageTranslationOptions(TranslationOptions):
    fields = ("title", "content")


@receiver(pre_save, sender=FlatPage, dispatch_uid="sanitize_flatpage_content")
def sanitize_flatpage_content(sender, instance, raw=False, **kwargs):
    """Flatpages are not our model, so their content gets no RichTextField: sanitise every
    language's content on save, as our own rich-text fields do (fixtures load as they are)."""
    if raw:
        return
    for language in settings.MODELTRANSLATION_LANGUAGES:
        name = build_localized_fieldname("content", language)
        setattr(instance, name, sanitize_html(getattr(instance, name)))
