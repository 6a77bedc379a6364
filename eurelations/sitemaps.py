"""/sitemap.xml: every published page in every language that really has it, with alternates.
One section per public content type of the registry, plus the pages every language has."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from eurelations import registry


class ContentSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def __init__(self, entry):
        super().__init__()
        self.entry = entry

    def items(self):
        items = self.entry.published()
        if hasattr(items, "with_translations"):
            items = items.with_translations()
        return items.order_by("pk")

    def get_languages_for_item(self, item):
        # Only the languages the object is translated into; a fallback page is not a page.
        available = self.entry.available_languages(item)
        return [code for code in super().get_languages_for_item(item) if code in available]

    def location(self, item):
        # The sitemap framework activates each language in turn.
        from django.utils import translation

        return self.entry.url_in(item, translation.get_language())

    def lastmod(self, item):
        return getattr(item, "updated_at", None)


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
