"""Content translation through PO files: export a language for translators, import their work.

One PO entry per translatable field of every content object (the parler models and the
modeltranslation flatpages):

- ``msgctxt`` names model, object and field in a way that survives a database copy:
  ``projects.project:wapis:summary`` (the object's stable ``key``), ``cooperation.partnership:main:
  title`` (the one partnership), ``flatpages.flatpage:/pages/legal/:content`` (its url);
- ``msgid`` is the text in the source language (``settings.CONTENT_SOURCE_LANGUAGE``);
- ``msgstr`` is the current translation; a stale one is flagged ``fuzzy``, as gettext does for
  "needs review", and PO editors clear the flag when the translator edits the string.

An import is all or nothing: every entry is checked first (language, context, source text,
placeholders, rich text, slugs) and one problem means nothing is written, unless ``partial``.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import polib
import reversion
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from modeltranslation.utils import build_localized_fieldname

from eurelations.catalogue_check import placeholder_problem
from eurelations.permissions import can_translate
from eurelations.richtext import RichTextField, is_clean_html
from eurelations.translation_status import (
    FLATPAGE_FIELDS,
    Status,
    flatpage_statuses_of,
    flatpage_values,
    parler_models,
    source_language,
    statuses_of,
    translated_fields,
)

#: Larger files are refused before they are parsed (the whole site's content is far smaller).
MAX_FILE_SIZE = 10 * 1024 * 1024
PARTNERSHIP_KEY = "main"


class ContentExchangeError(Exception):
    """A file that cannot be imported at all; the message says why for the translator."""


@dataclass
class Unit:
    """One translatable string: a field of an object, in the source and the target language."""

    context: str
    model: type
    obj: object
    field: str
    source: str
    translation: str
    status: str
    rich: bool
    description: str


def object_key(obj):
    if obj._meta.label_lower == "flatpages.flatpage":
        return obj.url
    if obj._meta.label_lower == "cooperation.partnership":
        return PARTNERSHIP_KEY
    return obj.key


def make_context(obj, field_name):
    return f"{obj._meta.label_lower}:{object_key(obj)}:{field_name}"


def _is_rich(model, field_name):
    if model._meta.label_lower == "flatpages.flatpage":
        return field_name == "content"
    translation_model = model._parler_meta.get_model_by_field(field_name)
    return isinstance(translation_model._meta.get_field(field_name), RichTextField)


def _field_label(model, field_name):
    if model._meta.label_lower == "flatpages.flatpage":
        return str(model._meta.get_field(field_name).verbose_name)
    translation_model = model._parler_meta.get_model_by_field(field_name)
    return str(translation_model._meta.get_field(field_name).verbose_name)


def iter_units(language):
    """Every translatable string of the site in ``language``, in a stable order. A constant
    number of queries: each model's objects with their translations prefetched."""
    source = source_language()
    for model in parler_models():
        fields = translated_fields(model)
        for obj in model.objects.prefetch_related("translations").order_by(
            *(model._meta.ordering or ["pk"])
        ):
            rows = {row.language_code: row for row in obj.translations.all()}
            source_row, target_row = rows.get(source), rows.get(language)
            if source_row is None:
                continue
            status = statuses_of(obj)[language]
            for name in fields:
                text = getattr(source_row, name) or ""
                if not text:
                    continue
                yield Unit(
                    context=make_context(obj, name),
                    model=model,
                    obj=obj,
                    field=name,
                    source=text,
                    translation=(getattr(target_row, name) or "") if target_row else "",
                    status=status,
                    rich=_is_rich(model, name),
                    description=f"{model._meta.verbose_name} {object_key(obj)}: "
                    f"{_field_label(model, name)}",
                )
    FlatPage = apps.get_model("flatpages", "FlatPage")
    for page in FlatPage.objects.prefetch_related("translation_hashes").order_by("url"):
        status = flatpage_statuses_of(page)[language]
        source_values, target_values = (
            flatpage_values(page, source),
            flatpage_values(page, language),
        )
        for name in FLATPAGE_FIELDS:
            if not source_values[name]:
                continue
            yield Unit(
                context=make_context(page, name),
                model=FlatPage,
                obj=page,
                field=name,
                source=source_values[name],
                translation=target_values[name],
                status=status,
                rich=_is_rich(FlatPage, name),
                description=f"{FlatPage._meta.verbose_name} {page.url}: "
                f"{_field_label(FlatPage, name)}",
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
    for unit in iter_units(language):
        is_missing = not unit.translation
        is_stale = unit.status == Status.STALE and not is_missing
        if (missing or stale) and not ((missing and is_missing) or (stale and is_stale)):
            continue
        comments = [unit.description]
        if unit.rich:
            comments.append("Rich text: keep the HTML tags; only simple formatting is allowed.")
        if unit.field == "slug":
            comments.append("Web address: lower case letters, digits and hyphens, no spaces.")
        catalogue.append(
            polib.POEntry(
                msgctxt=unit.context,
                msgid=unit.source,
                msgstr=unit.translation,
                comment="\n".join(comments),
                flags=["fuzzy"] if is_stale else [],
            )
        )
    return catalogue


# --- import -----------------------------------------------------------------------------------


@dataclass
class ImportReport:
    language: str = ""
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
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
        translation_model = unit.model._parler_meta.root_model
        taken = (
            translation_model.objects.filter(language_code=language, slug=text)
            .exclude(master_id=unit.obj.pk)
            .exists()
        )
        if taken or claimed_slugs.get((unit.model, text), unit.obj.pk) != unit.obj.pk:
            return (
                f"the address {text!r} is already used by another {unit.model._meta.verbose_name}"
            )
        claimed_slugs[(unit.model, text)] = unit.obj.pk
    if unit.model._meta.label_lower != "flatpages.flatpage":
        model_field = unit.model._parler_meta.get_model_by_field(unit.field)._meta.get_field(
            unit.field
        )
    else:
        model_field = unit.model._meta.get_field(unit.field)
    if model_field.max_length and len(text) > model_field.max_length:
        return f"too long: {len(text)} characters, at most {model_field.max_length}"
    return None


def plan_import(catalogue, language=None):
    """Check every entry against the database; returns (report, {(model, pk): {field: text}})."""
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
            report.unchanged.append(context)
            continue
        problem = _validate_translation(unit, entry.msgstr, file_language, claimed_slugs)
        if problem:
            report.errors.append((context, problem))
            continue
        changes[(unit.model, unit.obj.pk)][unit.field] = (context, entry.msgstr)
    return report, changes


def _unique_slug(model, language, text, pk):
    base = slugify(text, allow_unicode=True)[:90] or "item"
    translation_model = model._parler_meta.root_model
    candidate, number = base, 1
    while (
        translation_model.objects.filter(language_code=language, slug=candidate)
        .exclude(master_id=pk)
        .exists()
    ):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _apply_parler(model, pk, values, language, user):
    obj = model.objects.get(pk=pk)
    creating = not obj.has_translation(language)
    obj.set_current_language(language)
    for name, text in values.items():
        setattr(obj, name, text)
    if creating and "slug" in translated_fields(model) and "slug" not in values:
        # A new translation needs an address; derive it from the translated title or name.
        title = next((values[n] for n in ("title", "name") if n in values), "")
        obj.slug = _unique_slug(model, language, title, pk)
    translation = obj._get_translated_model(language, auto_create=True)
    translation.full_clean(exclude=["master"])
    if hasattr(obj, "updated_by") and user is not None:
        obj.updated_by = user
    obj.save()


def _apply_flatpage(model, pk, values, language, user):
    page = model.objects.get(pk=pk)
    for name, text in values.items():
        setattr(page, build_localized_fieldname(name, language), text)
    page.full_clean()
    page.save()


def import_catalogue(
    catalogue, language=None, partial=False, dry_run=False, user=None, source=None
):
    """Apply a translator's catalogue. Raises ContentExchangeError, writing nothing, when the
    file is refused or (unless ``partial``) when any entry has a problem. The admin's history
    gets one revision, "Imported from ``source``" (the file's name)."""
    report, changes = plan_import(catalogue, language)
    if user is not None and not can_translate(user, report.language):
        raise ContentExchangeError(
            f"{user.get_username()} may not edit the {report.language!r} text of the content."
        )
    if report.errors and not partial:
        raise ImportRefused(report)
    # A rolled-back import (refused, dry run) leaves no revision either.
    with transaction.atomic(), reversion.create_revision(atomic=False):
        reversion.set_user(user)
        reversion.set_comment(
            gettext("Imported from %(file)s") % {"file": source}
            if source
            else gettext("Imported from a PO file")
        )
        for (model, pk), fields in changes.items():
            values = {name: text for name, (_context, text) in fields.items()}
            contexts = [context for context, _text in fields.values()]
            apply = _apply_flatpage if model._meta.label_lower == "flatpages.flatpage" else None
            try:
                with transaction.atomic():
                    (apply or _apply_parler)(model, pk, values, report.language, user)
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
            report.written = bool(report.updated)
    return report


class ImportRefused(ContentExchangeError):
    """Some entries have problems: the report lists them; nothing was written."""

    def __init__(self, report):
        super().__init__(f"{len(report.errors)} problem(s); nothing was imported.")
        self.report = report
