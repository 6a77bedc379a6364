"""With Redis down the site serves every page from the database, logs the outage once, and
recovers by itself when Redis is back, without serving a page from before the outage.

These tests run the production cache backend against a real Redis of their own, which they
stop and restart.
"""

import logging

import pytest
from django.core.cache import cache

from cooperation.models import CooperationArea
from pagecache import backends as redis_cache
from projects.models import Project
from tests.redis_server import private_redis  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db


def public_pages():
    wapis = Project.objects.get(key="wapis")
    return ["/en/", "/ar/", "/en/projects/", wapis.get_absolute_url("fr"), "/robots.txt"]


@pytest.fixture
def redis_cache_settings(settings, private_redis, monkeypatch):  # noqa: F811
    settings.CACHES = {
        "default": {
            "BACKEND": "pagecache.backends.RedisCache",
            "LOCATION": private_redis.url,
            "KEY_PREFIX": "test",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
    # Retry Redis at once after a failure: the tests restart it and go on straight away.
    monkeypatch.setattr(redis_cache, "RETRY_SECONDS", 0.0)
    yield private_redis
    cache.clear()


def outage_messages(caplog):
    return [r for r in caplog.records if r.name == "pagecache" and r.levelno >= 40]


def test_with_redis_stopped_every_page_and_the_admin_login_are_served(
    client, redis_cache_settings, caplog
):
    pages = public_pages()
    for path in pages:
        assert client.get(path).status_code == 200
    redis_cache_settings.stop()
    caplog.set_level(logging.WARNING)
    for _ in range(3):
        for path in [*pages, "/admin/login/"]:
            response = client.get(path)
            assert response.status_code == 200, path
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json()["failed"] == ["cache"]
    # One outage, one message: not one per request or per cache call.
    assert len(outage_messages(caplog)) == 1
    assert "Cache unreachable" in outage_messages(caplog)[0].getMessage()


def test_an_edit_made_while_redis_is_down_shows_once_it_is_back(client, redis_cache_settings):
    assert "West Africa" in client.get("/en/").content.decode()  # now cached in Redis
    redis_cache_settings.stop()  # Redis saves the cached page to disk...
    area = CooperationArea.objects.language("en").get(key="west-africa")
    area.title = "West Africa and the Sahel"
    area.save()  # ...and the invalidation of this save is lost
    assert "West Africa and the Sahel" in client.get("/en/").content.decode()
    redis_cache_settings.start()  # ...and loads the old page again
    for _ in range(2):
        page = client.get("/en/").content.decode()
        assert "West Africa and the Sahel" in page
    assert client.get("/healthz").status_code == 200


def test_the_recovery_is_logged_once_and_pages_are_cached_again(
    client, redis_cache_settings, caplog, django_assert_num_queries
):
    redis_cache_settings.stop()
    caplog.set_level(logging.WARNING)
    client.get("/en/")
    redis_cache_settings.start()
    client.get("/en/")  # recovers, stores the page
    client.get("/en/")
    back = [r for r in caplog.records if "reachable again" in r.getMessage()]
    assert len(back) == 1
    with django_assert_num_queries(0):
        assert client.get("/en/").status_code == 200


def test_a_cached_page_costs_one_redis_command(client, redis_cache_settings):
    import redis

    server = redis.Redis.from_url(redis_cache_settings.url)

    def commands():
        return server.info("stats")["total_commands_processed"]

    first = client.get("/en/projects/")
    client.get("/en/projects/")  # the process now knows the generation
    before = commands()
    idle = commands() - before  # what reading the counter costs
    before = commands()
    again = client.get("/en/projects/")
    assert again.content == first.content
    assert commands() - before - idle == 1  # MGET generation, schedule, page


def test_a_page_stored_before_an_outage_and_an_edit_is_not_served_after_it(
    client, redis_cache_settings, django_capture_on_commit_callbacks
):
    # As above, with the one-read path: the process remembers the generation of before the
    # outage, and Redis comes back with it and the old page.
    client.get("/en/")
    client.get("/en/")
    redis_cache_settings.stop()
    area = CooperationArea.objects.language("en").get(key="west-africa")
    with django_capture_on_commit_callbacks(execute=True):
        area.title = "West Africa and the Sahel"
        area.save()  # the bump is lost
    redis_cache_settings.start()
    assert "West Africa and the Sahel" in client.get("/en/").content.decode()
