"""The site has one address (SITE_URL). Whatever allowed Host a request comes in with, every
absolute address a page gives (canonical, alternates, Open Graph, JSON-LD), the feeds, the
sitemap and robots.txt name that address, and never the host asked; the Atom feed names its
publisher on every entry; production takes the address from its settings."""

import io
import json
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit
from xml.etree import ElementTree

import feedparser
import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from content.languages import language_codes
from projects.models import Project
from sitesettings.models import SiteSettings
from tests.output_sweep import sitemap_addresses
from tests.public_pages import NOT_HTML, page_addresses
from tests.test_settings import GOOD_KEY, run_check

pytestmark = pytest.mark.django_db

SITE = "https://eurelations.example.org"
#: Allowed hosts of the test settings that are not the site's address.
OTHER_HOSTS = ("localhost", "127.0.0.1:8000")
ATOM = "{http://www.w3.org/2005/Atom}"
#: The JSON-LD keys whose values are addresses on the site.
JSON_LD_ADDRESSES = {"@id", "url", "logo", "item", "urlTemplate"}


@pytest.fixture
def site(settings, tmp_path):
    settings.SITE_URL = SITE
    settings.MEDIA_ROOT = tmp_path
    # A project with its own picture: its Open Graph image is a media address.
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), "#0b4f8a").save(buffer, "PNG")
    Project.objects.get(key="wapis").image.save("wapis.png", ContentFile(buffer.getvalue()))
    cache.clear()
    return SITE


class _Addresses(HTMLParser):
    """The absolute addresses a page gives of itself: canonical, alternates, og:url, og:image,
    and the addresses of its JSON-LD."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.json = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = attrs.get("rel")
        if tag == "link" and (rel == "canonical" or (rel == "alternate" and "hreflang" in attrs)):
            self.found.append((f"{attrs['rel']} {attrs.get('hreflang', '')}", attrs["href"]))
        if tag == "meta" and attrs.get("property") in ("og:url", "og:image"):
            self.found.append((attrs["property"], attrs["content"]))
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self.json = []

    def handle_data(self, data):
        if self.json is not None:
            self.json.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self.json is not None:
            self.found += [
                ("JSON-LD", url) for url in _json_addresses(json.loads("".join(self.json)))
            ]
            self.json = None


def _json_addresses(data):
    if isinstance(data, dict):
        for key, value in data.items():
            if key in JSON_LD_ADDRESSES and isinstance(value, str):
                yield value
            else:
                yield from _json_addresses(value)
    elif isinstance(data, list):
        for value in data:
            yield from _json_addresses(value)


def page_links(html):
    reader = _Addresses()
    reader.feed(html)
    return reader.found


def every_output():
    """{name: address}: every public page type in every language, the feeds, the sitemap's
    index and pages, robots.txt."""
    found = {"robots.txt": reverse("robots_txt"), "sitemap": reverse("sitemap")}
    for language in language_codes():
        for name, url in page_addresses(language).items():
            found[f"{name} ({language})"] = url
        with translation.override(language):
            for name in NOT_HTML:
                found[f"{name} ({language})"] = reverse(name)
    return found


def addresses_in(response, url):
    """[(what, absolute address)] that ``response`` gives."""
    content = response.content
    if url.endswith(".txt"):
        return [
            ("Sitemap:", line.split(" ", 1)[1])
            for line in content.decode().splitlines()
            if line.startswith("Sitemap:")
        ]
    if "xml" in response["Content-Type"] and "sitemap" in url:
        return [("sitemap", address) for address in sitemap_addresses(content)]
    if "feed" in url:
        parsed = feedparser.parse(content)
        found = [("feed link", link.href) for link in parsed.feed.links]
        found += [("entry link", link.href) for entry in parsed.entries for link in entry.links]
        return found
    return page_links(content.decode())


@pytest.mark.parametrize("host", OTHER_HOSTS)
def test_every_absolute_address_names_the_site_whatever_host_was_asked(client, site, host):
    outputs = every_output()
    # The sitemap's pages too, as its index lists them.
    index = client.get(outputs["sitemap"], HTTP_HOST=host)
    for address in sitemap_addresses(index.content):
        outputs[address] = urlsplit(address)._replace(scheme="", netloc="").geturl()
    checked = 0
    for name, url in outputs.items():
        # First asked under the other host (so the page cache stores that answer), then as the
        # site itself: the same addresses both times.
        for asked in (host, "testserver"):
            response = client.get(url, HTTP_HOST=asked)
            assert response.status_code == (404 if name.startswith("page not found") else 200), url
            found = addresses_in(response, url)
            assert found, f"{name}: no absolute address found"
            wrong = [
                (what, address) for what, address in found if not address.startswith(f"{site}/")
            ]
            assert not wrong, f"{name} asked as {asked}: {wrong}"
            assert not re.search(rf"//{re.escape(host)}\b", response.content.decode()), name
            checked += len(found)
    assert checked > 1000


def test_the_open_graph_image_of_a_picture_is_on_the_site(client, site):
    wapis = Project.objects.get(key="wapis")
    html = client.get(wapis.get_absolute_url("en"), HTTP_HOST="localhost").content.decode()
    images = [address for what, address in page_links(html) if what == "og:image"]
    assert len(images) == 1 and images[0].startswith(f"{site}/media/"), images


@pytest.mark.parametrize("language", language_codes())
def test_each_atom_entry_names_its_author(client, language):
    with translation.override(language):
        response = client.get(reverse("projects:feed_atom"))
    # The publisher the site's settings name in that language (made by their migration).
    publisher = SiteSettings.objects.language(language).get().publisher
    assert publisher
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo
    assert parsed.entries
    assert parsed.feed.author == publisher
    assert all(entry.author == publisher for entry in parsed.entries)
    # In the XML itself (RFC 4287, 4.1.2): not inherited by the reader from the feed.
    root = ElementTree.fromstring(response.content)
    for entry in root.iter(f"{ATOM}entry"):
        assert entry.find(f"{ATOM}author/{ATOM}name").text == publisher


def site_url_under_production(env):
    result = run_check(
        {"DJANGO_SECRET_KEY": GOOD_KEY, **env},
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.SITE_URL)",
        command="shell",
    )
    return result.stdout.strip() or result.stderr.strip().splitlines()[-1]


def test_production_takes_the_address_from_its_settings():
    hosts = {"DJANGO_ALLOWED_HOSTS": "eurelations.example.org,www.eurelations.example.org"}
    assert site_url_under_production(hosts) == "https://eurelations.example.org"
    configured = {**hosts, "DJANGO_SITE_URL": "https://www.eurelations.example.org/"}
    assert site_url_under_production(configured) == "https://www.eurelations.example.org"
    broken = {**hosts, "DJANGO_SITE_URL": "eurelations.example.org"}
    assert "DJANGO_SITE_URL" in site_url_under_production(broken)
