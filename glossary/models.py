"""The glossary: a term, its approved translation in each language, the inflected forms that
count as that translation, and the forms that must not be used (``docs/architecture.md``,
``glossary/``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatedFields

from content import history
from content.models import LockedModel, translation_version_field


def lines(text):
    """The non-empty lines of ``text``, stripped: one form per line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@history.register()
class Term(LockedModel):
    """One concept, e.g. "cooperation area". Not registered content (no translation status,
    no PO exchange, no public page): the glossary has its own exchange (TBX, CSV) and check.
    Its history (every language in each version) is kept, compared and reverted like the
    content's, and two people saving it at once are told, as on the content (``LockedModel``)."""

    class Category(models.TextChoices):
        AREA = "area", _("cooperation area")
        INSTITUTION = "institution", _("EU institution")
        BODY = "body", _("EU body")
        AGENCY = "agency", _("EU agency")
        LAW_ENFORCEMENT = "law_enforcement", _("law enforcement")
        GENERAL = "general", _("general")
        INTERFACE = "interface", _("interface")

    key = models.SlugField(
        _("key"),
        max_length=100,
        unique=True,
        help_text=_("Stable identifier of the term in exported files (TBX, CSV)."),
    )
    category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, default=Category.GENERAL
    )
    translations = TranslatedFields(
        term=models.CharField(_("approved term"), max_length=300),
        variants=models.TextField(
            _("accepted variants"),
            blank=True,
            help_text=_(
                "Other forms that count as the approved term, one per line: plurals, "
                "feminine or definite forms. Arabic prefixes (و ب ل ف ك) and the article "
                "are accepted without being listed."
            ),
        ),
        forbidden=models.TextField(
            _("forbidden variants"),
            blank=True,
            help_text=_("Forms that must not be used for this term, one per line."),
        ),
        note=models.TextField(_("note"), blank=True, help_text=_("Definition or usage note.")),
        text_version=translation_version_field(),
    )

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["key"]

    def __str__(self):
        return self.safe_translation_getter("term", any_language=True) or self.key

    def forms(self, language):
        """The approved term and its accepted variants in ``language`` ([] if untranslated)."""
        translation = self._translation(language)
        if translation is None:
            return []
        return list(dict.fromkeys([translation.term.strip(), *lines(translation.variants)]))

    def forbidden_forms(self, language):
        translation = self._translation(language)
        return lines(translation.forbidden) if translation is not None else []

    def _translation(self, language):
        # The prefetched rows (``Term.objects.prefetch_related("translations")``): no query.
        for translation in self.translations.all():
            if translation.language_code == language and translation.term.strip():
                return translation
        return None
