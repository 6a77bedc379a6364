"""Search in the page's language: stemming on PostgreSQL, substring match on SQLite."""

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.db import connection
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

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


# SQLite has no stemming (its search is a substring match, tested above); .ci/run runs the
# suite on PostgreSQL too, where this test always runs.
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="stemming is PostgreSQL full-text search; SQLite's fallback matches substrings",
)
def test_on_postgresql_words_are_matched_by_their_stem(client):
    # "migrants" (plural) finds the area whose English text says "migrant smuggling".
    html = search(client, "en", "smuggled migrants")
    assert "Irregular migration" in html
    # French stemming: "terroristes" matches "terrorisme"/"terroristes" forms.
    html = search(client, "fr", "terroristes")
    assert "Preuves recueillies" in html


def test_each_result_shows_its_title_and_a_line_of_its_text_in_the_readers_language(client):
    wapis = Project.objects.language("fr").get(key="wapis")
    html = search(client, "fr", "SIPAO")
    assert f'<a href="{wapis.get_absolute_url("fr")}">{escape(wapis.name)}</a>' in html
    assert f"<p>{escape(' '.join(wapis.summary.split()[:6]))}" in html


def test_a_project_matching_in_several_fields_is_listed_once(client):
    # "WAPIS" is in the name, the summary and the description of the same project.
    wapis = Project.objects.get(key="wapis")
    html = search(client, "en", "WAPIS")
    assert html.count(f'href="{wapis.get_absolute_url("en")}"') == 1


def test_static_pages_are_found_in_the_readers_language_only(client):
    page = FlatPage.objects.create(
        url="/pages/data-protection/",
        title_en="Data protection",
        content_en="<p>How we protect personal data.</p>",
        title_fr="Protection des données",
        content_fr="<p>Comment nous protégeons les données personnelles.</p>",
    )
    page.sites.add(Site.objects.get_current())
    html = search(client, "fr", "données")
    assert '<a href="/fr/pages/data-protection/">Protection des données</a>' in html
    assert "Comment nous protégeons" in html
    results = (
        search(client, "es", "datos personales").partition("<main")[2].partition("</main>")[0]
    )
    assert "/pages/data-protection/" not in results


def test_a_french_reader_finds_a_project_by_its_short_code_used_in_every_language(client):
    wapis = Project.objects.get(key="wapis")
    html = search(client, "fr", "WAPIS")
    assert f'href="{wapis.get_absolute_url("fr")}"' in html


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the GIN indexes exist on PostgreSQL only"
)
@pytest.mark.parametrize(("language", "query"), [("fr", "terroristes"), ("ar", "وابيس")])
def test_on_postgresql_the_project_search_reads_the_languages_text_index(client, language, query):
    from django.test.utils import CaptureQueriesContext

    from tests.test_query_counts import grow_projects_to

    grow_projects_to(300)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE projects_project_translation")
        cursor.execute("ANALYZE projects_project")
    with CaptureQueriesContext(connection) as captured:
        search(client, language, query)
    (sql,) = [
        q["sql"]
        for q in captured
        if "@@" in q["sql"] and 'FROM "projects_project_translation"' in q["sql"]
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert f"project_fts_{language}" in plan, plan


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the stored documents exist on PostgreSQL only"
)
def test_on_postgresql_a_projects_stored_document_is_its_text_as_search_parses_it(client):
    """The generated column that search ranks and matches on holds, for every row, what the
    language's document of the searched fields is; an edit keeps it so."""
    from projects.models import ProjectTranslation
    from search.documents import SEARCH_CONFIGS, StoredDocument, document

    wapis = Project.objects.language("fr").get(key="wapis")
    wapis.summary = "Un système d'information policière, édité à l'instant."
    wapis.save()
    own = [field for field in Project.search_fields if not field.startswith("master__")]
    for language in SEARCH_CONFIGS:
        pairs = list(
            ProjectTranslation.objects.filter(language_code=language)
            .annotate(expected=document(own, language), stored=StoredDocument("search_document"))
            .values_list("expected", "stored")
        )
        assert pairs
        assert all(expected == stored for expected, stored in pairs), language
    html = search(client, "fr", "édité")
    assert wapis.get_absolute_url("fr") in html
