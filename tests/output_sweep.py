"""The machinery of the output sweep (tests/test_output_sweep.py): script-injection payloads
sized to a field, and readers that say what in an output would run: an HTML page as a browser
tokenizes it, a feed as a feed reader reads it (feedparser, then its HTML as a page), a sitemap.

Nothing here names a model or a page: fields come from ``content.registry``, pages from the URL
resolver (``tests.public_pages``), admin pages from the admin site's registry."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from xml.etree import ElementTree

import feedparser
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse

from content import registry

# One payload per way out of a context: a tag, an event attribute, a quoted or unquoted
# attribute, a <script> (the JSON-LD), a CDATA section, a URL, an entity decoded twice. {n}
# names the field, so whatever survives says where it came from.
PAYLOADS = [
    "<script>alert({n})</script>",
    "<img src=x onerror=alert({n})>",
    '"><svg onload=alert({n})>',
    "'><svg onload=alert({n})>",
    "</script><script>alert({n})",
    "]]><svg onload=alert({n})>",
    "<a href=javascript:alert({n})>",
    "javascript:alert({n})",
    "&lt;script&gt;alert({n})",
    "<!--<svg onload=alert({n})>-->",
    "<base href=//x{n}.invalid/><iframe src=javascript:alert({n})>",
    "<math><mi xlink:href=javascript:alert({n})>x</mi></math>",
    "<form action=javascript:alert({n})><button>{n}</button></form>",
]
#: What a search for the payloads finds (every payload but the base and the meta says it).
SEARCH_WORD = "alert"


def payload_values(max_length, n):
    """The payloads for field number ``n``, packed into as few values of at most ``max_length``
    characters as they fit in (a payload longer than the field is left out: it cannot be
    stored there)."""
    values, current = [], ""
    for payload in (p.format(n=n) for p in PAYLOADS):
        if max_length and len(payload) > max_length:
            continue
        candidate = f"{current} {payload}" if current else payload
        if max_length and len(candidate) > max_length:
            values.append(current)
            candidate = payload
        current = candidate
    return [*values, current] if current else values


def marker(n):
    """What every payload of field number ``n`` holds, escaped or not."""
    return f"alert({n})"


def field_number(finding):
    """The field number a finding's payload carries, or None."""
    found = re.search(r"alert\((\d+)\)|//x(\d+)\.invalid", finding)
    return int(found.group(1) or found.group(2)) if found else None


# --- HTML, as a browser tokenizes it --------------------------------------------------------

URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "data", "poster", "background", "xlink:href",
    "cite", "longdesc", "ping", "codebase", "manifest", "icon", "lowsrc", "dynsrc", "archive",
}  # fmt: skip
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:image/svg")
#: Elements that run or load something whatever their attributes (the site uses none).
ACTIVE_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}
#: Inline scripts that are data, not code: they must parse as JSON and hold no "<".
DATA_SCRIPTS = {"application/ld+json", "application/json", "importmap"}
#: Attributes whose value a person reads (the text checks look there too).
TEXT_ATTRIBUTES = {"alt", "title", "content", "value", "placeholder", "aria-label"}


def _url(value):
    # Browsers drop tabs and newlines anywhere in a URL and spaces and controls around it.
    return re.sub(r"[\t\n\r]", "", value or "").strip("\x00\x01\x02 \x0b\x0c\x1f").lower()


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings = []
        self.text = []
        self.script = None  # (type, has src, start tag) inside a <script>
        self.script_text = []

    def handle_starttag(self, tag, attrs):
        attrs = [(name, value or "") for name, value in attrs]
        raw = self.get_starttag_text()
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"event attribute {name}: {raw}")
            if name in URL_ATTRIBUTES and _url(value).startswith(DANGEROUS_SCHEMES):
                self.findings.append(f"script URL in {name}: {raw}")
            if name == "srcset" and any(
                _url(part).startswith(DANGEROUS_SCHEMES) for part in value.split(",")
            ):
                self.findings.append(f"script URL in srcset: {raw}")
            if name in TEXT_ATTRIBUTES:
                self.text.append(value)
        named = dict(attrs)
        if tag in ACTIVE_ELEMENTS:
            self.findings.append(f"<{tag}>: {raw}")
        if tag == "meta" and named.get("http-equiv", "").lower() == "refresh":
            self.findings.append(f"refresh: {raw}")
        if tag == "script":
            src = named.get("src")
            if src is not None and not (src.startswith("/") and not src.startswith("//")):
                self.findings.append(f"script from elsewhere: {raw}")
            self.script = (named.get("type", "").lower(), src is not None, raw)
            self.script_text = []

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            kind, has_src, raw = self.script
            text = "".join(self.script_text)
            self.script = None
            if kind in DATA_SCRIPTS:
                try:
                    data = json.loads(text)
                except ValueError:
                    self.findings.append(f"a data script that does not parse (closed?): {text}")
                    return
                if "<" in text:
                    self.findings.append(f"a data script that could be closed: {text}")
                self.text.extend(_strings(data))
            elif text.strip():
                self.findings.append(f"inline script {raw}{text}")

    def handle_data(self, data):
        if self.script is not None:
            self.script_text.append(data)
        else:
            self.text.append(data)


def _strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def read_html(html):
    """(what would run, the text a person reads: text nodes, readable attributes, JSON-LD)."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    if reader.script is not None:
        reader.findings.append(f"a <script> left open: {reader.script[2]}")
    return reader.findings, "\n".join(reader.text)


# --- feeds and the sitemap ---------------------------------------------------------------------

HTML_TYPES = {"text/html", "application/xhtml+xml", "html", "xhtml"}


def read_feed(content):
    """(what would run, the text a reader shows): feedparser decides, as a feed reader does,
    which of the feed's values are HTML; those are read as a page would be, the others are
    text. feedparser's own cleaning is off: the question is what the feed sends."""
    parsed = feedparser.parse(content, sanitize_html=False, resolve_relative_uris=False)
    findings, text = [], []
    if parsed.bozo:
        findings.append(f"not well-formed: {parsed.get('bozo_exception')}")
    details = [parsed.feed.get(f"{name}_detail") for name in ("title", "subtitle", "rights")]
    for entry in parsed.entries:
        details += [entry.get("title_detail"), entry.get("summary_detail")]
        details += entry.get("content", [])
        details += [
            {"type": "text/plain", "value": tag.get("term", "")} for tag in entry.get("tags", [])
        ]
        for link in entry.get("links", []):
            if not _url(link.get("href")).startswith(("http://", "https://")):
                findings.append(f"link {link.get('href')!r}")
    for detail in filter(None, details):
        if detail.get("type") in HTML_TYPES:
            found, shown = read_html(detail["value"])
            findings += found
            text.append(shown)
        else:
            text.append(detail.get("value", ""))
    return findings, "\n".join(text), parsed


SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def sitemap_addresses(content):
    """Every address a sitemap page (or the index) lists, alternates included."""
    root = ElementTree.fromstring(content)
    found = [loc.text for loc in root.iter(f"{{{SITEMAP_NS['s']}}}loc")]
    found += [link.get("href") for link in root.iter(f"{{{SITEMAP_NS['x']}}}link")]
    return found


# --- where a model's text is edited in the admin -------------------------------------------------


def editing_admin(model):
    """(admin model, inline or None): the admin whose change page edits ``model``'s text: its
    own, else the admin that has it as an inline."""
    if model in admin.site._registry:
        return model, None
    for parent, model_admin in admin.site._registry.items():
        for inline in model_admin.inlines:
            if inline.model is model:
                return parent, inline
    raise LookupError(f"no admin edits {model._meta.label}")


def parent_object(obj, parent_model):
    if isinstance(obj, parent_model):
        return obj
    link = next(f for f in obj._meta.fields if f.related_model is parent_model)
    return getattr(obj, link.name)


def deletable(model, obj):
    """May a superuser delete ``obj`` at all (the site settings' one record may not be)?"""
    request = RequestFactory().get("/")
    request.user = SimpleNamespace(
        is_active=True, is_staff=True, is_superuser=True, has_perm=lambda *args: True
    )
    return admin.site._registry[model].has_delete_permission(request, obj)


def admin_pages(model, obj):
    """(the object the admin page is about, {name: address}) of the admin pages that show
    ``obj`` (its own admin's, or its parent's when it is edited inline): the list searched,
    the history, the delete confirmation, and the list of every admin of our apps (the
    translation dashboard among them; Django's and the libraries' lists show no content)."""
    parent_model, _inline = editing_admin(model)
    parent = parent_object(obj, parent_model)
    opts = parent_model._meta
    name = f"admin:{opts.app_label}_{opts.model_name}"
    pages = {
        "admin list search": reverse(f"{name}_changelist") + f"?q={SEARCH_WORD}",
        "admin history": reverse(f"{name}_history", args=[parent.pk]),
    }
    if deletable(parent_model, parent):
        pages["admin delete confirmation"] = reverse(f"{name}_delete", args=[parent.pk])
    ours = Path(settings.BASE_DIR).resolve()
    for other in admin.site._registry:
        app_path = Path(apps.get_app_config(other._meta.app_label).path).resolve()
        if app_path.parent != ours and other not in registry.models():
            continue
        other_opts = other._meta
        try:
            url = reverse(f"admin:{other_opts.app_label}_{other_opts.model_name}_changelist")
        except NoReverseMatch:
            continue
        pages[f"admin list {other_opts.label}"] = url
    return parent, pages
