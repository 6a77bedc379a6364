"""The content security policy allows no inline style or script: what the admin's widgets do
when staff use them, and the error pages with their own style, in Chromium.

Every browser test fails on a violation of the policy (tests/e2e/conftest.py); the other tests
load the admin's pages (every changelist and change form: tests/e2e/test_admin_accessibility.py)
and the public ones, in both directions. These work the widgets by hand, which is when scripts
write styles: the two-box selector, the calendar and the clock, collapsed fieldsets, inline
rows, the language tabs of parler and modeltranslation, the rich-text editor's menus and link
dialog, a related object's popup, history and revisions, the logins, and the error pages.
"""

import pytest
from django.contrib.flatpages.models import FlatPage
from django.urls import reverse
from playwright.sync_api import expect
from reversion.models import Version

from cooperation import views as cooperation_views
from cooperation.models import Partnership
from projects.models import Project
from tests.e2e.sessions import log_in_as_superuser

pytestmark = pytest.mark.browser

EDITING_AREA = ".prose-editor .ProseMirror[contenteditable]"


def log_in(page, site, language):
    """A superuser's session in ``page``, the admin in ``language``."""
    return log_in_as_superuser(page, site, language, "staff")


def script_errors(page):
    """What went wrong in the page's scripts (the admin has no favicon: its 404 is not one)."""
    return [error for error in page.console_errors if "Failed to load resource" not in error]


def work_the_two_box_selector(page, field):
    page.select_option(f"#id_{field}_from", index=0)
    page.click(f"#id_{field}_add")
    expect(page.locator(f"#id_{field}_to option")).to_have_count(1)
    page.click(f"#id_{field}_add_all")
    page.fill(f"#id_{field}_selected_input", "x")
    page.fill(f"#id_{field}_selected_input", "")
    page.click(f"#id_{field}_remove_all")
    expect(page.locator(f"#id_{field}_to option")).to_have_count(0)
    page.fill(f"#id_{field}_input", "zzz-matches-nothing")
    page.fill(f"#id_{field}_input", "")
    page.locator(f"#id_{field}_from option").first.dblclick()
    expect(page.locator(f"#id_{field}_to option")).to_have_count(1)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_staff_work_every_kind_of_admin_widget_without_a_refused_style(site, page, language):
    user = log_in(page, site, language)

    # A project: the two-box selectors, the date and time widgets, the editor, a popup.
    page.goto(site.url + reverse("admin:projects_project_add") + f"?language={language}")
    page.locator(EDITING_AREA).first.wait_for(state="attached")
    work_the_two_box_selector(page, "cooperation_areas")
    work_the_two_box_selector(page, "partners")

    calendar_link = page.locator("#id_publish_at_0 + .datetimeshortcuts a[id^=calendarlink]")
    calendar_link.click()
    calendar = page.locator("#" + calendar_link.get_attribute("id").replace("link", "box"))
    expect(calendar).to_be_visible()
    calendar.locator(".calendarnav-next").click()
    calendar.locator("td a").first.click()
    expect(page.locator("#id_publish_at_0")).not_to_have_value("")
    clock_link = page.locator("#id_publish_at_1 + .datetimeshortcuts a[id^=clocklink]")
    clock_link.click()
    clock = page.locator("#" + clock_link.get_attribute("id").replace("link", "box"))
    expect(clock).to_be_visible()
    clock.locator("ul.timelist a").first.click()
    expect(page.locator("#id_publish_at_1")).not_to_have_value("")
    for shortcut in page.locator(".datetimeshortcuts > a:not([id])").all():
        shortcut.click()  # "Today", "Now"

    for fieldset in page.locator("details > summary").all():
        fieldset.click()  # open each collapsed fieldset

    area = page.locator(EDITING_AREA).first
    area.click()
    expect(area).to_be_focused()
    page.keyboard.type("INTERPOL")
    page.keyboard.press("Control+a")
    toolbar = page.locator(".prose-menubar").first
    toolbar.locator("button[data-name=bold]").click()
    expect(area.locator("strong")).to_have_text("INTERPOL")
    toolbar.locator("button[data-name=link]").click()
    dialog = page.locator("dialog[open]")
    expect(dialog).to_be_visible()
    dialog.locator("input").first.fill("https://www.interpol.int/")
    dialog.locator("button").first.click()
    expect(area.locator("a")).to_have_attribute("href", "https://www.interpol.int/")
    toolbar.locator(".prose-menubar__selected").first.click()  # the block type menu
    page.keyboard.press("Escape")

    with page.context.expect_page() as popup:
        page.locator("a.add-related").first.click()
    popup.value.wait_for_load_state()
    popup.value.locator("#content h1").wait_for()
    popup.value.close()

    # The partnership: its objectives are inline rows; parler's tabs change the language.
    partnership = Partnership.objects.get()
    page.goto(site.url + reverse("admin:cooperation_partnership_change", args=[partnership.pk]))
    page.locator(EDITING_AREA).first.wait_for(state="attached")
    rows = page.locator(".inline-related:not(.empty-form)")
    before = rows.count()
    page.locator(".add-row a").first.click()
    expect(rows).to_have_count(before + 1)
    page.locator(".inline-deletelink").last.click()
    expect(rows).to_have_count(before)
    other_language = page.locator(".parler-language-tabs span:not(.current) > a").first
    address = other_language.get_attribute("href")
    other_language.click()
    page.wait_for_url(f"**{address}")
    page.locator(EDITING_AREA).first.wait_for(state="attached")

    # A static page: modeltranslation's tabs, one per language, and its "all languages" switch.
    flatpage = FlatPage.objects.order_by("pk").first()
    page.goto(site.url + reverse("admin:flatpages_flatpage_change", args=[flatpage.pk]))
    tabs = page.locator("li[role=tab]")
    tabs.first.wait_for()
    page.locator("html[data-a11y-ready]").wait_for(state="attached")
    for index in range(tabs.count()):
        tab = tabs.nth(index)
        tab.click()
        expect(tab).to_have_attribute("aria-selected", "true")
        expect(page.locator(f"#{tab.get_attribute('aria-controls')}")).to_be_visible()
    switch = page.locator("#modeltranslation-main-switch")
    if switch.count():
        switch.select_option(index=1)
    for fieldset in page.locator("details > summary").all():
        fieldset.click()

    # A changelist: select rows, choose an action, filter, the navigation filter.
    page.goto(site.url + reverse("admin:projects_project_changelist"))
    page.locator("#action-toggle").check()
    page.select_option("select[name=action]", index=1)
    page.locator("#action-toggle").uncheck()
    page.locator("#nav-filter").fill("proj")
    page.locator("#toggle-nav-sidebar").click()
    page.locator("#toggle-nav-sidebar").click()

    # A staff account: its groups and rights in two-box selectors; the theme switch.
    page.goto(site.url + reverse("admin:auth_user_change", args=[user.pk]))
    work_the_two_box_selector(page, "user_permissions")
    page.locator("button.theme-toggle").first.click()

    assert script_errors(page) == []


def test_history_revisions_and_recovery_without_a_refused_style(site, page):
    log_in(page, site, "en")
    flatpage = FlatPage.objects.order_by("pk").first()
    project = Project.objects.get(key="wapis")
    for obj, name in ((flatpage, "flatpages_flatpage"), (project, "projects_project")):
        page.goto(site.url + reverse(f"admin:{name}_history", args=[obj.pk]))
        version = Version.objects.get_for_object(obj).first()
        assert version is not None, f"the seed leaves no version of {obj}"
        page.locator(f'a[href$="/history/{version.pk}/"]').first.click()
        page.wait_for_url(f"**/history/{version.pk}/")
        page.locator("#content-main form").wait_for()
        page.locator("html[data-a11y-ready]").wait_for(state="attached")
        for tab in page.locator("li[role=tab]").all():
            tab.click()
        page.goto(site.url + reverse(f"admin:{name}_recoverlist"))
    assert script_errors(page) == []


def test_the_logins_and_logging_out_without_a_refused_style(site, page, settings):
    page.goto(site.url + reverse("admin:login"))
    page.fill("#id_username", "nobody")
    page.fill("#id_password", "not-the-password")
    page.locator("#login-form [type=submit]").click()
    expect(page.locator(".errornote")).to_be_visible()
    settings.OTP_REQUIRED_FOR_STAFF = True
    page.goto(site.url + reverse("admin:login"))
    expect(page.locator("#id_otp_token")).to_be_visible()
    settings.OTP_REQUIRED_FOR_STAFF = False
    log_in(page, site, "en")
    page.goto(site.url + reverse("admin:index"))
    page.locator("#logout-form [type=submit]").click()
    page.wait_for_url("**/logout/")


def body_width(page):
    """The error pages' style sets the body's width (40rem): applied, it was accepted."""
    return page.evaluate("getComputedStyle(document.body).maxInlineSize")


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_error_pages_keep_their_style_under_the_policy(site, page, monkeypatch, language):
    # 500: the home page's view breaks.
    def broken(*args, **kwargs):
        raise RuntimeError("a broken page, for the 500 page's test")

    monkeypatch.setattr(cooperation_views, "render", broken)
    response = page.goto(f"{site.url}/{language}/")
    assert response.status == 500
    assert page.locator("html").get_attribute("lang") == language
    assert body_width(page) == "640px"
    monkeypatch.undo()

    # 403: a form posted without its CSRF cookie (an expired form).
    page.goto(site.url + reverse("admin:login"))
    page.context.clear_cookies()
    page.fill("#id_username", "nobody")
    page.fill("#id_password", "not-the-password")
    page.locator("#login-form [type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("h1").count() == 1
    assert body_width(page) == "640px"

    # 404: the public page, with the site's stylesheet.
    response = page.goto(f"{site.url}/{language}/no-such-page/")
    assert response.status == 404
    expect(page.locator("h1")).to_be_visible()
