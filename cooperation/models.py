"""The partnership page's own text, the office's objectives, cooperation areas and EU partners."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableManager
from parler.models import TranslatedFields

from content import history, images
from content.models import (
    LockedContentModel,
    PublishableModel,
    PublishableQuerySet,
    plain_text_field,
    slug_field,
    translation_version_field,
    unique_slug_per_language,
)
from content.richtext import RichTextField


@history.register(follow=["objectives"])
class Partnership(images.IllustratedModel, PublishableModel):
    """The page "INTERPOL and the European Union": one row only."""

    # Always True; the unique constraint on it is what makes this model a singleton.
    singleton = models.BooleanField(default=True, editable=False)
    office_city = models.CharField(_("office city"), max_length=100, blank=True)
    image = images.image_field(_("hero image"))

    translations = TranslatedFields(
        text_version=translation_version_field(),
        image_alt=images.alt_text_field(),
        title=models.CharField(_("title"), max_length=200),
        lead=models.CharField(_("lead"), max_length=500, blank=True),
        introduction=RichTextField(_("introduction"), blank=True),
        office_description=RichTextField(_("office description"), blank=True),
        areas_heading=models.CharField(_("cooperation areas heading"), max_length=200, blank=True),
        projects_heading=models.CharField(_("projects heading"), max_length=200, blank=True),
        projects_introduction=plain_text_field(_("projects introduction"), blank=True),
        partners_heading=models.CharField(_("partners heading"), max_length=200, blank=True),
        agencies_heading=models.CharField(_("EU agencies heading"), max_length=200, blank=True),
        agencies_introduction=plain_text_field(_("EU agencies introduction"), blank=True),
        institutions_heading=models.CharField(
            _("EU institutions heading"), max_length=200, blank=True
        ),
        institutions_introduction=plain_text_field(_("EU institutions introduction"), blank=True),
    )

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnership")
        constraints = [
            models.UniqueConstraint(fields=["singleton"], name="partnership_single_row"),
            models.CheckConstraint(condition=Q(singleton=True), name="partnership_singleton_true"),
        ]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or str(_("Partnership"))

    @property
    def content_key(self):
        return "main"  # the one partnership

    def clean(self):
        super().clean()
        if Partnership.objects.exclude(pk=self.pk).exists():
            raise ValidationError(_("There is only one partnership; edit the existing one."))

    def get_absolute_url(self, language=None):
        with translation.override(language or translation.get_language()):
            return reverse("home")

    @classmethod
    def load(cls):
        """The partnership, or None before the content is loaded."""
        return cls.objects.with_translations().first()


@history.register()
class Objective(LockedContentModel):
    """One of the Brussels office's objectives, in the order they are listed."""

    title_field = "text"

    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="objectives",
    )
    key = models.SlugField(
        _("key"),
        max_length=60,
        unique=True,
        help_text=_("Stable identifier used by the seed content and by content exchange."),
    )
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    translations = TranslatedFields(
        text_version=translation_version_field(),
        text=plain_text_field(_("text")),
    )

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["order", "pk"]

    def __str__(self):
        text = self.safe_translation_getter("text", any_language=True) or self.key
        return text[:80]

    def get_admin_url(self, language):
        # Objectives are edited inline on the partnership's page.
        return self.partnership.get_admin_url(language)


@history.register()
class CooperationArea(images.IllustratedModel, PublishableModel):
    """A major area of cooperation between INTERPOL and the EU."""

    detail_url_name = "cooperation:area_detail"
    search_fields = ("title", "summary", "body")
    search_result_fields = ("title", "summary")
    # The list filter's options are their keys and titles (``content.registry.list_field_names``).
    list_fields = ("key", "title")

    key = models.SlugField(
        _("key"),
        max_length=60,
        unique=True,
        help_text=_("Stable identifier used by the seed content and by content exchange."),
    )
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    translations = TranslatedFields(
        text_version=translation_version_field(),
        image_alt=images.alt_text_field(),
        title=models.CharField(_("title"), max_length=200),
        slug=slug_field(),
        summary=plain_text_field(_("summary"), blank=True),
        body=RichTextField(_("body"), blank=True),
        meta={"constraints": [unique_slug_per_language("cooperationarea")]},
    )

    class Meta:
        verbose_name = _("cooperation area")
        verbose_name_plural = _("cooperation areas")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.key


class PartnerKind(models.TextChoices):
    AGENCY = "agency", _("EU agency")
    # Only the seven of Art. 13 TEU; the EEAS, for one, is a body of the Union, not one of them.
    INSTITUTION = "institution", _("EU institution")
    BODY = "body", _("Other EU body")


class PartnerQuerySet(PublishableQuerySet):
    def split_by_kind(self):
        """(EU agencies, EU institutions, other EU bodies), in one query."""
        partners = list(self)
        return tuple(
            [p for p in partners if p.kind == kind]
            for kind in (PartnerKind.AGENCY, PartnerKind.INSTITUTION, PartnerKind.BODY)
        )


@history.register()
class Partner(images.IllustratedModel, PublishableModel):
    """An EU agency, EU institution or other EU body that INTERPOL works with."""

    title_field = "name"
    detail_url_name = "cooperation:partner_detail"
    search_fields = ("name", "acronym", "description")
    search_result_fields = ("name", "description")
    list_fields = ("key", "name")  # as the areas'

    key = models.SlugField(
        _("key"),
        max_length=60,
        unique=True,
        help_text=_("Stable identifier used by the seed content and by content exchange."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices, db_index=True)
    website = models.URLField(_("website"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)
    image = images.image_field(_("logo"))

    translations = TranslatedFields(
        text_version=translation_version_field(),
        image_alt=images.alt_text_field(),
        name=models.CharField(_("name"), max_length=200),
        acronym=models.CharField(_("acronym"), max_length=30, blank=True),
        slug=slug_field(),
        description=RichTextField(_("description of the cooperation"), blank=True),
        meta={"constraints": [unique_slug_per_language("partner")]},
    )

    objects = TranslatableManager.from_queryset(PartnerQuerySet)()

    class Meta:
        verbose_name = _("EU partner")
        verbose_name_plural = _("EU partners")
        ordering = ["kind", "order", "pk"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.key
