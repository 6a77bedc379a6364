"""The content's querysets: publication, and translations fetched with their objects (one more
query for all of them, never one per object; django-parler #3, #103)."""

from django.db import models
from django.db.models import Q
from django.db.models.query import ModelIterable
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableQuerySet
from parler.utils.i18n import get_active_language_choices

from content.cachetags import list_tag, record
from content.languages import language_codes


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class FetchedTranslations:
    """An object's translations fetched with it (``TranslationsIterable``), kept where Django
    keeps a prefetch (``_prefetched_objects_cache``): parler's getters and fallbacks,
    ``get_available_languages()``, and ``obj.translations.all()``, ``count()`` and
    ``exists()`` read it without a query. Any other queryset method (``filter``, ``get``...)
    asks the database, for this object's translations."""

    def __init__(self, rows, master):
        self._rows = rows
        self._master = master

    def __iter__(self):
        return iter(self._rows)

    def __len__(self):
        return len(self._rows)

    def __getitem__(self, index):
        return self._rows[index]

    def all(self):
        return self

    def count(self):
        return len(self._rows)

    def exists(self):
        return bool(self._rows)

    def __getattr__(self, name):
        if name.startswith("_"):  # copy and pickle look for hooks before __init__ has run
            raise AttributeError(name)
        rows = self._master._parler_meta.root_model._base_manager.filter(master=self._master)
        return getattr(rows, name)


class TranslationsIterable(ModelIterable):
    """The objects, then their translations (in ``queryset._translation_languages``, or all)
    in one more query.

    Not Django's prefetch: that builds a related queryset per object to hold its rows, about
    a third of the cost of a list of twelve with their translations."""

    # Bound to the number of query parameters SQLite accepts, for a long iterator().
    BATCH = 1000

    def __iter__(self):
        objects = list(super().__iter__())
        languages = self.queryset._translation_languages
        meta = self.queryset.model._parler_meta
        found = {}
        for start in range(0, len(objects), self.BATCH):
            rows = meta.root_model._base_manager.using(self.queryset.db).filter(
                master_id__in=[obj.pk for obj in objects[start : start + self.BATCH]]
            )
            if languages is not None:
                rows = rows.filter(language_code__in=languages)
            for row in rows:
                found.setdefault(row.master_id, []).append(row)
        for obj in objects:
            rows = found.get(obj.pk, [])
            for row in rows:
                row._state.fields_cache["master"] = obj
            obj.__dict__.setdefault("_prefetched_objects_cache", {})[meta.root_rel_name] = (
                FetchedTranslations(rows, obj)
            )
            yield obj


class ContentQuerySet(TranslatableQuerySet):
    #: The languages ``TranslationsIterable`` fetches with the objects (None: all of them).
    _translation_languages = None

    def with_translations(self):
        """Each object with all its translations: one query for all of them instead of one
        per object (django-parler #3, #103)."""
        return self._with_translations_in(None)

    def with_shown_translations(self):
        """Like ``with_translations()``, but only the languages a page in the active language
        can show: its own and its fallbacks (half the rows in Arabic or English). For the
        objects a page lists; the object a page is about needs every language it has (its
        alternates)."""
        return self._with_translations_in(
            tuple(get_active_language_choices(translation.get_language()))
        )

    def _with_translations_in(self, languages):
        clone = self._chain()
        clone._translation_languages = languages
        clone._iterable_class = TranslationsIterable
        return clone

    def _fetch_all(self):
        # A page that runs this query shows which objects it finds (even none): a change of
        # which objects are shown (``list_tag``) makes it out of date.
        if self._result_cache is None:
            record(list_tag(self.model))
        super()._fetch_all()

    def _clone(self):
        clone = super()._clone()
        clone._translation_languages = self._translation_languages
        return clone

    def first_with_shown_translations(self):
        """The first object, with the translations a page in the active language can show, in
        one query: those translation rows with their object joined, where a queryset and its
        translations are two. For a page about one object chosen by a filter (the
        partnership); an object with none of those translations costs the two queries."""
        languages = tuple(get_active_language_choices(translation.get_language()))
        ordering = self.query.order_by or self.model._meta.ordering or ["pk"]
        first = self.order_by(*ordering).values("pk")[:1]
        objects = self._with_their_rows(master_id__in=first, language_code__in=languages)
        if not objects:
            return self.with_shown_translations().first()
        return objects[0]

    def _with_their_rows(self, **lookups):
        """The objects of the translation rows matching ``lookups`` (and this queryset), each
        holding those rows as ``TranslationsIterable`` would: one query, the rows with their
        object joined."""
        meta = self.model._parler_meta
        rows = (
            meta.root_model._base_manager.using(self.db)
            .select_related("master")
            .filter(master_id__in=self.values("pk"))
            .filter(**lookups)
        )
        found = {}
        for row in rows:
            obj, its_rows = found.setdefault(row.master_id, (row.master, []))
            row._state.fields_cache["master"] = obj
            its_rows.append(row)
        for obj, its_rows in found.values():
            obj.__dict__.setdefault("_prefetched_objects_cache", {})[meta.root_rel_name] = (
                FetchedTranslations(its_rows, obj)
            )
        return [obj for obj, _rows in found.values()]

    def get_by_slug(self, slug):
        """The object whose slug is ``slug`` in the active language; failing that, in its
        fallback languages, then in any language (a visitor may follow a link made for another
        language). 404 when none has it.

        Each lookup matches language and slug on the same translation row, in a subquery, so
        an object is never listed once per translation (django-parler #330, #281).
        """
        language = translation.get_language()
        obj = self._first_with_slug([language], slug)
        if obj is None:
            preference = get_active_language_choices(language)
            preference += [code for code in language_codes() if code not in preference]
            obj = self._first_with_slug(preference[1:], slug)
        if obj is None:
            raise Http404("No such page.")
        return obj

    def _first_with_slug(self, languages, slug):
        # A subquery, not a join: no DISTINCT (the slug may be the object's in several of the
        # languages), answered from the (language, slug) unique index.
        # Every translation of each object that has the slug, with the object: one query.
        rows = self.model._parler_meta.root_model._base_manager.filter(
            language_code__in=languages, slug=slug
        )
        candidates = self._with_their_rows(master_id__in=rows.values("master_id"))
        if not candidates:
            return None

        # Several objects may use this slug in different languages: prefer the earliest.
        def rank(obj):
            owned = {t.language_code for t in obj.translations.all() if t.slug == slug}
            return min(languages.index(code) for code in owned if code in languages)

        return min(candidates, key=rank)


class PublishableQuerySet(ContentQuerySet):
    def published(self):
        """What the public may see: published, and its scheduled time (if any) has come."""
        # One filter() call: each call clones the query and resolves its lookups again.
        return self.filter(
            Q(status=PublicationStatus.PUBLISHED)
            & (Q(publish_at__isnull=True) | Q(publish_at__lte=timezone.now()))
        )

    def visible_to(self, user):
        """What ``user`` may open: the published items, and for staff who may view this model
        in the admin also drafts and scheduled items (the admin's "View on site" preview)."""
        opts = self.model._meta
        if (
            user.is_authenticated
            and user.is_staff
            and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
        ):
            return self
        return self.published()
