"""Cache tags: a change invalidates exactly the stored pages that show what it changed, once it
is committed, and no other. A page is a hit when it is answered without a query; each page's
tags are in its ``xkey`` header (what an edge cache purges by), so the sweep over the registry
checks that what is invalidated is exactly what names the changed object."""

from datetime import timedelta
from io import StringIO

import polib
import pytest
import reversion
from django.contrib.flatpages.models import FlatPage
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from reversion.models import Version

from content import registry
from content.cachetags import any_tag, object_tag
from content.languages import language_codes
from cooperation.models import Partner
from projects.models import Project

pytestmark = pytest.mark.django_db


def is_hit(client, address):
    with CaptureQueriesContext(connection) as queries:
        client.get(address)
    return len(queries) == 0


def project_pages(project):
    return {project.get_absolute_url(language) for language in language_codes()}


def around(project):
    """Pages that list projects, in English and French."""
    pages = set()
    for language in ("en", "fr"):
        with translation.override(language):
            pages |= {
                reverse("projects:project_list"),
                reverse("projects:feed_rss"),
                reverse("projects:feed_atom"),
                reverse("search") + "?q=project",
            }
    pages.add(reverse("sitemap_section", kwargs={"section": "projects-project"}))
    return pages


def static_page():
    page = FlatPage.objects.order_by("pk").first()
    return reverse("pages:flatpage", kwargs={"url": page.url.lstrip("/")})


def invalidated(addresses, change, callbacks):
    """The addresses (all stored and hits before) that ``change`` makes misses."""
    client = Client()
    for address in addresses:
        client.get(address)
    assert all(is_hit(client, address) for address in addresses)
    with callbacks(execute=True):
        change()
    return {address for address in addresses if not is_hit(client, address)}


@pytest.fixture
def projects():
    return Project.objects.get(key="wapis"), Project.objects.get(key="battlefield-evidence-iraq")


def test_an_edit_of_one_projects_text_invalidates_what_shows_it_and_no_other_project(
    projects, django_capture_on_commit_callbacks
):
    wapis, other = projects
    pages = project_pages(wapis) | project_pages(other) | around(wapis)

    def edit():
        wapis.set_current_language("fr")
        wapis.summary = "Un résumé corrigé."
        wapis.save()

    changed = invalidated(pages, edit, django_capture_on_commit_callbacks)
    assert changed == project_pages(wapis) | around(wapis)
    assert "Un résumé corrigé." in Client().get(wapis.get_absolute_url("fr")).content.decode()


def test_nothing_is_invalidated_before_the_commit_nor_by_a_rollback(projects):
    wapis, _other = projects
    client = Client()
    address = wapis.get_absolute_url("en")
    client.get(address)
    wapis.set_current_language("en")
    wapis.summary = "Never committed."
    wapis.save()  # the test's transaction is never committed
    assert is_hit(client, address)


def _publish_draft():
    draft = Project.objects.language("en").create(
        key="draft-one", name="A draft", slug="a-draft", summary="Draft.", status="draft"
    )
    draft.status = "published"
    draft.save()


def _schedule(project):
    project.publish_at = timezone.now() + timedelta(days=3)
    project.save()


def _reorder(project):
    project.order = 99
    project.save()


def _unpublish(project):
    project.status = "draft"
    project.save()


def _link_partner(project):
    project.partners.add(Partner.objects.get(key="europol"))


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda wapis: _publish_draft(), id="publish"),
        pytest.param(_unpublish, id="unpublish"),
        pytest.param(_schedule, id="schedule"),
        pytest.param(_reorder, id="reorder"),
        pytest.param(lambda wapis: wapis.delete(), id="delete"),
        pytest.param(_link_partner, id="m2m"),
    ],
)
def test_a_change_of_what_lists_show_invalidates_the_lists_not_the_static_pages(
    projects, change, django_capture_on_commit_callbacks
):
    wapis, _other = projects
    lists = around(wapis)
    kept = {static_page()}
    changed = invalidated(lists | kept, lambda: change(wapis), django_capture_on_commit_callbacks)
    assert changed == lists


def test_a_link_invalidates_both_objects_pages(projects, django_capture_on_commit_callbacks):
    wapis, _other = projects
    europol = Partner.objects.get(key="europol")
    unrelated = static_page()
    pages = project_pages(wapis) | {europol.get_absolute_url("en"), unrelated}
    changed = invalidated(pages, lambda: _link_partner(wapis), django_capture_on_commit_callbacks)
    assert changed == pages - {unrelated}


def test_a_revert_invalidates_the_projects_pages_only(
    projects, django_capture_on_commit_callbacks
):
    wapis, other = projects
    with reversion.create_revision():
        wapis.set_current_language("en")
        wapis.summary = "First version."
        wapis.save()
    version = Version.objects.get_for_object(wapis).first()
    wapis.summary = "Second version."
    wapis.save()
    pages = project_pages(wapis) | project_pages(other)
    changed = invalidated(pages, version.revision.revert, django_capture_on_commit_callbacks)
    assert changed == project_pages(wapis)
    assert "First version." in Client().get(wapis.get_absolute_url("en")).content.decode()


def test_a_po_import_invalidates_the_imported_projects_pages_only(
    projects, tmp_path, django_capture_on_commit_callbacks
):
    wapis, other = projects
    path = tmp_path / "content-fr.po"
    call_command("export_content", "fr", "-o", str(path), stdout=StringIO())
    catalogue = polib.pofile(str(path))
    entry = next(item for item in catalogue if item.msgctxt == "projects.project:wapis:summary")
    entry.msgstr = "Résumé importé de Poedit."
    catalogue.save(str(path))
    pages = project_pages(wapis) | project_pages(other)

    def importing():
        call_command("import_content", str(path), stdout=StringIO())

    changed = invalidated(pages, importing, django_capture_on_commit_callbacks)
    assert changed == project_pages(wapis)


def test_a_static_page_edit_invalidates_every_page_with_the_footer_not_the_feeds(
    projects, django_capture_on_commit_callbacks
):
    wapis, _other = projects
    feed = reverse("projects:feed_rss")
    pages = project_pages(wapis) | {static_page(), feed}

    def edit():
        page = FlatPage.objects.order_by("pk").first()
        page.title_en = "A new title in the footer"
        page.save()

    changed = invalidated(pages, edit, django_capture_on_commit_callbacks)
    assert changed == pages - {feed}
    assert "A new title in the footer" in Client().get(wapis.get_absolute_url("en")).text


# --- the sweep: every model of the registry ----------------------------------------------------


def _sample_pages():
    from tests.public_pages import page_addresses

    pages = set()
    for language in ("en", "fr"):
        pages |= set(page_addresses(language).values()) - {f"/{language}/no-such-page/"}
    return pages | around(None)


@pytest.mark.parametrize("entry", registry.entries(), ids=lambda entry: entry.label)
def test_a_text_edit_invalidates_exactly_the_pages_whose_tags_name_the_object(
    entry, django_capture_on_commit_callbacks
):
    objects = list(entry.objects())
    obj = objects[0]
    field = entry.translated_fields[0]
    client = Client()
    pages = _sample_pages()
    tags = {}
    for address in pages:
        tags[address] = set(client.get(address).get("xkey", "").split())
    assert all(tags.values()), "every stored page names its tags"
    assert all(is_hit(client, address) for address in pages)
    names = {object_tag(entry.model, obj.pk), any_tag(entry.model)}
    if getattr(entry, "shared", False):
        names.add("site:shared")
    if entry.model in registry.shared_models():
        names.add("site:settings")  # the frame every page shows (the site settings)
    showing = {address for address, found in tags.items() if found & names}
    assert showing, f"no page shows {entry.label}"

    values = entry.values(obj, "en") or {}
    with django_capture_on_commit_callbacks(execute=True):
        entry.write_translation(obj.pk, {field: f"{values.get(field, '')} (edited)".strip()}, "en")
    changed = {address for address in pages if not is_hit(client, address)}
    assert changed == showing
    if entry.public:
        own = {entry.url_in(obj, language) for language in ("en", "fr")}
        assert own <= changed
        if len(objects) > 1 and not getattr(entry, "shared", False):
            assert {entry.url_in(objects[-1], "en")} - changed, "another object's page is kept"
