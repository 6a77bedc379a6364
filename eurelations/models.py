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
