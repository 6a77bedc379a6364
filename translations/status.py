"""Translation status, per field and language: missing, stale or up to date, by one rule for
every registered content type, and the explicit confirmations it is measured against
(``docs/architecture.md``, "Translation status")."""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.signals import post_save, pre_save
from django.utils.translation import gettext_lazy as _
from parler.cache import is_missing

from content import registry
from content.languages import language_codes as languages
from content.languages import source_language
from translations.models import FieldConfirmation

#: Translated fields that are addresses, not text: missing or up to date, never stale.
NOT_TRACKED = frozenset({"slug"})


class Status(models.TextChoices):
    MISSING = "missing", _("missing")
    STALE = "stale", _("stale")
    UP_TO_DATE = "up_to_date", _("up to date")


def field_status(language, text, source_text, confirmed):
    """The rule. ``confirmed`` is the source text the translation was confirmed against, or
    None; returns None when the source has nothing to translate."""
    if not source_text:
        return None
    if not text:
        return Status.MISSING
    if language == source_language() or confirmed == source_text:
        return Status.UP_TO_DATE
    return Status.STALE


def tracked(entry, name):
    return name not in NOT_TRACKED


# --- reading ------------------------------------------------------------------------------------


def confirmations_for(entry, objects):
    """``{(pk, language, field): source_text}`` for ``objects`` of ``entry``: one query."""
    content_type = ContentType.objects.get_for_model(entry.model)
    pks = [obj.pk for obj in objects]
    rows = FieldConfirmation.objects.filter(content_type=content_type)
    if len(pks) < 1000:
        rows = rows.filter(object_id__in=pks)
    return {
        (row[0], row[1], row[2]): row[3]
        for row in rows.values_list("object_id", "language_code", "field", "source_text")
    }


@dataclass(frozen=True)
class FieldState:
    obj: object
    language: str
    field: str
    status: str
    text: str
    source_text: str
    confirmed_source: str | None  # what the translation was made from (for #| msgid)


def field_states(entry, obj, confirmations):
    """Every counted (language, field) of ``obj``: uses prefetched text, no query."""
    source = entry.values(obj, source_language()) or {}
    for language in languages():
        values = entry.values(obj, language) or {}
        for name in entry.translated_fields:
            confirmed = confirmations.get((obj.pk, language, name))
            if name in NOT_TRACKED:
                confirmed = source.get(name)  # an address is never stale
            status = field_status(language, values.get(name, ""), source.get(name, ""), confirmed)
            if status is not None:
                yield FieldState(
                    obj, language, name, status, values.get(name, ""), source[name], confirmed
                )


def statuses_of(obj, confirmations=None):
    """``{language: Status}`` of one object: the worst of its fields (missing, then stale)."""
    entry = registry.entry_for(obj)
    if confirmations is None:
        confirmations = getattr(obj, "_translation_confirmations", None)
    if confirmations is None:
        confirmations = confirmations_for(entry, [obj])
    order = [Status.MISSING, Status.STALE, Status.UP_TO_DATE]
    result = dict.fromkeys(languages(), Status.UP_TO_DATE)
    available = entry.available_languages(obj)
    for language in languages():
        if language not in available:
            result[language] = Status.MISSING
    for state in field_states(entry, obj, confirmations):
        if order.index(state.status) < order.index(result[state.language]):
            result[state.language] = state.status
    return result


def attach_confirmations(queryset):
    """Load the confirmations of a page of objects of one model in one query (admin lists);
    returns the same, now evaluated, queryset."""
    objects = list(queryset)
    if objects:
        entry = registry.entry_for(objects[0])
        confirmations = confirmations_for(entry, objects)
        for obj in objects:
            obj._translation_confirmations = confirmations
    return queryset


def all_field_states(entries=None):
    """Every counted field of every object in every language: two queries per content type."""
    for entry in entries or registry.entries():
        objects = list(entry.objects())
        confirmations = confirmations_for(entry, objects) if objects else {}
        for obj in objects:
            yield entry, obj, field_states(entry, obj, confirmations)


def counts():
    """``{(entry, field): {language: Counter(status)}}`` and ``{language: Counter(status)}``."""
    per_field = defaultdict(lambda: defaultdict(Counter))
    per_language = defaultdict(Counter)
    for entry, _obj, states in all_field_states():
        for state in states:
            per_field[(entry, state.field)][state.language][state.status] += 1
            per_language[state.language][state.status] += 1
    return per_field, per_language


# --- confirming ---------------------------------------------------------------------------------


def confirm(obj, language, fields, source_values):
    """Record that ``fields`` of ``obj`` in ``language`` match ``source_values`` (the source
    text as it is now). Nothing to do for the source language itself."""
    if language == source_language() or not fields:
        return
    content_type = ContentType.objects.get_for_model(type(obj), for_concrete_model=True)
    for name in fields:
        FieldConfirmation.objects.update_or_create(
            content_type=content_type,
            object_id=obj.pk,
            language_code=language,
            field=name,
            defaults={"source_text": source_values.get(name) or ""},
        )


def confirm_all(obj, language):
    """The "translation reviewed" tick: every filled-in field of ``language`` is confirmed
    against today's source."""
    entry = registry.entry_for(obj)
    values = entry.values(obj, language) or {}
    source = entry.values(obj, source_language()) or {}
    confirm(
        obj,
        language,
        [name for name in entry.translated_fields if values.get(name) and tracked(entry, name)],
        source,
    )


# --- edits confirm: parler translation rows -----------------------------------------------------


def _parler_source_values(entry, translation):
    """The source-language text of ``translation``'s object as it is being saved: the unsaved
    copy saved along with it if there is one (the seed saves every language at once), else
    the stored row."""
    master = translation.master
    source = source_language()
    cached = master._translations_cache.get(type(translation), {}).get(source)
    if cached is not None and not is_missing(cached):
        row = cached
    else:
        row = type(translation).objects.filter(master_id=master.pk, language_code=source).first()
    return {name: getattr(row, name, "") or "" for name in entry.translated_fields} if row else {}


def _remember_parler_edits(sender, instance, raw=False, **kwargs):
    """pre_save of a translation row: which of its text fields does this save change?"""
    if raw or instance.language_code == source_language():
        return
    entry = registry.entry_for(instance.master)
    names = [n for n in entry.translated_fields if hasattr(instance, n) and tracked(entry, n)]
    old = None
    if instance.pk:
        old = sender._base_manager.filter(pk=instance.pk).values(*names).first()
    instance._edited_fields = [
        name
        for name in names
        if getattr(instance, name)
        and (old is None or (old[name] or "") != getattr(instance, name))
    ]


def _confirm_parler_edits(sender, instance, raw=False, **kwargs):
    edited = getattr(instance, "_edited_fields", None)
    if raw or not edited:
        return
    entry = registry.entry_for(instance.master)
    confirm(
        instance.master, instance.language_code, edited, _parler_source_values(entry, instance)
    )
    instance._edited_fields = []


def connect_status_signals():
    for entry in registry.entries():
        if not isinstance(entry, registry.ParlerContent):
            continue  # declared content confirms its own edits (pages.content)
        for meta in entry.model._parler_meta:
            uid = f"translation_status:{meta.model._meta.label}"
            pre_save.connect(_remember_parler_edits, sender=meta.model, dispatch_uid=uid)
            post_save.connect(_confirm_parler_edits, sender=meta.model, dispatch_uid=uid)
