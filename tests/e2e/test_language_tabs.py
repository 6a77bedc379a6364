"""The language tabs in a real browser, in the Arabic admin: French text laid out left to right
and Arabic right to left, the tab's delete "×" beside its label and not on it, the source beside
a translation, and the two-box selector's buttons in Arabic (the admin's jsi18n)."""

import pytest
from django.contrib.flatpages.models import FlatPage
from django.urls import reverse

from cooperation.models import CooperationArea
from projects.models import Project
from tests.e2e.conftest import DESKTOP, PHONE
from tests.e2e.sessions import log_in_as_superuser

pytestmark = pytest.mark.browser

#: Each tab's label (its text, or its link) and its delete link, as boxes on the screen.
TAB_BOXES = """
() => [...document.querySelectorAll(".parler-language-tabs span")].map((tab) => {
  const remove = tab.querySelector("a.deletelink")
  const label = tab.querySelector("a:not(.deletelink)")
  let box
  if (label) {
    box = label.getBoundingClientRect()
  } else {
    const range = document.createRange()
    range.selectNodeContents(tab.firstChild)
    box = range.getBoundingClientRect()
  }
  const edge = (rect) => rect && { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom }
  return {
    text: tab.textContent.trim(),
    label: edge(box),
    remove: remove && edge(remove.getBoundingClientRect()),
    removeIcon: remove && getComputedStyle(remove).backgroundPositionX,
  }
})
"""


def overlap(a, b):
    """Do the boxes ``a`` and ``b`` share any area?"""
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and (b["top"] < a["bottom"])
    )


def direction(page, selector):
    return page.locator(selector).first.evaluate("element => getComputedStyle(element).direction")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "360"])
def test_in_the_arabic_admin_french_runs_left_to_right_and_arabic_right_to_left(
    site, page, viewport
):
    page.set_viewport_size(viewport)
    log_in_as_superuser(page, site, "ar", "editor")
    area = CooperationArea.objects.get(key="e-mla")

    page.goto(site.url + area.get_admin_url("fr"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert direction(page, "#id_title") == "ltr"
    assert direction(page, "#id_summary") == "ltr"
    # The French summary's opening bracket starts the line on the left.
    summary = page.locator("#id_summary")
    assert summary.evaluate("element => getComputedStyle(element).textAlign") in ("start", "left")
    # The Arabic source beside it runs right to left, under its field.
    source = page.locator("#source-title .source-beside-text")
    assert source.evaluate("element => getComputedStyle(element).direction") == "rtl"
    field, box = (
        page.locator("#id_title").bounding_box(),
        page.locator("#source-title").bounding_box(),
    )
    assert box["y"] >= field["y"] + field["height"] - 1
    assert box["x"] + box["width"] <= viewport["width"] + 1  # no sideways scrolling on a phone

    page.goto(site.url + area.get_admin_url("ar"))
    assert direction(page, "#id_title") == "rtl"
    assert page.locator(".source-beside").count() == 0

    page.goto(site.url + area.get_admin_url("fr"))
    tabs = page.evaluate(TAB_BOXES)
    with_delete = [tab for tab in tabs if tab["remove"]]
    assert with_delete, tabs
    for tab in with_delete:
        assert not overlap(tab["label"], tab["remove"]), tab
        # In a right-to-left page the "×" comes after the label: on its left.
        assert tab["remove"]["right"] <= tab["label"]["left"] + 1, tab


def test_the_english_admin_keeps_arabic_right_to_left_and_the_tabs_in_order(site, page):
    log_in_as_superuser(page, site, "en", "editor")
    area = CooperationArea.objects.get(key="e-mla")
    page.goto(site.url + area.get_admin_url("ar"))
    assert direction(page, "#id_title") == "rtl"
    page.goto(site.url + area.get_admin_url("fr"))
    assert direction(page, "#id_title") == "ltr"
    for tab in page.evaluate(TAB_BOXES):
        if tab["remove"]:
            assert not overlap(tab["label"], tab["remove"]), tab
            assert tab["remove"]["left"] >= tab["label"]["right"] - 1, tab


def test_the_arabic_two_box_selector_speaks_arabic(site, page):
    log_in_as_superuser(page, site, "ar", "editor")
    project = Project.objects.order_by("pk").first()
    url = reverse("admin:projects_project_change", args=[project.pk])
    page.goto(f"{site.url}{url}?language=ar")
    page.wait_for_selector("#id_cooperation_areas_add_all")
    selector = page.locator(".form-row.field-cooperation_areas")
    text = selector.inner_text() + " ".join(
        selector.locator("[title]").evaluate_all("elements => elements.map((e) => e.title)")
    )
    assert "Choose" not in text and "Remove" not in text and "Filter" not in text, text
    assert "اختيار كل" in page.locator("#id_cooperation_areas_add_all").inner_text()
    assert "إزالة كل" in page.locator("#id_cooperation_areas_remove_all").inner_text()
    assert page.console_errors == []


def test_a_static_page_opens_on_the_language_and_the_field_asked_for(site, page):
    log_in_as_superuser(page, site, "ar", "editor")
    static_page = FlatPage.objects.order_by("url").first()
    url = reverse("admin:flatpages_flatpage_change", args=[static_page.pk])
    page.goto(f"{site.url}{url}?language=fr")
    page.wait_for_selector("html[data-a11y-ready]")
    assert page.locator("#id_title_fr").is_visible()
    assert not page.locator("#id_title_ar").is_visible()
    assert direction(page, "#id_title_fr") == "ltr"
    page.goto(f"{site.url}{url}?language=ar#id_title_es")
    page.wait_for_selector("html[data-a11y-ready]")
    assert page.locator("#id_title_es").is_visible()
    assert page.evaluate("document.activeElement.id") == "id_title_es"
