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

from content import history, registry
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
    """The differences from version ``old`` to ``new`` of one item of ``model``, the rows its
    versions follow (``history.followed``: the partnership's objectives) included."""
    revisions = (old.revision_id, new.revision_id)
    found = Found()
    items = _loaded(model, [old, new], revisions)
    _compare_item(model, items.get(_key(old)), items.get(_key(new)), found)
    for relation in history.followed(model):
        child, link = relation.related_model, relation.field
        versions = list(
            _stored(child, revisions).filter(
                **{f"data__0__fields__{link.name}": _stored_pk(model, old.object_id)}
            )
        )
        children = _loaded(child, versions, revisions)
        pairs = {
            version.object_id: (
                children.get((old.revision_id, version.object_id)),
                children.get((new.revision_id, version.object_id)),
            )
            for version in versions
        }
        # Numbered as the page lists them (the model's ordering, as of the newer version).
        ordered = sorted(pairs.items(), key=lambda item: _position(child, *item))
        for number, (_pk, (before, after)) in enumerate(ordered, start=1):
            found.item = f"{capfirst(child._meta.verbose_name)} {number}"
            _compare_item(child, before, after, found, exclude={link.name})
    names = dict(settings.LANGUAGES)
    languages = [
        LanguageChanges(code, names[code], "rtl" if is_rtl(code) else "ltr", found.text[code])
        for code in language_codes()
        if found.text.get(code)
    ]
    return Comparison(old=old, new=new, shared=found.shared, languages=languages)


class Found:
    """The changes found so far: shared fields, and text per language; ``item`` names the
    followed row being compared (None: the item itself)."""

    def __init__(self):
        self.shared, self.text, self.item = [], {}, None

    def add(self, change, language=None):
        if change is None:
            return
        if self.item:
            change.label = _("%(item)s: %(field)s") % {"item": self.item, "field": change.label}
        if language is None:
            self.shared.append(change)
        else:
            self.text.setdefault(language, []).append(change)


def _position(model, pk, pair):
    data = (pair[1] or pair[0])[0].field_dict
    names = [name for name in model._meta.ordering if isinstance(name, str) and name in data]
    return [(data[name] is None, data[name]) for name in names] + [(len(pk), pk)]


def _stored_pk(model, object_id):
    """A primary key as the stored JSON holds it (a number for an integer key)."""
    value = model._meta.pk.to_python(object_id)
    return value if isinstance(value, int) else str(value)


def _key(version):
    return (version.revision_id, version.object_id)


def _stored(model, revisions):
    """The versions of ``model``'s rows in ``revisions``, their JSON readable by the database."""
    return (
        Version.objects.get_for_model(model)
        .filter(revision_id__in=revisions, format="json")
        .annotate(data=Cast("serialized_data", models.JSONField()))
    )


def _loaded(model, versions, revisions):
    """``{(revision id, object id): (version, object)}``: each version's object as it was, with
    its translation rows from the same revision (one query per translation table)."""
    items = {_key(version): (version, version._object_version.object) for version in versions}
    if not issubclass(model, TranslatableModel) or not items:
        return items
    masters = sorted({_stored_pk(model, version.object_id) for version in versions})
    rows = {}
    for meta in model._parler_meta:
        for version in _stored(meta.model, revisions).filter(data__0__fields__master__in=masters):
            row = version._object_version.object
            key = (version.revision_id, str(row.master_id))
            rows.setdefault(key, {}).setdefault(meta.model, []).append(row)
    for key, (_version, obj) in items.items():
        _attach_translations(model, obj, rows.get(key, {}))
    return items


def _attach_translations(model, obj, rows_by_model):
    """Give ``obj`` (an unsaved copy from a version) its stored translation rows as prefetched
    rows: what the registry adapter reads, and no query."""
    obj._prefetched_objects_cache = {}
    for meta in model._parler_meta:
        rows = meta.model._base_manager.none()
        rows._result_cache = rows_by_model.get(meta.model, [])
        rows._prefetch_done = True
        obj._prefetched_objects_cache[meta.rel_name] = rows


def _compare_item(model, before, after, found, exclude=()):
    """Add what changed from ``before`` to ``after`` (``(version, object)``, or None where the
    row is absent: added or deleted) to ``found``."""
    try:
        entry = registry.entry_for(model)
    except LookupError:
        # A parler model outside the registry (the glossary's terms) is read by the same
        # adapter as the content's, without being registered.
        entry = registry.ParlerContent(model) if issubclass(model, TranslatableModel) else None
    old = before[0].field_dict if before else {}
    new = after[0].field_dict if after else {}
    for change in _shared_changes(model, entry, old, new, exclude):
        found.add(change)
    if entry is None:
        return
    for code in language_codes():
        old_values = (entry.values(before[1], code) if before else None) or {}
        new_values = (entry.values(after[1], code) if after else None) or {}
        for name in entry.translated_fields:
            found.add(
                _text_change(
                    capfirst(entry.field(name).verbose_name),
                    old_values.get(name) or "",
                    new_values.get(name) or "",
                    rich=entry.is_rich(name),
                ),
                code,
            )


def _text_change(label, old, new, rich=False):
    if not has_changes(old, new):
        return None
    if rich:
        old_text, new_text = html_text(old), html_text(new)
        if old_text == new_text:
            return FieldChange(label, word_diff_html(old, new), markup_only=True)
        old, new = old_text, new_text
    return FieldChange(label, word_diff_html(old, new))


def _shared_fields(model, entry, exclude=()):
    """The editable fields every language shares: not the text (nor modeltranslation's
    per-language columns of it), not the counters."""
    text = set(entry.translated_fields) if entry else set()
    text |= {f"{name}_{code.replace('-', '_')}" for name in text for code in language_codes()}
    return [
        f
        for f in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if f.editable
        and not f.primary_key
        and f.name not in text
        and f.name not in history.COUNTERS
        and f.name not in exclude
    ]


def _shared_changes(model, entry, old, new, exclude=()):
    changed = [
        f
        for f in _shared_fields(model, entry, exclude)
        if old.get(f.attname) != new.get(f.attname)
    ]
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
