"""Bad input gets a 404 or a sensible page, never a 500 (run on SQLite and PostgreSQL)."""

import pytest
from django.urls import reverse
from django.utils import translation

from content.languages import language_codes
from projects.models import Project

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def language_reset_after_each_test():
    # A request leaves its language active in the thread (LocaleMiddleware activates it and a
    # 404 never deactivates it); later modules must not inherit a French 404's language.
    yield
    translation.deactivate()


def projects_url(language="en"):
    with translation.override(language):
        return reverse("projects:project_list")


def search_url(language="en"):
    with translation.override(language):
        return reverse("search")


@pytest.mark.parametrize(
    "path",
    [
        "/de/",
        "/xx/projects/",
        "/en/projects/no-such-project/",
        "/en/cooperation/no-such-area/",
        "/en/cooperation/partners/no-such-partner/",
        "/fr/pages/no-such-page/",
        "/en/projects/%00/",
    ],
)
def test_unknown_addresses_are_404(client, path):
    assert client.get(path).status_code == 404


def test_an_unpublished_slug_is_404(client):
    project = Project.objects.get(key="sharaka")
    path = project.get_absolute_url("en")
    project.status = "draft"
    project.save()
    assert client.get(path).status_code == 404


def test_a_french_visitor_opening_the_arabic_url_of_a_project_is_offered_the_french_one(client):
    project = Project.objects.get(key="wapis")
    arabic_slug = project.safe_translation_getter("slug", language_code="ar")
    with translation.override("fr"):
        path = reverse("projects:project_detail", kwargs={"slug": arabic_slug})
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == project.get_absolute_url("fr")


@pytest.mark.parametrize("page", ["0", "-1", "abc", "999999", "1.5", "9" * 50, ""])
def test_any_page_number_gives_a_page(client, page):
    response = client.get(projects_url(), {"page": page})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"area": "no-such-area"},
        {"partner": "<script>"},
        {"country": "ZZ"},
        {"region": "Atlantis"},
        {"status": "someday"},
        {"area": "x" * 5000, "page": "2"},
    ],
)
def test_unknown_filter_values_are_ignored_with_a_message(client, params):
    response = client.get(projects_url(), params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "not recognised and have been ignored" in html
    # The unfiltered list is shown.
    assert Project.objects.get(key="wapis").get_absolute_url("en") in html


@pytest.mark.parametrize(
    "query",
    ["x" * 10_000, "\x00\x01\x02binary\xff\xfe", "' OR 1=1 --", "&|!:*()<>", "   "],
)
@pytest.mark.parametrize("language", language_codes())
def test_hostile_search_queries_get_a_page(client, query, language):
    response = client.get(search_url(language), {"q": query})
    assert response.status_code == 200


def test_undecodable_bytes_in_the_query_string_get_a_page(client):
    response = client.get(search_url(), QUERY_STRING="q=%ff%fe%00%c3%28")
    assert response.status_code == 200


def test_a_very_long_search_is_cut_and_says_so(client):
    response = client.get(search_url(), {"q": "police " * 2000})
    assert "Only the first 200 characters of your search were used." in response.content.decode()


def test_posting_to_a_public_page_is_refused_cleanly(client):
    assert client.post("/en/").status_code == 405


@pytest.mark.parametrize(
    "params",
    [
        {"area": "\x00"},
        {"country": "F\x00"},
        {"region": "\x00\xff"},
        {"partner": "europol", "page": "\x00"},
        {"status": ["ongoing", "completed"]},
    ],
)
def test_nul_bytes_and_repeated_values_in_the_filters_get_a_page(client, params):
    assert client.get(projects_url("fr"), params).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/fr/pages/%00/",
        "/fr/pages/../../etc/passwd/",
        "/es/pages/no-such-page/",
        "/en/cooperation/partners/%00%ff/",
        "/ar/" + "ش" * 3000 + "/",
    ],
)
def test_hostile_addresses_are_404(client, path):
    assert client.get(path).status_code == 404


def test_a_spanish_visitor_following_an_english_area_link_lands_on_the_spanish_page(client):
    from cooperation.models import CooperationArea

    area = CooperationArea.objects.get(key="west-africa")
    english_slug = area.safe_translation_getter("slug", language_code="en")
    with translation.override("es"):
        path = reverse("cooperation:area_detail", kwargs={"slug": english_slug})
    response = client.get(path + "?utm_source=mail")
    assert response.status_code == 301
    assert response["Location"] == area.get_absolute_url("es") + "?utm_source=mail"


def test_a_page_in_a_language_the_site_does_not_have_is_404_in_the_visitors_language(client):
    response = client.get("/de/projects/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 404
    assert '<html lang="fr"' in response.content.decode()
