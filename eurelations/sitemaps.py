"""/sitemap.xml: every published page in every language that really has it, with alternates."""

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from cooperation.models import CooperationArea, Partner
from eurelations.i18n import available_languages
from projects.models import Project


class TranslatedContentSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    model = None

    def items(self):
        return self.model.objects.published().with_translations().order_by("pk")

    def get_languages_for_item(self, item):
        # Only the languages the object is translated into; a fallback page is not a page.
        available = available_languages(item)
        return [code for code in super().get_languages_for_item(item) if code in available]

    def lastmod(self, item):
        return item.updated_at


class CooperationAreaSitemap(TranslatedContentSitemap):
    model = CooperationArea


class ProjectSitemap(TranslatedContentSitemap):
    model = Project


class PartnerSitemap(TranslatedContentSitemap):
    model = Partner


class PagesSitemap(Sitemap):
    """Pages that exist in every language: home, the lists and the static pages."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        flatpages = FlatPage.objects.filter(
            sites__id=settings.SITE_ID, registration_required=False
        ).order_by("url")
        return ["home", "projects:project_list", "cooperation:partner_list", *flatpages]

    def get_languages_for_item(self, item):
        languages = super().get_languages_for_item(item)
        if isinstance(item, FlatPage):
            # Only the languages the page is written in; a fallback page is not a page.
            available = available_languages(item)
            return [code for code in languages if code in available]
        return languages

    def location(self, item):
        if isinstance(item, FlatPage):
            return reverse("flatpage", kwargs={"url": item.url.lstrip("/")})
        return reverse(item)


SITEMAPS = {
    "pages": PagesSitemap,
    "areas": CooperationAreaSitemap,
    "projects": ProjectSitemap,
    "partners": PartnerSitemap,
}
