"""What a reader sees in a real browser: every page type in four languages, right-to-left
Arabic, the language switcher, phones and the keyboard."""

import pytest
from django.contrib.flatpages.models import FlatPage
from django.urls import reverse
from django.utils import translation

from cooperation.models import CooperationArea, Partner
from projects.models import Project

pytestmark = pytest.mark.browser
LANGUAGES = ("ar", "en", "fr", "es")


def page_paths(language):
    """One address of each page type in ``language``."""
    page = FlatPage.objects.get_or_create(
        url="/pages/legal/",
        defaults={
            "title_ar": "إشعار قانوني",
            "title_en": "Legal notice",
            "title_fr": "Mentions légales",
            "title_es": "Aviso legal",
            "content_ar": "<p>نص</p>",
            "content_en": "<p>Text</p>",
            "content_fr": "<p>Texte</p>",
            "content_es": "<p>Texto</p>",
        },
    )[0]
    page.sites.set([1])
    with translation.override(language):
        return {
            "home": f"/{language}/",
            "area": CooperationArea.objects.get(key="west-africa").get_absolute_url(language),
            "project list": reverse("projects:project_list"),
            "project": Project.objects.get(key="wapis").get_absolute_url(language),
            "partner list": reverse("cooperation:partner_list"),
            "partner": Partner.objects.get(key="europol").get_absolute_url(language),
            "search": reverse("search") + "?q=%D8%A7",
            "static page": f"/{language}/pages/legal/",
        }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_renders_in_the_browser(site, page, language):
    for kind, path in page_paths(language).items():
        response = page.goto(site.url + path)
        assert response.status == 200, kind
        assert page.locator("h1").count() == 1, kind
        assert page.locator("h1").is_visible(), kind
        assert page.evaluate("document.documentElement.lang") == language
    assert page.console_errors == []


def heading_box(page, url):
    page.goto(url)
    box = page.locator("h1").bounding_box()
    return box, page.viewport_size["width"]


def test_an_arabic_reader_sees_the_page_right_to_left(site, page):
    project = Project.objects.get(key="wapis")
    page.goto(site.url + project.get_absolute_url("ar"))
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    arabic, width = heading_box(page, site.url + project.get_absolute_url("ar"))
    english, _ = heading_box(page, site.url + project.get_absolute_url("en"))
    main = page.locator("main").bounding_box()
    # The Arabic heading hugs the right edge of the content; the English one the left edge.
    assert abs((arabic["x"] + arabic["width"]) - (main["x"] + main["width"])) < 40
    assert arabic["x"] + arabic["width"] > width / 2
    assert abs(english["x"] - main["x"]) < 40


def test_the_language_switcher_keeps_the_reader_on_the_same_project(site, page):
    project = Project.objects.get(key="wapis")
    page.goto(site.url + project.get_absolute_url("en"))
    page.locator('nav.language-switcher a[hreflang="fr"]').click()
    page.wait_for_load_state()
    assert page.url == site.url + project.get_absolute_url("fr")
    french_name = Project.objects.language("fr").get(pk=project.pk).name
    assert page.locator("h1").inner_text() == french_name
    page.locator('nav.language-switcher a[hreflang="ar"]').click()
    page.wait_for_load_state()
    arabic_name = Project.objects.language("ar").get(pk=project.pk).name
    assert page.locator("h1").inner_text() == arabic_name


@pytest.mark.parametrize("language", ["ar", "en"])
def test_nothing_overflows_on_a_360_pixel_phone(site, phone, language):
    for kind, path in page_paths(language).items():
        phone.goto(site.url + path)
        scroll_width = phone.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= 360, f"{kind}: {scroll_width}px wide"


def test_the_first_tab_reaches_the_skip_link_which_jumps_to_the_content(site, page):
    page.goto(site.url + "/fr/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")


def test_the_project_filters_work_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    with translation.override("en"):
        path = reverse("projects:project_list")
    page.goto(site.url + path)
    page.select_option("#id_area", "west-africa")
    page.locator(".filters button[type=submit]").click()
    page.wait_for_load_state()
    assert "area=west-africa" in page.url
    wapis = Project.objects.language("en").get(key="wapis")
    assert page.locator(f'a[href="{wapis.get_absolute_url("en")}"]').count() == 1
    assert page.locator(".card").count() == 1
    context.close()
