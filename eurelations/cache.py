"""The per-language page cache for anonymous visitors, and its one invalidation path.

Cached pages live under a *generation* number kept in the shared cache (Redis in production).
Any change to content bumps the generation, so every app server stops serving the old pages at
once; stale entries simply expire. The URL already carries the language (/ar/, /fr/ …), so one
cache key per URL is one per language.
"""

import time

from django.core.cache import caches
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware

GENERATION_KEY = "pagecache:generation"


def _cache():
    from django.conf import settings

    return caches[settings.CACHE_MIDDLEWARE_ALIAS]


def current_generation():
    cache = _cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Start from the clock so a restarted cache never reuses an old generation's keys.
        cache.add(GENERATION_KEY, int(time.time() * 1000), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def invalidate_pages(**kwargs):
    cache = _cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet: nothing cached under one either
        current_generation()


def connect_invalidation_signals():
    from django.contrib.sites.models import Site
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from eurelations import registry

    # Every row a public page shows: the registry's content (translations and links
    # included), and the site's domain, which every absolute link carries.
    for model in [*registry.watched_models(), Site]:
        uid = f"pagecache:{model._meta.label}"
        post_save.connect(invalidate_pages, sender=model, weak=False, dispatch_uid=uid)
        post_delete.connect(invalidate_pages, sender=model, weak=False, dispatch_uid=uid)
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                invalidate_pages,
                sender=field.remote_field.through,
                weak=False,
                dispatch_uid=f"{uid}:{field.name}",
            )


class _GenerationPrefix:
    """``key_prefix`` read from the shared generation on every use (thread-safe: no state)."""

    @property
    def key_prefix(self):
        from django.conf import settings

        return f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}:{current_generation()}"

    @key_prefix.setter
    def key_prefix(self, value):
        pass  # set by Django's __init__; the generation decides instead


class UpdatePageCacheMiddleware(_GenerationPrefix, UpdateCacheMiddleware):
    pass


class FetchPageCacheMiddleware(_GenerationPrefix, FetchFromCacheMiddleware):
    def process_request(self, request):
        # Staff see drafts, previews and their own session: never serve or store their pages.
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            request._cache_update_cache = False
            return None
        return super().process_request(request)
