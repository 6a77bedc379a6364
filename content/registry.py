"""The registry of translatable content: the one list of "every content model", read by cache
invalidation, search, sitemaps, translation status, PO exchange and the staff groups. What an
entry offers and how a model joins: ``docs/architecture.md``, "The registry"."""

from functools import cache, cached_property

from django.apps import apps
from django.db.models import Q
from django.utils.text import slugify

from content.addresses import detail_url
from content.cachetags import SHARED, any_tag, list_tag, object_tag
from content.languages import source_language
from content.models import ContentModel
from content.richtext import RichTextField

_declared = []
#: Models that are not content but whose rows every page shows (the site's settings).
_watched = []


def register(adapter):
    """Declare the adapter of a model we do not own (called from its app's ``ready()``)."""
    if all(entry.model is not adapter.model for entry in _declared):
        _declared.append(adapter)
        entries.cache_clear()
    return adapter


@cache
def entries():
    """Every translatable content type: our parler models in app and definition order, then
    the declared ones."""
    found = [
        ParlerContent(model) for model in apps.get_models() if issubclass(model, ContentModel)
    ]
    return (*found, *_declared)


def models():
    return [entry.model for entry in entries()]


def entry_for(model_or_obj):
    model = model_or_obj if isinstance(model_or_obj, type) else type(model_or_obj)
    model = model._meta.concrete_model
    for entry in entries():
        if entry.model is model:
            return entry
    raise LookupError(f"{model._meta.label} is not registered content.")


def watch(*models):
    """Declare models that are not content (no translation status, no PO exchange, no staff
    group rights) but whose rows every public page shows, in its frame (the site's settings):
    a change to them invalidates the site's shared parts (called from their app's
    ``ready()``)."""
    _watched.extend(model for model in models if model not in _watched)


def shared_models():
    """The models declared with ``watch``."""
    return list(_watched)


def watched_models():
    """Every model whose rows appear on public pages: the content models, their translation
    tables, their many-to-many link tables, what declared adapters add, and the models
    declared with ``watch`` (cache invalidation reads this)."""
    watched = list(_watched)
    for entry in entries():
        watched += entry.stored_models()
        for field in entry.model._meta.local_many_to_many:
            watched.append(field.remote_field.through)
    return list(dict.fromkeys(watched))


# --- cache tags: what a page showing a row records, what a change of it invalidates ----------


@cache
def _entries_by_stored_model():
    found = {}
    for entry in entries():
        for model in entry.stored_models():
            found.setdefault(model, entry)
    return found


def entry_of_row(row):
    """The entry whose object ``row`` is (the object's own row or one of its translations), or
    None (a link table, a model that is not content)."""
    return _entries_by_stored_model().get(type(row))


def owner_pk(entry, row):
    return row.pk if isinstance(row, entry.model) else getattr(row, "master_id", None)


def shown_tag(row):
    """The tag a page showing ``row`` records, or None."""
    entry = entry_of_row(row)
    if entry is None:
        return None
    return object_tag(entry.model, owner_pk(entry, row))


def list_field_names(row_model):
    """The fields of ``row_model`` (an entry's model or its translation model) that decide
    which objects a list shows and in which order, and what its filters offer: the model's
    ordering and publication fields, and its own ``list_fields`` (filters, option labels)."""
    entry = _entries_by_stored_model().get(row_model)
    if entry is None:
        return ()
    model = entry.model
    wanted = [name.lstrip("-") for name in model._meta.ordering or ()]
    wanted += ["status", "publish_at", *getattr(entry, "list_fields", ())]
    wanted += list(getattr(model, "list_fields", ()))
    names = {field.name for field in row_model._meta.concrete_fields}
    return tuple(dict.fromkeys(name for name in wanted if name in names and name != "pk"))


def change_tags(row, *, listed=True):
    """The tags a change of ``row`` invalidates: its object's (every page showing it, in every
    language), the model's ``any``, and when ``listed`` (created, deleted, or a list field
    changed) the model's list; the site's shared parts for an entry that is one of them."""
    entry = entry_of_row(row)
    if entry is None:
        return set()
    tags = {object_tag(entry.model, owner_pk(entry, row)), any_tag(entry.model)}
    if listed:
        tags.add(list_tag(entry.model))
    if getattr(entry, "shared", False):
        tags.add(SHARED)
    return tags


def link_tags(row):
    """The tags a change of a link row (a many-to-many table's) invalidates: both objects and
    both lists."""
    tags = set()
    for field in type(row)._meta.concrete_fields:
        if field.is_relation:
            tags |= {
                object_tag(field.related_model, getattr(row, field.attname)),
                list_tag(field.related_model),
                any_tag(field.related_model),
            }
    return tags


class ParlerContent:
    """One of our own content models: text in parler's translation rows."""

    def __init__(self, model):
        self.model = model

    def __repr__(self):
        return f"<ParlerContent {self.model._meta.label}>"

    @property
    def label(self):
        return self.model._meta.label_lower

    @cached_property
    def translated_fields(self):
        # The text, not what parler's rows keep for themselves (the per-language version).
        # Kept: read for every field of every row a list shows, and models do not change.
        return [
            name
            for name in self.model._parler_meta.get_translated_fields()
            if self.field(name).editable
        ]

    def field(self, name):
        return self.model._parler_meta.get_model_by_field(name)._meta.get_field(name)

    def max_length(self, name):
        """The longest text ``name`` may hold, or None (every text field has one)."""
        return self.field(name).max_length

    def stored_models(self):
        return [self.model, *(meta.model for meta in self.model._parler_meta)]

    def is_rich(self, name):
        return isinstance(self.field(name), RichTextField)

    def slug_taken(self, slug, language, pk):
        return (
            self.model._parler_meta.root_model.objects.filter(language_code=language, slug=slug)
            .exclude(master_id=pk)
            .exists()
        )

    def unique_slug(self, text, language, pk):
        base = slugify(text, allow_unicode=True)[:90] or "item"
        candidate, number = base, 1
        while self.slug_taken(candidate, language, pk):
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    def write_translation(self, pk, values, language, user=None):
        """Save ``values`` ({field: text}) as ``language``'s text of object ``pk``, validated
        as the admin would."""
        obj = self.model.objects.get(pk=pk)
        creating = not obj.has_translation(language)
        obj.set_current_language(language)
        for name, text in values.items():
            setattr(obj, name, text)
        if creating and "slug" in self.translated_fields and "slug" not in values:
            # A new translation needs an address; derive it from the translated title.
            obj.slug = self.unique_slug(values.get(self.model.title_field, ""), language, pk)
        translation_row = obj._get_translated_model(language, auto_create=True)
        translation_row.full_clean(exclude=["master"])
        if hasattr(obj, "updated_by") and user is not None:
            obj.updated_by = user
        obj.save()

    def objects(self):
        return self.model.objects.prefetch_related("translations").order_by(
            *(self.model._meta.ordering or ["pk"])
        )

    def rows(self, obj):
        """``{language: translation row}`` from the prefetched translations (no query)."""
        return {row.language_code: row for row in obj.translations.all()}

    def values(self, obj, language):
        row = self.rows(obj).get(language)
        if row is None:
            return None
        return {name: getattr(row, name) or "" for name in self.translated_fields}

    def available_languages(self, obj):
        return set(obj.get_available_languages())

    def key(self, obj):
        return obj.content_key

    def key_filter(self, keys):
        """A filter of ``objects()`` to those whose ``key`` is in ``keys``."""
        if any(field.name == "key" for field in self.model._meta.concrete_fields):
            return Q(key__in=keys)
        # A model whose key is not a column (the one partnership): few objects.
        return Q(pk__in=[obj.pk for obj in self.model.objects.all() if self.key(obj) in keys])

    def label_of(self, obj):
        # From the prefetched rows: str(obj) would fetch a translation per object.
        rows = self.rows(obj)
        row = rows.get(source_language()) or next(iter(rows.values()), None)
        text = getattr(row, self.model.title_field, "") if row is not None else ""
        return (text or self.key(obj) or str(obj.pk))[:80]

    def admin_url(self, obj, language):
        return obj.get_admin_url(language)

    # --- the public side ------------------------------------------------------------------

    @property
    def public(self):
        """Has it pages of its own (a detail view per object)?"""
        return getattr(self.model, "detail_url_name", None) is not None

    def published(self):
        return self.model.objects.published()

    def url_in(self, obj, language):
        return obj.get_absolute_url(language)

    @property
    def search_fields(self):
        return getattr(self.model, "search_fields", ())

    def search_rows(self, language):
        """(translation rows of published objects in ``language``, searched fields, title
        field, summary field, url of a row)."""
        rows = self.model._parler_meta.root_model.objects.filter(
            language_code=language, master__in=self.published()
        )

        def url(row):
            return detail_url(self.model.detail_url_name, row.slug, language)

        title, summary = self.model.search_result_fields
        return rows, self.search_fields, title, summary, url

    @property
    def verbose_name_plural(self):
        return self.model._meta.verbose_name_plural
