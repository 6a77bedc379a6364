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

from cooperation.models import CooperationArea
from projects.models import Project

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return ElementTree.fromstring(response.content)


def locations(root):
    """The listed addresses, as paths (the domain is the configured site's)."""
    return [urlsplit(loc.text).path for loc in root.findall("s:url/s:loc", NS)]


def test_every_published_object_is_listed_in_each_of_its_languages(client):
    listed = locations(sitemap(client))
    for model in (CooperationArea, Project):
        for obj in model.objects.all():
            for language in ("ar", "en", "fr", "es"):
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
    assert set(links) == {"ar", "en", "fr", "es", "x-default"}
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


def test_the_sitemap_uses_the_configured_domain(client):
    root = sitemap(client)
    assert root.find("s:url/s:loc", NS).text.startswith("http://127.0.0.1:8000/")


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


def test_the_sitemap_costs_the_same_queries_for_3_and_300_projects(
    client, django_assert_num_queries
):
    from tests.test_query_counts import grow_projects_to

    Project.objects.exclude(key__in=["wapis", "iarms", "sharaka"]).delete()
    sitemap(client)  # the current Site is cached from the first request on
    cache.clear()
    with CaptureQueriesContext(connection) as small:
        sitemap(client)
    grow_projects_to(300)
    cache.clear()
    with django_assert_num_queries(len(small)):
        root = sitemap(client)
    assert len(locations(root)) >= 300 * 4
