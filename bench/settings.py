"""Production settings, plus the benchmark's floor: a trivial view served by the same server."""

import os

from eurelations.settings.prod import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# The uncached run must not find the pages the cached run stored (same Redis, same generation):
# it gets keys of its own, and stores nothing (PAGE_CACHE_SECONDS=0).
CACHE_MIDDLEWARE_KEY_PREFIX = os.environ.get("BENCH_PAGE_CACHE_PREFIX", "pages")
