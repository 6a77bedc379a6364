"""The per-language page cache for anonymous visitors: a hit is one read of the shared cache
(invalidation counter, schedule and page together) before any other middleware. How it is
keyed, tagged, invalidated and falls back when a service fails: ``docs/architecture.md``."""

import gzip
import time
from hashlib import md5
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import cc_delim_re, get_conditional_response, get_max_age
from django.utils.http import parse_http_date_safe, quote_etag

from content import cachetags
from pagecache.edge import TAG_HEADER
from pagecache.invalidation import (
    COUNTER_KEY,
    SCHEDULE_KEY,
    current_counter,
    invalidate_now,
    log_key,
    page_cache,
    publication_tags,
    stamp_key,
    stamps_read_once,
)


def canonical_query(request, names):
    """The query string as the cache sees it: the page's own parameters, sorted by name."""
    return urlencode(
        [(name, value) for name in sorted(names) for value in request.GET.getlist(name)]
    )


def keep_only_page_params(request, names):
    """Make the page see only the parameters that form its cache key: a page stored under the
    key must not carry another visitor's stray parameters (in its language links, say)."""
    raw = request.META.get("QUERY_STRING", "")
    query = canonical_query(request, names) if raw else ""
    if query != raw:
        request.GET = QueryDict(query)
    return query


# --- the page cache itself ----------------------------------------------------------------------

# The headers a stored page keeps as they were: everything but what is set per answer.
_PER_ANSWER = {
    "cache-control",
    "content-encoding",
    "content-length",
    "date",
    "etag",
    "expires",
    "set-cookie",
    "vary",
    "x-request-id",
}
# What the key covers: the visitor's language (Accept-Language, the language cookie), and the
# absence of a session cookie (Cookie); Accept-Encoding is ours (the gzip copy). A response that
# varies on anything else is not stored.
_COVERED_VARY = {"cookie", "accept-language"}
_GZIP_MIN_BYTES = 1024
_CONDITIONAL = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")
# How many invalidations a process reads from the log at once; further behind, it checks each
# older page's tags themselves (a second read) before serving it.
_LOG_READ_MAX = 500
# How many tags' last invalidation a process keeps (then it starts again from the newest).
_STAMPS_MAX = 50_000
# What an edge cache (deploy/varnish/) may do with an expired page while it asks for a new one,
# and while the site fails (seconds).
_STALE_WHILE_REVALIDATE = 60
_STALE_IF_ERROR = 86400
# The size of the per-process table of addresses already resolved (cleared when full).
_ROUTES_MAX = 4096

# One entry per page: everything a hit needs, so a hit is one read.
(
    _STATUS,
    _HEADERS,
    _BODY,
    _GZIP,
    _ETAG,
    _LAST_MODIFIED,
    _EXPIRES,
    _CACHE_CONTROL,
    _VARY,
    _TAGS,
    _START,
) = range(11)


def page_key(suffix):
    return f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}:v3:{suffix}"


def _etag_variant(etag, suffix):
    return f'{etag[:-1]}-{suffix}"' if etag.endswith('"') else etag


def _compressible(content_type):
    content_type = content_type.split(";", 1)[0].strip().lower()
    return content_type.startswith("text/") or content_type.endswith(("xml", "json"))


class PageCacheMiddleware:
    """The page cache: just inside ``RequestIdMiddleware``, so a hit skips every other
    middleware and costs one cache round trip.

    Only anonymous visitors are served and stored: GET and HEAD requests without a session
    cookie (authentication is by session only, so staff always carry one and never meet a
    cached page). Everything else goes straight through, untouched.

    A hit reads, in one ``get_many``, the number of the last invalidation, the schedule and the
    page. An entry is the whole answer (status, headers, body, a gzip copy, their ETags) with
    the cache tags of what it shows (collected while it rendered, ``content.cachetags``) and
    the invalidation number read before it rendered: it is fresh while no later invalidation
    touched one of its tags. Each process reads the invalidations' log (the tags each
    touched) once per new number, not per hit; a page older than what the process has read
    is checked against its tags' own numbers (a second read) and stored again as checked.
    The entry carries its tags in the ``xkey`` header too, for an edge cache.

    Scheduled publication: an entry expires no later than the next scheduled ``publish_at``
    (the schedule is computed with each invalidation of a list), and the first request after
    that moment invalidates the lists of publishable content, so counts and filter choices
    kept beside the pages follow.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        # Per process (Django builds the middleware once per handler): resolved addresses,
        # views that refused to be cached (never_cache: not worth a cache read), and what this
        # process knows of the invalidations: every one from ``known_from`` to ``known_upto``,
        # as {tag: number of its last invalidation}.
        self.routes = {}
        self.uncacheable = set()
        self.publications_seen = set()
        self.known_from = self.known_upto = None
        self.stamps = {}
        self.gap_since = None

    def __call__(self, request):
        with stamps_read_once():
            return self._answer_request(request)

    def _answer_request(self, request):
        plan = self._plan(request)
        if plan is None:
            return self.get_response(request)
        suffix, view = plan
        cache = page_cache()
        counter, schedule, entry = self._lookup(cache, suffix)
        now = time.time()
        if schedule and schedule[0] <= now and self._publication_came(cache, schedule):
            counter, schedule, entry = self._lookup(cache, suffix)
        stale = None
        if entry is not None:
            if entry[_EXPIRES] > now and self._fresh(cache, suffix, entry, counter):
                return self._answer(request, entry, now, state="hit")
            stale = entry  # kept for stale-if-error

        # A miss: render the full page whatever the visitor holds, answer the condition after.
        conditions = {
            name: request.META.pop(name) for name in _CONDITIONAL if name in request.META
        }
        with cachetags.collecting() as tags:
            response = self.get_response(request)
        request.META.update(conditions)
        if response.status_code >= 500 and stale is not None:
            # The page could not be built (the database restarting just after an edit, say):
            # the visitor gets the page as it was stored before that edit, not an error.
            return self._answer(request, stale, time.time(), state="stale")
        if counter is not None:
            entry = self._store(
                cache, request, response, (counter, suffix, schedule, tags), view, now
            )
            if entry is not None:
                return self._answer(request, entry, time.time(), state="miss")
        # Asked and not answered from the cache (not storable: a 404, a cookie): a miss too, or
        # a client counting hits would not see it.
        response.headers.setdefault("X-Page-Cache", "miss")
        if conditions:
            return get_conditional_response(
                request,
                etag=response.get("ETag"),
                last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
                response=response,
            )
        return response

    # --- which requests, under which key ----------------------------------------------------

    def _plan(self, request):
        """(key suffix, view) of a request the cache may answer, or None."""
        if request.method not in ("GET", "HEAD") or settings.CACHE_MIDDLEWARE_SECONDS <= 0:
            return None
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return None  # staff (or a session of any kind): the full stack, never the cache
        language = translation.get_language_from_request(request, check_path=True)
        route = self._route(request, language)
        if route is None or route[1] in self.uncacheable:
            return None
        try:
            request.get_host()
        except DisallowedHost:
            return None  # the stack answers 400
        query = keep_only_page_params(request, route[0])
        # Not the host: a page names only the site's address (SITE_URL), so every allowed host
        # name shares its entries, and a new address starts new ones. The scheme stays: an http
        # request must reach the redirect to https, not a stored page.
        address = f"{request.scheme}:{settings.SITE_URL}{request.path}?{query}#{language}"
        suffix = md5(address.encode("utf-8", "surrogateescape"), usedforsecurity=False)
        return suffix.hexdigest(), route[1]

    def _route(self, request, language):
        """(parameters the page reads, view) of a cacheable address, or None: resolved once
        per process and address (in the address's language, as LocaleMiddleware will)."""
        urlconf = getattr(request, "urlconf", None) or settings.ROOT_URLCONF
        key = (urlconf, language, request.path_info)
        try:
            return self.routes[key]
        except KeyError:
            pass
        with translation.override(language):
            try:
                match = resolve(request.path_info, urlconf)
            except Resolver404:
                match = None
        if (
            match is None
            or "admin" in match.namespaces
            or getattr(match.func, "page_cache_exempt", False)
        ):
            route = None
        else:
            route = (tuple(getattr(match.func, "page_cache_params", ())), match.func)
        if len(self.routes) >= _ROUTES_MAX:
            self.routes.clear()
        self.routes[key] = route
        return route

    # --- reading ------------------------------------------------------------------------

    def _lookup(self, cache, suffix):
        """(invalidation counter, schedule, entry or None) in one round trip, and the log of
        invalidations this process has not read yet; (None, (), None) when the cache is down."""
        key = page_key(suffix)
        found = cache.get_many([COUNTER_KEY, SCHEDULE_KEY, key])
        counter = found.get(COUNTER_KEY)
        if counter is None:
            counter = current_counter(cache)  # creates it; None when the cache is down
            if counter is None:
                return None, (), None
        self._catch_up(cache, counter)
        return counter, found.get(SCHEDULE_KEY) or (), found.get(key)

    def _forget(self, counter):
        self.known_from = self.known_upto = counter
        self.stamps = {}
        self.gap_since = None

    def _catch_up(self, cache, counter):
        """Read the tags of the invalidations after ``known_upto`` up to ``counter``: one read
        per new counter, whatever the number of pages."""
        if self.known_upto is None or counter < self.known_upto:
            self._forget(counter)  # first look, or a counter started again
            return
        if counter == self.known_upto:
            return
        if counter - self.known_upto > _LOG_READ_MAX:
            self._forget(counter)
            return
        numbers = range(self.known_upto + 1, counter + 1)
        logged = cache.get_many([log_key(number) for number in numbers])
        for number in numbers:
            tags = logged.get(log_key(number))
            if tags is None:
                # Expired (the later ones are there), or being written (its number is taken
                # before its log): pages older than it are not trusted until it appears.
                if log_key(counter) in logged:
                    self._forget(counter)
                elif self.gap_since is None:
                    self.gap_since = time.monotonic()
                elif time.monotonic() - self.gap_since > 1.0:
                    self._forget(counter)
                return
            for tag in tags:
                self.stamps[tag] = number
            self.known_upto = number
        self.gap_since = None
        if len(self.stamps) > _STAMPS_MAX:
            self._forget(self.known_upto)

    def _fresh(self, cache, suffix, entry, counter):
        """Has no invalidation after the entry began to render touched one of its tags?"""
        start, tags = entry[_START], entry[_TAGS]
        if start >= self.known_from and (start >= counter or self.known_upto >= counter):
            return all(self.stamps.get(tag, 0) <= start for tag in tags)
        if self.known_upto < counter:
            return False  # an invalidation not yet readable: render
        # Older than what this process has read: its tags' own numbers (one more read); the
        # entry is then stored again as checked at ``counter``, so the next hit is one read.
        stamps = cache.get_many([stamp_key(tag) for tag in tags])
        if any(number > start for number in stamps.values()):
            return False
        timeout = entry[_EXPIRES] - time.time()
        if timeout > 1:
            cache.set(page_key(suffix), (*entry[:_START], counter), timeout=timeout)
        return True

    def _publication_came(self, cache, schedule):
        """A scheduled publication has come: lists of publishable content (and what is kept
        beside them, counts and filter choices) are out of date. One process invalidates them
        (True); the others read it on their next request, and meanwhile no entry outlives the
        publication anyway."""
        moment = schedule[0]
        if moment in self.publications_seen:
            return False
        if len(self.publications_seen) > 100:
            self.publications_seen.clear()
        self.publications_seen.add(moment)
        if not cache.add(f"pagecache:published:{moment}", 1, timeout=3600):
            return False
        invalidate_now(publication_tags())
        return True

    def _answer(self, request, entry, now, state):
        if entry[_GZIP] is not None and "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", ""):
            content, etag = entry[_GZIP], _etag_variant(entry[_ETAG], "gzip")
            headers = {**dict(entry[_HEADERS]), "Content-Encoding": "gzip"}
        else:
            content, etag, headers = entry[_BODY], entry[_ETAG], dict(entry[_HEADERS])
        remaining = max(0, int(entry[_EXPIRES] - now))
        # Browsers briefly (nothing purges them); an edge cache as long as the page cache, since
        # it is purged by tag (deploy/varnish/), and it may bridge a refresh or an outage.
        control = (
            f"max-age={min(remaining, settings.PAGE_BROWSER_SECONDS)}, s-maxage={remaining},"
            f" stale-while-revalidate={_STALE_WHILE_REVALIDATE}, stale-if-error={_STALE_IF_ERROR}"
        )
        if state == "stale":
            control = "no-cache"  # no cache downstream keeps it: the next visit asks again
        headers["Cache-Control"] = (
            f"{control}, {entry[_CACHE_CONTROL]}" if entry[_CACHE_CONTROL] else control
        )
        headers["ETag"] = etag
        # Whether the page cache answered (the bench counts its hit ratio from it).
        headers["X-Page-Cache"] = state
        if entry[_VARY]:
            headers["Vary"] = entry[_VARY]
        headers["Content-Length"] = str(len(content))
        response = HttpResponse(
            b"" if request.method == "HEAD" else content, status=entry[_STATUS], headers=headers
        )
        if "HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META:
            return get_conditional_response(
                request, etag=etag, last_modified=entry[_LAST_MODIFIED], response=response
            )
        return response

    # --- storing ------------------------------------------------------------------------

    def _store(self, cache, request, response, where, view, started):
        """Store the finished page as one entry, with its tags and the invalidation counter
        read before it was rendered (``where``: counter, key suffix, schedule, tags); the
        entry, or None when the response may not be stored."""
        if response.status_code != 200 or response.streaming or request.method != "GET":
            return None
        if response.cookies:
            return None  # a cookie is one visitor's (the CSRF token, a session)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return None
        control = response.get("Cache-Control", "")
        max_age = get_max_age(response)
        if max_age == 0 or any(word in control for word in ("private", "no-store", "no-cache")):
            self.uncacheable.add(view)  # never_cache: not worth a cache read next time
            return None
        vary = [word for word in cc_delim_re.split(response.get("Vary", "")) if word]
        if {word.lower() for word in vary} - _COVERED_VARY:
            return None  # the key does not cover what this page varies on
        counter, suffix, schedule, tags = where
        tags = tuple(sorted({*tags, cachetags.EVERYTHING}))
        now = time.time()
        expires = now + (settings.CACHE_MIDDLEWARE_SECONDS if max_age is None else max_age)
        # The first scheduled publication after the page began to render: the page cannot
        # show it, so it must not outlive it.
        publication = next((moment for moment in schedule if moment > started), None)
        if publication is not None:
            expires = min(expires, publication)
        if expires - now < 0.001:
            return None  # a scheduled item went public while the page was being rendered

        body = response.content
        etag = response.get("ETag") or quote_etag(md5(body, usedforsecurity=False).hexdigest())
        compressed = None
        if len(body) >= _GZIP_MIN_BYTES and _compressible(response.get("Content-Type", "")):
            compressed = gzip.compress(body, compresslevel=6, mtime=0)
            if len(compressed) > len(body) * 0.9:
                compressed = None
        # What the key covers, said to caches downstream (a proxy, a CDN): a visitor with a
        # session cookie (staff) must not be given this page by them either.
        if "cookie" not in {word.lower() for word in vary}:
            vary.append("Cookie")
        if compressed is not None:
            vary.append("Accept-Encoding")
        entry = (
            response.status_code,
            (
                *(
                    (name, value)
                    for name, value in response.items()
                    if name.lower() not in _PER_ANSWER
                ),
                (TAG_HEADER, " ".join(tags)),
            ),
            body,
            compressed,
            etag,
            parse_http_date_safe(response.get("Last-Modified", "")),
            expires,
            ", ".join(
                word
                for word in cc_delim_re.split(control)
                if word and not word.lower().startswith("max-age")
            ),
            ", ".join(vary),
            tags,
            counter,
        )
        cache.set(page_key(suffix), entry, timeout=expires - now)
        return entry
