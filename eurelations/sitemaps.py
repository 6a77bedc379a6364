"""/sitemap.xml: an index of sitemap pages, each listing at most ``ContentSitemap.limit``
objects in every language that really has them, with alternates. One section per public content
type of the registry, plus the pages every language has.

Django's ``i18n`` sitemaps expand every object into its languages before paginating, so each
page would read every object: here a page is ``limit`` objects (at most ``limit`` × languages
addresses), read with one slice of the query."""

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Max
from django.urls import reverse

from eurelations import registry


class ObjectsInTheirLanguages:
    """For the paginator: counts objects, and a slice of it is those objects' (object,
    language) pairs."""

    def __init__(self, sitemap, queryset):
        self.sitemap = sitemap
        self.queryset = queryset

    def count(self):
        return self.queryset.count()

    def __getitem__(self, bounds):
        return [
            (obj, language)
            for obj in self.queryset[bounds]
            for language in self.sitemap.get_languages_for_item(obj)
        ]


class ContentSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    # Objects per page: 500 objects in 4 languages with 5 alternates each render in well under
    # a second (bench/); the protocol's own limit is 50 000 addresses.
    limit = 500

    def __init__(self, entry):
        super().__init__()
        self.entry = entry

    def items(self):
        items = self.entry.published()
        if hasattr(items, "with_translations"):
            items = items.with_translations()
        return items.order_by("pk")

    @property
    def paginator(self):
        return Paginator(ObjectsInTheirLanguages(self, self.items()), self.limit)

    def get_languages_for_item(self, item):
        # Only the languages the object is translated into; a fallback page is not a page.
        available = self.entry.available_languages(item)
        return [code for code in super().get_languages_for_item(item) if code in available]

    def _location(self, item, force_lang_code=None):
        # Each address is asked for once as a page and again as an alternate of each of the
        # object's pages: remember it on the object (which lives for this request only).
        obj, language = item
        language = force_lang_code or language
        known = obj.__dict__.setdefault("_sitemap_locations", {})
        if language not in known:
            known[language] = self.entry.url_in(obj, language)
        return known[language]

    def lastmod(self, item):
        return getattr(item, "updated_at", None)

    def get_latest_lastmod(self):
        # One aggregate, not a walk over every object (Django's default for a lastmod method).
        model = self.entry.model
        if not any(field.name == "updated_at" for field in model._meta.get_fields()):
            return None
        return self.entry.published().aggregate(latest=Max("updated_at"))["latest"]


class ListPagesSitemap(Sitemap):
    """Pages that exist in every language: home and the lists."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["home", "projects:project_list", "cooperation:partner_list"]

    def location(self, item):
        return reverse(item)


def sitemaps():
    sections = {"pages": ListPagesSitemap}
    for entry in registry.entries():
        if entry.public:
            sections[entry.label.replace(".", "-")] = ContentSitemap(entry)
    return sections
