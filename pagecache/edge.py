"""The edge caches in front of the site (Varnish, a CDN), purged by cache tag once a change is
committed: ``PAGE_CACHE_EDGES`` in the settings, each ``{"BACKEND": dotted path, "LOCATION":
address, "OPTIONS": {...}}``. A backend is a class with ``purge(tags)``; Varnish's is here
(``deploy/varnish/default.vcl`` answers it), a CDN that purges by tag needs one more."""

import http.client
import logging
from functools import cache
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger("pagecache")

# The response header that names a page's tags, as Varnish's xkey module reads it.
TAG_HEADER = "xkey"


class Varnish:
    """A ``PURGE`` request with the tags in ``xkey-purge``: the VCL removes every object
    carrying one of them (``xkey.purge``), in every language."""

    def __init__(self, location, timeout=2.0, batch=100):
        address = urlsplit(location)
        self.host, self.port = address.hostname, address.port or 80
        self.timeout, self.batch = timeout, batch

    def purge(self, tags):
        tags = sorted(tags)
        # Headers have a length limit (Varnish's http_req_hdr_len, 8 KB): purge in batches.
        for start in range(0, len(tags), self.batch):
            connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                connection.request(
                    "PURGE",
                    "/",
                    headers={"xkey-purge": " ".join(tags[start : start + self.batch])},
                )
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    raise OSError(f"{response.status} {response.reason}")
            finally:
                connection.close()


@cache
def edges():
    return tuple(
        import_string(edge["BACKEND"])(edge["LOCATION"], **edge.get("OPTIONS", {}))
        for edge in getattr(settings, "PAGE_CACHE_EDGES", ())
    )


def purge(tags):
    """Purge ``tags`` at every edge; an edge that does not answer is logged, not an error (its
    pages expire by their ``s-maxage``)."""
    for backend in edges():
        try:
            backend.purge(tags)
        except OSError as error:
            logger.error("Could not purge %d tags at %r: %s", len(tags), backend, error)
