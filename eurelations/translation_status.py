"""Translation status: is a translation missing, stale or up to date?

Every translation remembers, in ``source_hash``, a hash of the source-language text it was made
from. The source-language translation stores the hash of its own current fields; any other
translation stores the source's hash at the moment it was saved. A translation whose stored hash
differs from the hash of the source as it is now is **stale**: the source changed after it was
made. Slugs are left out of the hash: a new address in the source language is not new text to
translate.

parler models keep ``source_hash`` on their translation rows (a translated field, on purpose);
flatpages, which are not our model, keep it in ``FlatPageTranslation`` rows.
"""

import hashlib
import json
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models.signals import post_save, pre_save
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from parler.cache import is_missing

#: Translated fields that are not text to translate.
NOT_HASHED = frozenset({"slug", "source_hash"})

#: Our parler content models, in the order the dashboard and the PO export list them.
PARLER_MODELS = (
    "cooperation.Partnership",
    "cooperation.Objective",
    "cooperation.CooperationArea",
    "cooperation.Partner",
    "projects.Project",
)
FLATPAGE_FIELDS = ("title", "content")


class Status(models.TextChoices):
    MISSING = "missing", _("missing")
    STALE = "stale", _("stale")
    UP_TO_DATE = "up_to_date", _("up to date")


def source_language():
    return settings.CONTENT_SOURCE_LANGUAGE


def languages():
    return [code for code, _name in settings.LANGUAGES]


def source_hash(values):
    """The hash of a translation's text fields (``{name: value}``), independent of their order."""
    payload = json.dumps(
        {name: value or "" for name, value in values.items()}, ensure_ascii=False, sort_keys=True
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def parler_models():
    return [apps.get_model(label) for label in PARLER_MODELS]


def translated_fields(model):
    """The translated fields of a parler model that a translator fills in (slug included)."""
    return [name for name in model._parler_meta.get_translated_fields() if name != "source_hash"]


def hashed_fields(translation_model):
    """The text fields of a translation model (works on migrations' historical models too)."""
    return [
        field.name
        for field in translation_model._meta.concrete_fields
        if field.name not in {"id", "master", "language_code", *NOT_HASHED}
    ]


def hash_of_translation(translation):
    if translation is None:
        return ""
    return source_hash(
        {name: getattr(translation, name) for name in hashed_fields(type(translation))}
    )


def _source_translation_for(translation):
    """The source-language row of ``translation``'s object: the unsaved copy being saved with
    it if there is one (the seed saves all languages at once), else the stored one."""
    master = translation.master if translation.master_id or translation.master else None
    if master is not None:
        cached = master._translations_cache.get(type(translation), {}).get(source_language())
        if cached is not None and not is_missing(cached):
            return cached
    if not translation.master_id:
        return None
    return (
        type(translation)
        .objects.filter(master_id=translation.master_id, language_code=source_language())
        .first()
    )


def stamp_translation(sender, instance, raw=False, **kwargs):
    """pre_save of every parler translation row: saving a translation makes it up to date."""
    if raw:
        return
    if instance.language_code == source_language():
        instance.source_hash = hash_of_translation(instance)
    else:
        instance.source_hash = hash_of_translation(_source_translation_for(instance))


def _statuses(stored_hashes, current_hash):
    """``{language: Status}`` from the hash each existing translation was made from
    (``{language: hash}``; a language without a translation is absent) and the source's hash."""
    result = {}
    for language in languages():
        if language not in stored_hashes:
            result[language] = Status.MISSING
        elif language == source_language() or stored_hashes[language] == current_hash:
            result[language] = Status.UP_TO_DATE
        else:
            result[language] = Status.STALE
    return result


def statuses_of(obj):
    """``{language: Status}`` for a parler object; uses prefetched ``translations`` if any."""
    rows = {row.language_code: row for row in obj.translations.all()}
    stored = {language: row.source_hash for language, row in rows.items()}
    return _statuses(stored, hash_of_translation(rows.get(source_language())))


# --- flatpages (modeltranslation) --------------------------------------------------------------


def flatpage_values(page, language):
    return {
        name: getattr(page, build_localized_fieldname(name, language)) or ""
        for name in FLATPAGE_FIELDS
    }


def flatpage_has_translation(page, language):
    return bool(flatpage_values(page, language)["title"])


def flatpage_statuses_of(page):
    """``{language: Status}`` for a flatpage; uses prefetched ``translation_hashes`` if any."""
    hashes = {row.language_code: row.source_hash for row in page.translation_hashes.all()}
    stored = {
        language: hashes.get(language)
        for language in languages()
        if flatpage_has_translation(page, language)
    }
    return _statuses(stored, source_hash(flatpage_values(page, source_language())))


def _remember_flatpage_changes(sender, instance, raw=False, **kwargs):
    """pre_save of FlatPage: note which languages this save changes (compared with the row)."""
    if raw:
        return
    names = [build_localized_fieldname(f, lang) for f in FLATPAGE_FIELDS for lang in languages()]
    old = None
    if instance.pk:
        old = type(instance)._base_manager.filter(pk=instance.pk).values(*names).first()
    instance._translation_languages_saved = [
        language
        for language in languages()
        if flatpage_has_translation(instance, language)
        and (
            old is None
            or any(
                (old[build_localized_fieldname(f, language)] or "")
                != flatpage_values(instance, language)[f]
                for f in FLATPAGE_FIELDS
            )
        )
    ]


def _stamp_flatpage(sender, instance, raw=False, **kwargs):
    """post_save of FlatPage: every language this save wrote is now based on the current source."""
    if raw:
        return
    FlatPageTranslation = apps.get_model("eurelations", "FlatPageTranslation")
    current = source_hash(flatpage_values(instance, source_language()))
    for language in getattr(instance, "_translation_languages_saved", []):
        FlatPageTranslation.objects.update_or_create(
            flatpage=instance, language_code=language, defaults={"source_hash": current}
        )
    instance._translation_languages_saved = []


def connect_status_signals():
    for model in parler_models():
        translation_model = model._parler_meta.root_model
        pre_save.connect(
            stamp_translation,
            sender=translation_model,
            dispatch_uid=f"translation_status:{translation_model._meta.label}",
        )
    FlatPage = apps.get_model("flatpages", "FlatPage")
    pre_save.connect(
        _remember_flatpage_changes, sender=FlatPage, dispatch_uid="translation_status:flatpage"
    )
    post_save.connect(_stamp_flatpage, sender=FlatPage, dispatch_uid="translation_status:flatpage")


# --- the dashboard's rows ----------------------------------------------------------------------


@dataclass(frozen=True)
class StatusRow:
    model_name: str
    label: str
    language: str
    status: str
    url: str

    @property
    def status_label(self):
        return Status(self.status).label


def admin_change_url(obj, language):
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    return f"{url}?language={language}"


def all_statuses():
    """Every content object's status in every language: a constant number of queries (two per
    model), whatever the amount of content."""
    rows = []
    for model in parler_models():
        for obj in model.objects.prefetch_related("translations").order_by("pk"):
            for language, status in statuses_of(obj).items():
                rows.append(
                    StatusRow(
                        str(model._meta.verbose_name),
                        _label(obj),
                        language,
                        status,
                        _object_url(obj, language),
                    )
                )
    FlatPage = apps.get_model("flatpages", "FlatPage")
    for page in FlatPage.objects.prefetch_related("translation_hashes").order_by("url"):
        for language, status in flatpage_statuses_of(page).items():
            rows.append(
                StatusRow(
                    str(FlatPage._meta.verbose_name),
                    f"{page.url} {flatpage_values(page, source_language())['title']}".strip(),
                    language,
                    status,
                    admin_change_url(page, language),
                )
            )
    return rows


def _label(obj):
    # From the prefetched rows: str(obj) would fetch a translation per object.
    rows = {row.language_code: row for row in obj.translations.all()}
    row = rows.get(source_language()) or next(iter(rows.values()), None)
    field = next(
        (f for f in ("title", "name", "text") if row is not None and hasattr(row, f)), None
    )
    text = getattr(row, field) if field else ""
    return (text or getattr(obj, "key", "") or str(obj.pk))[:80]


def _object_url(obj, language):
    # Objectives are edited inline on the partnership's page.
    if obj._meta.model_name == "objective":
        opts = obj._meta
        url = reverse(f"admin:{opts.app_label}_partnership_change", args=[obj.partnership_id])
        return f"{url}?language={language}"
    return admin_change_url(obj, language)


def counts(rows):
    """``{language: {status: count}}``."""
    result = {language: dict.fromkeys(Status.values, 0) for language in languages()}
    for row in rows:
        result[row.language][row.status] += 1
    return result
