"""Nothing anyone types runs anywhere. Every text field of every registered content model
(``content.registry``: plain and rich, alt texts included), in every language, is given script
payloads the two ways text gets in: the admin's change form, posted by a superuser on that
language's tab, and a translator's PO file given to ``import_content``. Then every output that
can show it is read as its reader would read it: every public page type, the object's own page
and the search results (as a browser tokenizes them, JSON-LD included), the RSS and Atom feeds
(feedparser decides what is HTML; that HTML is read as a page), the sitemap, and the admin's
pages (lists, change page, history, a version, the delete confirmation). No e-mail is sent by
any of it (none is checked for payloads because none exists; one would fail the test).

A payload the form or the import refuses (a slug, rich text an import would have to rewrite)
is a form error or a reported problem, never a 500; whatever is stored is shown as text or
cleaned, never run; and every plain-text value stored is seen, as typed, on some public output
(so a field that no output shows is noticed too)."""

import io
from collections import defaultdict
from urllib.parse import urlsplit

import polib
import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from PIL import Image
from reversion.models import Version

from content import registry
from content.languages import language_codes, source_language
from tests.admin_sweep import read_form
from tests.output_sweep import (
    SEARCH_WORD,
    admin_pages,
    editing_admin,
    field_number,
    marker,
    payload_values,
    read_feed,
    read_html,
    sitemap_addresses,
)
from tests.public_pages import NOT_HTML, page_addresses
from translations.exchange import export_catalogue, make_context

pytestmark = pytest.mark.django_db

CHANNELS = ("admin", "import")
#: What was swept, for the summary at the end of the run: the (model, field, language,
#: channel, output) cases read, and the requests sent.
SWEPT = {"cases": set(), "requests": 0}


def _field_numbers():
    """{(model label, field): number} over the whole registry, so a payload names its field."""
    numbers = {}
    for entry in registry.entries():
        for name in entry.translated_fields:
            numbers[(entry.label, name)] = len(numbers) + 1
    return numbers


def _cases():
    for entry in registry.entries():
        for language in language_codes():
            for channel in CHANNELS:
                # The source language's text is the PO file's msgid: there is nothing to import.
                if channel == "import" and language == source_language():
                    continue
                yield pytest.param(
                    entry.label, language, channel, id=f"{entry.label}-{language}-{channel}"
                )


def _entry(label):
    return next(entry for entry in registry.entries() if entry.label == label)


def _sample(entry):
    """The object whose text is swept: the first one a visitor can see, else the first one."""
    published = entry.published() if entry.public else None
    if published is None:
        manager = entry.model.objects
        published = manager.published() if hasattr(manager, "published") else manager.all()
    pk = published.order_by("pk").values_list("pk", flat=True).first()
    return entry.objects().get(pk=pk)


def _fresh(entry, obj):
    return entry.objects().get(pk=obj.pk)


def _give_picture(obj):
    """A picture, so that its alt text is shown (``<img alt>``, ``og:image:alt``)."""
    if not hasattr(obj, "image_og"):
        return
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), "#0b4f8a").save(buffer, "PNG")
    obj.image.save("swept.png", ContentFile(buffer.getvalue()), save=True)


def _give_sources(entry, obj):
    """A source text for every field that has none: only those are in a PO file."""
    source = source_language()
    values = entry.values(obj, source) or {}
    missing = {name: "نص المصدر" for name in entry.translated_fields if not values.get(name)}
    if missing:
        entry.write_translation(obj.pk, missing, source)


# --- the two ways in --------------------------------------------------------------------------


def _form_names(post, entry, obj, language):
    """{field: name of its input} on the change page: parler's ``title``, modeltranslation's
    ``title_fr``, or the row of an inline (``objectives-0-text``)."""
    row = next(
        (
            name[:-3]
            for name, values in post.items()
            if name.endswith("-id") and values == [str(obj.pk)]
        ),
        None,
    )
    names = {}
    for field in entry.translated_fields:
        for candidate in (field, f"{field}_{language}", f"{row}-{field}" if row else None):
            if candidate in post:
                names[field] = candidate
                break
    return names


def _form_errors(response):
    """The names of the inputs the admin refused, and its errors."""
    errors = dict(response.context["adminform"].form.errors)
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        for index, form_errors in enumerate(formset.errors):
            errors.update({f"{formset.prefix}-{index}-{k}": v for k, v in form_errors.items()})
    return errors


def store_through_admin(client, entry, obj, language, values, failures):
    """Post ``values`` on the change page of ``obj``'s ``language`` tab, as a superuser: a
    refused field is a form error (then it is posted again without it); never a 500."""
    url = entry.admin_url(obj, language)
    parent_model, _inline = editing_admin(entry.model)
    form = read_form(client.get(url).content.decode(), f"{parent_model._meta.model_name}_form")
    SWEPT["requests"] += 1
    post = form.as_post()
    names = _form_names(post, entry, obj, language)
    assert set(names) == set(entry.translated_fields), f"not on the admin's form: {url}"
    refused = set()
    for _attempt in range(2):
        data = dict(post)
        for field, value in values.items():
            if field not in refused:
                data[names[field]] = [value]
        response = client.post(url, data)
        SWEPT["requests"] += 1
        assert response.status_code in (200, 302), f"{url} answered {response.status_code}"
        if response.status_code == 302:
            return refused
        errors = _form_errors(response)
        newly = {field for field, name in names.items() if name in errors}
        assert newly and set(errors) <= set(names.values()), f"{url}: {errors}"
        refused |= newly
    failures.append(f"{url}: still refused after leaving out {sorted(refused)}")
    return refused


def store_through_import(entry, obj, language, values, path):
    """A translator's PO file with ``values`` as the translations: imported with --partial;
    the entries it refuses are reported, the others written."""
    catalogue = export_catalogue(language)
    wanted = {make_context(entry, obj, field): value for field, value in values.items()}
    chosen = polib.POFile(wrapwidth=0)
    chosen.metadata = catalogue.metadata
    for po_entry in catalogue:
        if po_entry.msgctxt in wanted:
            po_entry.msgstr = wanted[po_entry.msgctxt]
            po_entry.flags = []
            chosen.append(po_entry)
    assert {e.msgctxt for e in chosen} == set(wanted), "a field is not in the exported file"
    chosen.save(str(path))
    out = io.StringIO()
    call_command("import_content", str(path), "--partial", stdout=out, stderr=out)
    return {
        field for field, context in zip(values, wanted, strict=True) if context in out.getvalue()
    }


# --- what comes out -----------------------------------------------------------------------------


def outputs(entry, obj, language):
    """{name: (address, kind, public)} of every output that may show ``obj``'s text (the
    admin's version page: the newest version of the object, made by the first round)."""
    found = {}
    with translation.override(language):
        for name, url in page_addresses(language).items():
            found[name] = (url, "html", True)
        found["search"] = (f"{reverse('search')}?q={SEARCH_WORD}", "html", True)
        if entry.public:
            found["its own page"] = (entry.url_in(obj, language), "html", True)
        for name in sorted(NOT_HTML):
            found[name] = (reverse(name), "feed", True)
    found["sitemap"] = (reverse("sitemap"), "sitemap", True)
    parent, pages = admin_pages(entry.model, obj)
    found["admin change page"] = (entry.admin_url(obj, language), "html", False)
    for name, url in pages.items():
        found[name] = (url, "html", False)
    version = Version.objects.get_for_object(parent).first()
    if version is not None:
        opts = parent._meta
        url = reverse(
            f"admin:{opts.app_label}_{opts.model_name}_revision", args=[parent.pk, version.pk]
        )
        found["admin version"] = (url, "html", False)
    return found


def read_outputs(visitor, staff, found, only=None):
    """{output: (what would run, text shown, public, raw body)} of the outputs in ``found``
    (those named in ``only``, when given)."""
    results = {}
    for name, (url, kind, public) in found.items():
        if only is not None and name not in only:
            continue
        client = visitor if public else staff
        response = client.get(url)
        SWEPT["requests"] += 1
        if response.status_code == 302 and response["Location"].startswith(url.split("?")[0]):
            # A list of one record (the site settings) leads to that record, under its address.
            response = client.get(response["Location"])
            SWEPT["requests"] += 1
        expected = 404 if name == "page not found" else 200
        if response.status_code != expected:
            results[name] = ([f"{url} answered {response.status_code}"], "", public, "")
            continue
        body = response.content.decode()
        if kind == "html":
            findings, text = read_html(body)
        elif kind == "feed":
            findings, text, _parsed = read_feed(response.content)
        else:
            findings, text = _read_sitemap(visitor, response.content)
        results[name] = (findings, text, public, body)
    return results


def _read_sitemap(visitor, index):
    """The index and each of its pages: every address they list is a web address."""
    addresses = sitemap_addresses(index)
    for section in [address for address in addresses if "/sitemap-" in address]:
        parts = urlsplit(section)
        page = visitor.get(f"{parts.path}?{parts.query}" if parts.query else parts.path)
        SWEPT["requests"] += 1
        addresses += sitemap_addresses(page.content)
    return [a for a in addresses if not a.startswith(("http://", "https://"))], ""


# --- the sweep -----------------------------------------------------------------------------------


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.mark.parametrize(("label", "language", "channel"), list(_cases()))
def test_a_payload_typed_into_any_text_field_runs_in_no_output(
    label, language, channel, admin_client, media_root, tmp_path
):
    entry = _entry(label)
    numbers = _field_numbers()
    obj = _sample(entry)
    _give_picture(obj)
    if channel == "import":
        _give_sources(entry, obj)
    obj = _fresh(entry, obj)
    before = entry.values(obj, language) or {}
    chunks = {
        field: payload_values(entry.max_length(field), numbers[(label, field)])
        for field in entry.translated_fields
    }
    visitor = Client()
    failures, seen, stored_once, shows = [], defaultdict(set), set(), {}
    for round_ in range(max(len(values) for values in chunks.values())):
        # Each round gives every field its next payloads; a field whose payloads are all
        # given keeps its last ones.
        values = {field: chunks[field][round_] for field in chunks if round_ < len(chunks[field])}
        if channel == "admin":
            refused = store_through_admin(admin_client, entry, obj, language, values, failures)
        else:
            refused = store_through_import(entry, obj, language, values, tmp_path / "swept.po")
        cache.clear()  # the page cache is invalidated on commit, which a test never reaches
        obj = _fresh(entry, obj)
        stored = entry.values(obj, language) or {}
        for field in refused:
            assert stored.get(field) == before.get(field), f"{field} refused, yet changed"
        # Plain text is stored as typed; rich text as the sanitiser leaves it (admin) or not
        # at all (an import refuses what the sanitiser would change).
        verbatim = {
            field
            for field, value in values.items()
            if field not in refused and not entry.is_rich(field)
        }
        for field in verbatim:
            assert stored[field] == values[field], f"{field} stored as {stored[field]!r}"
        stored_once |= verbatim
        if round_ == 0:
            found = outputs(entry, obj, language)
            only = None
        else:
            # Later rounds read again the outputs that showed one of the fields they change
            # (an output that shows none of this object's text is read once).
            changed = {marker(numbers[(label, field)]) for field in values}
            only = {name for name, markers in shows.items() if markers & changed}
        results = read_outputs(visitor, admin_client, found, only)
        for output, (findings, text, public, body) in results.items():
            if round_ == 0:
                shows[output] = {m for m in map(marker, numbers.values()) if m in body}
            SWEPT["cases"].update((label, f, language, channel, output) for f in values)
            for finding in findings:
                number = field_number(finding)
                field = next((f for (lab, f), n in numbers.items() if n == number), "?")
                failures.append(
                    f"{label}.{field} [{language}, {channel}] {output}: {finding[:300]}"
                )
            for field in verbatim:
                if public and values[field] in text:
                    seen[field].add(output)
    assert not failures, "\n".join(dict.fromkeys(failures))
    assert stored_once <= set(seen), f"on no public output: {stored_once - set(seen)}"
    assert not mail.outbox, "an e-mail was sent: check its content for payloads"
