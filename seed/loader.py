"""Loads the seed content (``content.py``) into the database, idempotently.

Objects are matched on their stable ``key``; a translation that exists is left as it is unless
``update=True``, so staff edits survive a re-run. Nothing is written when the content is already
there: a second run changes no row, not even a timestamp or a version.
"""

from dataclasses import dataclass, field

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from content.languages import language_codes
from content.models import PublicationStatus
from cooperation.models import CooperationArea, Objective, Partner, Partnership
from projects.models import Project

from . import content, glossary, site_settings, static_pages

LANGUAGES = tuple(language_codes())


@dataclass
class SeedReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self):
        return bool(self.created or self.updated)


def _translated_values(spec, names, language):
    return {name: spec[name][language] for name in names if name in spec}


def _plain_value(obj, name):
    value = getattr(obj, name)
    if name == "countries":  # django-countries returns Country objects; the seed has codes
        return [str(country) for country in value]
    return value


def _apply(obj, spec, translated_names, plain_values, report, update):
    """Set plain and translated values on ``obj``; save only when something differs."""
    label = f"{obj._meta.model_name} {getattr(obj, 'key', '') or ''}".strip()
    adding = obj._state.adding
    dirty = adding
    for name, value in plain_values.items():
        if (adding or update) and _plain_value(obj, name) != value:
            setattr(obj, name, value)
            dirty = True
    existing = set() if adding else set(obj.get_available_languages())
    touched_languages = []
    for language in LANGUAGES:
        values = _translated_values(spec, translated_names, language)
        if language in existing and not update:
            continue
        obj.set_current_language(language)
        changed = language not in existing
        for name, value in values.items():
            # A new translation gets every field even where the value equals the fallback's.
            if changed or getattr(obj, name) != value:
                setattr(obj, name, value)
                changed = True
        if changed:
            dirty = True
            touched_languages.append(language)
    if not dirty:
        report.unchanged += 1
        return False
    obj.full_clean(exclude=["created_by", "updated_by"] if hasattr(obj, "created_by") else None)
    for language in touched_languages:
        translation = obj.get_translation(language)
        try:
            translation.full_clean(exclude=["master"])
        except ValidationError as error:
            raise ValidationError(f"{label} [{language}]: {error}") from error
    obj.save()
    (report.created if adding else report.updated).append(label)
    return True


def load_seed_content(update=False):
    # One revision for the whole load, in the admin's history; none when nothing changed.
    with transaction.atomic(), reversion.create_revision(atomic=False):
        reversion.set_comment(gettext("Seed content"))
        return _load(update)


def _load(update):
    report = SeedReport()

    partnership = Partnership.objects.first() or Partnership(status=PublicationStatus.PUBLISHED)
    spec = content.PARTNERSHIP
    _apply(
        partnership,
        spec,
        [name for name, value in spec.items() if isinstance(value, dict)],
        {"office_city": spec["office_city"]},
        report,
        update,
    )

    for order, spec in enumerate(content.OBJECTIVES, start=1):
        objective = Objective.objects.filter(key=spec["key"]).first() or Objective(
            key=spec["key"], partnership=partnership
        )
        _apply(objective, spec, ["text"], {"order": order}, report, update)

    areas = {}
    for order, spec in enumerate(content.COOPERATION_AREAS, start=1):
        area = CooperationArea.objects.filter(key=spec["key"]).first() or CooperationArea(
            key=spec["key"], status=PublicationStatus.PUBLISHED
        )
        _apply(area, spec, ["title", "slug", "summary", "body"], {"order": order}, report, update)
        areas[spec["key"]] = area

    partners = {}
    for order, spec in enumerate(content.PARTNERS, start=1):
        partner = Partner.objects.filter(key=spec["key"]).first() or Partner(
            key=spec["key"], status=PublicationStatus.PUBLISHED
        )
        _apply(
            partner,
            spec,
            ["name", "acronym", "slug", "description"],
            {"kind": spec["kind"], "website": spec.get("website", ""), "order": order},
            report,
            update,
        )
        partners[spec["key"]] = partner

    for order, spec in enumerate(content.PROJECTS, start=1):
        project = Project.objects.filter(key=spec["key"]).first() or Project(
            key=spec["key"], status=PublicationStatus.PUBLISHED
        )
        adding = project._state.adding
        _apply(
            project,
            spec,
            ["name", "slug", "summary", "description", "region"],
            {
                "code": spec.get("code", ""),
                "countries": spec.get("countries", []),
                "website": spec.get("website", ""),
                "order": order,
                # The seed's projects are the home page's selection.
                "featured": True,
            },
            report,
            update,
        )
        if adding or update:
            wanted_areas = {areas[key].pk for key in spec.get("cooperation_areas", [])}
            if set(project.cooperation_areas.values_list("pk", flat=True)) != wanted_areas:
                project.cooperation_areas.set(wanted_areas)
            wanted_partners = {partners[key].pk for key in spec.get("partners", [])}
            if set(project.partners.values_list("pk", flat=True)) != wanted_partners:
                project.partners.set(wanted_partners)

    site_settings.load(report)  # before the pages: they are given their roles in it
    static_pages.load(report, update)
    glossary.load(report, update)
    return report
