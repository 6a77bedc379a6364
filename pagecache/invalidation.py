"""The page cache's invalidation: cache tags (``content.cachetags``), each with the number of the
last invalidation that touched it, published on commit of a change to what they name, with the
upcoming scheduled publications; and the edge caches purged by the same tags
(``docs/architecture.md`` tells the whole path of a request)."""

import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save, pre_save
from django.utils import timezone

from content import cachetags, registry
from content.models import PublicationStatus, PublishableModel
from pagecache import edge
from pagecache.backends import cache_recovered

# The number of the last invalidation, counted from the clock so that a restarted cache never
# reuses an old number.
COUNTER_KEY = "pagecache:invalidations"
# The scheduled publication times, read with the counter (see ``upcoming_publications``).
SCHEDULE_KEY = "pagecache:schedule"
# How long the log of each invalidation's tags is kept for the processes to read.
LOG_SECONDS = 3600


def stamp_key(tag):
    """The number of the last invalidation of ``tag`` (kept without timeout: a page stored
    before it must never pass for newer)."""
    return f"pagecache:tag:{tag}"


def log_key(number):
    """The tags invalidation ``number`` touched: each process reads the ones it has not seen."""
    return f"pagecache:log:{number}"


def page_cache():
    return caches[settings.CACHE_MIDDLEWARE_ALIAS]


def current_counter(cache=None):
    """The number of the last invalidation; None when the cache is unreachable."""
    cache = cache or page_cache()
    counter = cache.get(COUNTER_KEY)
    if counter is None:
        start = int(time.time() * 1000)
        if cache.add(COUNTER_KEY, start, timeout=None):
            # A new start for what is kept beside the pages too (``tag_version``): what a
            # process kept before (a footer) may be from before the cache was emptied.
            cache.set(stamp_key(cachetags.EVERYTHING), start, timeout=None)
        counter = cache.get(COUNTER_KEY)
    return counter


# The stamps read during the request being answered (key -> value, None for none): a page reads
# several versions (site settings, footer, a list's count, the filters' options), one round trip
# to the cache for all of them instead of one each.
_request_stamps = ContextVar("request_stamps", default=None)


@contextmanager
def stamps_read_once():
    """Within (a request): each stamp ``tag_version`` needs is read from the cache once, with
    the ones pages usually need, in one round trip. Only within a request: a version read now
    is as good as one read a few milliseconds later, while the request's page is rendered."""
    token = _request_stamps.set({})
    try:
        yield
    finally:
        _request_stamps.reset(token)


def _usual_stamp_keys():
    tags = [cachetags.EVERYTHING, cachetags.SHARED, cachetags.SETTINGS]
    tags += [cachetags.list_tag(model) for model in registry.models()]
    return [COUNTER_KEY, *(stamp_key(tag) for tag in tags)]


def _read_stamps(cache, keys):
    memo = _request_stamps.get()
    if memo is None:
        return cache.get_many(keys)
    wanted = [key for key in keys if key not in memo]
    if wanted:
        if not memo:
            wanted = list(dict.fromkeys([*wanted, *_usual_stamp_keys()]))
        found = cache.get_many(wanted)
        memo.update({key: found.get(key) for key in wanted})
    return {key: memo[key] for key in keys if memo[key] is not None}


def tag_version(*tags):
    """For what is kept beside the pages (the footer, the filters' options, a list's count):
    a number that changes whenever one of ``tags`` is invalidated, and the tags recorded on the
    page being rendered. None when the cache is unreachable: then nothing tells this process
    when to drop what it kept, so it keeps nothing."""
    cachetags.record(*tags)
    # And everything's: invalidated when Redis answers again after an outage.
    tags = (*tags, cachetags.EVERYTHING)
    cache = page_cache()
    found = _read_stamps(cache, [COUNTER_KEY, *(stamp_key(tag) for tag in tags)])
    if COUNTER_KEY not in found:
        memo = _request_stamps.get()
        if memo:
            memo.clear()  # the counter is being created: read again after it
        if current_counter(cache) is None:
            return None
    return max(found.get(stamp_key(tag), 0) for tag in tags)


def shared_version():
    """``tag_version`` of the site's shared parts (navigation, footer) and of the site's
    settings, which the footer shows: what a memo of the footer keys on (per language)."""
    return tag_version(cachetags.SHARED, cachetags.SETTINGS)


# --- publishing an invalidation -----------------------------------------------------------------


class _Invalidation:
    """The tags one transaction (one savepoint) touched: published once, on commit."""

    def __init__(self, tags):
        self.tags = set(tags)

    def __call__(self):
        invalidate_now(self.tags)


def invalidate(tags, using=None):
    """Invalidate ``tags`` once the change is committed.

    Published inside the transaction, a visitor's request could read the old rows after it and
    store the old page as new; a rolled-back change would invalidate for nothing. One
    publication per savepoint, however many rows it writes."""
    if not tags:
        return
    connection = transaction.get_connection(using)
    savepoints = set(connection.savepoint_ids)
    for ids, func, _robust in connection.run_on_commit:
        if isinstance(func, _Invalidation) and ids == savepoints:
            func.tags.update(tags)
            return
    # robust: a cache that is down must not turn a committed save into an error.
    transaction.on_commit(_Invalidation(tags), using=using, robust=True)


def invalidate_now(tags):
    """Publish an invalidation of ``tags``: its number, each tag's stamp, then its log entry
    (a process that reads the log entry finds the stamps written); then purge the edges."""
    tags = set(tags)
    if settings.PAGE_CACHE_INVALIDATE_EVERYTHING:
        tags.add(cachetags.EVERYTHING)  # as before cache tags: one generation for all pages
    cache = page_cache()
    if any(tag.endswith(":list") for tag in tags) or cachetags.EVERYTHING in tags:
        # The schedule first: a page stored after this invalidation must see its times.
        try:
            cache.set(SCHEDULE_KEY, upcoming_publications(), timeout=None)
        except DatabaseError:
            cache.delete(SCHEDULE_KEY)  # unknown: pages fall back to their timeout
    try:
        number = cache.incr(COUNTER_KEY)
    except ValueError:  # no counter yet: nothing stored against one either
        number = current_counter(cache)
    if number is not None:
        cache.set_many({stamp_key(tag): number for tag in tags}, timeout=None)
        cache.set(log_key(number), tuple(sorted(tags)), timeout=LOG_SECONDS)
    memo = _request_stamps.get()
    if memo:
        memo.clear()  # this request changed them: what it renders next reads them again
    edge.purge(tags)


def invalidate_everything():
    invalidate_now({cachetags.EVERYTHING})


def upcoming_publications(limit=100):
    """The next scheduled publication times (epoch seconds, ascending) over every publishable
    model of the registry: one query. Kept next to the counter (``SCHEDULE_KEY``)."""
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


def publication_tags():
    """What a scheduled publication changes without a save: the lists of publishable models."""
    return {
        cachetags.list_tag(entry.model)
        for entry in registry.entries()
        if issubclass(entry.model, PublishableModel)
    }


# --- the signals --------------------------------------------------------------------------------


def record_shown(sender, instance, **kwargs):
    """A row read while a page renders: the page shows its object."""
    if cachetags.active():
        tag = registry.shown_tag(instance)
        if tag is not None:
            cachetags.record(tag)


def _prepared(model, names, values):
    return tuple(
        model._meta.get_field(name).get_prep_value(value)
        for name, value in zip(names, values, strict=True)
    )


def remember_list_state(sender, instance, **kwargs):
    """Before a save (a revert's raw one too): the list fields as stored (one query), to tell a
    text edit (the object's own pages) from a change of what lists show (the model's list too)."""
    names = registry.list_field_names(sender)
    instance._list_state_before = None
    if not names or instance.pk is None:
        return
    stored = (
        sender._base_manager.using(instance._state.db)
        .filter(pk=instance.pk)
        .values_list(*names)
        .first()
    )
    if stored is not None:
        instance._list_state_before = _prepared(sender, names, stored)


def row_saved(sender, instance, created=False, using=None, **kwargs):
    names = registry.list_field_names(sender)
    before = getattr(instance, "_list_state_before", None)
    if created:
        listed = True
    elif not names:
        listed = False  # nothing of it decides what lists show
    else:
        listed = before is None or before != _prepared(
            sender, names, (getattr(instance, name) for name in names)
        )
    invalidate(registry.change_tags(instance, listed=listed), using=using)


def row_deleted(sender, instance, using=None, **kwargs):
    invalidate(registry.change_tags(instance, listed=True), using=using)


def link_changed(sender, instance, using=None, **kwargs):
    invalidate(registry.link_tags(instance), using=using)


def links_changed(sender, instance, action, model, pk_set, using=None, **kwargs):
    if not action.startswith("post_") or (action != "post_clear" and not pk_set):
        return  # before it, or nothing added or removed (a revert sets the links it had)
    tags = registry.change_tags(instance, listed=True) or {
        cachetags.object_tag(type(instance), instance.pk),
        cachetags.list_tag(type(instance)),
    }
    tags |= {cachetags.list_tag(model), cachetags.any_tag(model)}
    tags |= {cachetags.object_tag(model, pk) for pk in pk_set or ()}
    invalidate(tags, using=using)


def site_changed(sender, using=None, **kwargs):
    # The site's domain is in every absolute link of every page.
    invalidate({cachetags.EVERYTHING}, using=using)


def shared_changed(sender, using=None, **kwargs):
    # A row of the frame every page shows (the site's settings): their own tag, so a footer
    # edit spares the feeds, which show the settings but not the footer.
    invalidate({cachetags.SETTINGS}, using=using)


def invalidate_after_outage(**kwargs):
    # Not a database write: nothing to wait for, the lost invalidations are made good now.
    invalidate_everything()


def connect_invalidation_signals():
    from django.contrib.sites.models import Site

    cache_recovered.connect(invalidate_after_outage, dispatch_uid="pagecache:recovered")
    uid = "pagecache:site"
    post_save.connect(site_changed, sender=Site, weak=False, dispatch_uid=uid)
    post_delete.connect(site_changed, sender=Site, weak=False, dispatch_uid=uid)

    for model in registry.shared_models():
        uid = f"pagecache:shared:{model._meta.label}"
        post_save.connect(shared_changed, sender=model, weak=False, dispatch_uid=uid)
        post_delete.connect(shared_changed, sender=model, weak=False, dispatch_uid=uid)

    # Every row a public page shows: the registry's content (translations and links included).
    shared = set(registry.shared_models())
    for model in registry.watched_models():
        if model in shared:
            continue
        uid = f"pagecache:{model._meta.label}"
        stored = registry.list_field_names(model) or any(
            model in entry.stored_models() for entry in registry.entries()
        )
        if stored:
            post_init.connect(record_shown, sender=model, weak=False, dispatch_uid=uid)
            pre_save.connect(remember_list_state, sender=model, weak=False, dispatch_uid=uid)
            post_save.connect(row_saved, sender=model, weak=False, dispatch_uid=uid)
            post_delete.connect(row_deleted, sender=model, weak=False, dispatch_uid=uid)
        else:
            post_save.connect(link_changed, sender=model, weak=False, dispatch_uid=uid)
            post_delete.connect(link_changed, sender=model, weak=False, dispatch_uid=uid)
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                links_changed,
                sender=field.remote_field.through,
                weak=False,
                dispatch_uid=f"{uid}:{field.name}",
            )
