"""Browser tests: Playwright driving Debian's headless Chromium against the live test server.

Playwright never downloads a browser here: it launches Debian's /usr/bin/chromium. Without
Chromium (or Playwright) the browser tests are skipped on a developer's machine and fail in CI
(CI=true), where a missing browser is a broken set-up, not a reason to pass.

The ``--screenshots DIR`` option used by ``python3 dev.py screenshots`` is registered in
tests/conftest.py (pytest only reads ``pytest_addoption`` from conftests it loads at start-up).
"""

import os
import shutil

import pytest
from django.core.cache import cache

from seed.loader import load_seed_content

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}


def _unavailable(reason):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}: the browser tests are required when CI=true", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="package")
def browser():
    """One headless Chromium for all the browser tests.

    Package scope (this folder) rather than session scope: the browser closes as soon as the
    last browser test is done, so the tests that run after it do so without Playwright's event
    loop in their thread and with Django's async-safety check switched on again.
    """
    executable = shutil.which("chromium")
    if not executable:
        _unavailable("Debian's chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -r requirements-dev.txt)")

    # Playwright's sync API keeps an asyncio event loop "running" in this thread while the
    # browser is open, and Django refuses ORM calls from such a thread (SynchronousOnlyOperation).
    # The tests' ORM calls are plain synchronous code, so this test-only switch is safe; it is
    # put back when the browser closes.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=executable, headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def site(live_server, transactional_db):
    """The live server with the seed content.

    Live-server tests use a transactional database that is flushed after each test, so the
    seed loaded once per session by tests/conftest.py is gone: load it again for every test.
    parler caches translations by primary key, hence the cache clearing.
    """
    cache.clear()
    load_seed_content()
    yield live_server
    cache.clear()


# Chromium reports a blocked script or style in the console; this makes every violation of the
# content security policy an explicit console error, whatever the directive.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


def _open(browser, **options):
    context = browser.new_context(**options)
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    # What a developer would see in red in the browser console: console.error() calls, failed
    # resource loads, and uncaught script errors.
    page.console_errors = []
    page.on(
        "console",
        lambda message: (
            page.console_errors.append(f"{page.url}: {message.text}")
            if message.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda error: page.console_errors.append(f"{page.url}: {error}"))
    return context, page


def _close(context, page):
    """Every browser test fails on a violation of the content security policy."""
    violations = [
        error
        for error in page.console_errors
        if "CSP violation" in error or "Content Security Policy" in error
    ]
    context.close()
    assert violations == [], violations


@pytest.fixture
def page(browser):
    """A fresh browser tab on a desktop screen (1280 × 800)."""
    context, tab = _open(browser, viewport=DESKTOP)
    yield tab
    _close(context, tab)


@pytest.fixture
def phone(browser):
    """A fresh browser tab on a 360 px wide phone."""
    context, tab = _open(browser, viewport=PHONE, is_mobile=True, has_touch=True)
    yield tab
    _close(context, tab)


@pytest.fixture
def page_without_javascript(browser):
    """A desktop tab with JavaScript switched off."""
    context, tab = _open(browser, viewport=DESKTOP, java_script_enabled=False)
    yield tab
    _close(context, tab)
