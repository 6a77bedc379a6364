"""axe-core (from npm, injected into Debian's Chromium) reports no violation, of any impact, on
any public page type in the four languages, on a desktop (1280 px) and a phone (360 px)."""

import os
from pathlib import Path

import pytest

from content.languages import language_codes
from tests.e2e.conftest import DESKTOP, PHONE
from tests.public_pages import page_addresses

pytestmark = pytest.mark.browser
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def axe_source():
    if not AXE.exists():
        reason = f"{AXE} is missing (npm ci; python3 dev.py test sets it up)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return AXE.read_text()


def violations_on(page, axe_source):
    # evaluate(), not a <script> tag: the page's Content-Security-Policy allows no inline script.
    page.evaluate(axe_source)
    # No "cssom" preload: axe would copy any @import of the stylesheets into an inline <style>,
    # which the content security policy refuses; only its experimental (unused) orientation
    # rule reads that copy.
    result = page.evaluate(
        "async () => await axe.run(document,"
        " {resultTypes: ['violations'], preload: {assets: ['media']}})"
    )
    return [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(", ".join(node["target"]) for node in violation["nodes"][:3])
        for violation in result["violations"]
    ]


@pytest.mark.parametrize("language", language_codes())
def test_axe_finds_nothing_on_any_page_type_on_a_desktop_or_a_phone(
    site, browser, axe_source, language
):
    addresses = page_addresses(language)
    found = {}
    for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport, is_mobile=name == "phone")
        try:
            page = context.new_page()
            for kind, address in addresses.items():
                response = page.goto(site.url + address)
                assert response.status in (200, 404), f"{address}: {response.status}"
                problems = violations_on(page, axe_source)
                if problems:
                    found[f"{name} {kind} {address}"] = problems
        finally:
            context.close()
    assert found == {}
