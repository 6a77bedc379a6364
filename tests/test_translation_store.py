"""The stored translation status (``translations.store``) is the rule's answer, kept current:
after every kind of change, what the status page and the dashboard read equals what
``translations.status`` decides afresh; and reading it costs the same queries whatever the
amount of content."""

from collections import Counter

import polib
import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.flatpages.models import FlatPage
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from reversion.models import Version

from content import registry
from content.languages import language_codes, source_language
from cooperation.models import CooperationArea, Partner
from projects.models import Project
from tests.test_changelist_scaling import add_projects
from tests.test_history import change_url, form_data, revision_url, save
from translations.models import (
    FieldConfirmation,
    StoredFieldStatus,
    StoredObjectCount,
    StoredStatusCount,
)
from translations.status import Status, all_field_states, confirm_all

pytestmark = pytest.mark.django_db

AREA = "e-mla"


def decided():
    """The rule's answer now: {(type id, pk, language, field): status}."""
    types = ContentType.objects.get_for_models(*registry.models())
    return {
        (types[entry.model].pk, obj.pk, state.language, state.field): str(state.status)
        for entry, obj, states in all_field_states()
        for state in states
    }


def assert_store_is_current():
    expected = decided()
    stored = {
        (row[0], row[1], row[2], row[3]): row[4]
        for row in StoredFieldStatus.objects.values_list(
            "content_type_id", "object_id", "language_code", "field", "status"
        )
    }
    assert stored == expected
    sums = Counter()
    for (ct, _pk, language, field), state in expected.items():
        sums[(ct, field, language, state)] += 1
    counted = {
        (row[0], row[1], row[2], row[3]): row[4]
        for row in StoredStatusCount.objects.exclude(count=0).values_list(
            "content_type_id", "field", "language_code", "status", "count"
        )
    }
    assert counted == dict(sums)
    # Each object once per language, as its field needing the most work.
    worst = {}
    for (ct, pk, language, _field), state in expected.items():
        worst[(ct, pk, language)] = min(state, worst.get((ct, pk, language), state))
    items = Counter((ct, language, state) for (ct, _pk, language), state in worst.items())
    counted_items = {
        (row[0], row[1], row[2]): row[3]
        for row in StoredObjectCount.objects.exclude(count=0).values_list(
            "content_type_id", "language_code", "status", "count"
        )
    }
    assert counted_items == dict(items)
    return expected


def stored_status(obj, language, field):
    return StoredFieldStatus.objects.get(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        language_code=language,
        field=field,
    ).status


def edit(model, pk, language, **values):
    obj = model.objects.get(pk=pk)
    obj.set_current_language(language)
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save()
    return obj


@pytest.fixture
def area():
    return CooperationArea.objects.get(key=AREA)


def test_after_the_seed_the_store_is_the_rules_answer():
    assert len(assert_store_is_current()) > 100


def test_editing_the_source_makes_the_field_stale_in_the_store(area):
    edit(CooperationArea, area.pk, source_language(), body="<p>نص جديد للمجال</p>")
    assert stored_status(area, "fr", "body") == Status.STALE
    assert_store_is_current()


def test_editing_a_translation_confirms_it_in_the_store(area):
    edit(CooperationArea, area.pk, source_language(), body="<p>نص جديد للمجال</p>")
    edit(CooperationArea, area.pk, "fr", body="<p>Texte neuf</p>")
    assert stored_status(area, "fr", "body") == Status.UP_TO_DATE
    assert stored_status(area, "en", "body") == Status.STALE
    assert_store_is_current()


def test_the_reviewed_tick_and_an_unconfirmation_are_stored(admin_client, area):
    edit(CooperationArea, area.pk, source_language(), body="<p>نص جديد للمجال</p>")
    url = change_url(area, "fr")
    data = form_data(admin_client.get(url))
    data["translation_reviewed"] = "on"
    assert admin_client.post(url, data).status_code == 302
    assert stored_status(area, "fr", "body") == Status.UP_TO_DATE
    assert_store_is_current()
    FieldConfirmation.objects.filter(object_id=area.pk, language_code="fr").delete()
    assert stored_status(area, "fr", "body") == Status.STALE
    assert_store_is_current()


def test_a_po_import_is_stored(tmp_path, area):
    edit(CooperationArea, area.pk, source_language(), title="عنوان جديد", body="<p>نص جديد</p>")
    path = tmp_path / "fr.po"
    call_command("export_content", "fr", "--stale", "-o", str(path))
    catalogue = polib.pofile(str(path))
    for entry in catalogue:
        entry.flags.remove("fuzzy")
        if entry.msgctxt.endswith(":title"):
            entry.msgstr = "Nouveau titre"
    catalogue.save(str(path))
    call_command("import_content", str(path))
    assert stored_status(area, "fr", "title") == Status.UP_TO_DATE
    assert stored_status(area, "fr", "body") == Status.UP_TO_DATE
    assert_store_is_current()


def test_a_revert_is_stored(admin_client):
    project = Project.objects.get(key="sharaka")
    save(admin_client, change_url(project, "fr"), name="Sharaka, première version")
    first = Version.objects.get_for_object(project).first()
    save(admin_client, change_url(project, "ar"), name="شراكة، نص جديد")
    assert stored_status(project, "fr", "name") == Status.STALE
    response = admin_client.get(revision_url(project, first, "fr"))
    assert (
        admin_client.post(revision_url(project, first, "fr"), form_data(response)).status_code
        == 302
    )
    assert_store_is_current()


def test_deleting_an_object_or_a_language_is_stored(admin_client):
    partner = Partner.objects.order_by("pk").first()
    partner.translations.filter(language_code="es").delete()
    assert {stored_status(partner, "es", f) for f in ["name"]} == {Status.MISSING}
    assert_store_is_current()
    Partner.objects.filter(pk=partner.pk).delete()
    assert not StoredFieldStatus.objects.filter(
        content_type=ContentType.objects.get_for_model(Partner), object_id=partner.pk
    ).exists()
    assert_store_is_current()


def test_adding_a_language_to_an_item_is_stored():
    project = Project(key="store-test", code="ST1")
    project.set_current_language(source_language())
    project.name, project.slug, project.summary = "مشروع", "store-test", "ملخص"
    project.save()
    assert stored_status(project, "fr", "name") == Status.MISSING
    assert_store_is_current()
    registry.entry_for(Project).write_translation(project.pk, {"name": "Projet"}, "fr")
    assert stored_status(project, "fr", "name") == Status.UP_TO_DATE
    assert_store_is_current()
    confirm_all(Project.objects.get(pk=project.pk), "fr")
    assert_store_is_current()


def test_a_static_page_edit_is_stored():
    page = FlatPage.objects.order_by("pk").first()
    page.content_ar = "<p>نص معدّل</p>"
    page.save()
    assert stored_status(page, "fr", "content") == Status.STALE
    assert_store_is_current()
    page.content_fr = "<p>Texte modifié</p>"
    page.save()
    assert stored_status(page, "fr", "content") == Status.UP_TO_DATE
    assert_store_is_current()


def test_the_rebuild_command_gives_the_same_store_from_nothing(area):
    edit(CooperationArea, area.pk, source_language(), body="<p>نص جديد للمجال</p>")
    before = assert_store_is_current()
    StoredFieldStatus.objects.all().delete()
    StoredStatusCount.objects.all().delete()
    call_command("rebuild_translation_status", verbosity=0)
    assert assert_store_is_current() == before


@pytest.mark.parametrize("language", language_codes())
def test_the_status_page_reads_the_store(language, area, admin_client):
    edit(CooperationArea, area.pk, source_language(), body="<p>نص جديد للمجال</p>")
    url = reverse("admin:translations_languagerights_changelist")
    response = admin_client.get(url, {"language": language, "status": "stale"})
    rows = response.context["rows"]
    expected = [key for key, state in decided().items() if key[2] == language and state == "stale"]
    assert len(rows) == len(expected) == response.context["page"].paginator.count
    if language != source_language():
        assert any(row["url"].endswith(f"language={language}") for row in rows)


def test_the_status_page_costs_the_same_queries_for_300_more_projects(
    admin_client, django_assert_max_num_queries, area
):
    # Work of two types on the page already: each type on a page costs its own queries.
    edit(CooperationArea, area.pk, source_language(), body="<p>نص جديد للمجال</p>")
    edit(Project, Project.objects.get(key="sharaka").pk, source_language(), summary="ملخص جديد")
    url = reverse("admin:translations_languagerights_changelist")
    with CaptureQueriesContext(connection) as few:
        assert admin_client.get(url).status_code == 200
    add_projects(300)
    call_command("rebuild_translation_status", verbosity=0)
    with django_assert_max_num_queries(len(few)):
        response = admin_client.get(url)
    assert response.context["page"].paginator.count > 300  # the new projects' missing text
