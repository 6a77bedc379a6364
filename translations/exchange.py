"""Content translation through translators' files (PO, XLIFF): the strings of a language, read a
chunk of objects at a time and selected by type, key or date, and what each becomes in a file
(``proposal_for``). Files: ``exchange_files``; import: ``exchange_import``
(``docs/architecture.md``, "PO and XLIFF exchange")."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

import polib
import reversion
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast
from django.utils import timezone
from reversion.models import Version

from content import registry
from translationmemory import lookup
from translations.status import Status, confirmations_for, field_states, source_language

#: A translator's file is refused above this size before it is parsed; an export in parts
#: (``--part-size``) closes a part before it grows past it, so every part it writes is accepted.
MAX_FILE_SIZE = 10 * 1024 * 1024
#: Objects read at a time, with their text and confirmations (three queries a chunk); under
#: ``confirmations_for``'s 1,000, where it stops filtering by object.
CHUNK_SIZE = 500


class ContentExchangeError(Exception):
    """A file that cannot be imported at all; the message says why for the translator."""


@dataclass
class Unit:
    """One translatable string: a field of an object, in the source and the target language."""

    context: str
    entry: object
    obj: object
    field: str
    source: str
    translation: str
    status: str
    previous_source: str | None
    rich: bool
    description: str

    @property
    def model(self):
        return self.entry.model


def make_context(entry, obj, field_name):
    return f"{entry.label}:{entry.key(obj)}:{field_name}"


def split_context(context):
    """``(label, key, field)`` of a context, or None; a key may hold colons, label and field
    never do."""
    label, _sep, rest = context.partition(":")
    key, _sep, field_name = rest.rpartition(":")
    return (label, key, field_name) if label and key and field_name else None


@dataclass(frozen=True)
class Selection:
    """Which objects an export covers: content types (registry labels), keys, changed since."""

    types: tuple = ()
    keys: tuple = ()
    since: datetime | None = None


#: No limit: every object of every content type.
EVERYTHING = Selection()


def selected_entries(types=()):
    entries = registry.entries()
    if not types:
        return entries
    known = {entry.label: entry for entry in entries}
    unknown = sorted(set(types) - set(known))
    if unknown:
        raise ContentExchangeError(
            f"Unknown content type {', '.join(unknown)}: the types are {', '.join(known)}."
        )
    return [entry for entry in entries if entry.label in types]


def changed_since(entry, since):
    """The objects of ``entry`` changed since ``since``: their ``updated_at`` when the model
    has one, or a version of them in the history (models without a timestamp: objectives,
    static pages; a version of an object holds its translations)."""
    model = entry.model
    condition = Q(pk__in=[])
    if any(field.name == "updated_at" for field in model._meta.concrete_fields):
        condition |= Q(updated_at__gte=since)
    if reversion.is_registered(model):
        versions = Version.objects.get_for_model(model).filter(revision__date_created__gte=since)
        # Version.object_id is text: compared as the primary key's type.
        pk_value = Cast("object_id", output_field=models.BigIntegerField())
        condition |= Q(pk__in=versions.annotate(pk_value=pk_value).values("pk_value"))
    return condition


def iter_objects(entry, selection=EVERYTHING, chunk_size=CHUNK_SIZE):
    """Lists of ``entry``'s selected objects, in the registry's order, ``chunk_size`` at a
    time: never every object in memory, a constant number of queries per chunk."""
    queryset = entry.objects()
    if selection.keys:
        queryset = queryset.filter(entry.key_filter(selection.keys))
    if selection.since:
        queryset = queryset.filter(changed_since(entry, selection.since))
    pks = list(queryset.values_list("pk", flat=True))  # ints: 100,000 are a few MB
    for start in range(0, len(pks), chunk_size):
        chunk = pks[start : start + chunk_size]
        found = {obj.pk: obj for obj in entry.objects().filter(pk__in=chunk)}
        yield [found[pk] for pk in chunk if pk in found]


def iter_units(language, selection=EVERYTHING, chunk_size=CHUNK_SIZE):
    """Every selected translatable string of the site in ``language``, in a stable order."""
    for entry in selected_entries(selection.types):
        for objects in iter_objects(entry, selection, chunk_size):
            confirmations = confirmations_for(entry, objects)
            for obj in objects:
                for state in field_states(entry, obj, confirmations):
                    if state.language != language:
                        continue
                    yield Unit(
                        context=make_context(entry, obj, state.field),
                        entry=entry,
                        obj=obj,
                        field=state.field,
                        source=state.source_text,
                        translation=state.text,
                        status=state.status,
                        previous_source=state.confirmed_source,
                        rich=entry.is_rich(state.field),
                        description=f"{entry.model._meta.verbose_name} {entry.key(obj)}: "
                        f"{entry.field(state.field).verbose_name}",
                    )


def units_for_contexts(language, contexts):
    """``{context: Unit}`` of the ``contexts`` a translator's file names (those that exist):
    only their objects are read, by key, a chunk at a time."""
    keys = defaultdict(set)
    for context in contexts:
        parts = split_context(context)
        if parts:
            keys[parts[0]].add(parts[1])
    known = {entry.label for entry in registry.entries()}
    units = {}
    for label, wanted in keys.items():
        if label not in known:
            continue
        wanted = sorted(wanted)
        for start in range(0, len(wanted), CHUNK_SIZE):
            selection = Selection(types=(label,), keys=tuple(wanted[start : start + CHUNK_SIZE]))
            for unit in iter_units(language, selection):
                if unit.context in contexts:
                    units[unit.context] = unit
    return units


def check_language(language):
    known = [code for code, _name in settings.LANGUAGES]
    if language not in known:
        raise ContentExchangeError(
            f"Unknown language {language!r}: the site's languages are {', '.join(known)}."
        )
    if language == source_language():
        raise ContentExchangeError(
            f"{language!r} is the source language: its text is the msgid, there is nothing "
            "to translate into it."
        )


# --- what a unit becomes in a translator's file, whatever the format -----------------------


class State(models.TextChoices):
    """A string's state in a file, named as XLIFF 1.2 does (PO: empty, fuzzy, translated)."""

    NEW = "new"
    NEEDS_REVIEW = "needs-review-translation"
    TRANSLATED = "translated"


@dataclass
class Proposal:
    """What the file offers the translator for a unit: the text of the target, its state, the
    notes, the source the translation was made from (stale) and other candidates
    (``alternatives``: ``(text, quality 0-100, origin)``; XLIFF writes each as an
    ``<alt-trans>``)."""

    text: str
    state: str
    notes: list
    previous_source: str | None = None
    alternatives: list = field(default_factory=list)
    from_memory: bool = False


def wanted(unit, missing=False, stale=False):
    """Does an export with ``--missing`` and/or ``--stale`` (neither: everything) keep it?"""
    if not (missing or stale):
        return True
    is_missing = not unit.translation
    return (missing and is_missing) or (stale and unit.status == Status.STALE and not is_missing)


def needs_work(unit):
    """Missing or stale: what the translation memory is asked for."""
    return not unit.translation or unit.status == Status.STALE


def proposal_for(unit, match=None):
    """The one place a unit becomes a file's entry, for PO and XLIFF alike. A unit that needs
    work with a translation-memory ``match`` (``translationmemory.lookup.Match``) takes its
    translation, for review (PO: fuzzy), with a note naming the score and origin and the
    match's source as the previous source."""
    notes = [unit.description]
    if unit.rich:
        notes.append("Rich text: keep the HTML tags; only simple formatting is allowed.")
    if unit.field == "slug":
        notes.append("Web address: lower case letters, digits and hyphens, no spaces.")
    if not unit.translation:
        proposal = Proposal("", State.NEW, notes)
    elif unit.status == Status.STALE:
        proposal = Proposal(unit.translation, State.NEEDS_REVIEW, notes)
        if unit.previous_source and unit.previous_source != unit.source:
            # What the translation was made from: editors show the change in the source.
            proposal.previous_source = unit.previous_source
    else:
        proposal = Proposal(unit.translation, State.TRANSLATED, notes)
    if match is not None and needs_work(unit):
        proposal.text, proposal.state = match.translation, State.NEEDS_REVIEW
        proposal.previous_source = match.source if match.source != unit.source else None
        proposal.notes.append(f"Translation memory: {match.score}% match, from {match.origin}")
        proposal.alternatives.append((match.translation, match.score, match.origin))
        proposal.from_memory = True
    return proposal


def proposals(units, language):
    """``(unit, proposal)`` of each of ``units``, the memory asked once per batch for the best
    match of those that need work (two queries a batch, whatever the memory's size)."""
    batch = []
    for unit in units:
        batch.append(unit)
        if len(batch) == lookup.BATCH:
            yield from _proposals(batch, language)
            batch = []
    if batch:
        yield from _proposals(batch, language)


def _proposals(units, language):
    matches = lookup.best_matches(
        [unit.source for unit in units if needs_work(unit)], source_language(), language
    )
    for unit in units:
        found = matches.get(unit.source) if needs_work(unit) else None
        yield unit, proposal_for(unit, found[0] if found else None)


def file_metadata(language):
    now = timezone.now().strftime("%Y-%m-%d %H:%M%z")
    return {
        "Project-Id-Version": "eurelations content",
        "POT-Creation-Date": now,
        "PO-Revision-Date": now,
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": source_language(),
    }


def po_entry(unit, proposal):
    entry = polib.POEntry(
        msgctxt=unit.context,
        msgid=unit.source,
        msgstr=proposal.text,
        comment="\n".join(proposal.notes),
        flags=["fuzzy"] if proposal.state == State.NEEDS_REVIEW else [],
    )
    if proposal.previous_source:
        entry.previous_msgctxt = unit.context
        entry.previous_msgid = proposal.previous_source
    return entry


def export_catalogue(language, missing=False, stale=False, selection=EVERYTHING):
    """A ``polib.POFile`` of the content in ``language``, in memory (tests, small exports;
    ``export_content`` streams with ``exchange_files.write_export``)."""
    check_language(language)
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.metadata = file_metadata(language)
    selected = (unit for unit in iter_units(language, selection) if wanted(unit, missing, stale))
    for unit, proposal in proposals(selected, language):
        catalogue.append(po_entry(unit, proposal))
    return catalogue
