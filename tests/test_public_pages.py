"""The public pages list the seed content in each language."""

import pytest
from django.utils.html import escape

from cooperation.models import CooperationArea, Partner
from projects.models import Project

pytestmark = pytest.mark.django_db

LANGUAGES = ("ar", "en", "fr", "es")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_lists_the_seed_content(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in html
    for area in CooperationArea.objects.language(language):
        assert escape(area.title) in html
        assert area.get_absolute_url(language) in html
    for project in Project.objects.language(language):
        assert project.get_absolute_url(language) in html
    for partner in Partner.objects.language(language):
        assert partner.get_absolute_url(language) in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_item_has_its_own_page(client, language):
    for model in (CooperationArea, Partner, Project):
        for obj in model.objects.language(language):
            response = client.get(obj.get_absolute_url(language))
            assert response.status_code == 200, obj.get_absolute_url(language)


def test_the_health_check_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
