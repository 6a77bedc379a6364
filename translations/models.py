"""Who may translate what: the per-language rights (a holder without a table)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LanguageRights(models.Model):
    """No table: holds one permission per language, so a translator's rights are enforced on
    the server ("Can edit the French text of the content"), and the right to see the
    translation dashboard."""

    class Meta:
        managed = False
        verbose_name = _("translation status")
        verbose_name_plural = _("translation status")
        default_permissions = ()
        permissions = [
            ("translate_ar", _("Can edit the Arabic text of the content")),
            ("translate_en", _("Can edit the English text of the content")),
            ("translate_fr", _("Can edit the French text of the content")),
            ("translate_es", _("Can edit the Spanish text of the content")),
            ("view_translation_status", _("Can see the translation status")),
        ]

    def __str__(self):
        return str(self._meta.verbose_name)


class FieldConfirmation(models.Model):
    """The source text a translated field was last confirmed against.

    One row per object, language and field. A translated field is *up to date* while its
    source field still reads ``source_text``, *stale* once the source changed (or when it was
    never confirmed), *missing* when empty. Confirming is explicit: editing the field in that
    language, ticking "translation reviewed", or importing its PO entry with the fuzzy flag
    cleared (``translations.status``). The same table serves our parler models and flatpages,
    so there is one rule; keeping the text (not a hash) lets a stale export show translators
    the previous source (``#| msgid``).
    """

    content_type = models.ForeignKey(
        "contenttypes.ContentType", verbose_name=_("content type"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    language_code = models.CharField(_("language"), max_length=15)
    field = models.CharField(_("field"), max_length=100)
    source_text = models.TextField(_("source text"), blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), auto_now=True)

    class Meta:
        verbose_name = _("translation confirmation")
        verbose_name_plural = _("translation confirmations")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language_code", "field"],
                name="fieldconfirmation_one_per_field",
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} {self.field} [{self.language_code}]"
