"""django-redis, failing open: with Redis unreachable a read is a miss and a write is dropped;
an outage is logged once, Redis is left alone for a moment after a failure, and
``cache_recovered`` is sent when it answers again (``docs/architecture.md``, "The page cache")."""

import logging
import sys
import threading
import time

from django.dispatch import Signal
from django_redis.cache import CONNECTION_INTERRUPTED, omit_exception
from django_redis.cache import RedisCache as DjangoRedisCache
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger("pagecache")

# Sent with ``location`` when Redis answers after an outage this process saw.
cache_recovered = Signal()

# How long to serve without trying Redis after a failure: a stopped Redis refuses at once, but a
# hung one would hold each call for the socket timeout.
RETRY_SECONDS = 1.0


class _CircuitOpen(ConnectionInterrupted):
    """Raised instead of calling Redis while an outage is known; django-redis swallows it."""


class _Outage:
    def __init__(self):
        self.lock = threading.Lock()
        self.down_since = None
        self.last_failure = 0.0

    def failed(self, location):
        error = sys.exc_info()[1]
        if isinstance(error, _CircuitOpen):
            return  # not a new attempt: the open circuit must not keep itself open
        with self.lock:
            self.last_failure = time.monotonic()
            if self.down_since is not None:
                return
            self.down_since = self.last_failure
        cause = getattr(error, "__cause__", None) or error
        logger.error(
            "Cache unreachable at %s (%s): pages are served uncached until it answers again.",
            location,
            cause,
        )

    def circuit_open(self):
        return self.down_since is not None and time.monotonic() - self.last_failure < RETRY_SECONDS

    def answered(self):
        """True once, when Redis answers after an outage."""
        if self.down_since is None:
            return False
        with self.lock:
            if self.down_since is None:
                return False
            seconds, self.down_since = time.monotonic() - self.down_since, None
        logger.warning("Cache reachable again after %.1f s.", seconds)
        return True


_outages = {}
_outages_lock = threading.Lock()


def _outage_for(location):
    with _outages_lock:
        return _outages.setdefault(location, _Outage())


class _OutageLog:
    """Stands in for django-redis's logger of ignored exceptions: records the outage."""

    def __init__(self, outage, location):
        self.outage, self.location = outage, location

    def exception(self, *args, **kwargs):
        self.outage.failed(self.location)


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._outage = _outage_for(server)
        self._ignore_exceptions = True
        self._log_ignored_exceptions = True
        self.logger = _OutageLog(self._outage, server)

    @property
    def client(self):
        # Evaluated inside django-redis's exception guard, so raising here is a clean miss.
        if self._outage.circuit_open():
            raise _CircuitOpen(connection=None)
        return super().client

    def _get(self, key, default, version, client):
        value = super()._get(key, default, version, client)
        if value is not CONNECTION_INTERRUPTED and self._recovered():
            # Read again: a listener may have changed what this key should give (the page
            # cache's generation, say).
            value = super()._get(key, default, version, client)
        return value

    def get_many(self, keys, version=None, client=None):
        # The page cache's one read per hit; as ``_get``, but django-redis's own gives {} for
        # an outage, which an answer with none of the keys also is.
        values = self._get_many(keys, version, client)
        if values is not CONNECTION_INTERRUPTED and self._recovered():
            values = self._get_many(keys, version, client)
        return {} if values is CONNECTION_INTERRUPTED else values

    @omit_exception(return_value=CONNECTION_INTERRUPTED)
    def _get_many(self, keys, version, client):
        return self.client.get_many(keys, version=version, client=client)

    def _recovered(self):
        """True (and listeners told) once, when Redis answers after an outage."""
        if not self._outage.answered():
            return False
        cache_recovered.send(sender=type(self), location=self._server)
        return True
