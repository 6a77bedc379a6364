"""The admin passes axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) with no violation of any impact,
and no page of it is wider than a 360 px phone: every page the registries give
(tests/admin_pages.py: the index, each changelist also searched and filtered, each add and
change form, history, versions, recover and delete pages, and every other address of the admin
site's and each ModelAdmin's ``get_urls()`` that answers a page), as the superuser, an Editor, a
Publisher and a French translator, in Arabic and English, at 1280 px and 360 px.

One browser; per language one context, logged in as each role in turn; each page is checked at
1280 px, then resized to 360 px and checked again. A page whose markup another role already
had checked (the same key, tests/e2e/admin_walk.py) is not checked twice. Every failure is
collected, then the test fails once with the list.

The walk runs in parts when asked (a part takes many minutes on two cores, and one that failed
can be run again alone): ``ADMIN_WALK_LANGUAGES`` (``ar,en``), ``ADMIN_WALK_ROLES``
(``anonymous,superuser,editor,publisher,french translator``) and ``ADMIN_WALK_WIDTHS``
(``1280,360``) each choose a subset, all of it by default. The parts together check what the
whole walk checks: each page at 1280 px with every rule, at 360 px with the rules that read the
layout and for overflow. Each part prints what it checked, what it found and how long it took.
To check a fix again quickly, ``ADMIN_WALK_PAGES`` keeps only the pages whose address is one of
its comma-separated words or whose name contains one (``/admin/,totpdevice``): not a whole part.

axe-core comes from npm (package.json, installed by ``python3 dev.py test`` with ``npm ci``) and
is injected into Debian's Chromium by Playwright.
"""

import os
import time
from pathlib import Path

import pytest

from tests.admin_pages import admin_pages, delete_one_item_with_history
from tests.e2e.admin_walk import (
    ROLES,
    enrol_a_device,
    log_in,
    login_page,
    make_roles,
    put_items_in_review,
    same_page_key,
    walk,
)

# The whole admin walked by four roles takes far longer than CI can give it on two cores (the
# Arabic half alone took 27 minutes here). Not named test_*.py, so the suite does not collect it
# and nothing is skipped: run it by naming it, `.venv/bin/pytest tests/e2e/walk_admin_axe.py`. CI runs
# the bounded check, tests/e2e/test_admin_accessibility.py.
pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}

#: Per page, what axe found, for whoever reads the test run (tests/conftest.py prints it).
AXE_RESULTS = {}

# No "cssom" preload: axe copies each @import of the page's stylesheets (Django's forms.css has
# one) into an inline <style>, which the content security policy refuses (the checker's doing,
# failing the test); only its experimental orientation rule, which these tags leave out, reads
# that copy.
RUN_AXE = """runOnly => axe.run(document, {
    runOnly, preload: {assets: ['media']}, resultTypes: ['violations']
})"""
#: At 1280 px every rule of the tags runs; resized to 360 px the markup is the same, so only the
#: rules that read the layout run again (a full second run doubled the test's time).
EVERY_RULE = {"type": "tag", "values": TAGS}
LAYOUT_RULES = {
    "type": "rule",
    "values": [
        "color-contrast",
        "link-in-text-block",
        "target-size",
        "scrollable-region-focusable",
    ],
}
# What sticks out sideways: the page scrolls wider than the screen. A table in its own
# scrolling box does not count; the elements reaching past the edge name the culprit.
OVERFLOW = """() => {
    const root = document.documentElement
    if (root.scrollWidth <= root.clientWidth) return null
    const edge = root.clientWidth
    const wide = [...document.querySelectorAll('body *')].filter(element => {
        const box = element.getBoundingClientRect()
        return box.width && (box.right > edge + 1 || box.left < -1)
    }).filter(element => !element.parentElement.closest('table, pre'))
    const names = wide.slice(0, 3).map(element =>
        element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') +
        (element.classList.length ? '.' + [...element.classList].join('.') : ''))
    return `${root.scrollWidth} px wide on a ${edge} px screen (${names.join(', ')})`
}"""


WIDTHS = {"1280": (DESKTOP, EVERY_RULE), "360": (PHONE, LAYOUT_RULES)}


def _chosen(variable, known):
    """The subset of ``known`` the environment variable names (comma-separated), all of it when
    unset; a name it does not know is a mistake, not an empty walk."""
    value = os.environ.get(variable, "").strip()
    if not value:
        return list(known)
    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in known]
    if unknown:
        raise pytest.UsageError(f"{variable}: unknown {unknown}, choose from {list(known)}")
    return [name for name in known if name in names]


def _axe_source():
    if not AXE.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("node_modules/axe-core is missing: run npm ci", pytrace=False)
        pytest.skip("axe-core is not installed (npm ci)")
    return AXE.read_text()


def _violations(page, source, rules):
    if not page.evaluate("() => 'axe' in window"):
        page.evaluate(source)  # not a script tag: the CSP allows no inline script
    return page.evaluate(RUN_AXE, rules)["violations"]


def _describe(violation):
    targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
    summary = violation["nodes"][0]["failureSummary"].replace("\n", " ")[:160]
    return f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])}×): {targets}: {summary}"


@pytest.mark.parametrize("language", _chosen("ADMIN_WALK_LANGUAGES", ["ar", "en"]))
def test_every_admin_page_passes_axe_and_fits_a_phone(site, browser, language):
    source = _axe_source()
    roles = _chosen("ADMIN_WALK_ROLES", ["anonymous", *ROLES])
    widths = _chosen("ADMIN_WALK_WIDTHS", list(WIDTHS))
    delete_one_item_with_history()
    users = make_roles()
    enrol_a_device(users["superuser"])
    put_items_in_review(users)
    usernames = [user.username for user in users.values()]
    pages = admin_pages(language)
    wanted = [word for word in os.environ.get("ADMIN_WALK_PAGES", "").split(",") if word]
    if wanted:
        pages = [(name, url) for name, url in pages if any(w == url or w in name for w in wanted)]
    failures = []
    seen = set()
    tally = {}  # role: [pages checked, pages whose markup was already checked, seconds]
    context = browser.new_context(viewport=WIDTHS[widths[0]][0])
    page = context.new_page()

    def check(role):
        def check_page(name, url):
            key = same_page_key(page.content(), usernames)
            if key in seen:
                tally[role][1] += 1
                return
            seen.add(key)
            tally[role][0] += 1
            where = f"[{role}] {name} {url}"
            found = {}  # finding: the widths it was found at
            for width in widths:
                viewport, rules = WIDTHS[width]
                if page.viewport_size != viewport:
                    page.set_viewport_size(viewport)
                violations = _violations(page, source, rules)
                AXE_RESULTS[f"{where} [{language}, {width} px]"] = len(violations)
                for violation in violations:
                    found.setdefault(_describe(violation), []).append(width)
                if width == "360":
                    overflow = page.evaluate(OVERFLOW)
                    if overflow:
                        found.setdefault(overflow, []).append(width)
            failures.extend(
                f"{where} ({' and '.join(at)} px): {finding}" for finding, at in found.items()
            )

        return check_page

    try:
        context.add_cookies([{"name": "django_language", "value": language, "url": site.url}])
        for role in roles:
            started = time.monotonic()
            tally[role] = [0, 0, 0.0]
            if role == "anonymous":
                walk(page, site, [login_page()], check(role), failures)
            else:
                log_in(context, site, users[role], language)
                walk(page, site, pages, check(role), failures)
            tally[role][2] = time.monotonic() - started
    finally:
        context.close()
        print(f"\nadmin walk, {language}, {' and '.join(widths)} px:")  # noqa: T201
        for role, (checked, repeated, seconds) in tally.items():
            print(  # noqa: T201 - the figures of a part, for whoever runs it
                f"  {role}: {checked} pages checked, {repeated} as already checked, "
                f"{seconds:.0f} s"
            )
        print(f"  {len(failures)} problems")  # noqa: T201
    # A walk that opened next to nothing (a session the server did not take, say) proves
    # nothing: the superuser opens most addresses, any other role more than its index.
    for role, (checked, repeated, _seconds) in tally.items() if not wanted else ():
        least = len(pages) // 2 if role == "superuser" else 1 if role == "anonymous" else 10
        assert checked + repeated >= least, f"{role} opened {checked + repeated} of {len(pages)}"
    assert not failures, f"{len(failures)} problems:\n" + "\n".join(failures)
