"""The site's URLs and the floor: the cheapest response Django gives through the whole
middleware stack (the page cache does not store it: never_cache), so each page's requests per
second read as a fraction of what the framework itself costs on this machine, in the same run."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from eurelations.urls import handler404  # noqa: F401  (the site's own 404 page)
from eurelations.urls import urlpatterns as site_urlpatterns


@never_cache
def floor(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/floor", floor, name="bench_floor"), *site_urlpatterns]
