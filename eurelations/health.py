"""Health endpoints, never cached (by our page cache or by any proxy).

- ``/healthz`` (readiness, for load balancers): checks the database and the cache separately and
  answers 503 with JSON naming what failed. The site still serves pages with the cache down, but
  slower and without invalidation reaching other servers: a monitor must see it.
- ``/livez`` (liveness, for process supervisors): touches neither, so a database outage does
  not make a supervisor restart every app server.
"""

import logging
import time
import uuid

from django.core.cache import caches
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from pagecache.decorators import exempt_from_page_cache

logger = logging.getLogger("eurelations.health")


def _database():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache():
    # A round trip through the real backend, not the fail-open wrapper's "miss": write a value
    # and read it back.
    cache = caches["default"]
    # A key of its own: concurrent probes (several servers, several balancers) must not read
    # each other's value and call a healthy cache broken.
    value = uuid.uuid4().hex
    key = f"health:probe:{value}"
    cache.set(key, value, timeout=10)
    try:
        if cache.get(key) != value:
            raise ConnectionError("the cache did not return what was written")
    finally:
        cache.delete(key)


CHECKS = {"database": _database, "cache": _cache}


@exempt_from_page_cache
@never_cache
def health(request):
    results, failed = {}, []
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            check()
        except Exception as error:  # noqa: BLE001 - any failure of a dependency is "unhealthy"
            results[name] = {"status": "unavailable", "error": type(error).__name__}
            failed.append(name)
            logger.warning("Health check: %s unavailable (%s)", name, error)
        else:
            results[name] = {"status": "ok"}
        results[name]["ms"] = round((time.perf_counter() - started) * 1000, 1)
    body = {"status": "unavailable" if failed else "ok", "failed": failed, "checks": results}
    return JsonResponse(body, status=503 if failed else 200)


@exempt_from_page_cache
@never_cache
def liveness(request):
    return JsonResponse({"status": "ok"})
