"""The admin's home page is each person's dashboard: the panels of ``workspace.dashboard`` that
have something for them (what is scheduled, the translation work in their languages, what
others changed), then the app list. A panel shows only what the person may act on, and the page
costs the same queries with 3 or 300 items."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from content.languages import language_codes, source_language
from content.models import PublicationStatus
from projects.models import Project
from sitesettings.models import SiteSettings
from tests.accounts import member
from translations.models import StoredStatusCount
from workspace.dashboard import panels

pytestmark = pytest.mark.django_db

INDEX = reverse("admin:index")


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def shown(client):
    """{panel class name: context} of the panels on the person's home page."""
    response = client.get(INDEX)
    assert response.status_code == 200
    return {
        type(panel).__name__: context for panel, context in response.context["dashboard_panels"]
    }


def scheduled_project(number, when):
    project = Project(
        key=f"scheduled-{number}",
        code=f"S{number}",
        status=PublicationStatus.PUBLISHED,
        publish_at=when,
    )
    project.set_current_language(source_language())
    project.name, project.slug = f"مشروع مجدول {number}", f"scheduled-{number}"
    project.save()
    return project


@pytest.fixture
def others_change():
    other = get_user_model().objects.create_user("someone-else", password="x")
    project = Project.objects.get(key="sharaka")
    return LogEntry.objects.log_actions(
        other.pk, [project], CHANGE, change_message="Changed name.", single_object=True
    )


def test_every_panel_of_the_registry_is_drawn_for_the_superuser_then_the_apps(
    admin_client, others_change
):
    scheduled_project(1, timezone.now() + timedelta(days=2))
    response = admin_client.get(INDEX)
    html = response.content.decode()
    names = {type(panel).__name__ for panel, _context in response.context["dashboard_panels"]}
    assert {"ScheduledPanel", "TranslationsPanel", "RecentChangesPanel"} <= names
    for panel in panels():
        if type(panel).__name__ in names:
            assert str(panel.title) in html
    assert html.index("dashboard-panels") < html.index('class="app-')
    assert "مشروع مجدول 1" in html


def test_the_scheduled_panel_is_for_publishers_and_editors_not_translators(admin_client):
    later = scheduled_project(1, timezone.now() + timedelta(days=3))
    sooner = scheduled_project(2, timezone.now() + timedelta(hours=1))
    scheduled_project(3, timezone.now() - timedelta(hours=1))  # already public
    items = shown(admin_client)["ScheduledPanel"]["items"]
    assert [item["label"] for item in items] == [sooner.name, later.name]
    assert items[0]["when"] == Project.objects.get(pk=sooner.pk).publish_at
    for group in ("Editors", "Publishers"):
        assert "ScheduledPanel" in shown(logged_in(member(f"a-{group}", group)))
    assert "ScheduledPanel" not in shown(logged_in(member("tr", "Translators", "translate_fr")))
    assert Project.objects.filter(key__startswith="scheduled-").count() == 3


def test_the_translations_panel_counts_the_stored_status_of_the_persons_languages():
    project = Project.objects.get(key="sharaka")
    project.set_current_language(source_language())
    project.summary = "ملخص جديد"
    project.save()
    translator = member("tr-fr-es", "Translators", "translate_fr", "translate_es")
    context = shown(logged_in(translator))["TranslationsPanel"]
    assert [row["code"] for row in context["languages"]] == [
        code for code in language_codes() if code in ("fr", "es")
    ]
    for row in context["languages"]:
        stale = next(cell for cell in row["counts"] if cell["status"] == "stale")
        assert stale["count"] == sum(
            StoredStatusCount.objects.filter(language_code=row["code"], status="stale")
            # The types a translator may change: not the site settings (their own right).
            .exclude(content_type=ContentType.objects.get_for_model(SiteSettings))
            .values_list("count", flat=True)
        )
        assert stale["count"] >= 1
        assert stale["url"].endswith(f"language={row['code']}&status=stale")
        assert logged_in(translator).get(stale["url"]).status_code == 200
    assert "TranslationsPanel" not in shown(logged_in(member("nobody", "Publishers")))


def test_the_translations_panel_counts_items_per_type_each_once_linked_to_their_list():
    """An item counts once per language however many of its fields need work; each type the
    person may change has its row, linked to the status page filtered to it."""
    project = Project.objects.get(key="sharaka")
    translator = member("tr-fr-items", "Translators", "translate_fr")
    before = shown(logged_in(translator))["TranslationsPanel"]["languages"][0]
    project.set_current_language(source_language())
    project.summary, project.name = "ملخص جديد", "اسم جديد"
    project.save()
    scheduled_project(1, timezone.now() + timedelta(days=1))  # Arabic only: missing in French
    (french,) = shown(logged_in(translator))["TranslationsPanel"]["languages"]
    projects = next(row for row in french["models"] if row["url"].endswith("projects.project"))
    old = next((row for row in before["models"] if row["name"] == projects["name"]), None)
    old_items = old["items"] if old else 0
    # sharaka (two stale fields) once, if it was up to date; the new project once.
    assert projects["items"] - old_items in (1, 2)
    assert french["items"] == sum(row["items"] for row in french["models"])
    assert projects["items"] <= Project.objects.count()
    missing = next(cell for cell in projects["counts"] if cell["status"] == "missing")
    assert missing["count"] >= 1
    page = logged_in(translator).get(projects["url"])
    assert page.status_code == 200
    assert "مشروع مجدول 1" in page.content.decode()
    assert "projects.project" in missing["url"] and "status=missing" in missing["url"]
    # Only types the person may change: a translator has no right on the site settings.
    assert all("sitesettings" not in row["url"] for row in french["models"])


def test_recent_changes_are_others_on_models_the_person_may_view(admin_client, others_change):
    me = get_user_model().objects.get(username="editor")
    LogEntry.objects.log_actions(
        me.pk, [Project.objects.get(key="wapis")], CHANGE, change_message="", single_object=True
    )
    entries = shown(admin_client)["RecentChangesPanel"]["entries"]
    assert [entry.pk for entry in entries] == [others_change.pk]
    # A change to an account is not a translator's to see.
    LogEntry.objects.all().delete()
    other = get_user_model().objects.get(username="someone-else")
    LogEntry.objects.log_actions(other.pk, [other], CHANGE, change_message="", single_object=True)
    translator = logged_in(member("tr", "Translators", "translate_fr"))
    assert "RecentChangesPanel" not in shown(translator)
    assert "RecentChangesPanel" in shown(admin_client)


def test_a_staff_member_without_rights_sees_no_panel():
    user = get_user_model().objects.create_user("plain", password="x", is_staff=True)
    assert shown(logged_in(user)) == {}


def test_the_dashboard_costs_the_same_queries_for_3_and_300_items(
    admin_client, django_assert_max_num_queries
):
    other = get_user_model().objects.create_user("someone-else", password="x")
    project_type = ContentType.objects.get_for_model(Project)

    def add(start, count):
        for number in range(start, start + count):
            scheduled_project(number, timezone.now() + timedelta(days=1, minutes=number))
        LogEntry.objects.bulk_create(
            LogEntry(
                user=other,
                content_type=project_type,
                object_id=str(number),
                object_repr=f"project {number}",
                action_flag=CHANGE,
                change_message="",
            )
            for number in range(start, start + count)
        )

    add(0, 3)
    with CaptureQueriesContext(connection) as few:
        admin_client.get(INDEX)
    add(3, 297)
    with django_assert_max_num_queries(len(few)):
        response = admin_client.get(INDEX)
    assert len(shown(admin_client)["ScheduledPanel"]["items"]) == 10
    assert response.status_code == 200
