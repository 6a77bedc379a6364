"""A walk through every admin page in the browser, for one role and interface language: the
addresses come from the registries (tests/admin_pages.py), the browser keeps those that answer a
page, and each page is handed to a check once it is built. Used by the admin's axe-core test and
by the Arabic interface's Latin-script test."""

import hashlib
import re
from datetime import timedelta
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from content import registry
from content.models import PublicationStatus, PublishableModel
from review.workflow import SEND_BACK, SUBMIT, make, review_of
from tests.accounts import member
from tests.e2e.sessions import staff_cookies
from translations.groups import GROUP_RIGHTS, sync_staff_groups

#: The four roles of the staff (README, "Staff and translators"), made as an administrator would.
ROLES = {
    "superuser": lambda: get_user_model().objects.create_superuser(
        "walk-superuser", "walk@example.org", "a-long-test-password"
    ),
    "editor": lambda: member("walk-editor", "Editors"),
    "publisher": lambda: member("walk-publisher", "Publishers"),
    "french translator": lambda: member("walk-translator", "Translators", "translate_fr"),
}

#: The changelist's first filter choice other than the one shown ("All").
FIRST_FILTER = """() => {
    const link = document.querySelector('#changelist-filter li:not(.selected) a[href^="?"]')
    return link ? link.getAttribute('href') : null
}"""


def make_roles():
    """The four roles' users. The staff groups are made again first, as their migration made
    them: a live-server test's database is flushed after it, groups and all, and nothing
    migrates it again (giving rights alone found no Editors in the second language's test)."""
    for name in GROUP_RIGHTS:
        Group.objects.get_or_create(name=name)
    sync_staff_groups()
    return {role: make() for role, make in ROLES.items()}


def enrol_a_device(user):
    """A TOTP device for ``user``, so that the device pages (its form, its QR code) are walked
    too: the seed has none."""
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def put_items_in_review(users):
    """The review step's states on the pages walked (the seed has none): the first item of the
    first publishable model waits for review, the second's was sent back with a comment and the
    third's is scheduled, so the dashboard's panels, the review box of each state and the
    filters have something to show."""
    publishable = [
        model
        for model in registry.models()
        if issubclass(model, PublishableModel) and model._meta.managed
    ]
    items = [model._base_manager.order_by("pk").first() for model in publishable[:3]]
    waiting, sent_back, scheduled = (items + [None] * 3)[:3]
    for item in (waiting, sent_back):
        if item is not None:
            item.status = PublicationStatus.DRAFT
            item.save()
            make(SUBMIT, item, None, users["editor"], "جاهز للمراجعة.", 0)
    if sent_back is not None:
        review = review_of(sent_back)
        make(SEND_BACK, sent_back, review, users["publisher"], "يرجى مراجعة الملخص.", review.step)
    if scheduled is not None:
        scheduled.status = PublicationStatus.PUBLISHED
        scheduled.publish_at = timezone.now() + timedelta(days=2)
        scheduled.save()


class PageNotReady(Exception):
    pass


def open_admin_page(page, site, url):
    """Open ``url``; True when it answers a page of the admin (200, HTML, not a redirect) and
    that page is built: the admin's own script has run, the rich-text editor is drawn and the
    fonts are loaded."""
    # Asked first without the tab (same cookies): an error answer with no body (a 405), a
    # download or a redirect off the site would leave the tab on Chromium's error page, which
    # interrupts the next navigation.
    answer = page.context.request.get(site.url + url, max_redirects=0)
    if answer.status != 200 or "text/html" not in answer.headers.get("content-type", ""):
        return False
    page.goto(site.url + url)
    try:
        page.locator("html[data-a11y-ready]").wait_for(state="attached", timeout=10_000)
    except Exception as error:  # noqa: BLE001 - reported by the walk
        raise PageNotReady(f"{url}: the admin's script never marked the page ready") from error
    if page.locator("textarea[data-django-prose-editor-configurable]").count():
        # The rich-text editor is built by a module script: check it, not the textarea.
        page.locator(".ProseMirror").first.wait_for(state="attached")
        # The toolbar marks what cannot act (undo, link) on the first transaction, which a
        # click makes: check that state, not the one before it.
        visible = page.locator(".ProseMirror >> visible=true")
        if visible.count():
            visible.first.click()
    # Icon buttons draw a font ligature: tell an icon from text once the font is loaded.
    page.evaluate("document.fonts.ready.then(() => true)")
    return True


def walk(page, site, pages, check, failures):
    """Open each (name, address) of ``pages`` in ``page`` and call ``check(name, url)`` on
    each that is a page of the admin; a changelist's first filter is opened too. What went
    wrong opening a page is appended to ``failures``. Returns the names of the pages checked."""
    checked = []
    queue = list(pages)
    while queue:
        name, url = queue.pop(0)
        try:
            if not open_admin_page(page, site, url):
                continue
        except PageNotReady as error:
            failures.append(f"{name}: {error}")
            continue
        check(name, url)
        checked.append(name)
        if name.endswith(" list") and "?" not in url:
            link = page.evaluate(FIRST_FILTER)
            if link:
                queue.insert(0, (f"{name} filtered", urlsplit(url).path + link))
    return checked


def login_page():
    return ("login", reverse("admin:login"))


def log_in(context, site, user, language):
    context.clear_cookies()
    context.add_cookies(staff_cookies(site, user, language))


def same_page_key(html, usernames):
    """What tells two pages apart once the request's own tokens (CSRF, CSP nonce) and the
    user's name are left out: the same key, the same markup, the same findings."""
    html = re.sub(r'(csrfmiddlewaretoken" value|nonce)="[^"]*"', "", html)
    for username in usernames:
        html = html.replace(username, "USER")
    return hashlib.sha256(html.encode()).hexdigest()
