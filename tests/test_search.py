"""Search in the page's language: stemming on PostgreSQL, substring match on SQLite."""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from projects.models import Project

pytestmark = pytest.mark.django_db


def search(client, language, query):
    with translation.override(language):
        path = reverse("search")
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("language", "query", "expected_key"),
    [
        ("en", "Police Information System", "wapis"),
        ("fr", "fugitifs", "fugitive-investigation-latin-america"),
        ("es", "armas", "iarms"),
        ("ar", "وابيس", "wapis"),
    ],
)
def test_a_visitor_finds_a_project_in_their_language(client, language, query, expected_key):
    html = search(client, language, query)
    project = Project.objects.get(key=expected_key)
    assert project.get_absolute_url(language) in html


def test_search_only_looks_at_the_pages_language(client):
    html = search(client, "en", "fugitifs")  # the French word
    assert "Nothing matches" in html


def test_drafts_are_not_found(client):
    project = Project.objects.get(key="iarms")
    project.status = "draft"
    project.save()
    html = search(client, "es", "armas")
    assert project.get_absolute_url("es") not in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming is PostgreSQL's")
def test_on_postgresql_words_are_matched_by_their_stem(client):
    # "migrants" (plural) finds the area whose English text says "migrant smuggling".
    html = search(client, "en", "smuggled migrants")
    assert "Irregular migration" in html
    # French stemming: "terroristes" matches "terrorisme"/"terroristes" forms.
    html = search(client, "fr", "terroristes")
    assert "Preuves recueillies" in html
