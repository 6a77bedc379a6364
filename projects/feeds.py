"""RSS 2.0 and Atom feeds of the projects, one per language (the URL carries the language), their
addresses on the site's one address (``content.site``), their author the site's publisher
(``sitesettings``)."""

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _

from content.richtext import sanitize_html
from content.site import absolute
from sitesettings.identity import site_identity

from .models import Project

# A feed lists the latest changes, not the whole catalogue: its size stays bounded.
FEED_ITEMS = 20


def publisher():
    """Who publishes the site, as its settings say in the feed's language (its name if not)."""
    identity = site_identity()
    return identity.publisher or identity.name


class ProjectsRssFeed(Feed):
    def __call__(self, request, *args, **kwargs):
        self.language = translation.get_language()
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("EU-funded projects | %(site)s") % {"site": site_identity().name}

    def description(self):
        return _("INTERPOL projects funded by the European Union.")

    def link(self):
        return absolute(reverse("projects:project_list"))

    def feed_url(self):
        return absolute(reverse("projects:feed_rss"))

    def author_name(self):
        return publisher()

    def items(self):
        return (
            Project.objects.published()
            .with_translations()
            .prefetch_related(
                Prefetch(
                    "cooperation_areas",
                    # The area model through the relation: projects does not import cooperation.
                    queryset=Project.cooperation_areas.rel.model.objects.published().with_translations(),
                )
            )
            .order_by("-updated_at", "-pk")[:FEED_ITEMS]
        )

    def item_title(self, item):
        # RSS does not say whether a title is text or HTML, and readers guess (feedparser: HTML
        # when its tags look harmless): with "<" escaped, a title opens no tag either way.
        return item.name.replace("<", "&lt;")

    def item_description(self, item):
        # An HTML field (RSS <description>, Atom <summary type="html">): plain text is escaped,
        # rich text sanitised.
        if item.summary:
            return linebreaks(item.summary, autoescape=True)
        if item.description:
            return sanitize_html(item.description)
        return escape(item.name)

    def item_link(self, item):
        return absolute(item.get_absolute_url(self.language))

    def item_author_name(self, item):
        # Each entry names its author (RFC 4287, 4.1.2: needed unless the feed names one, and
        # readers show an entry's own): the organisation publishes every project.
        return publisher()

    def item_guid(self, item):
        # Stable across renamed slugs: the project's key, per language.
        return f"urn:eurelations:project:{item.key}:{self.language}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [area.title for area in item.cooperation_areas.all()]

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = self.language
        return feed


class ProjectsAtomFeed(ProjectsRssFeed):
    feed_type = Atom1Feed

    def item_title(self, item):
        return item.name  # Atom's <title> is text (RFC 4287, 3.1.1)

    def subtitle(self):
        return self.description()

    def feed_url(self):
        return absolute(reverse("projects:feed_atom"))
