"""Content translation through PO files: export a language for translators, import their work,
all or nothing (``docs/architecture.md``, "PO exchange")."""

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import polib
import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug
from django.db import OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from content.parler_cache import translations_forgotten_afterwards
from content.richtext import is_clean_html
from translationmemory import lookup
from translations.catalogue_check import placeholder_problem
from translations.permissions import can_translate
from translations.status import Status, all_field_states, confirm, source_language

#: Larger files are refused before they are parsed (the whole site's content is far smaller).
MAX_FILE_SIZE = 10 * 1024 * 1024


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


def iter_units(language):
    """Every translatable string of the site in ``language``, in a stable order. A constant
    number of queries: each content type's objects with their text and confirmations."""
    for entry, obj, states in all_field_states():
        for state in states:
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


def _check_language(language):
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


def _needs_work(unit):
    return not unit.translation or unit.status == Status.STALE


def _batches(iterable, size):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass(frozen=True)
class EntryText:
    """What an exported entry says besides its context and source."""

    msgstr: str
    flags: list
    comments: list
    previous_source: str | None  # shown as ``#| msgid``: what msgstr was translated from


def entry_text(unit, match=None):
    """The text, flags and translator comments of ``unit``'s entry. A missing or stale unit
    with a memory ``match`` (``translationmemory.lookup.Match``) takes its translation, fuzzy,
    with a comment naming the score and origin, and the match's source as ``#| msgid``."""
    needs_work = _needs_work(unit)
    comments = [unit.description]
    if unit.rich:
        comments.append("Rich text: keep the HTML tags; only simple formatting is allowed.")
    if unit.field == "slug":
        comments.append("Web address: lower case letters, digits and hyphens, no spaces.")
    msgstr, previous = unit.translation, None
    if needs_work and unit.translation and unit.previous_source != unit.source:
        # What the translation was made from: PO editors show the change in the source.
        previous = unit.previous_source
    if needs_work and match is not None:
        msgstr = match.translation
        previous = match.source if match.source != unit.source else None
        comments.append(f"Translation memory: {match.score}% match, from {match.origin}")
    fuzzy = needs_work and bool(msgstr)
    return EntryText(msgstr, ["fuzzy"] if fuzzy else [], comments, previous)


def export_catalogue(language, missing=False, stale=False):
    """A ``polib.POFile`` of the content in ``language``. With ``missing`` and/or ``stale``,
    only the strings that are untranslated and/or whose translation is stale."""
    _check_language(language)
    now = timezone.now().strftime("%Y-%m-%d %H:%M%z")
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.metadata = {
        "Project-Id-Version": "eurelations content",
        "POT-Creation-Date": now,
        "PO-Revision-Date": now,
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": source_language(),
    }
    exported = (
        unit
        for unit in iter_units(language)
        if not (missing or stale)
        or (missing and not unit.translation)
        or (stale and unit.translation and unit.status == Status.STALE)
    )
    for units in _batches(exported, lookup.BATCH):
        # One lookup per batch: the memory's best match of each entry that needs work.
        matches = lookup.best_matches(
            [unit.source for unit in units if _needs_work(unit)], source_language(), language
        )
        for unit in units:
            best = matches.get(unit.source) if _needs_work(unit) else None
            text = entry_text(unit, best[0] if best else None)
            entry = polib.POEntry(
                msgctxt=unit.context,
                msgid=unit.source,
                msgstr=text.msgstr,
                comment="\n".join(text.comments),
                flags=text.flags,
            )
            if text.previous_source:
                entry.previous_msgctxt = unit.context
                entry.previous_msgid = text.previous_source
            catalogue.append(entry)
    return catalogue


# --- import -----------------------------------------------------------------------------------


@dataclass
class ImportReport:
    language: str = ""
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    confirmed: list = field(default_factory=list)  # unchanged text, fuzzy flag cleared
    skipped: list = field(default_factory=list)  # (context, reason)
    errors: list = field(default_factory=list)  # (context, message)
    written: bool = False


def read_catalogue(path):
    """Parse ``path`` as a UTF-8 PO file, refusing what cannot be a translator's file."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ContentExchangeError(f"Cannot read {path}: {error.strerror}.") from error
    if size > MAX_FILE_SIZE:
        raise ContentExchangeError(
            f"{path} is {size / 1024 / 1024:.1f} MB; a content file is at most "
            f"{MAX_FILE_SIZE // 1024 // 1024} MB. Nothing was imported."
        )
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise ContentExchangeError(
            f"{path} is not UTF-8 text (byte {error.start}); save it as UTF-8."
        ) from error
    if not text.strip():
        raise ContentExchangeError(f"{path} is empty.")
    try:
        catalogue = polib.pofile(text, encoding="utf-8", check_for_duplicates=True, wrapwidth=0)
    except (OSError, ValueError) as error:
        raise ContentExchangeError(f"{path} is not a valid PO file: {error}") from error
    content_type = catalogue.metadata.get("Content-Type", "")
    if "charset=utf-8" not in content_type.lower().replace(" ", ""):
        raise ContentExchangeError(
            f"{path} declares {content_type or 'no Content-Type'!r}; a content file must say "
            "'Content-Type: text/plain; charset=UTF-8'."
        )
    return catalogue


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


def plan_import(catalogue, language=None):
    """Check every entry against the database; returns (report, {(entry, pk): {field:
    (context, text)}}, [units to confirm])."""
    file_language = (catalogue.metadata.get("Language") or "").strip()
    report = ImportReport(language=file_language)
    if not file_language:
        raise ContentExchangeError("The file has no Language header: which language is it?")
    if language and file_language != language:
        raise ContentExchangeError(
            f"The file is a {file_language!r} translation, not {language!r}. Nothing was imported."
        )
    _check_language(file_language)
    declared_source = catalogue.metadata.get("X-Source-Language")
    if declared_source and declared_source != source_language():
        raise ContentExchangeError(
            f"The file was translated from {declared_source!r}, but the source language is "
            f"{source_language()!r}."
        )
    units = {unit.context: unit for unit in iter_units(file_language)}
    changes = defaultdict(dict)
    confirmations = []
    claimed_slugs = {}
    for entry in catalogue:
        if entry.obsolete:
            continue
        context = entry.msgctxt or ""
        unit = units.get(context)
        if unit is None:
            report.errors.append(
                (context or entry.msgid[:40], "unknown context: no such object or field")
            )
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
                report.unchanged.append(context)
            continue
        problem = _validate_translation(unit, entry.msgstr, file_language, claimed_slugs)
        if problem:
            report.errors.append((context, problem))
            continue
        changes[(unit.entry, unit.obj.pk)][unit.field] = (context, entry.msgstr)
    return report, changes, confirmations


def import_catalogue(catalogue, *args, **kwargs):
    """Apply a translator's catalogue (``_import_catalogue``), one import at a time."""
    try:
        return _import_catalogue(catalogue, *args, **kwargs)
    except OperationalError as error:
        # SQLite's answer to a second writer ("database is locked").
        if "locked" in str(error):
            raise ImportBusy() from error
        raise


def _import_catalogue(
    catalogue, language=None, partial=False, dry_run=False, user=None, source=None
):
    """Apply a translator's catalogue. Raises ContentExchangeError, writing nothing, when the
    file is refused or (unless ``partial``) when any entry has a problem. The admin's history
    gets one revision, "Imported from ``source``" (the file's name)."""
    report, changes, confirmations = plan_import(catalogue, language)
    if user is not None and not can_translate(user, report.language):
        raise ContentExchangeError(
            f"{user.get_username()} may not edit the {report.language!r} text of the content."
        )
    if report.errors and not partial:
        raise ImportRefused(report)
    # A rolled-back import (refused, dry run) leaves no revision either, and nothing in
    # parler's cache.
    with (
        translations_forgotten_afterwards(),
        transaction.atomic(),
        reversion.create_revision(atomic=False),
    ):
        _lock_imports()
        reversion.set_user(user)
        reversion.set_comment(
            gettext("Imported from %(file)s") % {"file": source}
            if source
            else gettext("Imported from a PO file")
        )
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
        if report.errors and not partial:
            transaction.set_rollback(True)
            raise ImportRefused(report)
        if dry_run:
            transaction.set_rollback(True)
        else:
            report.written = bool(report.updated or report.confirmed)
    return report


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
