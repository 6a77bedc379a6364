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


class StoredFieldStatus(models.Model):
    """The status of one translated field in one language, as ``translations.status``'s rule
    last decided it: kept current as content changes (``translations.store``), so the
    translation status page and the dashboard read it with indexed queries instead of deciding
    every field of every object on each visit. Statuses sort as the work they need:
    "missing" < "stale" < "up_to_date"."""

    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        verbose_name=_("content type"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    language_code = models.CharField(_("language"), max_length=15)
    field = models.CharField(_("field"), max_length=100)
    status = models.CharField(_("status"), max_length=12)

    class Meta:
        verbose_name = _("stored translation status")
        verbose_name_plural = _("stored translation statuses")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language_code", "field"],
                name="storedfieldstatus_one_per_field",
            )
        ]
        # The status page's list, in its order, whichever filters are set.
        indexes = [
            models.Index(
                fields=["status", "language_code", "content_type", "object_id", "field"],
                name="storedstatus_by_status",
            ),
            models.Index(
                fields=["language_code", "status", "content_type", "object_id", "field"],
                name="storedstatus_by_language",
            ),
            models.Index(
                fields=["content_type", "status", "language_code", "object_id", "field"],
                name="storedstatus_by_type",
            ),
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} {self.field} [{self.language_code}]"


class StoredStatusCount(models.Model):
    """How many fields of a type are in each status, per field and language: the sums of
    ``StoredFieldStatus``, kept with it, so a summary is a few hundred rows, not millions."""

    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        verbose_name=_("content type"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    field = models.CharField(_("field"), max_length=100)
    language_code = models.CharField(_("language"), max_length=15)
    status = models.CharField(_("status"), max_length=12)
    count = models.PositiveBigIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("translation status count")
        verbose_name_plural = _("translation status counts")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "field", "language_code", "status"],
                name="storedstatuscount_one_per_cell",
            )
        ]

    def __str__(self):
        return f"{self.content_type_id} {self.field} [{self.language_code}] {self.status}"


class StoredObjectCount(models.Model):
    """How many objects of a type are in each status per language, an object counting once, as
    its field needing the most work (missing, else stale, else up to date): what the dashboard
    shows as items to translate. Kept with ``StoredFieldStatus`` (``translations.store``); a
    distinct count over its rows would read millions of them."""

    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        verbose_name=_("content type"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    language_code = models.CharField(_("language"), max_length=15)
    status = models.CharField(_("status"), max_length=12)
    count = models.PositiveBigIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("translation status count of items")
        verbose_name_plural = _("translation status counts of items")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "language_code", "status"],
                name="storedobjectcount_one_per_cell",
            )
        ]

    def __str__(self):
        return f"{self.content_type_id} [{self.language_code}] {self.status}"
