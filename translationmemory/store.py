"""Filling the memory: the confirmed pairs of the content (every registered type: our parler
models and the static pages) and of the interface catalogues.

A content pair is a field's confirmed source (``FieldConfirmation.source_text``, the text the
translation was confirmed against) and its translation. It is recorded when the confirmation's
transaction commits (``confirmation_saved``, wired by ``apps.py``): a few queries per commit,
whatever it confirmed. ``rebuild`` (the ``rebuild_translation_memory`` command) adds every
confirmed pair of the content and the catalogues as they are now; what the memory learnt before
(an old source and its translation) stays unless it is cleared.

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
from django.utils import timezone

from content import registry
from content.languages import language_codes, source_language
from translationmemory.models import MemoryEntry, MemoryToken
from translationmemory.text import source_hash, tokens

logger = logging.getLogger(__name__)

#: The interface's msgids are written in English.
CATALOGUE_SOURCE_LANGUAGE = "en"
CATALOGUE_DOMAINS = ("django", "djangojs")
#: Objects read per query batch by ``rebuild``; pairs written per batch by ``remember``.
BATCH = 1000
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
        if new and connection.vendor != "postgresql":
            _index_words(new)
        written += len(changed) + len(new)
    return written


def _index_words(new):
    """The word index of entries just added (where there is no trigram index)."""
    added = MemoryEntry.objects.filter(
        source_hash__in={entry.source_hash for entry in new},
        origin__in={entry.origin for entry in new},
        tokens__isnull=True,
    )
    MemoryToken.objects.bulk_create(
        (
            MemoryToken(
                entry=entry,
                source_language=entry.source_language,
                target_language=entry.target_language,
                token=token,
            )
            for entry in added
            for token in tokens(entry.source_text)
        ),
        batch_size=5000,
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


def catalogue_pairs(language, domain="django"):
    """The catalogue's translated entries (not fuzzy, not plural, not obsolete) as pairs."""
    path = catalogue_path(language, domain)
    if not path.exists():
        return []
    return [
        Pair(
            CATALOGUE_SOURCE_LANGUAGE,
            language,
            entry.msgid,
            entry.msgstr,
            catalogue_origin(domain),
        )
        for entry in polib.pofile(str(path), wrapwidth=0).translated_entries()
        if not entry.msgid_plural and not entry.obsolete
    ]


def rebuild_catalogues():
    return sum(
        remember(catalogue_pairs(language, domain))
        for language in catalogue_languages()
        for domain in CATALOGUE_DOMAINS
    )


def rebuild(clear=False):
    """Add every confirmed pair there is now; with ``clear``, forget the memory first.
    Returns the number of entries added or changed."""
    with transaction.atomic():
        if clear:
            MemoryToken.objects.all().delete()
            MemoryEntry.objects.all().delete()
        return rebuild_content() + rebuild_catalogues()


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
