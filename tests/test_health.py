"""/healthz names what failed and is never cached; /livez touches nothing."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from eurelations import health

pytestmark = pytest.mark.django_db


def test_healthz_checks_the_database_and_the_cache_separately(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["cache"]["status"] == "ok"


def test_healthz_is_never_cached_by_us_or_a_proxy(client, monkeypatch):
    assert client.get("/healthz").status_code == 200

    def database_down():
        raise ConnectionError("database unreachable")

    monkeypatch.setitem(health.CHECKS, "database", database_down)
    response = client.get("/healthz")
    assert response.status_code == 503  # not the 200 stored a moment ago
    assert "no-store" in response["Cache-Control"]
    assert not response.has_header("Age")
    assert response.json()["failed"] == ["database"]
    assert response.json()["checks"]["database"]["status"] == "unavailable"


def test_a_cache_that_drops_writes_is_reported(client, monkeypatch):
    monkeypatch.setattr(cache, "set", lambda *args, **kwargs: None)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["cache"]


def test_liveness_touches_neither_the_database_nor_the_cache(client, monkeypatch):
    monkeypatch.setattr(cache, "get", lambda *a, **k: pytest.fail("cache touched"))
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/livez")
    assert response.status_code == 200
    assert len(queries) == 0
    assert "no-store" in response["Cache-Control"]
