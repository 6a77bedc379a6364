"""The whole staff path, in Chromium: an Editor creates a project in Arabic with rich text; a
French Translator translates it and cannot touch the Arabic; a Publisher schedules it, and it
appears on the public pages at its time; the Editor reverts a change."""

import re
import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect
from reversion.models import Version

from projects.models import Project
from tests.accounts import member
from tests.e2e.sessions import staff_cookies
from translations.groups import GROUP_RIGHTS, sync_staff_groups

pytestmark = pytest.mark.browser

EDITING_AREA = ".prose-editor .ProseMirror[contenteditable]"


def staff_tab(browser, site, user, language="en"):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies(staff_cookies(site, user, language))
    return context, context.new_page()


def save(page):
    page.locator('input[name="_save"]').first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()


@pytest.fixture
def staff_groups(site):
    """The groups of the data migration: the live server's database is flushed between browser
    tests, and only the seed comes back with ``site``."""
    for name in GROUP_RIGHTS:
        Group.objects.get_or_create(name=name)
    sync_staff_groups()


def test_a_project_from_arabic_draft_to_scheduled_publication_and_back(
    site, browser, staff_groups
):
    editor = member("edith", "Editors")
    translator = member("amelie", "Translators", "translate_fr")
    publisher = member("paula", "Publishers")
    visitor = Client()

    # 1. The Editor writes the project in Arabic, with rich text.
    context, page = staff_tab(browser, site, editor, "ar")
    page.goto(site.url + reverse("admin:projects_project_add") + "?language=ar")
    page.fill("#id_name", "مشروع الاختبار")
    page.fill("#id_slug", "مشروع-الاختبار")
    page.fill("#id_key", "story")
    page.fill("#id_summary", "ملخص قصير")
    area = page.locator(EDITING_AREA).first
    area.click()
    expect(area).to_be_focused()
    page.keyboard.type("وصف ")
    page.keyboard.press("Control+b")
    page.keyboard.type("غني")
    page.keyboard.press("Control+b")
    expect(area.locator("strong")).to_have_text("غني")
    save(page)
    project = Project.objects.get(key="story")
    assert project.safe_translation_getter("description", language_code="ar") == (
        "<p>وصف <strong>غني</strong></p>"
    )
    assert project.status == "draft"
    context.close()

    # 2. The French Translator translates it, and the Arabic stays out of reach.
    context, page = staff_tab(browser, site, translator, "fr")
    change = reverse("admin:projects_project_change", args=[project.pk])
    page.goto(site.url + change + "?language=ar")
    expect(page.locator("#id_name")).to_have_count(0)
    expect(page.locator(".readonly", has_text="مشروع الاختبار")).to_have_count(1)
    page.goto(site.url + change + "?language=fr")
    page.fill("#id_name", "Projet test")
    page.fill("#id_slug", "projet-test")
    page.fill("#id_summary", "Résumé court")
    save(page)
    assert Project.objects.language("fr").get(pk=project.pk).name == "Projet test"
    assert Project.objects.language("ar").get(pk=project.pk).name == "مشروع الاختبار"
    context.close()

    # 3. The Publisher schedules it a few seconds ahead: the public sees it at its time.
    context, page = staff_tab(browser, site, publisher, "fr")
    page.goto(site.url + change + "?language=fr")
    expect(page.locator("#id_name")).to_have_count(0)  # the text is not a publisher's
    at = timezone.localtime(timezone.now() + timedelta(seconds=4))
    page.select_option("#id_status", "published")
    page.fill("#id_publish_at_0", at.strftime("%d/%m/%Y"))
    page.fill("#id_publish_at_1", at.strftime("%H:%M:%S"))
    save(page)
    context.close()
    project = Project.objects.get(pk=project.pk)
    assert project.status == "published" and not project.is_public
    public = project.get_absolute_url("fr")
    assert visitor.get(public).status_code == 404
    time.sleep(max(0.0, (at - timezone.now()).total_seconds()) + 0.5)
    response = visitor.get(public)
    assert response.status_code == 200
    assert "Projet test" in response.content.decode()

    # 4. The Editor changes the Arabic name, then reverts to the version before the change.
    context, page = staff_tab(browser, site, editor, "ar")
    page.goto(site.url + change + "?language=ar")
    page.fill("#id_name", "اسم خاطئ")
    save(page)
    assert Project.objects.language("ar").get(pk=project.pk).name == "اسم خاطئ"
    page.goto(site.url + reverse("admin:projects_project_history", args=[project.pk]))
    # The newest version is the change; the one before it is the Publisher's.
    before_change = Version.objects.get_for_object(project)[1]
    page.locator(f'a[href$="/history/{before_change.pk}/"]').first.click()
    expect(page).to_have_url(re.compile(r"/history/\d+/"))
    save(page)
    project = Project.objects.language("ar").get(pk=project.pk)
    assert project.name == "مشروع الاختبار"
    assert project.status == "published"  # a revert neither publishes nor unpublishes
    context.close()
