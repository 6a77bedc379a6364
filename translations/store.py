"""The translation status, stored and kept current (``StoredFieldStatus``, with its sums in
``StoredStatusCount``), so that reading it costs indexed queries whatever the amount of content.

Nothing here decides a status: ``refresh`` asks ``translations.status`` (``field_states``, the
one rule) for the objects a change touched and writes what differs. Every change that can move a
status refreshes its object: a translation row saved or deleted (an edit, a revert's raw save,
a PO import, a language added or removed), a confirmation saved or deleted (the "reviewed" tick,
an imported fuzzy flag cleared), a flatpage saved, an object deleted. ``rebuild`` (the
``rebuild_translation_status`` command, and the first ``migrate``) decides everything again:
after a bulk load, or when a language is added to the settings."""

from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F, Sum
from django.db.models.signals import post_delete, post_save

from content import registry
from translations.models import FieldConfirmation, StoredFieldStatus, StoredStatusCount
from translations.status import Status, confirmations_for, field_states

#: Objects decided per query batch by ``rebuild``.
BATCH = 1000
#: Statuses below this one need work (they sort as the work they need).
NEEDS_WORK_BELOW = Status.UP_TO_DATE


def _decided(entry, pks):
    """``{(pk, language, field): status}`` of the objects ``pks`` of ``entry`` as the rule
    decides them now (three queries at most)."""
    objects = list(entry.objects().filter(pk__in=pks))
    confirmations = confirmations_for(entry, objects) if objects else {}
    return {
        (obj.pk, state.language, state.field): str(state.status)
        for obj in objects
        for state in field_states(entry, obj, confirmations)
    }


def _add_to_counts(content_type, delta):
    """Apply ``delta`` ({(field, language, status): n}) to the sums, row by row (F()
    updates: two saves at once add up)."""
    for (field, language, state), number in delta.items():
        if not number:
            continue
        cell = {
            "content_type": content_type,
            "field": field,
            "language_code": language,
            "status": state,
        }
        if not StoredStatusCount.objects.filter(**cell).update(count=F("count") + number):
            StoredStatusCount.objects.get_or_create(**cell)
            StoredStatusCount.objects.filter(**cell).update(count=F("count") + number)


def refresh(entry, pks):
    """Decide the objects ``pks`` of ``entry`` again and store what changed (an object that no
    longer exists loses its rows)."""
    pks = list(pks)
    if not pks:
        return
    content_type = ContentType.objects.get_for_model(entry.model)
    with transaction.atomic():
        new = _decided(entry, pks)
        old = {
            (row[0], row[1], row[2]): (row[3], row[4])
            for row in StoredFieldStatus.objects.filter(
                content_type=content_type, object_id__in=pks
            ).values_list("object_id", "language_code", "field", "status", "pk")
        }
        delta = Counter()
        gone = [pk for key, (state, pk) in old.items() if key not in new]
        for key, (state, _pk) in old.items():
            if new.get(key) != state:
                delta[(key[2], key[1], state)] -= 1
        changed = {}
        added = []
        for key, state in new.items():
            before = old.get(key)
            if before is None:
                added.append(key)
            elif before[0] != state:
                changed.setdefault(state, []).append(before[1])
            else:
                continue
            delta[(key[2], key[1], state)] += 1
        if gone:
            StoredFieldStatus.objects.filter(pk__in=gone).delete()
        for state, row_pks in changed.items():
            StoredFieldStatus.objects.filter(pk__in=row_pks).update(status=state)
        StoredFieldStatus.objects.bulk_create(
            StoredFieldStatus(
                content_type=content_type,
                object_id=pk,
                language_code=language,
                field=field,
                status=new[(pk, language, field)],
            )
            for pk, language, field in added
        )
        _add_to_counts(content_type, delta)


def rebuild(entries=None):
    """Forget the stored status and decide every object again, ``BATCH`` objects at a time.
    Returns the number of fields stored."""
    stored = 0
    with transaction.atomic():
        for entry in entries or registry.entries():
            content_type = ContentType.objects.get_for_model(entry.model)
            StoredFieldStatus.objects.filter(content_type=content_type).delete()
            StoredStatusCount.objects.filter(content_type=content_type).delete()
            sums = Counter()
            pks = list(entry.model._base_manager.order_by("pk").values_list("pk", flat=True))
            for start in range(0, len(pks), BATCH):
                decided = _decided(entry, pks[start : start + BATCH])
                StoredFieldStatus.objects.bulk_create(
                    (
                        StoredFieldStatus(
                            content_type=content_type,
                            object_id=pk,
                            language_code=language,
                            field=field,
                            status=state,
                        )
                        for (pk, language, field), state in decided.items()
                    ),
                    batch_size=5000,
                )
                sums.update(
                    (field, language, state) for (_pk, language, field), state in decided.items()
                )
                stored += len(decided)
            StoredStatusCount.objects.bulk_create(
                StoredStatusCount(
                    content_type=content_type,
                    field=field,
                    language_code=language,
                    status=state,
                    count=number,
                )
                for (field, language, state), number in sums.items()
            )
    return stored


def rebuild_if_never_built(**kwargs):
    """post_migrate: the first migrate with the store (or a database filled in bulk, before it
    existed) decides everything once; later ones leave it alone."""
    if StoredStatusCount.objects.exists():
        return
    if any(entry.model._base_manager.exists() for entry in registry.entries()):
        rebuild()


# --- reading ------------------------------------------------------------------------------------


def summed(**filters):
    """``{(content type id, field, language, status): count}`` of the cells matching
    ``filters`` (one query over a few hundred rows)."""
    rows = (
        StoredStatusCount.objects.filter(**filters)
        .values_list("content_type_id", "field", "language_code", "status")
        .annotate(total=Sum("count"))
    )
    return {(ct, field, language, state): total for ct, field, language, state, total in rows}


def needs_work_filter(status=""):
    """The rows of ``status``, or of every status that needs work when it is empty."""
    return {"status": status} if status else {"status__lt": NEEDS_WORK_BELOW}


def rows(language="", status="", entry=None):
    """The stored fields of ``language`` (all when empty) and ``status`` (missing and stale
    when empty), of ``entry``'s type (all when None), in the order an index keeps them."""
    found = StoredFieldStatus.objects.filter(**needs_work_filter(status))
    if language:
        found = found.filter(language_code=language)
    if entry is not None:
        found = found.filter(content_type=ContentType.objects.get_for_model(entry.model))
    return found.order_by("status", "language_code", "content_type", "object_id", "field")


# --- keeping it current -------------------------------------------------------------------------


def _watched(sender):
    """What a save or delete of ``sender`` refreshes: ("rows", entry) for a parler translation
    model, ("object", entry) for a content model, None for anything else. Looked up when
    called: declared content (flatpages) registers after this app is ready."""
    if sender is FieldConfirmation:
        return ("confirmation", None)
    for entry in registry.entries():
        if sender is entry.model:
            return ("object", entry)
        if isinstance(entry, registry.ParlerContent) and any(
            sender is meta.model for meta in entry.model._parler_meta
        ):
            return ("rows", entry)
    return None


def _changed(sender, instance, **kwargs):
    watched = _watched(sender)
    if watched is None:
        return
    kind, entry = watched
    if kind == "rows":
        refresh(entry, [instance.master_id])
    elif kind == "object":
        if kwargs.get("signal") is post_delete or not isinstance(entry, registry.ParlerContent):
            # A parler object's own fields move no status (its text is in its rows); declared
            # content keeps its text on the object (flatpages' columns).
            refresh(entry, [instance.pk])
    else:
        model = ContentType.objects.get_for_id(instance.content_type_id).model_class()
        if model is not None and model in registry.models():
            refresh(registry.entry_for(model), [instance.object_id])


def connect_store_signals():
    post_save.connect(_changed, dispatch_uid="translation_store")
    post_delete.connect(_changed, dispatch_uid="translation_store")
