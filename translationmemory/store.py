"""Filling the memory: the confirmed pairs of the content (every registered type: our parler
models and the static pages) and of the interface catalogues.

A content pair is a field's confirmed source (``FieldConfirmation.source_text``, the text the
translation was confirmed against) and its translation. It is recorded when the confirmation's
transaction commits (``confirmation_saved``, wired by ``apps.py``): a few queries per commit,
whatever it confirmed. ``rebuild`` (the ``rebuild_translation_memory`` command) adds every
confirmed pair of the content and the catalogues as they are now; what the memory learnt before
(an old source and its translation) stays unless it is cleared.

Each entry added is indexed at once (``index_entries``: its keys, and any key it made frequent);
``reindex`` indexes every entry again (``rebuild`` runs it).

The confirmations are ``translations``' model, read by name (``apps.get_model``): the
translations app reads the memory (exports, the language tabs), so the memory does not import
it back."""

import logging
import threading
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone

from content import registry
from content.languages import language_codes, source_language
from translationmemory.models import MemoryEntry, MemoryFrequentKey, MemoryKey
from translationmemory.text import FREQUENT_KEY, keys, source_hash

logger = logging.getLogger(__name__)

#: The interface's msgids are written in English.
CATALOGUE_SOURCE_LANGUAGE = "en"
CATALOGUE_DOMAINS = ("django", "djangojs")
#: Objects read per query batch by ``rebuild``; pairs written per batch by ``remember``.
BATCH = 1000
#: Keys counted per query when deciding which became frequent; key rows per INSERT.
COUNT_BATCH = 500
INSERT_BATCH = 2000
#: Translated fields that are addresses, not sentences.
NOT_SENTENCES = frozenset({"slug"})


@dataclass(frozen=True)
class Pair:
    source_language: str
    target_language: str
    source: str
    translation: str
    origin: str

    @property
    def key(self):
        return (self.source_language, self.target_language, self.origin, source_hash(self.source))


def content_origin(entry, obj, field):
    """The PO context of a content field (``projects.project:wapis:summary``)."""
    return f"{entry.label}:{entry.key(obj)}:{field}"


def catalogue_origin(domain):
    return f"catalogue:{domain}"


# --- writing --------------------------------------------------------------------------------


def remember(pairs):
    """Store ``pairs``: a new (origin, source) adds an entry, a known one takes the new
    translation. Returns the number of entries added or changed."""
    unique = {pair.key: pair for pair in pairs if pair.source.strip() and pair.translation}
    keys = list(unique)
    written = 0
    for start in range(0, len(keys), BATCH):
        batch = {key: unique[key] for key in keys[start : start + BATCH]}
        existing = {
            (row.source_language, row.target_language, row.origin, row.source_hash): row
            for row in MemoryEntry.objects.filter(
                source_hash__in={key[3] for key in batch}, origin__in={key[2] for key in batch}
            )
        }
        now = timezone.now()
        changed = []
        for key, row in existing.items():
            pair = batch.get(key)
            if pair is not None and row.target_text != pair.translation:
                row.target_text, row.updated_at = pair.translation, now
                changed.append(row)
        MemoryEntry.objects.bulk_update(changed, ["target_text", "updated_at"])
        new = [
            MemoryEntry(
                source_language=pair.source_language,
                target_language=pair.target_language,
                source_hash=key[3],
                source_text=pair.source,
                target_text=pair.translation,
                origin=pair.origin,
            )
            for key, pair in batch.items()
            if key not in existing
        ]
        # A second writer may have added the same pair meanwhile: then it is there already.
        MemoryEntry.objects.bulk_create(new, ignore_conflicts=True)
        if new:
            index_entries(
                MemoryEntry.objects.filter(
                    source_hash__in={entry.source_hash for entry in new},
                    origin__in={entry.origin for entry in new},
                    keys__isnull=True,
                )
            )
        written += len(changed) + len(new)
    return written


def index_entries(entries):
    """Write the keys of ``entries`` (just added), then mark those their new rows made
    frequent, so no lookup reads more than ``FREQUENT_KEY`` rows of any key."""
    rows = _key_rows(
        (entry.pk, entry.source_language, entry.target_language, entry.source_text)
        for entry in entries
    )
    _insert_keys(rows)
    written = sorted({key for key, _entry in rows})
    for start in range(0, len(written), COUNT_BATCH):
        batch = set(written[start : start + COUNT_BATCH])
        batch -= set(MemoryFrequentKey.objects.filter(key__in=batch).values_list("key", flat=True))
        counted = (
            MemoryKey.objects.filter(key__in=batch)
            .values("key")
            .annotate(entries=Count("entry_id"))
            .filter(entries__gt=FREQUENT_KEY)
            .values_list("key", flat=True)
        )
        MemoryFrequentKey.objects.bulk_create(
            [MemoryFrequentKey(key=key) for key in counted], ignore_conflicts=True
        )


def _key_rows(entries):
    """``(key, entry id)`` of ``(entry id, source language, target language, source text)``."""
    return [
        (key, pk) for pk, source, target, text in entries for key in keys(text, source, target)
    ]


def _insert_keys(rows):
    """``(key, entry id)`` rows, ``INSERT_BATCH`` a statement: a dozen rows an entry, too many
    for ``bulk_create``'s cost per object (a memory of 600,000 entries has 7 million). A row
    there already (a second writer indexed the same entry meanwhile) is left as it is."""
    table = connection.ops.quote_name(MemoryKey._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(name) for name in ("key", "entry_id"))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), INSERT_BATCH):
            batch = rows[start : start + INSERT_BATCH]
            values = ", ".join(["(%s, %s)"] * len(batch))
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {values} ON CONFLICT DO NOTHING",  # noqa: S608 - our table; values are parameters
                [value for row in batch for value in row],
            )


def reindex():
    """Forget every key and index every entry again, ``BATCH`` at a time, then decide which
    keys are frequent: after entries were loaded in bulk, or the keys' recipe
    (``translationmemory.text``) or ``FREQUENT_KEY`` changed. Returns the number of keys."""
    _empty(MemoryFrequentKey)
    _empty(MemoryKey)
    stored = MemoryEntry.objects.order_by("pk").values_list(
        "pk", "source_language", "target_language", "source_text"
    )
    written, last = 0, 0
    while batch := list(stored.filter(pk__gt=last)[:BATCH]):
        rows = _key_rows(batch)
        _insert_keys(rows)
        written += len(rows)
        last = batch[-1][0]
    count_frequent_keys()
    return written


def _empty(model):
    """Delete every row of ``model`` (the memory's own rows, which no receiver needs to hear
    of) in one statement. The ORM's ``delete()`` would load and delete each row (a receiver of
    every model's ``post_delete`` forbids its fast path): keys a tuple at a time, hours for the
    7 million of 100,000 projects."""
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")  # noqa: S608 - our table


def count_frequent_keys():
    """Decide again which keys are frequent, from the whole index."""
    frequent = (
        MemoryKey.objects.values("key")
        .annotate(entries=Count("entry_id"))
        .filter(entries__gt=FREQUENT_KEY)
        .values_list("key", flat=True)
    )
    _empty(MemoryFrequentKey)
    MemoryFrequentKey.objects.bulk_create(
        (MemoryFrequentKey(key=key) for key in frequent.iterator()), batch_size=5000
    )


# --- the content ----------------------------------------------------------------------------


def _confirmations():
    return apps.get_model("translations", "FieldConfirmation").objects


def content_pairs(entry, objects, wanted=None):
    """The confirmed pairs of ``objects`` of ``entry`` (only the (pk, language, field) in
    ``wanted`` when given): one query for the confirmations; the text is the objects'
    (prefetched by ``entry.objects()``)."""
    by_pk = {obj.pk: obj for obj in objects}
    if not by_pk:
        return []
    source = source_language()
    rows = _confirmations().filter(
        content_type=ContentType.objects.get_for_model(entry.model), object_id__in=list(by_pk)
    )
    pairs = []
    for pk, language, name, confirmed in rows.values_list(
        "object_id", "language_code", "field", "source_text"
    ):
        if wanted is not None and (pk, language, name) not in wanted:
            continue
        if language == source or name in NOT_SENTENCES or name not in entry.translated_fields:
            continue
        text = (entry.values(by_pk[pk], language) or {}).get(name, "") if pk in by_pk else ""
        if confirmed and text:
            pairs.append(
                Pair(source, language, confirmed, text, content_origin(entry, by_pk[pk], name))
            )
    return pairs


def rebuild_content(entries=None):
    """Every confirmed pair of the content, ``BATCH`` objects at a time."""
    written = 0
    for entry in entries or registry.entries():
        pks = list(entry.model._base_manager.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), BATCH):
            objects = list(entry.objects().filter(pk__in=pks[start : start + BATCH]))
            written += remember(content_pairs(entry, objects))
    return written


# --- the interface catalogues ---------------------------------------------------------------


def catalogue_path(language, domain="django"):
    return Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / f"{domain}.po"


def catalogue_languages():
    return [code for code in language_codes() if code != CATALOGUE_SOURCE_LANGUAGE]


#: Between the parts of a plural entry kept as one pair (its two sources; its forms, in order):
#: a character no message holds, so a plural pair is never offered for a sentence.
PLURAL_SEPARATOR = "\n\u241e\n"


def plural_source(entry):
    return f"{entry.msgid}{PLURAL_SEPARATOR}{entry.msgid_plural}"


def plural_translation(entry):
    """Every form of a plural entry, in order, as one text; "" unless all are there."""
    forms = [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return PLURAL_SEPARATOR.join(forms) if forms and all(forms) else ""


def is_plural(text):
    return PLURAL_SEPARATOR in text


def catalogue_pairs(language, domain="django"):
    """The catalogue's translated entries (not fuzzy, not obsolete) as pairs; a plural entry
    is one pair of its two sources and all its forms (``plural_source``)."""
    path = catalogue_path(language, domain)
    if not path.exists():
        return []
    pairs = []
    for entry in polib.pofile(str(path), wrapwidth=0).translated_entries():
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            source, translation = plural_source(entry), plural_translation(entry)
        else:
            source, translation = entry.msgid, entry.msgstr
        if translation:
            origin = catalogue_origin(domain)
            pairs.append(Pair(CATALOGUE_SOURCE_LANGUAGE, language, source, translation, origin))
    return pairs


def rebuild_catalogues():
    return sum(
        remember(catalogue_pairs(language, domain))
        for language in catalogue_languages()
        for domain in CATALOGUE_DOMAINS
    )


def rebuild(clear=False):
    """Add every confirmed pair there is now and index every entry again (``reindex``); with
    ``clear``, forget the memory first. Returns the number of entries added or changed."""
    with transaction.atomic():
        if clear:
            _empty(MemoryKey)
            _empty(MemoryEntry)
        written = rebuild_content() + rebuild_catalogues()
        reindex()
        return written


# --- kept current: each confirmation, recorded when its transaction commits -----------------

_pending = threading.local()


def confirmation_saved(sender, instance, raw=False, **kwargs):
    """post_save of a ``FieldConfirmation``: remember its pair once the transaction commits
    (the translation's text is saved by then; a rolled-back one records nothing of its own)."""
    if raw:
        return
    if not hasattr(_pending, "keys"):
        _pending.keys = set()
    _pending.keys.add(
        (instance.content_type_id, instance.object_id, instance.language_code, instance.field)
    )
    # Each save asks; the first callback records them all, the others find nothing left.
    # Robust: the memory failing must not turn a saved translation into an error page.
    transaction.on_commit(record_pending, robust=True)


def record_pending():
    keys, _pending.keys = getattr(_pending, "keys", set()), set()
    if not keys:
        return
    by_type = defaultdict(set)
    for content_type_id, pk, _language, _field in keys:
        by_type[content_type_id].add(pk)
    wanted = {(pk, language, field) for _ct, pk, language, field in keys}
    pairs = []
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or model not in registry.models():
            continue
        entry = registry.entry_for(model)
        pairs += content_pairs(entry, list(entry.objects().filter(pk__in=pks)), wanted)
    remember(pairs)
