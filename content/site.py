"""The site's one address (``settings.SITE_URL``): every absolute address the site writes names
that address, whatever Host a request came in with. Who publishes the site is in its settings
(``sitesettings``)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sites.models import Site
from django.db import router


def origin():
    """``https://host[:port]``, without a trailing slash."""
    return settings.SITE_URL


def absolute(url):
    """``url``, a path of ours, as an address on the site; an absolute ``url`` (media on
    another host) is left as it is."""
    url = str(url)
    if url.startswith("//") or urlsplit(url).scheme:
        return url
    return settings.SITE_URL + url


def domain():
    return urlsplit(settings.SITE_URL).netloc


def keep_the_site_row_on_the_address(using="default", **kwargs):
    """post_migrate: the sites framework's row names the same host, so what Django derives
    from it (the admin's "view on site") agrees with the pages."""
    if not router.allow_migrate_model(using, Site):
        return
    if (
        Site.objects.using(using)
        .filter(pk=settings.SITE_ID)
        .exclude(domain=domain())
        .update(domain=domain())
    ):
        Site.objects.clear_cache()
