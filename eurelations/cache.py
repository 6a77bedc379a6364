"""The per-language page cache for anonymous visitors, and its one invalidation path.

Cached pages live under a *generation* number kept in the shared cache (Redis in production).
Any change to content bumps the generation, so every app server stops serving the old pages at
once; stale entries simply expire. The URL already carries the language (/ar/, /fr/ …), so one
cache key per URL is one per language.

Only the query parameters a page reads (its ``page_cache_params``: ``page``, its filters, ``q``)
are part of the key, sorted; any other parameter is ignored for caching, so a stream of
cache-busting query strings is served from one entry instead of filling Redis.

When Redis is unreachable (``eurelations.redis_cache``) every page is a miss and is served from
the database; when it answers again the generation is bumped, because the invalidations sent
during the outage were lost.
"""

import time
from urllib.parse import urlencode

from django.core.cache import caches
from django.http import QueryDict
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.urls import Resolver404, resolve
from django.utils.encoding import escape_uri_path

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


def invalidate_after_outage(**kwargs):
    invalidate_pages()


def connect_invalidation_signals():
    from django.contrib.sites.models import Site
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from eurelations import registry
    from eurelations.redis_cache import cache_recovered

    cache_recovered.connect(invalidate_after_outage, dispatch_uid="pagecache:recovered")

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


def page_cache_params(*names):
    """Declare the query parameters a view reads: only these form part of its cache key."""

    def decorate(view):
        view.page_cache_params = tuple(names)
        return view

    return decorate


def exempt_from_page_cache(view):
    """A view whose requests must not touch the cache at all (liveness, health)."""
    view.page_cache_exempt = True
    return view


def _match(request):
    match = getattr(request, "resolver_match", None)
    if match is None:
        try:
            match = resolve(request.path_info, getattr(request, "urlconf", None))
        except Resolver404:
            return None
    return match


def canonical_query(request, names):
    """The query string as the cache sees it: the page's own parameters, sorted by name."""
    return urlencode(
        [(name, value) for name in sorted(names) for value in request.GET.getlist(name)]
    )


def keep_only_page_params(request, match):
    """Make the page see only the parameters that form its cache key: a page stored under the
    key must not carry another visitor's stray parameters (in its language links, say)."""
    if match is None or "admin" in match.namespaces:
        return  # the admin is never cached and reads its own parameters (?next=)
    query = canonical_query(request, getattr(match.func, "page_cache_params", ()))
    request._page_cache_query = query
    if query != request.META.get("QUERY_STRING", ""):
        request.GET = QueryDict(query)


class _CacheKeyRequest:
    """The request as the cache key sees it; everything else is the request itself (what the
    cache middleware sets on it, too)."""

    def __init__(self, request):
        query = getattr(request, "_page_cache_query", None)
        if query is None:
            match = _match(request)
            names = getattr(match.func, "page_cache_params", ()) if match else ()
            query = request._page_cache_query = canonical_query(request, names)
        object.__setattr__(self, "_request", request)
        object.__setattr__(self, "_query", query)

    def __getattr__(self, name):
        return getattr(self._request, name)

    def __setattr__(self, name, value):
        setattr(self._request, name, value)

    def build_absolute_uri(self, location=None):
        if location is None:
            location = escape_uri_path(self._request.path)
            if self._query:
                location += "?" + self._query
        return self._request.build_absolute_uri(location)


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
    def process_response(self, request, response):
        if not self._should_update_cache(request, response):
            return response
        return super().process_response(_CacheKeyRequest(request), response)


class FetchPageCacheMiddleware(_GenerationPrefix, FetchFromCacheMiddleware):
    def process_request(self, request):
        # Staff see drafts, previews and their own session: never serve or store their pages.
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            request._cache_update_cache = False
            return None
        match = _match(request)
        if match is not None and getattr(match.func, "page_cache_exempt", False):
            request._cache_update_cache = False
            return None
        if request.method in ("GET", "HEAD"):
            keep_only_page_params(request, match)
        return super().process_request(_CacheKeyRequest(request))
