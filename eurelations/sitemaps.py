"""/sitemap.xml: an index of sitemap pages, one section per public content type of the registry
plus the pages every language has; a page of a section is at most ``ContentSitemap.limit``
objects, read with one slice of the query (Django's i18n sitemaps read every object per page).
Every address is on the site's one address (``content.site``), not the Site row's or the
request's."""

from html import escape  # the standard library's: Django's wraps it for lazy strings, 3× slower
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone

from content import registry
from content.addresses import detail_url
from content.languages import language_codes
from content.site import absolute, domain, origin
from cooperation import sitemaps as cooperation_sitemaps
from pagecache.pagination import BoundedPaginator
from projects import sitemaps as projects_sitemaps


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


class OnTheSiteAddress(Sitemap):
    """Addresses on settings.SITE_URL: Django's take the scheme of the request and the domain of
    the Site row."""

    @property
    def protocol(self):
        return urlsplit(origin()).scheme

    def get_domain(self, site=None):
        return domain()


class ContentSitemap(OnTheSiteAddress):
    i18n = True
    alternates = True
    x_default = True
    # Objects per page: 250 objects in 4 languages with 5 alternates each (1,000 addresses)
    # render in about a quarter of a second (bench/); the protocol's limit is 50,000.
    limit = 250

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
        objects = ObjectsInTheirLanguages(self, self.items())
        return BoundedPaginator(objects, self.limit, count_key=f"sitemap:{self.entry.label}")

    def get_languages_for_item(self, item):
        # Only the languages the object is translated into; a fallback page is not a page.
        available = self.entry.available_languages(item)
        return [code for code in language_codes() if code in available]

    def _location(self, item, force_lang_code=None):
        # Each address is asked for once as a page and again as an alternate of each of the
        # object's pages: remember it on the object (which lives for this request only).
        obj, language = item
        language = force_lang_code or language
        known = obj.__dict__.setdefault("_sitemap_locations", {})
        if language not in known:
            known[language] = self._address(obj, language)
        return known[language]

    def _address(self, obj, language):
        """``entry.url_in(obj, language)``, from the object's own slug in that language
        (``detail_url``: no reverse() per object; tests/test_sitemap.py compares them)."""
        name = getattr(self.entry.model, "detail_url_name", None)
        rows = getattr(obj, "_prefetched_objects_cache", {}).get("translations")
        slug = next((row.slug for row in rows or () if row.language_code == language), None)
        if name is None or not slug:
            return self.entry.url_in(obj, language)
        return detail_url(name, slug, language)

    def lastmod(self, item):
        return getattr(item, "updated_at", None)

    def get_latest_lastmod(self):
        # One aggregate, not a walk over every object (Django's default for a lastmod method).
        model = self.entry.model
        if not any(field.name == "updated_at" for field in model._meta.get_fields()):
            return None
        return self.entry.published().aggregate(latest=Max("updated_at"))["latest"]


class ListPagesSitemap(OnTheSiteAddress):
    """Pages that exist in every language (home and the lists): each app names its own in its
    ``sitemaps.LIST_PAGES``."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return [*cooperation_sitemaps.LIST_PAGES, *projects_sitemaps.LIST_PAGES]

    def location(self, item):
        return reverse(item)


def sitemaps():
    sections = {"pages": ListPagesSitemap}
    for entry in registry.entries():
        if entry.public:
            sections[entry.label.replace(".", "-")] = ContentSitemap(entry)
    return sections


def index(request, sitemaps, **kwargs):
    """/sitemap.xml: Django's index, its addresses on the site's address (Django's take the Site
    row's domain)."""
    response = sitemap_views.index(request, sitemaps, **kwargs)
    for item in response.context_data["sitemaps"]:
        item.location = absolute(urlsplit(item.location)._replace(scheme="", netloc="").geturl())
    return response


def section(request, sitemaps, section):
    """One page of one section: Django's view (its 404s, Last-Modified and X-Robots-Tag), with
    the XML written here: the template engine took about a second for a page's 2 000
    addresses and 10 000 alternates, this takes a tenth of that."""
    response = sitemap_views.sitemap(request, sitemaps, section=section)
    result = HttpResponse(
        urlset_xml(response.context_data["urlset"]), content_type="application/xml"
    )
    for header, value in response.items():
        if header != "Content-Type":
            result[header] = value
    return result


def urlset_xml(urls):
    """What django/contrib/sitemaps/templates/sitemap.xml renders, without the whitespace."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset'
        ' xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:xhtml="http://www.w3.org/1999/xhtml">'
    ]
    for url in urls:
        parts.append(f"<url><loc>{escape(url['location'])}</loc>")
        if lastmod := url["lastmod"]:
            if hasattr(lastmod, "tzinfo") and timezone.is_aware(lastmod):
                lastmod = timezone.localtime(lastmod)
            parts.append(f"<lastmod>{lastmod:%Y-%m-%d}</lastmod>")
        if url["changefreq"]:
            parts.append(f"<changefreq>{escape(url['changefreq'])}</changefreq>")
        if url["priority"]:
            parts.append(f"<priority>{escape(url['priority'])}</priority>")
        parts.extend(
            f'<xhtml:link rel="alternate" hreflang="{escape(alternate["lang_code"])}"'
            f' href="{escape(alternate["location"])}"/>'
            for alternate in url["alternates"]
        )
        parts.append("</url>")
    parts.append("</urlset>\n")
    return "".join(parts)
