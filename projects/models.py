"""EU-funded projects that INTERPOL runs."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from parler.managers import TranslatableManager
from parler.models import TranslatedFields

from content import history, images
from content.models import (
    PublishableModel,
    PublishableQuerySet,
    plain_text_field,
    slug_field,
    translation_version_field,
    unique_slug_per_language,
)
from content.richtext import RichTextField


class ProjectQuerySet(PublishableQuerySet):
    def ongoing(self):
        today = timezone.localdate()
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=today))

    def completed(self):
        return self.filter(end_date__lt=timezone.localdate())

    def featured(self):
        """The home page's selection, in the order staff set."""
        return self.filter(featured=True).order_by("order", "pk")


@history.register()
class Project(images.IllustratedModel, PublishableModel):
    title_field = "name"
    detail_url_name = "projects:project_detail"
    search_fields = ("name", "summary", "description", "region", "master__code")
    search_result_fields = ("name", "summary")
    # On PostgreSQL each translation row keeps its search document (of search_fields' own
    # fields) in this column (migration 0009): the one content that grows to 100,000s.
    search_document_column = "search_document"
    # What the list's filters offer (``content.registry.list_field_names``).
    list_fields = ("key", "countries", "region")

    key = models.SlugField(
        _("key"),
        max_length=60,
        unique=True,
        help_text=_("Stable identifier used by the seed content and by content exchange."),
    )
    code = models.CharField(
        _("short code"), max_length=30, blank=True, help_text=_("For example WAPIS or iARMS.")
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    eu_contribution = models.DecimalField(
        _("EU contribution (EUR)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)
    # Named, not imported: cooperation's pages list projects, so the import runs that way only.
    cooperation_areas = models.ManyToManyField(
        "cooperation.CooperationArea",
        verbose_name=_("cooperation areas"),
        related_name="projects",
        blank=True,
    )
    partners = models.ManyToManyField(
        "cooperation.Partner", verbose_name=_("EU partners"), related_name="projects", blank=True
    )
    website = models.URLField(_("website"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)
    featured = models.BooleanField(
        _("featured on the home page"),
        default=False,
        help_text=_("The home page shows a few featured projects, in their order."),
    )

    translations = TranslatedFields(
        text_version=translation_version_field(),
        image_alt=images.alt_text_field(),
        name=models.CharField(_("name"), max_length=200),
        slug=slug_field(),
        summary=plain_text_field(_("summary"), blank=True),
        description=RichTextField(_("description"), blank=True),
        region=models.CharField(
            _("region"),
            max_length=200,
            blank=True,
            help_text=_("Where the project works, when it is a region rather than countries."),
        ),
        meta={"constraints": [unique_slug_per_language("project")]},
    )

    objects = TranslatableManager.from_queryset(ProjectQuerySet)()

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["order", "pk"]
        indexes = [
            # The home page's selection: a handful of rows, whatever the number of projects.
            models.Index(
                fields=["order", "id"], condition=Q(featured=True), name="project_featured_order"
            ),
            # Search matches a short code typed in any case ("wapis") without a table scan.
            models.Index(Upper("code"), name="project_code_upper"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="project_end_not_before_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.CheckConstraint(
                condition=Q(eu_contribution__isnull=True) | Q(eu_contribution__gte=0),
                name="project_eu_contribution_not_negative",
                violation_error_message=_("The EU contribution cannot be negative."),
            ),
        ]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.key

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
