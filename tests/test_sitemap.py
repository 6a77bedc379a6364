"""Search engines: the sitemap lists every published page in every language that has it."""

import re
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.languages import language_codes
from cooperation.models import CooperationArea
from projects.models import Project

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def fetch(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return ElementTree.fromstring(response.content)


def section_pages(client):
    """The addresses of the sitemap pages that /sitemap.xml (an index) lists, as paths."""
    index = fetch(client, "/sitemap.xml")
    assert index.tag == f"{{{NS['s']}}}sitemapindex"
    addresses = [urlsplit(loc.text) for loc in index.findall("s:sitemap/s:loc", NS)]
    return [f"{url.path}?{url.query}" if url.query else url.path for url in addresses]


def sitemap(client):
    """Every page of every section, as one <urlset>."""
    combined = ElementTree.Element(f"{{{NS['s']}}}urlset")
    for path in section_pages(client):
        combined.extend(fetch(client, path).findall("s:url", NS))
    return combined


def locations(root):
    """The listed addresses, as paths (the domain is the configured site's)."""
    return [urlsplit(loc.text).path for loc in root.findall("s:url/s:loc", NS)]


def test_every_published_object_is_listed_in_each_of_its_languages(client):
    listed = locations(sitemap(client))
    for model in (CooperationArea, Project):
        for obj in model.objects.all():
            for language in language_codes():
                assert obj.get_absolute_url(language) in listed


def test_each_entry_carries_its_alternates_and_x_default(client):
    root = sitemap(client)
    wapis = Project.objects.get(key="wapis")
    entry = next(
        url
        for url in root.findall("s:url", NS)
        if url.find("s:loc", NS).text.endswith(wapis.get_absolute_url("fr"))
    )
    links = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", NS)}
    assert set(links) == {*language_codes(), "x-default"}
    assert links["es"].endswith(wapis.get_absolute_url("es"))


def test_a_language_without_the_translation_is_not_listed(client):
    area = CooperationArea.objects.get(key="e-mla")
    spanish_url = area.get_absolute_url("es")
    area.translations.filter(language_code="es").delete()
    listed = locations(sitemap(client))
    assert spanish_url not in listed
    assert area.get_absolute_url("fr") in listed


def test_drafts_are_not_listed(client):
    project = Project.objects.get(key="iarms")
    path = project.get_absolute_url("en")
    project.status = "draft"
    project.save()
    assert path not in locations(sitemap(client))


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert re.search(r"^Sitemap: http://testserver/sitemap.xml$", text, re.M)
    assert "Disallow: /admin/" in text


def test_the_sitemap_uses_the_configured_address(client, settings):
    settings.SITE_URL = "https://eurelations.example.org"
    root = sitemap(client)
    assert root.find("s:url/s:loc", NS).text.startswith("https://eurelations.example.org/")


def test_a_static_page_is_listed_only_in_the_languages_it_is_written_in(client):
    page = FlatPage.objects.create(
        url="/pages/example-accessibility/",
        title_en="Accessibility",
        title_ar="إمكانية الوصول",
        content_en="<p>Text</p>",
        content_ar="<p>نص</p>",
    )
    page.sites.add(Site.objects.get_current())
    root = sitemap(client)
    listed = [path for path in locations(root) if path.endswith("/pages/example-accessibility/")]
    assert sorted(listed) == [
        "/ar/pages/example-accessibility/",
        "/en/pages/example-accessibility/",
    ]
    entry = next(
        url
        for url in root.findall("s:url", NS)
        if url.find("s:loc", NS).text.endswith("/ar/pages/example-accessibility/")
    )
    hreflangs = {link.get("hreflang") for link in entry.findall("x:link", NS)}
    assert hreflangs == {"ar", "en", "x-default"}


def test_the_sitemap_is_an_index_of_pages_bounded_in_objects_and_queries(client, monkeypatch):
    """300 projects on pages of 50: more pages, each of the same cost in queries, and none with
    more than 50 objects in their languages."""
    from eurelations.sitemaps import ContentSitemap
    from tests.test_query_counts import grow_projects_to

    monkeypatch.setattr(ContentSitemap, "limit", 50)
    Project.objects.exclude(key__in=["wapis", "iarms", "sharaka"]).delete()
    fetch(client, "/sitemap.xml")  # the current Site is cached from the first request on

    def cost(path):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            root = fetch(client, path)
        return len(captured), len(root.findall("s:url", NS))

    small_index = cost("/sitemap.xml")[0]
    small_page = cost("/sitemap-projects-project.xml")[0]
    grow_projects_to(300)
    assert cost("/sitemap.xml")[0] == small_index
    project_pages = [path for path in section_pages(client) if "projects-project" in path]
    assert len(project_pages) == 6  # 303 projects, 50 a page
    for path in project_pages:
        queries, urls = cost(path)
        assert queries == small_page, path
        assert urls <= 50 * 4, path
    assert len(locations(sitemap(client))) >= 300 * 4
