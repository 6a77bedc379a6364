"""What a reader sees in a real browser: every page type in the four languages, Arabic laid out
right to left, the language switcher, a 360 px phone, the keyboard, and pages without JavaScript.
"""

from urllib.parse import quote

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.urls import reverse
from django.utils import translation

from content.languages import language_codes
from cooperation.models import CooperationArea, Partner
from projects.models import Project

pytestmark = pytest.mark.browser

LANGUAGES = tuple(language_codes())
# What a reader types into the search box to find Europol, in each language.
EUROPOL = {"ar": "يوروبول", "en": "Europol", "fr": "Europol", "es": "Europol"}


def a_static_page():
    page, _ = FlatPage.objects.get_or_create(
        url="/pages/legal-notice/",
        defaults={
            "title_ar": "إشعار قانوني",
            "title_en": "Legal notice",
            "title_fr": "Mentions légales",
            "title_es": "Aviso legal",
            "content_ar": "<p>يدير هذا الموقع الإنتربول.</p>",
            "content_en": "<p>This site is run by INTERPOL.</p>",
            "content_fr": "<p>Ce site est géré par INTERPOL.</p>",
            "content_es": "<p>Este sitio lo gestiona INTERPOL.</p>",
        },
    )
    page.sites.set([Site.objects.get_current()])
    return page


def addresses(language):
    """One address of each page type, in ``language``."""
    a_static_page()
    with translation.override(language):
        return {
            "home": reverse("home"),
            "cooperation area": CooperationArea.objects.get(key="west-africa").get_absolute_url(
                language
            ),
            "project list": reverse("projects:project_list"),
            "project": Project.objects.get(key="wapis").get_absolute_url(language),
            "partner list": reverse("cooperation:partner_list"),
            "partner": Partner.objects.get(key="europol").get_absolute_url(language),
            "search results": reverse("search") + "?q=" + quote(EUROPOL[language]),
            "static page": f"/{language}/pages/legal-notice/",
        }


def direction(page, selector):
    return page.evaluate(f"getComputedStyle(document.querySelector('{selector}')).direction")


def first_line_of_the_heading(page):
    """Where the h1's first line of text is, and the box the heading may fill.

    The h1 is a block: its own box spans the whole column in either direction, so what shows
    the direction is where its text sits in that box.
    """
    return page.evaluate(
        """() => {
            const heading = document.querySelector('h1');
            const text = document.createRange();
            text.selectNodeContents(heading);
            const line = text.getClientRects()[0];
            const box = heading.getBoundingClientRect();
            return {left: line.left, right: line.right, boxLeft: box.left, boxRight: box.right};
        }"""
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_kind_of_page_opens_in_the_browser_with_one_heading(site, page, language):
    problems = []
    for kind, address in addresses(language).items():
        response = page.goto(site.url + address)
        headings = page.locator("h1")
        if response.status != 200:
            problems.append(f"{kind} {address}: HTTP {response.status}")
        elif headings.count() != 1:
            problems.append(f"{kind} {address}: {headings.count()} h1 headings")
        elif not headings.is_visible():
            problems.append(f"{kind} {address}: the h1 is not visible")
        elif page.locator("html").get_attribute("lang") != language:
            problems.append(f"{kind} {address}: <html lang> is not {language}")
    assert problems == []
    assert page.console_errors == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_reader_searching_for_europol_finds_its_page(site, page, language):
    partner_page = Partner.objects.get(key="europol").get_absolute_url(language)
    with translation.override(language):
        page.goto(site.url + reverse("search"))
    page.fill("#search-query", EUROPOL[language])
    page.locator("main form[role=search] button[type=submit]").click()
    page.wait_for_url("**/?q=*")
    assert page.locator(f'main a[href="{partner_page}"]').count() >= 1


def test_an_arabic_reader_sees_the_page_right_to_left(site, page):
    project = Project.objects.get(key="wapis")

    page.goto(site.url + project.get_absolute_url("ar"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert direction(page, "html") == "rtl"
    assert direction(page, "body") == "rtl"
    arabic = first_line_of_the_heading(page)

    page.goto(site.url + project.get_absolute_url("en"))
    assert direction(page, "body") == "ltr"
    english = first_line_of_the_heading(page)

    half = page.viewport_size["width"] / 2
    # The Arabic heading starts at the right edge of its column and leaves room on the left...
    assert arabic["right"] == pytest.approx(arabic["boxRight"], abs=4)
    assert arabic["left"] > arabic["boxLeft"] + 40
    assert arabic["right"] > half
    # ...where the English one starts at the left edge.
    assert english["left"] == pytest.approx(english["boxLeft"], abs=4)
    assert english["left"] < half
    assert arabic["right"] > english["right"]


def test_the_language_switcher_keeps_the_reader_on_the_same_project(site, page):
    project = Project.objects.get(key="wapis")
    page.goto(site.url + project.get_absolute_url("en"))
    switcher = page.locator("nav.language-switcher")
    assert switcher.locator("[aria-current=true]").get_attribute("lang") == "en"

    switcher.locator('a[hreflang="fr"]').click()
    page.wait_for_url(site.url + "/fr/**")
    assert page.url == site.url + project.get_absolute_url("fr")
    assert (
        page.locator("h1").inner_text() == Project.objects.language("fr").get(pk=project.pk).name
    )
    assert switcher.locator("[aria-current=true]").get_attribute("lang") == "fr"

    switcher.locator('a[hreflang="ar"]').click()
    page.wait_for_url(site.url + "/ar/**")
    assert (
        page.locator("h1").inner_text() == Project.objects.language("ar").get(pk=project.pk).name
    )
    assert page.locator("html").get_attribute("dir") == "rtl"


@pytest.mark.parametrize("language", ["ar", "en"])
def test_nothing_sticks_out_sideways_on_a_360_pixel_phone(site, phone, language):
    too_wide = {}
    for kind, address in addresses(language).items():
        response = phone.goto(site.url + address)
        assert response.status == 200, f"{kind} {address}: HTTP {response.status}"
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            too_wide[kind] = f"{width}px"
    assert too_wide == {}


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_first_tab_reaches_the_skip_link_which_jumps_to_the_content(site, page, language):
    page.goto(f"{site.url}/{language}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('a.skip-link')")
    assert page.locator("a.skip-link").is_visible()
    page.keyboard.press("Enter")
    # The jump is a navigation the browser finishes after the key press returns (on a busy
    # machine page.url was read before it: CI on PostgreSQL, once).
    page.wait_for_url("**#main")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'main'")


def test_the_project_filters_work_without_javascript(site, page_without_javascript):
    page = page_without_javascript
    with translation.override("en"):
        page.goto(site.url + reverse("projects:project_list"))
    page.select_option("#id_area", "west-africa")
    page.locator(".filters button[type=submit]").click()
    page.wait_for_url("**area=west-africa*")
    wapis = Project.objects.get(key="wapis")
    assert page.locator(f'a[href="{wapis.get_absolute_url("en")}"]').count() == 1
    assert page.locator(".card").count() == 1
