"""Abstract bases shared by every content model: what makes a model content (the registry
finds it by its base), audit, optimistic locking and publication; the per-language slug."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from parler.cache import is_missing
from parler.managers import TranslatableManager
from parler.models import TranslatableModel

from content.addresses import detail_url
from content.querysets import ContentQuerySet, PublicationStatus, PublishableQuerySet


class StaleObjectError(Exception):
    """Raised when a save is based on an out-of-date copy of the row (optimistic locking)."""


def advance_counter(row, field, stale_message):
    """Raise ``row``'s version counter ``field`` by one in the database, if it still holds the
    value this copy was read with (one UPDATE: compare and increment at once); the new value,
    or StaleObjectError when someone else has saved since."""
    expected = getattr(row, field)
    rows = type(row)._base_manager.filter(pk=row.pk, **{field: expected})
    if not rows.update(**{field: expected + 1}):
        raise StaleObjectError(f"{stale_message} (version {expected}).")
    return expected + 1


#: The longest plain text a translated field holds (a summary, an introduction): ten times the
#: longest in the seed, and small enough that no page that shows it becomes megabytes.
PLAIN_TEXT_MAX_LENGTH = 2000


def plain_text_field(verbose_name, max_length=PLAIN_TEXT_MAX_LENGTH, **kwargs):
    """A TextField of plain text with a length limit that the model, the admin's form and the
    PO import enforce (Django's TextField only passes max_length to the form)."""
    return models.TextField(
        verbose_name, max_length=max_length, validators=[MaxLengthValidator(max_length)], **kwargs
    )


def slug_field():
    return models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=True,
        help_text=_("The last part of the address in this language; Arabic letters are allowed."),
    )


def unique_slug_per_language(model_name):
    # parler's unique=True would span all languages (django-parler #344): the same slug may
    # exist once per language, never twice in one.
    return models.UniqueConstraint(
        fields=["language_code", "slug"], name=f"{model_name}_slug_unique_per_language"
    )


class ContentModel(TranslatableModel):
    """Translated content: the registry (``content.registry``) finds every subclass, so
    cache invalidation, search, sitemaps, translation status and PO exchange cover it."""

    #: The translated field that names an object (lists, dashboards).
    title_field = "title"
    #: The URL name of its public page (``slug`` argument), or None if it has none of its own.
    detail_url_name = None

    objects = TranslatableManager.from_queryset(ContentQuerySet)()

    class Meta:
        abstract = True

    @property
    def content_key(self):
        """Names the object in a way that survives a database copy (PO contexts)."""
        return self.key

    def get_admin_url(self, language):
        """Where staff edit this object's text in ``language``."""
        opts = self._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.pk])
        return f"{url}?language={language}"


class LockedModel(TranslatableModel):
    """A parler model with optimistic locking: a ``version`` counter for the fields every
    language shares, and each translation row's ``text_version`` (``translation_version_field``).
    The content's base (``LockedContentModel``), and the glossary's, which is not content."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

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
            for row in cached.values():
                if is_missing(row):
                    continue
                try:
                    row.validate_constraints(exclude=["master"])
                except ValidationError as error:
                    errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self._state.adding:
            return super().save(*args, **kwargs)
        # Optimistic locking, per language for the text (``save_translation``) plus one counter
        # for the fields every language shares: a save that changes shared fields based on a
        # copy someone else has saved since fails instead of silently overwriting their work.
        # Saving only one language's text leaves the shared counter alone, so two people on
        # different language tabs never conflict.
        with transaction.atomic(using=kwargs.get("using")):
            if self._shared_fields_changed():
                self.version = advance_counter(
                    self, "version", f"{self._meta.label} {self.pk} was changed by someone else"
                )
            self.shared_fields_edited = False
            return super().save(*args, **kwargs)

    def _shared_fields_changed(self):
        """Does this save write a shared field other than what the database holds (or did a
        form say it changes one that is not on the row, a many-to-many link)?"""
        if getattr(self, "shared_fields_edited", False):
            return True
        current = type(self)._base_manager.select_for_update().filter(pk=self.pk).first()
        if current is None:
            return True
        return any(
            field.get_prep_value(getattr(current, field.attname))
            != field.get_prep_value(getattr(self, field.attname))
            for field in self._meta.concrete_fields
            if not field.primary_key and field.name not in UNVERSIONED_FIELDS
        )

    def save_translation(self, translation, *args, **kwargs):
        """A language's own counter: saving text based on an out-of-date copy of that language
        fails; other languages are not concerned."""
        if translation.pk is not None and translation.is_modified and _has_version(translation):
            translation.text_version = advance_counter(
                translation,
                "text_version",
                f"The {translation.language_code} text of {self._meta.label} {self.pk} was "
                "changed by someone else",
            )
        return super().save_translation(translation, *args, **kwargs)


class LockedContentModel(LockedModel, ContentModel):
    """Content with optimistic locking (``LockedModel``)."""

    class Meta:
        abstract = True


class VersionedContentModel(LockedContentModel):
    """Timestamps and who changed it, with the optimistic locking of ``LockedContentModel``."""

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

    class Meta:
        abstract = True


#: What a save writes by itself: never a reason for a conflict.
UNVERSIONED_FIELDS = {"version", "created_at", "updated_at", "created_by", "updated_by"}


def _has_version(translation):
    return any(field.name == "text_version" for field in translation._meta.concrete_fields)


def translation_version_field():
    """The per-language counter of a parler translation row, ``text_version``
    (``LockedContentModel.save_translation``; parler refuses the master's own name)."""
    return models.PositiveIntegerField(_("text version"), default=1, editable=False)


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

    def get_absolute_url(self, language=None):
        language = language or translation.get_language()
        return detail_url(self.detail_url_name, self.slug_for(language), language)


class ContentRights(models.Model):
    """No table: holds the editorial permissions that are not about one model. Per-language
    rights are ``translations.LanguageRights``."""

    class Meta:
        managed = False
        verbose_name = _("content rights")
        verbose_name_plural = _("content rights")
        default_permissions = ()
        permissions = [
            ("edit_shared_fields", _("Can edit fields shared by every language")),
            ("publish_content", _("Can publish and unpublish content")),
        ]

    def __str__(self):
        return str(self._meta.verbose_name)
