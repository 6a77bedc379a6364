"""What a visitor from another institution's site expects: static pages in every language, a
footer that leads to them, structured data that search engines read, fonts served by the site,
and pages that show what the content has and nothing it does not."""

import json
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import translation
from fontTools.ttLib import TTFont

from content.languages import language_codes
from cooperation.models import CooperationArea
from projects.models import Project
from projects.views import RELATED_PROJECTS
from seed.loader import load_seed_content
from seed.static_pages import STATIC_PAGES

pytestmark = pytest.mark.django_db
LANGUAGES = tuple(language_codes())
NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def html_of(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return {item["@type"]: item for item in json.loads(blocks[0])["@graph"]}


@pytest.mark.parametrize("spec", STATIC_PAGES, ids=lambda spec: spec["key"])
def test_each_static_page_is_served_in_the_four_languages_with_its_alternates(client, spec):
    for language in LANGUAGES:
        path = f"/{language}{spec['url']}"
        html = html_of(client, path)
        assert f'<html lang="{language}"' in html
        assert f"<h1>{spec['title'][language]}</h1>" in html
        assert "This content is not yet available" not in html
        head = html.split("</head>")[0]
        for other in LANGUAGES:
            assert (
                f'<link rel="alternate" hreflang="{other}" '
                f'href="http://testserver/{other}{spec["url"]}">' in head
            )
        assert f'hreflang="x-default" href="http://testserver/en{spec["url"]}"' in head


def test_the_sitemap_lists_each_static_page_in_four_languages(client):
    from tests.test_sitemap import locations, sitemap

    paths = locations(sitemap(client))  # every section of the index
    for spec in STATIC_PAGES:
        assert sorted(p for p in paths if p.endswith(spec["url"])) == sorted(
            f"/{language}{spec['url']}" for language in LANGUAGES
        )


def test_loading_the_seed_again_changes_no_static_page(client):
    before = list(FlatPage.objects.order_by("pk").values())
    report = load_seed_content()
    assert not report.changed, report
    assert list(FlatPage.objects.order_by("pk").values()) == before


def test_the_seed_keeps_an_editors_change_to_a_static_page():
    page = FlatPage.objects.get(url="/pages/contact/")
    page.content_fr = "<p>Texte revu par l'équipe.</p>"
    page.save()
    load_seed_content()
    assert FlatPage.objects.get(pk=page.pk).content_fr == "<p>Texte revu par l'équipe.</p>"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_footer_leads_to_the_static_pages_the_feeds_and_the_sitemap(client, language):
    html = html_of(client, f"/{language}/")
    footer = html.split('<footer class="site-footer">')[1]
    links = re.findall(r'<a href="([^"]+)"', footer)
    for spec in STATIC_PAGES:
        assert f"/{language}{spec['url']}" in links
    assert reverse("sitemap") in links
    with translation.override(language):
        assert reverse("projects:feed_rss") in links
        assert reverse("projects:feed_atom") in links
    for link in links:
        assert client.get(link).status_code == 200, link


def test_the_home_page_describes_the_organisation_and_the_site_search(client):
    data = json_ld(html_of(client, "/fr/"))
    organization, website = data["Organization"], data["WebSite"]
    # As the site's settings give them: the publisher, and no address until the Office gives one.
    assert (
        organization["name"]
        == "Bureau du Représentant spécial d’INTERPOL auprès de l’Union européenne"
    )
    assert website["name"] == "INTERPOL et l’Union européenne"
    assert "address" not in organization and "email" not in organization
    assert website["inLanguage"] == "fr"
    assert website["publisher"] == {"@id": organization["@id"]}
    target = website["potentialAction"]["target"]["urlTemplate"]
    assert website["potentialAction"]["query-input"] == "required name=search_term_string"
    search = urlsplit(target.replace("{search_term_string}", "Europol"))
    response = client.get(f"{search.path}?{search.query}")
    assert response.status_code == 200
    assert "Europol" in response.content.decode()
    assert "BreadcrumbList" not in data


def test_a_project_page_has_breadcrumbs_that_lead_somewhere(client):
    project = Project.objects.get(key="wapis")
    data = json_ld(html_of(client, project.get_absolute_url("ar")))
    items = data["BreadcrumbList"]["itemListElement"]
    assert [item["position"] for item in items] == [1, 2, 3]
    assert items[-1]["name"] == Project.objects.language("ar").get(pk=project.pk).name
    for item in items:
        assert client.get(urlsplit(item["item"]).path).status_code == 200


def test_json_ld_cannot_be_closed_by_the_content(client):
    project = Project.objects.get(key="wapis")
    project.set_current_language("en")
    project.name = "WAPIS </script><script>alert(1)</script>"
    project.save()
    html = html_of(client, project.get_absolute_url("en"))
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block
    assert json_ld(html)["BreadcrumbList"]["itemListElement"][-1]["name"].startswith("WAPIS </")


def test_the_fonts_are_served_by_the_site_preloaded_and_cover_their_script(client):
    arabic = html_of(client, "/ar/")
    english = html_of(client, "/en/")
    assert 'rel="preload" href="/static/fonts/noto-naskh-arabic-regular.woff2"' in arabic
    assert 'rel="preload" href="/static/fonts/noto-sans-regular.woff2"' in english
    assert "googleapis" not in arabic + english
    naskh = TTFont(finders.find("fonts/noto-naskh-arabic-regular.woff2"))
    sans = TTFont(finders.find("fonts/noto-sans-regular.woff2"))
    assert ord("ب") in naskh.getBestCmap() and ord("A") not in naskh.getBestCmap()
    assert ord("é") in sans.getBestCmap() and ord("ب") not in sans.getBestCmap()
    # Joining and mark placement: Arabic needs its shaping features kept by the subsetter.
    features = {record.FeatureTag for record in naskh["GSUB"].table.FeatureList.FeatureRecord}
    assert {"init", "medi", "fina"} <= features
    assert finders.find("fonts/OFL.txt")


def test_a_project_card_shows_code_region_and_only_the_facts_it_has(client):
    # In Arabic the name (شراكة) does not repeat the code, so the code is shown above it.
    html = html_of(client, "/ar/")
    card = re.search(
        r'<article class="card card-project">\s*<p class="card-code"><bdi>SHARAKA</bdi></p>'
        r"(.*?)</article>",
        html,
        re.S,
    ).group(1)
    assert "الشرق الأوسط وشمال أفريقيا" in card
    assert "<time" not in card  # the seed gives no dates: none is shown, none invented


def test_an_area_card_without_summary_shows_the_opening_of_its_text(client):
    html = html_of(client, "/en/")
    card = re.search(r'<article class="card card-area">(.*?)</article>', html, re.S).group(1)
    assert "We contribute our expertise to the EU Information Clearing House" in card


def test_a_project_page_shows_its_areas_partners_region_countries_and_related_projects(client):
    area = CooperationArea.objects.get(key="west-africa")
    wapis = Project.objects.get(key="wapis")
    for n in range(RELATED_PROJECTS + 2):
        other = Project(key=f"sahel-{n}", status="published")
        other.set_current_language("en")
        other.name, other.slug = f"Sahel project {n}", f"sahel-{n}"
        other.save()
        other.cooperation_areas.add(area)
    html = html_of(client, wapis.get_absolute_url("en"))
    aside = html.split('<aside class="detail-aside"')[1].split("</aside>")[0]
    assert "West Africa" in aside and "Senegal" in aside and "Burkina Faso" in aside
    assert f'href="{area.get_absolute_url("en")}"' in aside
    related = html.split('id="related-projects"')[1]
    assert related.count('class="card card-project"') == RELATED_PROJECTS
    assert wapis.get_absolute_url("en") not in related
    # A fact the seed does not give is not shown.
    assert "EU contribution" not in html and "<dt>Start date</dt>" not in html
