"""The partnership page's own text, the office's objectives, cooperation areas and EU partners."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableManager
from parler.models import TranslatableModel, TranslatedFields

from eurelations import history, images
from eurelations.models import ContentQuerySet, PublishableModel, source_hash_field
from eurelations.richtext import RichTextField


def unique_slug_per_language(model_name):
    # parler's unique=True would span all languages (django-parler #344): the same slug may
    # exist once per language, never twice in one.
    return models.UniqueConstraint(
        fields=["language_code", "slug"], name=f"{model_name}_slug_unique_per_language"
    )


def slug_field():
    return models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=True,
        help_text=_("The last part of the address in this language; Arabic letters are allowed."),
    )


@history.register(follow=["objectives"])
class Partnership(PublishableModel):
    """The page "INTERPOL and the European Union": one row only."""

    # Always True; the unique constraint on it is what makes this model a singleton.
    singleton = models.BooleanField(default=True, editable=False)
    office_city = models.CharField(_("office city"), max_length=100, blank=True)
    image = images.image_field(_("hero image"))
    image_width = images.dimension_field()
    image_height = images.dimension_field()
    # Renditions (no columns): WebP for srcset at images.RENDITION_WIDTHS, JPEG for Open Graph.
    image_480 = images.rendition(480)
    image_960 = images.rendition(960)
    image_1600 = images.rendition(1600)
    image_og = images.og_rendition()

    translations = TranslatedFields(
        source_hash=source_hash_field(),
        image_alt=images.alt_text_field(),
        title=models.CharField(_("title"), max_length=200),
        lead=models.CharField(_("lead"), max_length=500, blank=True),
        introduction=RichTextField(_("introduction"), blank=True),
        office_description=RichTextField(_("office description"), blank=True),
        areas_heading=models.CharField(_("cooperation areas heading"), max_length=200, blank=True),
        projects_heading=models.CharField(_("projects heading"), max_length=200, blank=True),
        projects_introduction=models.TextField(_("projects introduction"), blank=True),
        partners_heading=models.CharField(_("partners heading"), max_length=200, blank=True),
        agencies_heading=models.CharField(_("EU agencies heading"), max_length=200, blank=True),
        agencies_introduction=models.TextField(_("EU agencies introduction"), blank=True),
        institutions_heading=models.CharField(
            _("EU institutions heading"), max_length=200, blank=True
        ),
        institutions_introduction=models.TextField(_("EU institutions introduction"), blank=True),
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
class Objective(TranslatableModel):
    """One of the Brussels office's objectives, in the order they are listed."""

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
        source_hash=source_hash_field(),
        text=models.TextField(_("text")),
    )

    objects = TranslatableManager.from_queryset(ContentQuerySet)()

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["order", "pk"]

    def __str__(self):
        text = self.safe_translation_getter("text", any_language=True) or self.key
        return text[:80]


@history.register()
class CooperationArea(PublishableModel):
    """A major area of cooperation between INTERPOL and the EU."""

    key = models.SlugField(
        _("key"),
        max_length=60,
        unique=True,
        help_text=_("Stable identifier used by the seed content and by content exchange."),
    )
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)
    image = images.image_field(_("image"))
    image_width = images.dimension_field()
    image_height = images.dimension_field()
    # Renditions (no columns): WebP for srcset at images.RENDITION_WIDTHS, JPEG for Open Graph.
    image_480 = images.rendition(480)
    image_960 = images.rendition(960)
    image_1600 = images.rendition(1600)
    image_og = images.og_rendition()

    translations = TranslatedFields(
        source_hash=source_hash_field(),
        image_alt=images.alt_text_field(),
        title=models.CharField(_("title"), max_length=200),
        slug=slug_field(),
        summary=models.TextField(_("summary"), blank=True),
        body=RichTextField(_("body"), blank=True),
        meta={"constraints": [unique_slug_per_language("cooperationarea")]},
    )

    class Meta:
        verbose_name = _("cooperation area")
        verbose_name_plural = _("cooperation areas")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.key

    def get_absolute_url(self, language=None):
        language = language or translation.get_language()
        with translation.override(language):
            return reverse("cooperation:area_detail", kwargs={"slug": self.slug_for(language)})


class PartnerKind(models.TextChoices):
    AGENCY = "agency", _("EU agency")
    INSTITUTION = "institution", _("EU institution")


@history.register()
class Partner(PublishableModel):
    """An EU agency or EU institution that INTERPOL works with."""

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
    image_width = images.dimension_field()
    image_height = images.dimension_field()
    # Renditions (no columns): WebP for srcset at images.RENDITION_WIDTHS, JPEG for Open Graph.
    image_480 = images.rendition(480)
    image_960 = images.rendition(960)
    image_1600 = images.rendition(1600)
    image_og = images.og_rendition()

    translations = TranslatedFields(
        source_hash=source_hash_field(),
        image_alt=images.alt_text_field(),
        name=models.CharField(_("name"), max_length=200),
        acronym=models.CharField(_("acronym"), max_length=30, blank=True),
        slug=slug_field(),
        description=RichTextField(_("description of the cooperation"), blank=True),
        meta={"constraints": [unique_slug_per_language("partner")]},
    )

    class Meta:
        verbose_name = _("EU partner")
        verbose_name_plural = _("EU partners")
        ordering = ["kind", "order", "pk"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.key

    def get_absolute_url(self, language=None):
        language = language or translation.get_language()
        with translation.override(language):
            return reverse("cooperation:partner_detail", kwargs={"slug": self.slug_for(language)})
