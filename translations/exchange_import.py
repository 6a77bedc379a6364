"""Applying translators' files (PO or XLIFF, read by ``exchange_files``) to the content: one
file or a set of parts as one atomic change, every entry checked, one import at a time
(``docs/architecture.md``, "PO and XLIFF exchange")."""

from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from heapq import merge
from itertools import islice

import reversion
from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug
from django.db import OperationalError, transaction
from django.utils.translation import gettext

from content.parler_cache import translations_forgotten_afterwards
from content.richtext import is_clean_html
from translations import store
from translations.catalogue_check import placeholder_problem
from translations.exchange import (
    ContentExchangeError,
    check_language,
    source_language,
    units_for_contexts,
)
from translations.permissions import can_translate
from translations.status import Status, confirm

#: Problems an ``ImportReport`` keeps to show; every one is counted, and heard by its listener.
PROBLEMS_KEPT = 1000


@dataclass
class ImportReport:
    """What an import did to each entry, counted (a whole site's file would otherwise keep a
    context per entry). ``listener(kind, context, detail)``, if given, hears of each entry as
    it is decided: the command prints the problems, and at -v 2 every entry, as it goes."""

    language: str = ""
    updated: int = 0
    unchanged: int = 0  # an unedited export of the whole site is all unchanged
    confirmed: int = 0  # unchanged text, fuzzy flag cleared
    skipped: int = 0  # fuzzy or untranslated
    errors: int = 0
    problems: list = field(default_factory=list)  # the first PROBLEMS_KEPT (context, message)
    written: bool = False
    listener: Callable | None = None

    def note(self, kind, context, detail=""):
        setattr(self, kind, getattr(self, kind) + 1)
        if kind == "errors" and len(self.problems) < PROBLEMS_KEPT:
            self.problems.append((context, detail))
        if self.listener is not None:
            self.listener(kind, context, detail)


def _validate_translation(unit, text, language, claimed_slugs):
    """The problem with ``text`` as the translation of ``unit``, or None."""
    if "\x00" in text:
        # PostgreSQL cannot store it, and no editor means to type it.
        return "contains a NUL character (\\0), which text cannot hold: remove it"
    problem = placeholder_problem(unit.source, text)
    if problem:
        return problem
    if unit.rich and not is_clean_html(text):
        return (
            "rich text that the sanitiser would change (unclosed tag, or a tag or attribute "
            "that is not allowed): fix the HTML"
        )
    if unit.field == "slug":
        try:
            validate_unicode_slug(text)
        except ValidationError:
            return f"{text!r} is not a valid web address: use letters, digits and hyphens only"
        taken = unit.entry.slug_taken(text, language, unit.obj.pk)
        if taken or claimed_slugs.get(hash((unit.model, text)), unit.obj.pk) != unit.obj.pk:
            return (
                f"the address {text!r} is already used by another {unit.model._meta.verbose_name}"
            )
        claimed_slugs[hash((unit.model, text))] = unit.obj.pk
    limit = unit.entry.max_length(unit.field)
    if limit and len(text) > limit:
        return f"too long: {len(text)} characters, at most {limit}"
    return None


def _file_language(catalogue, language, report):
    file_language = (catalogue.metadata.get("Language") or "").strip()
    if not file_language:
        raise ContentExchangeError("The file has no Language header: which language is it?")
    wanted = language or report.language
    if wanted and file_language != wanted:
        raise ContentExchangeError(
            f"The file is a {file_language!r} translation, not {wanted!r}. Nothing was imported."
        )
    check_language(file_language)
    declared_source = catalogue.metadata.get("X-Source-Language")
    if declared_source and declared_source != source_language():
        raise ContentExchangeError(
            f"The file was translated from {declared_source!r}, but the source language is "
            f"{source_language()!r}."
        )
    report.language = file_language
    return file_language


@dataclass
class _Plan:
    """What the parts checked so far have seen and claimed. Contexts are remembered by hash:
    this part's in a set, the earlier parts' in a sorted array of 8 bytes each (a set of
    500,000 Python ints took 30 MB)."""

    earlier: array = field(default_factory=lambda: array("q"))
    current: set = field(default_factory=set)
    claimed_slugs: dict = field(default_factory=dict)  # {hash((model, slug)): pk}

    def seen(self, context):
        value = hash(context)
        if value in self.current:
            return True
        index = bisect_left(self.earlier, value)
        if index < len(self.earlier) and self.earlier[index] == value:
            return True
        self.current.add(value)
        return False

    def part_done(self):
        self.earlier = array("q", merge(self.earlier, sorted(self.current)))
        self.current = set()


#: Entries checked at a time: their objects (and every language's text) are read for them and
#: let go after, so a part of 40,000 entries never holds its 8,000 objects at once.
ENTRIES_AT_A_TIME = 2500


def check_and_apply(catalogue, report, plan, language=None, apply=None, user=None):
    """Check every entry of one file (a ``ContentFile``, read as it goes) against the
    database, adding to ``report``, and hand each chunk's ``changes`` ({(entry, pk): {field:
    (context, text)}}) and ``confirmations`` ([(model, pk, field, source)]) to ``apply`` as it
    is checked: neither the file nor what it changes is ever held whole."""
    file_language = _file_language(catalogue, language, report)
    if user is not None and not can_translate(user, file_language):
        raise ContentExchangeError(
            f"{user.get_username()} may not edit the {file_language!r} text of the content."
        )
    entries = (entry for entry in catalogue if not entry.obsolete)
    while chunk := list(islice(entries, ENTRIES_AT_A_TIME)):
        units = units_for_contexts(file_language, {entry.msgctxt or "" for entry in chunk})
        changes, confirmations = defaultdict(dict), []
        _check_entries(chunk, units, file_language, report, plan, changes, confirmations)
        del units  # the chunk's objects: let go before the writes read their own
        if apply is not None:
            apply(changes, confirmations)
    plan.part_done()


def _check_entries(entries, units, file_language, report, plan, changes, confirmations):
    for entry in entries:
        context = entry.msgctxt or ""
        unit = units.get(context)
        if unit is None:
            report.note(
                "errors", context or entry.msgid[:40], "unknown context: no such object or field"
            )
            continue
        if plan.seen(context):
            report.note("errors", context, "also in another part of the set: keep one")
            continue
        if entry.msgid != unit.source:
            report.note(
                "errors", context, "the source text changed since the export: export again"
            )
            continue
        if "fuzzy" in entry.flags:
            report.note("skipped", context, "fuzzy")
            continue
        if entry.msgid_plural:
            report.note("errors", context, "a plural entry has no place in content")
            continue
        if not entry.msgstr:
            report.note("skipped", context, "untranslated")
            continue
        if entry.msgstr == unit.translation:
            if unit.status == Status.STALE:
                # The fuzzy flag was cleared without a change: the translator's word that the
                # translation still matches the new source.
                confirmations.append((unit.entry.model, unit.obj.pk, unit.field, unit.source))
                report.note("confirmed", context)
            else:
                report.note("unchanged", context)
            continue
        problem = _validate_translation(unit, entry.msgstr, file_language, plan.claimed_slugs)
        if problem:
            report.note("errors", context, problem)
            continue
        changes[(unit.entry, unit.obj.pk)][unit.field] = (context, entry.msgstr)


def import_catalogues(catalogues, *args, **kwargs):
    """Apply translators' files (``_import_catalogues``), one import at a time."""
    try:
        return _import_catalogues(catalogues, *args, **kwargs)
    except OperationalError as error:
        # SQLite's answer to a second writer ("database is locked").
        if "locked" in str(error):
            raise ImportBusy() from error
        raise


def _import_catalogues(
    catalogues, language=None, partial=False, dry_run=False, user=None, listener=None
):
    """Apply ``catalogues`` (``(name, catalogue)`` pairs, read one at a time: a generator keeps
    one part in memory) as one change, one transaction. Raises ContentExchangeError, writing
    nothing, when a file is refused or (unless ``partial``) when any entry of any of them has a
    problem. Each chunk's writes are one revision, "Imported from ``name``" (its file).
    ``listener``: the report's (``ImportReport``)."""
    report, plan = ImportReport(listener=listener), _Plan()
    # A rolled-back import (refused, dry run) leaves no revision either, and nothing in
    # parler's cache.
    with translations_forgotten_afterwards(), transaction.atomic():
        _lock_imports()
        for name, catalogue in catalogues:

            def apply(changes, confirmations, name=name):
                if report.errors and not partial:
                    return  # nothing will be written; the rest is still checked
                _apply(changes, confirmations, report, user, name)

            check_and_apply(catalogue, report, plan, language, apply, user)
            del catalogue  # the next part is read once this one is applied
        if report.errors and not partial:
            transaction.set_rollback(True)
            raise ImportRefused(report)
        if dry_run:
            transaction.set_rollback(True)
        else:
            report.written = bool(report.updated or report.confirmed)
    return report


#: Objects written per revision: django-reversion holds a revision's versions (every object's
#: serialised data and its translations', the whole set copied at each addition) until the
#: revision is saved, so the writes are saved as revisions of at most this many objects.
OBJECTS_PER_REVISION = 500


def _apply(changes, confirmations, report, user, name):
    with store.refreshes_deferred():
        for model, pk, field_name, source in confirmations:
            # Only the model and the key are needed: the objects were let go chunk by chunk.
            confirm(model(pk=pk), report.language, [field_name], {field_name: source})
    objects = iter(changes.items())
    while chunk := list(islice(objects, OBJECTS_PER_REVISION)):
        with reversion.create_revision(atomic=False), store.refreshes_deferred():
            reversion.set_user(user)
            reversion.set_comment(
                gettext("Imported from %(file)s") % {"file": name}
                if name
                else gettext("Imported from a PO file")
            )
            for (entry, pk), fields in chunk:
                _write(entry, pk, fields, report, user)


def _write(entry, pk, fields, report, user):
    values = {name: text for name, (_context, text) in fields.items()}
    contexts = [context for context, _text in fields.values()]
    try:
        with transaction.atomic():
            # Writing the text confirms it (translations.status's edit signals).
            entry.write_translation(pk, values, report.language, user)
    except ValidationError as error:
        message = "; ".join(error.messages)
        for context in contexts:
            report.note("errors", context, message)
        return
    for context in contexts:
        report.note("updated", context)


#: The advisory lock that lets one import write at a time (any number, fixed for the site).
IMPORT_LOCK = 7_431_002


def _lock_imports():
    """One import at a time: a second one is told so, instead of failing half-way on a lock
    or a row the first one is writing. On PostgreSQL an advisory lock held until the
    transaction ends; SQLite lets one writer in at a time by itself (``busy`` below)."""
    connection = transaction.get_connection()
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [IMPORT_LOCK])
        (locked,) = cursor.fetchone()
    if not locked:
        raise ImportBusy()


class ImportBusy(ContentExchangeError):
    def __init__(self):
        super().__init__(
            "Another import is running; nothing was imported. Try again when it has finished."
        )


class ImportRefused(ContentExchangeError):
    """Some entries have problems: the report lists them; nothing was written."""

    def __init__(self, report):
        super().__init__(f"{report.errors} problem(s); nothing was imported.")
        self.report = report
