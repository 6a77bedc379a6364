"""Comparing two versions in the browser: chosen on the history page, read on a desktop and on
a 360 px phone in Arabic and English without sideways scrolling, removed and added words told
apart by more than colour, and no accessibility violation axe-core knows of."""

import pytest
import reversion

from projects.models import Project
from tests.e2e.conftest import DESKTOP, PHONE
from tests.e2e.sessions import log_in_as_superuser
from tests.e2e.test_accessibility import axe_source, violations_on  # noqa: F401 - a fixture

pytestmark = pytest.mark.browser

NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"
DECORATION = "(element) => getComputedStyle(element).textDecorationLine"


def _edit_the_french_name(project):
    obj = Project.objects.language("fr").get(pk=project.pk)
    obj.name = f"{obj.name} révisé avec un mot-très-long-qui-ne-tient-pas-sur-un-téléphone"
    with reversion.create_revision():
        obj.save()


@pytest.mark.parametrize("admin_language", ["ar", "en"])
@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_two_versions_are_chosen_and_compared(site, browser, axe_source, admin_language, size):  # noqa: F811
    project = Project.objects.get(key="sharaka")
    _edit_the_french_name(project)
    context = browser.new_context(viewport=size)
    page = context.new_page()
    log_in_as_superuser(page, site, admin_language, "compare")

    page.goto(f"{site.url}/admin/projects/project/{project.pk}/history/")
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    assert violations_on(page, axe_source) == []
    page.locator(".version-choice button[type=submit]").click()
    page.wait_for_url("**/history/compare/?*")

    french = page.locator('dd[lang="fr"][dir="ltr"]')
    assert french.locator("ins").inner_text().strip().startswith("révisé")
    assert french.locator("ins").evaluate(DECORATION) == "underline"
    assert page.locator('dd[lang="ar"]').count() == 0  # Arabic did not change
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    assert violations_on(page, axe_source) == []
    context.close()
