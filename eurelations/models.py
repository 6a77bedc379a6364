"""Abstract bases shared by every content model: audit, optimistic locking and publication."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.cache import is_missing
from parler.managers import TranslatableManager, TranslatableQuerySet
from parler.models import TranslatableModel


def source_hash_field():
    """A translation's memory of the source text it was made from (see translation_status)."""
    return models.CharField(_("source hash"), max_length=64, blank=True, editable=False)


class StaleObjectError(Exception):
    """Raised when a save is based on an out-of-date copy of the row (optimistic locking)."""


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class ContentQuerySet(TranslatableQuerySet):
    def with_translations(self):
        # One query for all translations instead of one per object (django-parler #3, #103).
        return self.prefetch_related("translations")


class PublishableQuerySet(ContentQuerySet):
    def published(self):
        """What the public may see: published, and its scheduled time (if any) has come."""
        return self.filter(status=PublicationStatus.PUBLISHED).filter(
            Q(publish_at__isnull=True) | Q(publish_at__lte=timezone.now())
        )

    def visible_to(self, user):
        """What ``user`` may open: the published items, and for staff who may view this model
        in the admin also drafts and scheduled items (the admin's "View on site" preview)."""
        opts = self.model._meta
        if (
            user.is_authenticated
            and user.is_staff
            and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
        ):
            return self
        return self.published()


class VersionedContentModel(TranslatableModel):
    """Timestamps, who changed it, and a ``version`` counter for optimistic locking."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = TranslatableManager.from_queryset(ContentQuerySet)()

    class Meta:
        abstract = True

    def validate_constraints(self, exclude=None):
        """Also check the translations' constraints (the per-language unique slug): parler's
        model validation only runs ``validate_unique`` on them, its forms do both."""
        errors = {}
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for cached in self._translations_cache.values():
            for translation in cached.values():
                if is_missing(translation):
                    continue
                try:
                    translation.validate_constraints(exclude=["master"])
                except ValidationError as error:
                    errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self._state.adding:
            return super().save(*args, **kwargs)
        # Compare-and-swap on the version: a save based on a copy that someone else has saved
        # since fails instead of silently overwriting their work.
        expected = self.version
        with transaction.atomic(using=kwargs.get("using")):
            swapped = (
                type(self)
                ._base_manager.filter(pk=self.pk, version=expected)
                .update(version=expected + 1)
            )
            if not swapped:
                raise StaleObjectError(
                    f"{self._meta.label} {self.pk} was changed by someone else (version {expected})."
                )
            self.version = expected + 1
            return super().save(*args, **kwargs)


class PublishableModel(VersionedContentModel):
    """A public content model: draft or published, optionally from a scheduled time."""

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        db_index=True,
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_("Leave empty to publish immediately; a future time schedules publication."),
    )

    objects = TranslatableManager.from_queryset(PublishableQuerySet)()

    class Meta:
        abstract = True

    @property
    def is_public(self):
        return self.status == PublicationStatus.PUBLISHED and (
            self.publish_at is None or self.publish_at <= timezone.now()
        )

    def slug_for(self, language_code):
        """This object's slug in ``language_code``, or in its fallback language."""
        return self.safe_translation_getter("slug", language_code=language_code)


class FlatPageTranslation(models.Model):
    """The source hash a flatpage's translation was made from (flatpages are not our model, so
    the hash that parler's translation rows carry in ``source_hash`` lives here)."""

    flatpage = models.ForeignKey(
        "flatpages.FlatPage",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="translation_hashes",
    )
    language_code = models.CharField(_("language"), max_length=15)
    source_hash = models.CharField(_("source hash"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("page translation")
        verbose_name_plural = _("page translations")
        constraints = [
            models.UniqueConstraint(
                fields=["flatpage", "language_code"], name="flatpagetranslation_one_per_language"
            )
        ]

    def __str__(self):
        return f"{self.flatpage_id} [{self.language_code}]"


class TranslationStatus(models.Model):
    """No table: the admin's translation dashboard, and the holder of the content permissions
    (one per language, so a translator's rights are enforced on the server)."""

    class Meta:
        managed = False
        verbose_name = _("translation status")
        verbose_name_plural = _("translation status")
        default_permissions = ("view",)
        permissions = [
            ("translate_ar", _("Can edit the Arabic text of the content")),
            ("translate_en", _("Can edit the English text of the content")),
            ("translate_fr", _("Can edit the French text of the content")),
            ("translate_es", _("Can edit the Spanish text of the content")),
            ("edit_shared_fields", _("Can edit fields shared by every language")),
            ("publish_content", _("Can publish and unpublish content")),
        ]

    def __str__(self):
        return str(self._meta.verbose_name)
