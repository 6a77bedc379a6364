"""What an editor sees in the admin's rich-text editor, in a real browser: the Arabic text of
the partnership written right to left, with a toolbar in Arabic, producing HTML that the
sanitiser keeps as it is."""

import re

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.urls import reverse
from playwright.sync_api import expect

from content.richtext import sanitize_html
from cooperation.models import Partnership
from tests.e2e.sessions import log_in_as_superuser

pytestmark = pytest.mark.browser

EDITING_AREA = ".prose-editor .ProseMirror[contenteditable]"


def log_in(page, site, language):
    """An editor's session in the browser, with the admin in ``language``."""
    return log_in_as_superuser(page, site, language, "editor")


def test_an_arabic_editor_writes_the_partnership_right_to_left(site, page):
    log_in(page, site, "ar")
    failed = []
    page.on(
        "response",
        lambda response: failed.append(response.url)
        if "/static/" in response.url and response.status >= 400
        else None,
    )
    partnership = Partnership.objects.get()
    page.goto(site.url + reverse("admin:cooperation_partnership_change", args=[partnership.pk]))

    page.wait_for_selector(EDITING_AREA)
    areas = page.locator(EDITING_AREA)
    assert areas.count() == 2  # the introduction and the office description
    for index in range(2):
        area = areas.nth(index)
        assert area.get_attribute("dir") == "rtl"
        assert area.get_attribute("lang") == "ar"
        assert area.evaluate("element => getComputedStyle(element).direction") == "rtl"
    toolbar = page.locator(".prose-menubar").nth(1)
    assert toolbar.locator("button[data-name=bold]").get_attribute("title") == "غامق"

    # Each step waits for the editor to show its effect: keys sent to an editor that has not
    # taken the focus yet, or a toolbar click before the text is in, would land elsewhere.
    office = areas.nth(1)
    office.click()
    expect(office).to_be_focused()
    # Replace the whole text (the editor's own select-all): a caret placed by a click, Ctrl+End
    # or a DOM selection is only picked up by the editor on a later event, and under load the
    # typing then lands mid-paragraph.
    page.keyboard.press("Control+a")
    page.keyboard.type("مكتب ")
    page.keyboard.press("Control+b")
    page.keyboard.type("بروكسل")
    page.keyboard.press("Control+b")
    expect(office.locator("strong")).to_have_text("بروكسل")
    page.keyboard.press("Enter")
    toolbar.locator("button[data-name=orderedList]").click()
    expect(office.locator("ol")).to_have_count(1)
    page.keyboard.type("الأول")
    expect(office.locator("ol > li")).to_have_text("الأول")

    written = "<p>مكتب <strong>بروكسل</strong></p><ol><li><p>الأول</p></li></ol>"
    textarea = page.locator("#id_office_description")
    expect(textarea).to_have_value(re.compile(re.escape(written)))  # what the form will post
    html = textarea.input_value()
    assert sanitize_html(html) == html
    assert failed == []
    assert [error for error in page.console_errors if "Failed to load resource" not in error] == []


def test_the_static_page_admin_shows_one_tab_per_language_without_internet(site, page):
    log_in(page, site, "en")
    outside = []

    def only_this_server(route):
        if route.request.url.startswith(site.url):
            route.continue_()
        else:  # a CDN would be unreachable on our servers: fail loudly here too
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_this_server)
    flatpage = FlatPage.objects.create(url="/pages/legal/", title_en="Legal notice")
    flatpage.sites.add(Site.objects.get_current())
    page.goto(site.url + reverse("admin:flatpages_flatpage_change", args=[flatpage.pk]))

    tabs = page.locator(".ui-tabs-nav li")
    tabs.first.wait_for()
    assert tabs.count() >= 4  # one per language for the title and content groups
    assert page.locator(".ui-tabs-nav").first.inner_text().split() == ["AR", "EN", "FR", "ES"]
    assert outside == []
    assert [error for error in page.console_errors if "Failed to load resource" not in error] == []
