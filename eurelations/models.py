"""Abstract bases shared by every content model: what makes a model content (the registry
finds it by its base), audit, optimistic locking and publication; the per-language slug."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models, transaction
from django.db.models import Q
from django.db.models.query import ModelIterable
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from parler.cache import is_missing
from parler.managers import TranslatableManager, TranslatableQuerySet
from parler.models import TranslatableModel
from parler.utils.i18n import get_active_language_choices

from eurelations.addresses import detail_url


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


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


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


class FetchedTranslations:
    """An object's translations fetched with it (``TranslationsIterable``), kept where Django
    keeps a prefetch (``_prefetched_objects_cache``): parler's getters and fallbacks,
    ``get_available_languages()``, and ``obj.translations.all()``, ``count()`` and
    ``exists()`` read it without a query. Any other queryset method (``filter``, ``get``...)
    asks the database, for this object's translations."""

    def __init__(self, rows, master):
        self._rows = rows
        self._master = master

    def __iter__(self):
        return iter(self._rows)

    def __len__(self):
        return len(self._rows)

    def __getitem__(self, index):
        return self._rows[index]

    def all(self):
        return self

    def count(self):
        return len(self._rows)

    def exists(self):
        return bool(self._rows)

    def __getattr__(self, name):
        if name.startswith("_"):  # copy and pickle look for hooks before __init__ has run
            raise AttributeError(name)
        rows = self._master._parler_meta.root_model._base_manager.filter(master=self._master)
        return getattr(rows, name)


class TranslationsIterable(ModelIterable):
    """The objects, then their translations (in ``queryset._translation_languages``, or all)
    in one more query.

    Not Django's prefetch: that builds a related queryset per object to hold its rows, about
    a third of the cost of a list of twelve with their translations."""

    # Bound to the number of query parameters SQLite accepts, for a long iterator().
    BATCH = 1000

    def __iter__(self):
        objects = list(super().__iter__())
        languages = self.queryset._translation_languages
        meta = self.queryset.model._parler_meta
        found = {}
        for start in range(0, len(objects), self.BATCH):
            rows = meta.root_model._base_manager.using(self.queryset.db).filter(
                master_id__in=[obj.pk for obj in objects[start : start + self.BATCH]]
            )
            if languages is not None:
                rows = rows.filter(language_code__in=languages)
            for row in rows:
                found.setdefault(row.master_id, []).append(row)
        for obj in objects:
            rows = found.get(obj.pk, [])
            for row in rows:
                row._state.fields_cache["master"] = obj
            obj.__dict__.setdefault("_prefetched_objects_cache", {})[meta.root_rel_name] = (
                FetchedTranslations(rows, obj)
            )
            yield obj


class ContentQuerySet(TranslatableQuerySet):
    #: The languages ``TranslationsIterable`` fetches with the objects (None: all of them).
    _translation_languages = None

    def with_translations(self):
        """Each object with all its translations: one query for all of them instead of one
        per object (django-parler #3, #103)."""
        return self._with_translations_in(None)

    def with_shown_translations(self):
        """Like ``with_translations()``, but only the languages a page in the active language
        can show: its own and its fallbacks (half the rows in Arabic or English). For the
        objects a page lists; the object a page is about needs every language it has (its
        alternates)."""
        return self._with_translations_in(
            tuple(get_active_language_choices(translation.get_language()))
        )

    def _with_translations_in(self, languages):
        clone = self._chain()
        clone._translation_languages = languages
        clone._iterable_class = TranslationsIterable
        return clone

    def _clone(self):
        clone = super()._clone()
        clone._translation_languages = self._translation_languages
        return clone

    def get_by_slug(self, slug):
        """The object whose slug is ``slug`` in the active language; failing that, in its
        fallback languages, then in any language (a visitor may follow a link made for another
        language). 404 when none has it.

        Each lookup matches language and slug on the same translation row, in a subquery, so
        an object is never listed once per translation (django-parler #330, #281).
        """
        language = translation.get_language()
        obj = self._first_with_slug([language], slug)
        if obj is None:
            preference = get_active_language_choices(language)
            every = [code for code, _name in settings.LANGUAGES]
            preference += [code for code in every if code not in preference]
            obj = self._first_with_slug(preference[1:], slug)
        if obj is None:
            raise Http404("No such page.")
        return obj

    def _first_with_slug(self, languages, slug):
        # A subquery, not a join: no DISTINCT (the slug may be the object's in several of the
        # languages), answered from the (language, slug) unique index.
        rows = self.model._parler_meta.root_model._base_manager.filter(
            language_code__in=languages, slug=slug
        )
        candidates = list(self.filter(pk__in=rows.values("master_id")).with_translations())
        if not candidates:
            return None

        # Several objects may use this slug in different languages: prefer the earliest.
        def rank(obj):
            owned = {t.language_code for t in obj.translations.all() if t.slug == slug}
            return min(languages.index(code) for code in owned if code in languages)

        return min(candidates, key=rank)


class PublishableQuerySet(ContentQuerySet):
    def published(self):
        """What the public may see: published, and its scheduled time (if any) has come."""
        # One filter() call: each call clones the query and resolves its lookups again.
        return self.filter(
            Q(status=PublicationStatus.PUBLISHED)
            & (Q(publish_at__isnull=True) | Q(publish_at__lte=timezone.now()))
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


class ContentModel(TranslatableModel):
    """Translated content: the registry (``eurelations.registry``) finds every subclass, so
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


class LockedContentModel(ContentModel):
    """Content with optimistic locking: a ``version`` counter for the fields every language
    shares, and each translation row's ``text_version`` (``translation_version_field``)."""

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
