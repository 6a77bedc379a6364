"""The language switcher, hreflang alternates and canonical addresses as a reader and a search
engine meet them: on translated pages, fallback pages, filtered lists and the 404 page."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from content.languages import language_codes
from cooperation.models import CooperationArea, Partner
from projects.models import Project

pytestmark = pytest.mark.django_db


def get_html(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return response.content.decode()


def head_of(html):
    return html.split("</head>")[0]


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def canonical(html):
    found = re.findall(r'<link rel="canonical" href="([^"]+)">', html)
    assert len(found) <= 1
    return found[0] if found else None


def switcher(html):
    """{language: href, or "current" for the page's own language} of the switcher."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    links = {code: href for href, code in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav)}
    for code in re.findall(r'<span aria-current="true" lang="(\w+)">', nav):
        links[code] = "current"
    return links


def project_list(language):
    with translation.override(language):
        return reverse("projects:project_list")


@pytest.mark.parametrize("language", language_codes())
def test_a_reader_can_switch_to_the_same_partner_in_any_other_language(client, language):
    partner = Partner.objects.get(key="frontex")
    html = get_html(client, partner.get_absolute_url(language))
    offered = switcher(html)
    assert offered.pop(language) == "current"
    assert offered == {
        code: partner.get_absolute_url(code) for code in language_codes() if code != language
    }
    assert canonical(html) == f"http://testserver{partner.get_absolute_url(language)}"


def test_a_spanish_reader_of_an_untranslated_area_still_sees_where_they_are(client):
    area = CooperationArea.objects.get(key="irregular-migration")
    area.translations.filter(language_code="es").delete()
    area = CooperationArea.objects.get(pk=area.pk)
    html = get_html(client, area.get_absolute_url("es"))
    # Spanish is the page's language, marked current; the switcher offers only real pages.
    assert switcher(html) == {
        "es": "current",
        "ar": area.get_absolute_url("ar"),
        "en": area.get_absolute_url("en"),
        "fr": area.get_absolute_url("fr"),
    }
    # The page repeats the English one: that page is the canonical address.
    assert canonical(html) == f"http://testserver{area.get_absolute_url('en')}"
    assert "es" not in alternates(html)
    assert '<article lang="en" dir="ltr">' in html


def test_an_english_reader_of_an_arabic_only_project_gets_its_text_right_to_left(client):
    project = Project.objects.get(key="sharaka")
    project.translations.exclude(language_code="ar").delete()
    project = Project.objects.get(pk=project.pk)
    html = get_html(client, project.get_absolute_url("en"))
    assert '<html lang="en" dir="ltr">' in html
    assert "This content is not yet available in this language. Shown in: Arabic." in html
    assert '<article lang="ar" dir="rtl">' in html
    assert set(alternates(html)) == {"ar", "x-default"}
    # On the home page, its card is marked Arabic too.
    home = get_html(client, "/en/")
    arabic_link = re.search(
        rf'<article class="card card-project" lang="ar" dir="rtl">\s*(<p class="card-code">.*?</p>\s*)?<h3><a href="{re.escape(project.get_absolute_url("en"))}">',
        home,
    )
    assert arabic_link


def test_a_partner_without_a_french_name_is_marked_english_on_the_french_home_page(client):
    partner = Partner.objects.get(key="cepol")
    partner.translations.filter(language_code="fr").delete()
    html = get_html(client, "/fr/")
    assert f'<li lang="en" dir="ltr"><a href="{partner.get_absolute_url("fr")}">' in html


def test_the_second_page_of_the_project_list_is_its_own_canonical_page(client):
    path = project_list("fr")
    assert Project.objects.published().count() == 5
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("projects.views.PROJECTS_PER_PAGE", 2)
        second = get_html(client, path + "?page=2")
        filtered = get_html(client, path + "?area=west-africa&page=1")
        out_of_range = get_html(client, path + "?page=999999")
    assert canonical(second) == f"http://testserver{path}?page=2"
    assert alternates(second)["es"] == f"http://testserver{project_list('es')}?page=2"
    assert canonical(filtered) == f"http://testserver{path}"
    # An impossible page number shows the last page, whose canonical says which it is.
    assert canonical(out_of_range) == f"http://testserver{path}?page=3"


def test_switching_language_keeps_the_filters_that_mean_the_same_everywhere(client):
    html = get_html(client, project_list("fr") + "?area=west-africa&region=Afrique+de+l%27Ouest")
    offered = switcher(html)
    # The area is chosen by a key, the region by its French name, which Arabic does not have.
    assert offered["ar"] == f"{project_list('ar')}?area=west-africa"
    assert offered["en"] == f"{project_list('en')}?area=west-africa"


def test_a_lost_reader_is_offered_each_languages_home_page(client):
    html = get_html(client, "/es/no-existe/", status=404)
    assert '<html lang="es" dir="ltr">' in html
    assert switcher(html) == {"es": "current", "ar": "/ar/", "en": "/en/", "fr": "/fr/"}
    # Nothing to index: no canonical, no alternates.
    assert canonical(html) is None
    assert alternates(html) == {}
    assert '<meta name="robots" content="noindex">' in head_of(html)


def test_an_arabic_404_is_right_to_left(client):
    html = get_html(client, "/ar/لا-يوجد/", status=404)
    assert '<html lang="ar" dir="rtl">' in html
    assert "<h1>" in html and html.count("<h1") == 1
