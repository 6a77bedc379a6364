"""RSS and Atom feeds of the projects in each language, read with a real feed parser, and
announced on every page with <link rel="alternate">."""

import re

import feedparser
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from content.languages import language_codes
from projects.feeds import FEED_ITEMS
from projects.models import Project
from tests.output_sweep import read_feed, read_html

pytestmark = pytest.mark.django_db
LANGUAGES = tuple(language_codes())


def feed_url(kind, language):
    with translation.override(language):
        return reverse(f"projects:feed_{kind}")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_a_feed_reader_gets_every_published_project_in_the_language(client, kind, language):
    response = client.get(feed_url(kind, language))
    assert response.status_code == 200
    # Like every absolute address of the site, on its one address (SITE_URL).
    origin = settings.SITE_URL
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == ("rss20" if kind == "rss" else "atom10")
    assert parsed.feed.language == language
    with translation.override(language):
        assert parsed.feed.link == origin + reverse("projects:project_list")
    projects = Project.objects.published().language(language)
    assert {entry.link for entry in parsed.entries} == {
        origin + project.get_absolute_url(language) for project in projects
    }
    wapis = Project.objects.language(language).get(key="wapis")
    entry = next(e for e in parsed.entries if e.link.endswith(wapis.get_absolute_url(language)))
    assert entry.title == wapis.name
    # The summary is HTML (<description>, <summary type="html">): the reader shows its text.
    assert read_html(entry.summary)[1] == wapis.summary
    assert entry.id == f"urn:eurelations:project:wapis:{language}"
    assert wapis.cooperation_areas.language(language).get().title in {
        tag.term for tag in entry.tags
    }


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_markup_a_translator_types_reaches_the_reader_as_text(client, kind):
    """A French translator writes a name and a summary with tags in them (plain-text fields):
    the feed reader shows those characters, and nothing in the feed runs."""
    wapis = Project.objects.get(key="wapis")
    wapis.set_current_language("fr")
    wapis.name = "SIPAO <b>x</b> & <i>y</i> <img src=x onerror=alert(1)>"
    wapis.summary = "<script>alert(2)</script> <img src=x onerror=alert(3)>\n&lt;script&gt;"
    wapis.save()
    findings, text, parsed = read_feed(client.get(feed_url(kind, "fr")).content)
    assert not findings
    entry = next(e for e in parsed.entries if e.id.startswith("urn:eurelations:project:wapis:"))
    assert wapis.summary.replace("\n", "") in text.replace("\n", "")
    assert wapis.name in text
    assert entry.summary_detail.type == "text/html"


def test_a_draft_project_is_not_in_the_feed(client):
    Project.objects.filter(key="iarms").update(status="draft")
    parsed = feedparser.parse(client.get(feed_url("atom", "en")).content)
    assert not any("iarms" in entry.link for entry in parsed.entries)
    assert len(parsed.entries) == Project.objects.published().count()


def test_the_feed_is_bounded(client):
    assert FEED_ITEMS == 20
    for n in range(25):
        project = Project(key=f"extra-{n}", status="published")
        project.set_current_language("en")
        project.name, project.slug = f"Extra {n}", f"extra-{n}"
        project.save()
    parsed = feedparser.parse(client.get(feed_url("rss", "en")).content)
    assert len(parsed.entries) == FEED_ITEMS


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_announces_both_feeds_in_its_language(client, language):
    html = client.get(f"/{language}/").content.decode()
    head = html.split("</head>")[0]
    for kind, mime in (("rss", "application/rss+xml"), ("atom", "application/atom+xml")):
        assert re.search(
            rf'<link rel="alternate" type="{re.escape(mime)}" title="[^"]+" '
            rf'href="{re.escape(feed_url(kind, language))}">',
            head,
        )
