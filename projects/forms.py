"""The project list's filters: every value is checked against what exists; an unknown one is
ignored with a message instead of failing."""

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries as all_countries
from parler.utils.i18n import get_active_language_choices

from .models import Project

# Through the relations, not an import: cooperation's pages import projects.
CooperationArea = Project._meta.get_field("cooperation_areas").related_model
Partner = Project._meta.get_field("partners").related_model


def _labels(model, field):
    """(key, label) of published objects, labelled in the page's language or its fallback;
    one query, whatever the number of objects."""
    translations = model._parler_meta.root_model.objects.filter(
        master__in=model.objects.published()
    ).values_list("master__key", "language_code", field)
    preference = get_active_language_choices(translation.get_language())
    best = {}
    for key, language, label in translations:
        if language in preference:
            rank = preference.index(language)
            if key not in best or rank < best[key][0]:
                best[key] = (rank, label)
    return sorted(((key, label) for key, (_rank, label) in best.items()), key=lambda c: c[1])


class ProjectFilterForm(forms.Form):
    STATUS_CHOICES = [
        ("", _("All projects")),
        ("ongoing", _("Ongoing")),
        ("completed", _("Completed")),
    ]

    area = forms.ChoiceField(label=_("Cooperation area"), required=False)
    # A label, capitalised; the model's verbose name "EU partner" is lower case in French.
    partner = forms.ChoiceField(label=pgettext_lazy("filter label", "EU partner"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "All" agrees with the filter's noun: Toutes les régions, Todas las regiones.
        self.fields["area"].choices = [("", pgettext_lazy("any cooperation area", "All"))] + (
            _labels(CooperationArea, "title")
        )
        self.fields["partner"].choices = [("", pgettext_lazy("any EU partner", "All"))] + (
            _labels(Partner, "name")
        )
        published = Project.objects.published()
        codes = set()
        for value in published.values_list("countries", flat=True).distinct():
            codes.update(code for code in (value or "").split(",") if code)
        self.fields["country"].choices = [("", pgettext_lazy("any country", "All"))] + sorted(
            ((code, all_countries.name(code)) for code in codes), key=lambda c: c[1]
        )
        regions = (
            Project._parler_meta.root_model.objects.filter(
                master__in=published, language_code=translation.get_language()
            )
            .exclude(region="")
            .values_list("region", flat=True)
            .distinct()
        )
        self.fields["region"].choices = [("", pgettext_lazy("any region", "All"))] + [
            (r, r) for r in sorted(regions)
        ]

    def filter(self, projects):
        """``projects`` narrowed by the valid filters; invalid ones are left out."""
        if not self.is_bound:
            return projects
        self.is_valid()  # cleaned_data then holds the valid fields only
        data = self.cleaned_data
        if data.get("area"):
            projects = projects.filter(cooperation_areas__key=data["area"])
        if data.get("partner"):
            projects = projects.filter(partners__key=data["partner"])
        if data.get("country"):
            # Stored as "BJ,BF,…": a two-letter code can only match a whole code.
            projects = projects.filter(countries__contains=data["country"])
        if data.get("region"):
            projects = projects.filter(
                translations__language_code=translation.get_language(),
                translations__region=data["region"],
            )
        if data.get("status"):
            projects = projects.ongoing() if data["status"] == "ongoing" else projects.completed()
        return projects
