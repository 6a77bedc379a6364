"""Anonymous pages come from the page cache; any content change shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cooperation.models import CooperationArea
from projects.models import Project

pytestmark = pytest.mark.django_db


def test_a_second_anonymous_visit_costs_no_query(client):
    first = client.get("/en/")
    assert first.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/en/")
    assert second.status_code == 200
    assert len(queries) == 0
    assert second.content == first.content


def test_each_language_has_its_own_cached_page(client):
    english = client.get("/en/").content.decode()
    arabic = client.get("/ar/").content.decode()
    assert 'lang="en"' in english
    assert 'lang="ar"' in arabic
    assert client.get("/en/").content.decode() == english


def test_an_edit_in_the_admin_is_visible_on_the_next_visit(client):
    client.get("/en/")
    area = CooperationArea.objects.language("en").get(key="west-africa")
    area.title = "West Africa and the Sahel"
    area.save()
    assert "West Africa and the Sahel" in client.get("/en/").content.decode()


def test_unpublishing_removes_a_project_from_the_cached_list(client):
    project = Project.objects.language("en").get(key="iarms")
    assert project.get_absolute_url("en") in client.get("/en/").content.decode()
    project.status = "draft"
    project.save()
    assert project.get_absolute_url("en") not in client.get("/en/").content.decode()


def test_staff_pages_are_neither_served_from_nor_stored_in_the_cache(admin_client, client):
    client.get("/en/")  # an anonymous visitor fills the cache
    with CaptureQueriesContext(connection) as queries:
        assert admin_client.get("/en/").status_code == 200
    assert len(queries) > 0


def test_a_revisit_with_the_etag_gets_a_304(client):
    response = client.get("/fr/")
    assert response.has_header("ETag")
    again = client.get("/fr/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_unknown_query_parameters_do_not_make_new_cache_entries(client):
    client.get("/en/")
    with CaptureQueriesContext(connection) as queries:
        for n in range(20):
            response = client.get(f"/en/?utm_source=mail&cachebuster={n}")
            assert response.status_code == 200
    assert len(queries) == 0  # every one served from the one entry for /en/
    # ...and the stray parameters never reach the page (its language links, say).
    assert "cachebuster" not in response.content.decode()


def test_the_parameters_a_page_reads_are_in_its_key_in_a_canonical_order(client):
    area = "west-africa"
    first = client.get(f"/en/projects/?status=ongoing&area={area}")
    assert first.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        again = client.get(f"/en/projects/?area={area}&junk=1&status=ongoing")
    assert len(queries) == 0
    assert again.content == first.content
    # A different filter is a different page.
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/projects/?status=completed")
    assert len(queries) > 0


def test_the_search_text_is_part_of_the_search_pages_key(client):
    police = client.get("/en/search/?q=police").content.decode()
    europol = client.get("/en/search/?q=Europol&x=1").content.decode()
    assert police != europol
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/search/?x=2&q=police").content.decode() == police
    assert len(queries) == 0
