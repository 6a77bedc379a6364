"""Applying translators' files (PO or XLIFF, read by ``exchange_files``) to the content: one
file or a set of parts as one atomic change, every entry checked, one import at a time
(``docs/architecture.md``, "PO and XLIFF exchange")."""

from array import array
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from heapq import merge

import reversion
from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug
from django.db import OperationalError, transaction
from django.utils.translation import gettext

from content.parler_cache import translations_forgotten_afterwards
from content.richtext import is_clean_html
from translations.catalogue_check import placeholder_problem
from translations.exchange import (
    ContentExchangeError,
    check_language,
    source_language,
    units_for_contexts,
)
from translations.permissions import can_translate
from translations.status import Status, confirm


@dataclass
class ImportReport:
    language: str = ""
    updated: list = field(default_factory=list)
    unchanged: int = 0  # a count: an unedited export of the whole site would list every string
    confirmed: list = field(default_factory=list)  # unchanged text, fuzzy flag cleared
    skipped: list = field(default_factory=list)  # (context, reason)
    errors: list = field(default_factory=list)  # (context, message)
    written: bool = False


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
        if taken or claimed_slugs.get((unit.model, text), unit.obj.pk) != unit.obj.pk:
            return (
                f"the address {text!r} is already used by another {unit.model._meta.verbose_name}"
            )
        claimed_slugs[(unit.model, text)] = unit.obj.pk
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
    claimed_slugs: dict = field(default_factory=dict)

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


def plan_import(catalogue, report, plan, language=None):
    """Check every entry of one file against the database, adding to ``report``; returns
    ({(entry, pk): {field: (context, text)}}, [units to confirm])."""
    file_language = _file_language(catalogue, language, report)
    entries = [entry for entry in catalogue if not entry.obsolete]
    changes = defaultdict(dict)
    confirmations = []
    for start in range(0, len(entries), ENTRIES_AT_A_TIME):
        chunk = entries[start : start + ENTRIES_AT_A_TIME]
        units = units_for_contexts(file_language, {entry.msgctxt or "" for entry in chunk})
        _check_entries(chunk, units, file_language, report, plan, changes, confirmations)
    plan.part_done()
    return changes, confirmations


#: Entries checked at a time: their objects (and every language's text) are read for them and
#: let go after, so a part of 40,000 entries never holds its 8,000 objects at once.
ENTRIES_AT_A_TIME = 2500


def _check_entries(entries, units, file_language, report, plan, changes, confirmations):
    for entry in entries:
        context = entry.msgctxt or ""
        unit = units.get(context)
        if unit is None:
            report.errors.append(
                (context or entry.msgid[:40], "unknown context: no such object or field")
            )
            continue
        if plan.seen(context):
            report.errors.append((context, "also in another part of the set: keep one"))
            continue
        if entry.msgid != unit.source:
            report.errors.append(
                (context, "the source text changed since the export: export again")
            )
            continue
        if "fuzzy" in entry.flags:
            report.skipped.append((context, "fuzzy"))
            continue
        if entry.msgid_plural:
            report.errors.append((context, "a plural entry has no place in content"))
            continue
        if not entry.msgstr:
            report.skipped.append((context, "untranslated"))
            continue
        if entry.msgstr == unit.translation:
            if unit.status == Status.STALE:
                # The fuzzy flag was cleared without a change: the translator's word that the
                # translation still matches the new source.
                confirmations.append(unit)
                report.confirmed.append(context)
            else:
                report.unchanged += 1
            continue
        problem = _validate_translation(unit, entry.msgstr, file_language, plan.claimed_slugs)
        if problem:
            report.errors.append((context, problem))
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


def _import_catalogues(catalogues, language=None, partial=False, dry_run=False, user=None):
    """Apply ``catalogues`` (``(name, catalogue)`` pairs, read one at a time: a generator keeps
    one part in memory) as one change. Raises ContentExchangeError, writing nothing, when a
    file is refused or (unless ``partial``) when any entry of any of them has a problem. The
    admin's history gets one revision, "Imported from ``name``, ..."."""
    report, plan, names = ImportReport(), _Plan(), []
    # A rolled-back import (refused, dry run) leaves no revision either, and nothing in
    # parler's cache.
    with (
        translations_forgotten_afterwards(),
        transaction.atomic(),
        reversion.create_revision(atomic=False),
    ):
        _lock_imports()
        reversion.set_user(user)
        for name, catalogue in catalogues:
            names.append(name)
            changes, confirmations = plan_import(catalogue, report, plan, language)
            del catalogue  # the next part is read once this one is applied
            if user is not None and not can_translate(user, report.language):
                raise ContentExchangeError(
                    f"{user.get_username()} may not edit the {report.language!r} text of the "
                    "content."
                )
            if report.errors and not partial:
                continue  # nothing will be written; the other parts are still checked
            _apply(changes, confirmations, report, user)
        reversion.set_comment(
            gettext("Imported from %(file)s") % {"file": ", ".join(names)}
            if any(names)
            else gettext("Imported from a PO file")
        )
        if report.errors and not partial:
            transaction.set_rollback(True)
            raise ImportRefused(report)
        if dry_run:
            transaction.set_rollback(True)
        else:
            report.written = bool(report.updated or report.confirmed)
    return report


def _apply(changes, confirmations, report, user):
    for unit in confirmations:
        confirm(unit.obj, report.language, [unit.field], {unit.field: unit.source})
    for (entry, pk), fields in changes.items():
        values = {name: text for name, (_context, text) in fields.items()}
        contexts = [context for context, _text in fields.values()]
        try:
            with transaction.atomic():
                # Writing the text confirms it (translations.status's edit signals).
                entry.write_translation(pk, values, report.language, user)
        except ValidationError as error:
            message = "; ".join(error.messages)
            report.errors.extend((context, message) for context in contexts)
            continue
        report.updated.extend(contexts)


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
        super().__init__(f"{len(report.errors)} problem(s); nothing was imported.")
        self.report = report
