"""The project list's filters: every value is checked against what exists; an unknown one is
ignored with a message instead of failing."""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.cache import caches
from django.forms.boundfield import BoundField
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries as all_countries
from parler.utils.i18n import get_active_language_choices

from content.cachetags import list_tag
from pagecache.invalidation import tag_version

from .models import Project

# An entry outlives no version: a new one is asked for by its key; the timeout only bounds
# the memory an idle language's entry holds.
CHOICES_SECONDS = 24 * 3600

# Through the relations, not an import: cooperation's pages import projects.
CooperationArea = Project._meta.get_field("cooperation_areas").related_model
Partner = Project._meta.get_field("partners").related_model


def _labels(model, field, preference):
    """(key, label) of published objects, labelled in the page's language or its fallback;
    one query over the rows of those languages only."""
    translations = model._parler_meta.root_model.objects.filter(
        master__in=model.objects.published(), language_code__in=preference
    ).values_list("master__key", "language_code", field)
    best = {}
    for key, language, label in translations:
        rank = preference.index(language)
        if key not in best or rank < best[key][0]:
            best[key] = (rank, label)
    return sorted(((key, label) for key, (_rank, label) in best.items()), key=lambda c: c[1])


def _compute_choices(language):
    preference = get_active_language_choices(language)
    published = Project.objects.published()
    codes = set()
    # order_by(): the model's ordering would make DISTINCT run over (countries, order, id),
    # one row per project.
    for value in published.order_by().values_list("countries", flat=True).distinct():
        codes.update(code for code in (value or "").split(",") if code)
    regions = (
        Project._parler_meta.root_model.objects.filter(
            master__in=published, language_code=language
        )
        .exclude(region="")
        .order_by()
        .values_list("region", flat=True)
        .distinct()
    )
    return {
        "area": _labels(CooperationArea, "title", preference),
        "partner": _labels(Partner, "name", preference),
        "country": sorted(
            ((code, str(all_countries.name(code))) for code in codes), key=lambda c: c[1]
        ),
        "region": [(region, region) for region in sorted(regions)],
    }


def choices_version():
    """Changes with the lists of projects, areas and partners (``content.cachetags.list_tag``:
    what is published, and the fields the filters offer), which it records on the page."""
    return tag_version(*(list_tag(model) for model in (Project, CooperationArea, Partner)))


def filter_choices(language, version=None):
    """The filters' values that exist, in ``language``: computed once per ``choices_version``
    (a saved change of what they offer shows at once) rather than read from every project on
    every request."""
    store = caches[settings.CACHE_MIDDLEWARE_ALIAS]
    if version is None:
        version = choices_version()
    key = f"projects:filter-choices:{version}:{language}"
    choices = store.get(key)
    if choices is None:
        with translation.override(language):  # country names are in the active language
            choices = _compute_choices(language)
        store.set(key, choices, timeout=CHOICES_SECONDS)
    return choices


# "All" agrees with each filter's noun: Toutes les régions, Tous les pays, Todas las regiones.
ALL = {
    "area": pgettext_lazy("any cooperation area", "All"),
    "partner": pgettext_lazy("any EU partner", "All"),
    "country": pgettext_lazy("any country", "All"),
    "region": pgettext_lazy("any region", "All"),
}


# Each filter's <select>, rendered: {(version, language, name, value, invalid): html}. Its
# options are the same for every request of a version and language, and a <select> with one
# option chosen renders the same whoever asks, so each is rendered once per process (the
# widget templates cost a list page a fifth of its time). Values that are not an option render
# alike (nothing chosen, marked invalid): the entries are bounded by the options, whatever
# visitors type. Cleared when full, which a new version's entries make it in time.
_RENDERED_FILTERS = {}
RENDERED_FILTERS_MAX = 4096
_NOT_AN_OPTION = object()


class _RememberedSelect(BoundField):
    def as_widget(self, widget=None, attrs=None, only_initial=False):
        form = self.form
        # No version (the shared cache is unreachable): nothing tells this process when the
        # options change, so it renders them afresh.
        if widget is not None or attrs or only_initial or form.version is None:
            return super().as_widget(widget, attrs, only_initial)
        value = self.value()
        value = "" if value is None else str(value)
        if value not in form.option_values[self.name]:
            value = _NOT_AN_OPTION
        key = (form.version, form.language, self.name, value, bool(self.errors))
        html = _RENDERED_FILTERS.get(key)
        if html is None:
            html = super().as_widget()
            if len(_RENDERED_FILTERS) >= RENDERED_FILTERS_MAX:
                _RENDERED_FILTERS.clear()
            _RENDERED_FILTERS[key] = html
        return html


class ProjectFilterForm(forms.Form):
    bound_field_class = _RememberedSelect

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
        # Read once: the choices, their rendering and the list's count all name it.
        self.version = choices_version()
        self.language = translation.get_language()
        for name, values in filter_choices(self.language, self.version).items():
            self.fields[name].choices = [("", ALL[name])] + values
        self.option_values = {
            name: {str(value) for value, _label in field.choices}
            for name, field in self.fields.items()
        }

    def applied(self):
        """The valid filters, as a stable string (names the list's cached count)."""
        if not self.is_bound:
            return ""
        self.is_valid()  # cleaned_data then holds the valid fields only
        return urlencode(
            sorted((name, value) for name, value in self.cleaned_data.items() if value)
        )

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
