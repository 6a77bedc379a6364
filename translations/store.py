"""The translation status, stored and kept current (``StoredFieldStatus``, with its sums in
``StoredStatusCount`` per field and ``StoredObjectCount`` per item), so that reading it costs indexed queries whatever the amount of content.

Nothing here decides a status: ``refresh`` asks ``translations.status`` (``field_states``, the
one rule) for the objects a change touched and writes what differs. Every change that can move a
status refreshes its object: a translation row saved or deleted (an edit, a revert's raw save,
a PO import, a language added or removed), a confirmation saved or deleted (the "reviewed" tick,
an imported fuzzy flag cleared), a flatpage saved, an object deleted. ``rebuild`` (the
``rebuild_translation_status`` command, and the first ``migrate``) decides everything again:
after a bulk load, or when a language is added to the settings."""

import threading
from collections import Counter
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F, Sum
from django.db.models.signals import post_delete, post_save

from content import registry
from translations.models import (
    FieldConfirmation,
    StoredFieldStatus,
    StoredObjectCount,
    StoredStatusCount,
)
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


def _item_states(decided):
    """``{(pk, language): status}``: each object's field needing the most work per language
    (statuses sort as the work they need)."""
    worst = {}
    for (pk, language, _field), state in decided.items():
        if (pk, language) not in worst or state < worst[(pk, language)]:
            worst[(pk, language)] = state
    return worst


def _add_to_counts(model, content_type, names, delta):
    """Apply ``delta`` ({(*cell named by names): n}) to the sums of ``model``, row by row
    (F() updates: two saves at once add up)."""
    for key, number in delta.items():
        if not number:
            continue
        cell = {"content_type": content_type, **dict(zip(names, key, strict=True))}
        if not model.objects.filter(**cell).update(count=F("count") + number):
            model.objects.get_or_create(**cell)
            model.objects.filter(**cell).update(count=F("count") + number)


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
        _add_to_counts(
            StoredStatusCount, content_type, ("field", "language_code", "status"), delta
        )
        items = Counter()
        for (_pk, language), state in _item_states(
            {key: state for key, (state, _row) in old.items()}
        ).items():
            items[(language, state)] -= 1
        for (_pk, language), state in _item_states(new).items():
            items[(language, state)] += 1
        _add_to_counts(StoredObjectCount, content_type, ("language_code", "status"), items)


def rebuild(entries=None):
    """Forget the stored status and decide every object again, ``BATCH`` objects at a time.
    Returns the number of fields stored."""
    stored = 0
    with transaction.atomic():
        for entry in entries or registry.entries():
            content_type = ContentType.objects.get_for_model(entry.model)
            # One DELETE each: nothing refers to these rows, and a delete() with signals
            # connected would load the millions of them first to send each its own.
            for model in (StoredFieldStatus, StoredStatusCount, StoredObjectCount):
                rows = model.objects.filter(content_type=content_type)
                rows._raw_delete(rows.db)
            sums, items = Counter(), Counter()
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
                items.update(
                    (language, state) for (_pk, language), state in _item_states(decided).items()
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
            StoredObjectCount.objects.bulk_create(
                StoredObjectCount(
                    content_type=content_type, language_code=language, status=state, count=number
                )
                for (language, state), number in items.items()
            )
    return stored


def rebuild_if_never_built(**kwargs):
    """post_migrate: the types whose status was never stored (the first migrate with the store,
    a database filled in bulk before it existed, a type registered since, a store older than
    its item counts) are decided once; the others are left alone."""
    built = set(StoredObjectCount.objects.values_list("content_type_id", flat=True).distinct())
    types = ContentType.objects.get_for_models(*registry.models())
    never = [
        entry
        for entry in registry.entries()
        if types[entry.model].pk not in built and entry.model._base_manager.exists()
    ]
    if never:
        rebuild(never)


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


def items_summed(**filters):
    """``{(content type id, language, status): count}`` of objects, each counted as its field
    needing the most work (one query over a few dozen rows)."""
    rows = StoredObjectCount.objects.filter(**filters).values_list(
        "content_type_id", "language_code", "status", "count"
    )
    return {(ct, language, state): count for ct, language, state, count in rows}


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
        _refresh(entry, instance.master_id)
    elif kind == "object":
        if kwargs.get("signal") is post_delete or not isinstance(entry, registry.ParlerContent):
            # A parler object's own fields move no status (its text is in its rows); declared
            # content keeps its text on the object (flatpages' columns).
            _refresh(entry, instance.pk)
    else:
        model = ContentType.objects.get_for_id(instance.content_type_id).model_class()
        if model is not None and model in registry.models():
            _refresh(registry.entry_for(model), instance.object_id)


_deferred = threading.local()


@contextmanager
def refreshes_deferred():
    """Within it, each object a save touches is refreshed once, at the end, with the others
    in one batch: an import saves an object's translation row and a confirmation per field,
    and refreshing at each of them was most of the time a retranslated part took."""
    if getattr(_deferred, "pending", None) is not None:
        yield  # already deferred by an outer block, which refreshes
        return
    _deferred.pending = {}
    try:
        yield
        pending = _deferred.pending
    finally:
        _deferred.pending = None
    for entry, pks in pending.values():
        refresh(entry, sorted(pks))


def _refresh(entry, pk):
    pending = getattr(_deferred, "pending", None)
    if pending is None:
        refresh(entry, [pk])
    else:
        pending.setdefault(entry.label, (entry, set()))[1].add(pk)


def connect_store_signals():
    post_save.connect(_changed, dispatch_uid="translation_store")
    post_delete.connect(_changed, dispatch_uid="translation_store")
