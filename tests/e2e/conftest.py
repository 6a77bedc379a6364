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


# Every violation of the content security policy fails the browser test that met it, on every
# page of every browser context the test opens (the tabs below, the contexts tests make
# themselves, their popups), seen two ways: the securitypolicyviolation event of the page
# (reported as a console error by this script, run before the page's own), and Chromium's own
# console message, which also comes without JavaScript.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(
    `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || "inline"}` +
      ` (${event.sourceFile || document.URL}:${event.lineNumber}:${event.columnNumber})`
  );
});
"""
# The event is queued as a task: let a page run what it has queued before its context closes.
PENDING_TASKS = "() => new Promise((resolve) => setTimeout(resolve))"


def is_csp_violation(text):
    return "CSP violation" in text or "Content Security Policy" in text


def _watch(context, found, javascript):
    """Report every CSP violation in ``context``'s pages into ``found``."""
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    context.on(
        "console",
        lambda message: (
            found.append(f"{message.page.url if message.page else ''}: {message.text}")
            if is_csp_violation(message.text)
            else None
        ),
    )
    close = context.close

    def close_after_pending_reports(*args, **kwargs):
        from playwright.sync_api import Error as PlaywrightError  # installed: a context exists

        for tab in context.pages if javascript else []:
            try:
                tab.evaluate(PENDING_TASKS)
            except PlaywrightError:
                pass  # a tab that is closing or has crashed has nothing left to report
        return close(*args, **kwargs)

    context.close = close_after_pending_reports


@pytest.fixture(autouse=True)
def no_csp_violation(request):
    """Fails a browser test on any violation of the content security policy, whichever page,
    tab or context it came from."""
    if "browser" not in request.fixturenames:
        yield
        return
    browser = request.getfixturevalue("browser")
    found = []
    new_context = browser.new_context

    def watched_new_context(*args, **options):
        context = new_context(*args, **options)
        _watch(context, found, options.get("java_script_enabled", True))
        return context

    browser.new_context = watched_new_context
    try:
        yield
    finally:
        del browser.new_context
        for context in browser.contexts:  # left open by the test: what they reported so far
            context.close()
    assert found == [], "\n".join(found)


def _open(browser, **options):
    context = browser.new_context(**options)
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


@pytest.fixture
def page(browser):
    """A fresh browser tab on a desktop screen (1280 × 800)."""
    context, tab = _open(browser, viewport=DESKTOP)
    yield tab
    context.close()


@pytest.fixture
def phone(browser):
    """A fresh browser tab on a 360 px wide phone."""
    context, tab = _open(browser, viewport=PHONE, is_mobile=True, has_touch=True)
    yield tab
    context.close()


@pytest.fixture
def page_without_javascript(browser):
    """A desktop tab with JavaScript switched off."""
    context, tab = _open(browser, viewport=DESKTOP, java_script_enabled=False)
    yield tab
    context.close()
