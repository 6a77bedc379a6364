"""Two stored versions of one item compared: per shared field and per language, what changed,
word by word (``content.worddiff``); unchanged fields are left out.

A version of a parler model holds its translation rows as versions of their own in the same
revision (``content.history.register``); they are found by their ``master`` in the stored JSON,
so a language deleted since is still compared. The texts are read through the item's registry
adapter (``values(obj, language)``), so parler's rows and modeltranslation's columns are one
case. Rich text is compared as the text a reader sees (markup changes alone are shown as the
sanitised HTML's source): a diff of the HTML source would bury a changed word in tags."""

import html
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from django.db.models.functions import Cast
from django.utils.formats import localize
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel
from reversion.models import Version

from content import registry
from content.history import COUNTERS
from content.languages import is_rtl, language_codes
from content.worddiff import has_changes, word_diff_html

#: The closing tags after which a reader sees a new line.
BLOCK_END = re.compile(r"(</(p|li|h[1-6]|blockquote|ul|ol)>|<br\s*/?>)", re.IGNORECASE)
TAG = re.compile(r"<[^>]*>")


def html_text(value):
    """The text of rich text as a reader sees it: a line per block, entities decoded."""
    return html.unescape(TAG.sub("", BLOCK_END.sub("\n", value or ""))).strip()


@dataclass
class FieldChange:
    label: str
    diff: str  # safe HTML: word_diff_html's
    #: Only the markup changed (rich text): ``diff`` is of the HTML source.
    markup_only: bool = False


@dataclass
class LanguageChanges:
    code: str
    name: str
    direction: str
    changes: list = field(default_factory=list)


@dataclass
class Comparison:
    old: Version
    new: Version
    shared: list
    languages: list  # the languages with changes, in the site's order

    @property
    def unchanged(self):
        return not self.shared and not self.languages


def versions_of(model, object_id):
    """The stored versions of one item, oldest first, with who saved them."""
    return (
        Version.objects.get_for_object_reference(model, object_id)
        .select_related("revision__user")
        .order_by("pk")
    )


def compare(model, old, new):
    """The differences from version ``old`` to ``new`` of one item of ``model``."""
    before, after = old._object_version.object, new._object_version.object
    translations = _translation_rows(model, old.object_id, [old, new])
    for version, obj in ((old, before), (new, after)):
        _attach_translations(model, obj, translations.get(version.revision_id, {}))
    try:
        entry = registry.entry_for(model)
    except LookupError:
        entry = None
    return Comparison(
        old=old,
        new=new,
        shared=_shared_changes(model, entry, old.field_dict, new.field_dict),
        languages=_language_changes(entry, before, after) if entry else [],
    )


def _translation_rows(model, object_id, versions):
    """``{revision id: {translation model: [rows]}}``: each version's translation rows, from
    the stored JSON (one query per translation table, whatever the number of versions)."""
    found = {}
    if not issubclass(model, TranslatableModel):
        return found
    for meta in model._parler_meta:
        stored = (
            Version.objects.get_for_model(meta.model)
            .filter(revision_id__in=[version.revision_id for version in versions], format="json")
            .annotate(data=Cast("serialized_data", models.JSONField()))
            .filter(data__0__fields__master=int(object_id))
        )
        for version in stored:
            rows = found.setdefault(version.revision_id, {}).setdefault(meta.model, [])
            rows.append(version._object_version.object)
    return found


def _attach_translations(model, obj, rows_by_model):
    """Give ``obj`` (an unsaved copy from a version) its stored translation rows as prefetched
    rows: what the registry adapter reads, and no query."""
    if not issubclass(model, TranslatableModel):
        return
    obj._prefetched_objects_cache = {}
    for meta in model._parler_meta:
        rows = meta.model._base_manager.none()
        rows._result_cache = rows_by_model.get(meta.model, [])
        rows._prefetch_done = True
        obj._prefetched_objects_cache[meta.rel_name] = rows


def _language_changes(entry, before, after):
    languages = []
    names = dict(settings.LANGUAGES)
    for code in language_codes():
        old_values = entry.values(before, code) or {}
        new_values = entry.values(after, code) or {}
        changes = []
        for name in entry.translated_fields:
            change = _text_change(
                capfirst(entry.field(name).verbose_name),
                old_values.get(name) or "",
                new_values.get(name) or "",
                rich=entry.is_rich(name),
            )
            if change is not None:
                changes.append(change)
        if changes:
            direction = "rtl" if is_rtl(code) else "ltr"
            languages.append(LanguageChanges(code, names[code], direction, changes))
    return languages


def _text_change(label, old, new, rich=False):
    if not has_changes(old, new):
        return None
    if rich:
        old_text, new_text = html_text(old), html_text(new)
        if old_text == new_text:
            return FieldChange(label, word_diff_html(old, new), markup_only=True)
        old, new = old_text, new_text
    return FieldChange(label, word_diff_html(old, new))


def _shared_fields(model, entry):
    """The editable fields every language shares: not the text (nor modeltranslation's
    per-language columns of it), not the counters."""
    text = set(entry.translated_fields) if entry else set()
    text |= {f"{name}_{code.replace('-', '_')}" for name in text for code in language_codes()}
    return [
        f
        for f in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if f.editable and not f.primary_key and f.name not in text and f.name not in COUNTERS
    ]


def _shared_changes(model, entry, old, new):
    changed = [f for f in _shared_fields(model, entry) if old.get(f.attname) != new.get(f.attname)]
    labels = _related_labels(changed, old, new)
    changes = []
    for f in changed:
        old_text = _display(f, old.get(f.attname), labels)
        new_text = _display(f, new.get(f.attname), labels)
        change = _text_change(capfirst(f.verbose_name), old_text, new_text)
        if change is not None:
            changes.append(change)
    return changes


def _related_labels(fields, old, new):
    """``{(model, pk): label}`` of the objects the changed relations name: one query per
    changed relation, translations prefetched for content."""
    labels = {}
    for f in fields:
        if not f.is_relation:
            continue
        pks = set()
        for values in (old, new):
            value = values.get(f.attname)
            pks |= set(value) if isinstance(value, list | tuple | set) else {value}
        pks.discard(None)
        related = f.related_model
        try:
            entry = registry.entry_for(related)
            objects, label = entry.objects().filter(pk__in=pks), entry.label_of
        except LookupError:
            objects, label = related._base_manager.filter(pk__in=pks), str
        labels.update({(related, obj.pk): label(obj) for obj in objects})
    return labels


def _display(f, value, labels):
    """A stored value as staff read it."""
    if value is None or value == "":
        return ""
    if f.many_to_many:
        return ", ".join(sorted(str(labels.get((f.related_model, pk), pk)) for pk in value))
    if f.is_relation:
        return str(labels.get((f.related_model, value), value))
    if f.flatchoices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    return str(localize(value))
