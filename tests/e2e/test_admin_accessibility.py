"""The admin passes axe-core (WCAG 2.0 A/AA, 2.1 AA, 2.2 AA) with no critical or serious
violation: the login page, every changelist, every change form (rich-text editor and language
tabs included) and the translation dashboard, in Arabic and English, at 1280 px and 360 px.

axe-core comes from npm (package.json, installed by ``python3 dev.py test`` with ``npm ci``) and
is injected into Debian's Chromium by Playwright. The pages come from the admin's own registry,
so a model registered tomorrow is checked too.
"""

import json
import os
from pathlib import Path

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory
from django.urls import NoReverseMatch, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.e2e.admin_walk import make_roles, put_items_in_review

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SIZES = {"1280": {"width": 1280, "height": 800}, "360": {"width": 360, "height": 740}}

#: Per page, what axe found, for whoever reads the test run (tests/conftest.py prints it).
AXE_RESULTS = {}


def admin_pages(user):
    """The login page, then each admin's changelist and its first item's change form (or its
    add form, where an administrator may add)."""
    request = RequestFactory().get("/admin/")
    request.user = user
    pages = [("login", None)]
    for model, model_admin in sorted(
        admin.site._registry.items(), key=lambda item: item[0]._meta.label
    ):
        opts = model._meta
        pages.append(
            (f"{opts.label_lower} list", f"admin:{opts.app_label}_{opts.model_name}_changelist")
        )
        if opts.managed:
            obj = model._base_manager.order_by("pk").first()
            if obj is None:
                if not model_admin.has_add_permission(request):
                    continue  # a log that only the application writes (axes, say)
                # Nothing to change yet: its add form then.
                try:
                    reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
                except NoReverseMatch:
                    continue
                pages.append(
                    (
                        f"{opts.label_lower} add form",
                        f"admin:{opts.app_label}_{opts.model_name}_add",
                    )
                )
            else:
                try:
                    reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
                except NoReverseMatch:
                    continue
                pages.append(
                    (
                        f"{opts.label_lower} form",
                        (f"admin:{opts.app_label}_{opts.model_name}_change", obj.pk),
                    )
                )
    return pages


def _axe_source():
    if not AXE.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("node_modules/axe-core is missing: run npm ci", pytrace=False)
        pytest.skip("axe-core is not installed (npm ci)")
    return AXE.read_text()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_admin_has_no_serious_accessibility_violation(site, browser, language, size):
    source = _axe_source()
    user = get_user_model().objects.create_superuser("axe", "axe@example.org", "a-long-password")
    # A device, so that its change form is checked rather than the add form: its user's
    # magnifier sits beside the user's name there, a target too close at 360 px once.
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    # Items in review, so the change forms show a review's comments and its steps' forms.
    put_items_in_review(make_roles())
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport=SIZES[size])
    context.add_cookies([{"name": "django_language", "value": language, "url": site.url}])
    page = context.new_page()
    found = []
    try:
        for name, target in admin_pages(user):
            if target is None:
                url = reverse("admin:login")
            elif isinstance(target, tuple):
                url = reverse(target[0], args=[target[1]])
                if "language=" not in url:
                    url += f"?language={language}"
            else:
                url = reverse(target)
                if name.endswith("add form"):
                    url += f"?language={language}"
            if name != "login" and not any(c["name"] == "sessionid" for c in context.cookies()):
                context.add_cookies(
                    [
                        {
                            "name": "sessionid",
                            "value": client.cookies["sessionid"].value,
                            "url": site.url,
                        }
                    ]
                )
            page.goto(site.url + url)
            page.locator("html[data-a11y-ready]").wait_for(state="attached")
            if page.locator("textarea[data-django-prose-editor-configurable]").count():
                # The rich-text editor is built by a module script: check it, not the textarea.
                page.locator(".ProseMirror").first.wait_for(state="attached")
                # The toolbar marks what cannot act (undo, link) on the first transaction,
                # which a click makes: check that state, not the one before it.
                visible = page.locator(".ProseMirror >> visible=true")
                if visible.count():
                    visible.first.click()
            # Icon buttons draw a font ligature: axe tells an icon from text once it is loaded.
            page.evaluate("document.fonts.ready.then(() => true)")
            page.evaluate(source)  # not a script tag: the CSP allows no inline script
            # No "cssom" preload: axe copies each @import of the page's stylesheets (Django's
            # forms.css has one) into an inline <style>, which the content security policy
            # refuses (the checker's doing, failing the test); only its experimental
            # orientation rule, which these tags leave out, reads that copy.
            result = page.evaluate(
                """tags => axe.run(document, {
                    runOnly: {type: 'tag', values: tags}, preload: {assets: ['media']}
                })""",
                TAGS,
            )
            bad = [v for v in result["violations"] if v["impact"] in ("critical", "serious")]
            AXE_RESULTS[f"{name} [{language}, {size}px]"] = (
                len(bad),
                len(result["violations"]),
            )
            for violation in bad:
                targets = [node["target"] for node in violation["nodes"]][:3]
                found.append(
                    f"{name} {url}: {violation['id']} ({violation['impact']}) "
                    f"{json.dumps(targets)} {violation['nodes'][0]['failureSummary'][:200]}"
                )
    finally:
        context.close()
    assert not found, "\n".join(found)
