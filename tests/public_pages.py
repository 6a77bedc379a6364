"""Every public page type, in a language, generated from the URL resolver and the content.

Each named route under the language prefixes gets one address: routes without arguments are
reversed as they are; a route with a slug gets the first published object of whichever content
model's ``get_absolute_url`` resolves to it; the static-page route gets each seeded static page.
A route that none of these fills is reported, so a page type added tomorrow is checked (or the
test says what it needs) without anyone editing a list.
"""

from urllib.parse import quote, unquote

from django.apps import apps
from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

# Routes that are not HTML pages: the checkers have nothing to read there.
NOT_HTML = {"projects:feed_rss", "projects:feed_atom"}
# A search needs a query to show results; in each language, a word the seed content has.
SEARCH_QUERY = {"ar": "يوروبول", "en": "Europol", "fr": "Europol", "es": "Europol"}


def _routes(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _routes(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry.pattern.regex.groupindex


def public_routes():
    """{route name: argument names} of every named route under the language prefixes."""
    routes = {}
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and isinstance(entry.pattern, LocalePrefixPattern):
            routes.update(_routes(entry.url_patterns))
    return {name: set(args) for name, args in routes.items() if name not in NOT_HTML}


def content_models():
    return [
        model
        for model in apps.get_models()
        if hasattr(model.objects, "published") and hasattr(model, "get_absolute_url")
    ]


def page_addresses(language):
    """{page type: address} in ``language``; raises if a public route has no sample."""
    addresses = {}
    uncovered = []
    with translation.override(language):
        samples = {}
        for model in content_models():
            obj = model.objects.published().with_translations().order_by("pk").first()
            if obj is not None:
                url = obj.get_absolute_url(language)
                samples[resolve(unquote(url)).view_name] = (model._meta.verbose_name, url)
        for name, args in sorted(public_routes().items()):
            if not args:
                url = reverse(name)
                if name == "search":
                    url += "?q=" + quote(SEARCH_QUERY[language])
                addresses[name] = url
            elif name in samples and samples[name][1] != reverse("home"):
                addresses[name] = samples[name][1]
            elif name == "pages:flatpage":
                for page in FlatPage.objects.filter(sites=settings.SITE_ID).order_by("url"):
                    addresses[f"flatpage {page.url}"] = reverse(
                        name, kwargs={"url": page.url.lstrip("/")}
                    )
            else:
                uncovered.append(name)
        # The 404 page is a page type too (its status is 404, its HTML must be as good).
        addresses["page not found"] = f"/{language}/no-such-page/"
    assert not uncovered, f"no sample address for the public routes {uncovered}"
    return addresses
