"""Anonymous pages come from the page cache; any content change shows at once."""

import gzip
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cooperation.models import CooperationArea
from pagecache.invalidation import current_counter
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


def test_every_answer_the_cache_was_asked_for_says_whether_it_was_a_hit(client):
    # The bench counts hits from this header: an answer without it would be left out.
    assert client.get("/en/")["X-Page-Cache"] == "miss"
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    missing = client.get("/en/projects/no-such-project/")
    assert missing.status_code == 404
    assert missing["X-Page-Cache"] == "miss"  # not stored, but the cache was asked


def test_each_language_has_its_own_cached_page(client):
    english = client.get("/en/").content.decode()
    arabic = client.get("/ar/").content.decode()
    assert 'lang="en"' in english
    assert 'lang="ar"' in arabic
    assert client.get("/en/").content.decode() == english


def test_an_edit_in_the_admin_is_visible_on_the_next_visit(
    client, django_capture_on_commit_callbacks
):
    client.get("/en/")
    area = CooperationArea.objects.language("en").get(key="west-africa")
    with django_capture_on_commit_callbacks(execute=True):
        area.title = "West Africa and the Sahel"
        area.save()
    assert "West Africa and the Sahel" in client.get("/en/").content.decode()


def test_unpublishing_removes_a_project_from_the_cached_list(
    client, django_capture_on_commit_callbacks
):
    project = Project.objects.language("en").get(key="iarms")
    assert project.get_absolute_url("en") in client.get("/en/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
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


def test_the_pages_change_when_the_edit_is_committed_not_before(
    client, django_capture_on_commit_callbacks
):
    # Bumped inside the transaction, a visitor could store the old page under the new
    # generation before the edit is committed, and see it until the next edit.
    area = CooperationArea.objects.language("en").get(key="west-africa")
    before = current_counter()
    with django_capture_on_commit_callbacks(execute=True):
        area.title = "West Africa and the Sahel"
        area.save()
        area.summary = "Changed too."
        area.save()
        assert current_counter() == before
    assert current_counter() != before


def test_a_rolled_back_edit_leaves_the_cached_pages_alone(client):
    client.get("/en/")
    before = current_counter()
    with transaction.atomic():
        area = CooperationArea.objects.language("en").get(key="west-africa")
        area.title = "Never committed"
        area.save()
        transaction.set_rollback(True)
    assert current_counter() == before
    assert "Never committed" not in client.get("/en/").content.decode()


# --- the hit path: one round trip, the whole answer stored once -----------------------------


CACHE_METHODS = ("get", "get_many", "set", "set_many", "add", "incr", "delete", "touch", "has_key")


@pytest.fixture
def cache_calls(monkeypatch):
    """The names of the page cache's calls, in order (a call is a round trip to Redis; the
    test cache's own get_many calls get, which is not counted again)."""
    store = caches[settings.CACHE_MIDDLEWARE_ALIAS]
    calls = []
    inside = []
    for name in CACHE_METHODS:
        method = getattr(store, name)

        def counted(*args, _name=name, _method=method, **kwargs):
            if not inside:
                calls.append(_name)
            inside.append(_name)
            try:
                return _method(*args, **kwargs)
            finally:
                inside.pop()

        monkeypatch.setattr(store, name, counted)
    return calls


@pytest.mark.parametrize("path", ["/en/", "/en/projects/", "/ar/"])
def test_a_page_built_reads_every_version_it_keys_on_in_one_round_trip(
    client, cache_calls, settings, path
):
    # The page cache off (the bench's uncached run): the footer, the site settings, a list's
    # count and the filters' options still key their memos on tag versions, read together.
    settings.CACHE_MIDDLEWARE_SECONDS = 0
    client.get(path)  # the counter created, what the process keeps loaded
    cache_calls.clear()
    assert client.get(path).status_code == 200
    assert cache_calls.count("get_many") == 1, cache_calls


def test_a_hit_is_one_cache_round_trip_and_no_query(client, cache_calls):
    first = client.get("/en/projects/")
    cache_calls.clear()
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/en/projects/")
    assert again.status_code == 200
    assert again.content == first.content
    assert cache_calls == ["get_many"]
    assert len(queries) == 0


def test_an_edit_is_seen_by_every_process_on_its_next_request(
    django_capture_on_commit_callbacks, cache_calls
):
    # Two clients, two middleware instances: two processes, each remembering the generation
    # it saw last.
    first, second = Client(), Client()
    first.get("/en/")
    assert "West Africa and the Sahel" not in second.get("/en/").content.decode()
    area = CooperationArea.objects.language("en").get(key="west-africa")
    with django_capture_on_commit_callbacks(execute=True):
        area.title = "West Africa and the Sahel"
        area.save()
    for process in (first, second):
        cache_calls.clear()
        assert "West Africa and the Sahel" in process.get("/en/").content.decode()
    # Once the page is stored again, the second process reads it in one round trip... after
    # the one read that tells it of the new generation.
    cache_calls.clear()
    second.get("/en/")
    assert cache_calls == ["get_many"]


def test_a_cached_page_keeps_the_security_headers_and_gets_its_own_request_id(client):
    miss = client.get("/en/")
    hit = client.get("/en/")
    for name in (
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "X-Frame-Options",
        "Content-Language",
        "Content-Type",
    ):
        assert hit[name] == miss[name], name
    assert hit["X-Request-ID"] and hit["X-Request-ID"] != miss["X-Request-ID"]
    assert hit["ETag"] == miss["ETag"]
    assert int(hit["Content-Length"]) == len(hit.content)
    assert "max-age=" in hit["Cache-Control"]


def test_a_revisit_with_the_etag_gets_a_304_from_the_cache_without_rendering(client):
    etag = client.get("/en/projects/")["ETag"]
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/en/projects/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert len(queries) == 0
    # A stale ETag gets the page.
    assert client.get("/en/projects/", HTTP_IF_NONE_MATCH='"old"').status_code == 200


def test_a_first_visit_with_an_etag_is_rendered_stored_and_answered_304(client):
    etag = client.get("/fr/")["ETag"]
    cache.clear()  # a new generation: the next request renders the page again
    assert client.get("/fr/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/fr/").status_code == 200  # the full page was stored
    assert len(queries) == 0


def test_the_page_is_stored_compressed_for_clients_that_accept_gzip(client):
    plain = client.get("/ar/")
    zipped = client.get("/ar/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert "Content-Encoding" not in plain
    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain.content
    assert len(zipped.content) < len(plain.content) / 2
    assert int(zipped["Content-Length"]) == len(zipped.content)
    # Two representations, two ETags; both say which encodings they vary on.
    assert zipped["ETag"] != plain["ETag"]
    assert "Accept-Encoding" in zipped["Vary"] and "Accept-Encoding" in plain["Vary"]
    # ...and a shared cache downstream must not give staff (a session cookie) this page.
    assert "Cookie" in plain["Vary"]
    again = client.get("/ar/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=zipped["ETag"])
    assert again.status_code == 304


def test_head_is_answered_from_the_cached_page(client):
    page = client.get("/en/projects/")
    with CaptureQueriesContext(connection) as queries:
        head = client.head("/en/projects/")
    assert len(queries) == 0
    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Length"] == str(len(page.content))
    assert head["ETag"] == page["ETag"]


def test_a_staff_page_is_never_stored_for_visitors(admin_client, client):
    # Staff first, on an empty cache: their page (with its admin links) must not be stored.
    assert admin_client.get("/en/").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        visitor = client.get("/en/")
    assert len(queries) > 0
    assert "/admin/" not in visitor.content.decode()


def test_a_session_cookie_never_meets_the_cache(client, monkeypatch):
    client.get("/en/")
    store = caches[settings.CACHE_MIDDLEWARE_ALIAS]
    read, get_many = [], store.get_many

    def reading(keys, *args, **kwargs):
        read.extend(keys)
        return get_many(keys, *args, **kwargs)

    monkeypatch.setattr(store, "get_many", reading)
    client.cookies[settings.SESSION_COOKIE_NAME] = "not-a-session"
    assert client.get("/en/").status_code == 200
    # Not even looked up (the footer still reads the version of the site's shared parts).
    assert read
    assert not [key for key in read if key.startswith(f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}:")]


def test_a_page_without_a_language_in_its_address_is_kept_per_language(client):
    arabic = client.get("/robots.txt", HTTP_ACCEPT_LANGUAGE="ar")
    french = client.get("/robots.txt", HTTP_ACCEPT_LANGUAGE="fr")
    assert arabic["Content-Language"] == "ar"
    assert french["Content-Language"] == "fr"
    assert client.get("/robots.txt", HTTP_ACCEPT_LANGUAGE="ar")["Content-Language"] == "ar"


def test_never_cached_views_are_not_even_looked_up_after_their_first_answer(client, cache_calls):
    # The health checks are exempt: they never touch the page cache.
    client.get("/livez")
    assert "get_many" not in cache_calls


# --- scheduled publication -------------------------------------------------------------------


def test_an_item_scheduled_while_the_cache_is_warm_shows_on_the_first_request_after_its_time(
    client, django_capture_on_commit_callbacks
):
    project = Project.objects.language("en").get(key="iarms")
    url = project.get_absolute_url("en")
    moment = timezone.now() + timedelta(seconds=2)
    with django_capture_on_commit_callbacks(execute=True):
        project.publish_at = moment
        project.save()
    pages = ["/en/", "/en/projects/"]
    for path in pages:
        assert url not in client.get(path).content.decode()
    with CaptureQueriesContext(connection) as queries:  # warm: served from the cache
        for path in pages:
            assert url not in client.get(path).content.decode()
    assert len(queries) == 0
    time.sleep(max(0.0, (moment - timezone.now()).total_seconds()) + 0.05)
    for path in pages:
        assert url in client.get(path).content.decode(), path
    # ...and cached again.
    with CaptureQueriesContext(connection) as queries:
        assert url in client.get("/en/").content.decode()
    assert len(queries) == 0


def test_a_cached_page_lives_no_longer_than_the_next_scheduled_publication(
    client, django_capture_on_commit_callbacks
):
    project = Project.objects.get(key="iarms")
    with django_capture_on_commit_callbacks(execute=True):
        project.publish_at = timezone.now() + timedelta(seconds=60)
        project.save()
    max_age = int(client.get("/en/")["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert 0 < max_age <= 60


@pytest.fixture
def database_down(monkeypatch):
    """``with database_down():`` every query fails as it does while PostgreSQL restarts."""
    from contextlib import contextmanager

    from django.db import OperationalError
    from django.db.backends import utils

    def refuse(*args, **kwargs):
        raise OperationalError("the database system is shutting down")

    @contextmanager
    def down():
        with monkeypatch.context() as patch:
            patch.setattr(utils.CursorWrapper, "execute", refuse)
            patch.setattr(utils.CursorWrapper, "executemany", refuse)
            yield

    return down


def test_a_page_that_cannot_be_built_just_after_an_edit_is_served_as_it_was(
    django_capture_on_commit_callbacks, database_down
):
    client = Client(raise_request_exception=False)
    pages = ["/en/", "/ar/", Project.objects.get(key="wapis").get_absolute_url("fr")]
    before = {page: client.get(page) for page in pages}
    area = CooperationArea.objects.language("en").get(key="west-africa")
    with django_capture_on_commit_callbacks(execute=True):
        area.title = "West Africa and the Sahel"
        area.save()
    with database_down():
        for page in pages:
            response = client.get(page)
            assert response.status_code == 200, page
            assert response.content == before[page].content
            # Not kept downstream: the next visit asks again, and gets the new page once it can.
            assert response["Cache-Control"].startswith("no-cache")
            # What it was stored with is kept (the security headers, its language).
            assert response["Content-Security-Policy"] == before[page]["Content-Security-Policy"]
            assert response["Content-Language"] == before[page]["Content-Language"]


def test_a_page_never_stored_is_a_503_while_the_database_is_down(database_down):
    client = Client(raise_request_exception=False)
    with database_down():
        response = client.get("/en/")
        assert response.status_code == 503
        assert response.has_header("Retry-After")


def test_once_the_database_answers_the_page_is_built_again(
    django_capture_on_commit_callbacks, database_down
):
    client = Client(raise_request_exception=False)
    client.get("/en/")
    area = CooperationArea.objects.language("en").get(key="west-africa")
    with django_capture_on_commit_callbacks(execute=True):
        area.title = "West Africa and the Sahel"
        area.save()
    with database_down():
        assert "West Africa and the Sahel" not in client.get("/en/").content.decode()
    fresh = client.get("/en/")
    assert fresh.status_code == 200
    assert "West Africa and the Sahel" in fresh.content.decode()
    assert not fresh["Cache-Control"].startswith("no-cache")
