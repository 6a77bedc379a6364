"""The page cache's one invalidation path: a generation number in the shared cache, bumped on
commit of any change to what a public page shows, with the upcoming scheduled publications
(``docs/architecture.md`` tells the whole path of a request)."""

import time

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from content import registry
from content.models import PublicationStatus, PublishableModel
from pagecache.backends import cache_recovered

GENERATION_KEY = "pagecache:generation"
# The scheduled publication times, read with the generation (see ``upcoming_publications``).
SCHEDULE_KEY = "pagecache:schedule"


def page_cache():
    return caches[settings.CACHE_MIDDLEWARE_ALIAS]


def current_generation():
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Start from the clock so a restarted cache never reuses an old generation's keys.
        cache.add(GENERATION_KEY, int(time.time() * 1000), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def invalidate_pages(**kwargs):
    """A content row changed: new pages from the next request on, once the change is committed.

    Bumped inside the transaction, a visitor's request could read the old rows after the bump
    and store the old page under the new generation; a rolled-back change would bump for
    nothing. One bump per savepoint, however many rows it writes."""
    connection = transaction.get_connection(kwargs.get("using"))
    savepoints = set(connection.savepoint_ids)
    if any(
        func is bump_generation and ids == savepoints
        for ids, func, _robust in connection.run_on_commit
    ):
        return
    # robust: a cache that is down must not turn a committed save into an error.
    transaction.on_commit(bump_generation, using=kwargs.get("using"), robust=True)


def bump_generation():
    cache = page_cache()
    # The schedule first: a page stored under the new generation must see its times.
    try:
        cache.set(SCHEDULE_KEY, upcoming_publications(), timeout=None)
    except DatabaseError:
        cache.delete(SCHEDULE_KEY)  # unknown: pages fall back to their timeout
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet: nothing cached under one either
        current_generation()


def upcoming_publications(limit=100):
    """The next scheduled publication times (epoch seconds, ascending) over every publishable
    model of the registry: one query. Kept next to the generation (``SCHEDULE_KEY``)."""
    now = timezone.now()
    parts = [
        entry.model.objects.filter(status=PublicationStatus.PUBLISHED, publish_at__gt=now)
        .order_by()
        .values_list("publish_at", flat=True)
        for entry in registry.entries()
        if issubclass(entry.model, PublishableModel)
    ]
    if not parts:
        return ()
    scheduled = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return tuple(moment.timestamp() for moment in scheduled.order_by("publish_at")[:limit])


def invalidate_after_outage(**kwargs):
    # Not a database write: nothing to wait for, the lost invalidations are made good now.
    bump_generation()


def connect_invalidation_signals():
    from django.contrib.sites.models import Site

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
