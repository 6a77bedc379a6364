"""Languages done right: alternates, the switcher, and fallbacks that keep their direction."""

import re

import pytest
from django.utils.html import escape

from content.languages import language_codes
from cooperation.models import CooperationArea
from projects.models import Project

pytestmark = pytest.mark.django_db


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def switcher(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return dict(re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', nav))


def test_a_project_page_offers_the_same_project_in_each_language(client):
    project = Project.objects.get(key="battlefield-evidence-iraq")
    html = client.get(project.get_absolute_url("en")).content.decode()
    links = alternates(html)
    for language in language_codes():
        assert links[language] == f"http://testserver{project.get_absolute_url(language)}"
    assert links["x-default"] == f"http://testserver{project.get_absolute_url('en')}"
    offered = {language: url for url, language in switcher(html).items()}
    assert set(offered) == {"ar", "fr", "es"}
    assert offered["fr"] == project.get_absolute_url("fr")


def test_a_missing_translation_falls_back_with_a_notice_and_its_own_direction(client):
    area = CooperationArea.objects.get(key="e-mla")
    area.translations.filter(language_code__in=["fr", "en"]).delete()
    area = CooperationArea.objects.get(pk=area.pk)
    response = client.get(area.get_absolute_url("fr"))
    assert response.status_code == 200
    html = response.content.decode()
    notice = (
        "Ce contenu n’est pas encore disponible dans cette langue. Version affichée\u202f: Arabe."
    )
    assert notice in html
    # The notice is French; only the fallback text is marked as Arabic.
    assert html.index("Version affichée") < html.index('<article lang="ar" dir="rtl">')
    # French falls back to English, then Arabic: the Arabic text is marked right-to-left.
    assert '<article lang="ar" dir="rtl">' in html
    arabic_title = area.safe_translation_getter("title", language_code="ar")
    assert escape(arabic_title) in html
    # Only the languages that really have it are alternates.
    assert set(alternates(html)) == {"ar", "es", "x-default"}


def test_a_fallback_card_on_the_home_page_is_marked_with_its_language(client):
    area = CooperationArea.objects.get(key="west-africa")
    area.translations.filter(language_code="es").delete()
    html = client.get("/es/").content.decode()
    assert '<article class="card card-area" lang="en" dir="ltr">' in html


def test_arabic_pages_are_right_to_left_and_others_left_to_right(client):
    assert '<html lang="ar" dir="rtl">' in client.get("/ar/").content.decode()
    for language in ("en", "fr", "es"):
        assert (
            f'<html lang="{language}" dir="ltr">' in client.get(f"/{language}/").content.decode()
        )
