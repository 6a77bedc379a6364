"""The Arabic admin speaks Arabic: on every page the registries give (tests/admin_pages.py, the
same walk as the admin's axe-core test), as the superuser, no visible Latin-script word in the
interface, apart from product and format names (``ALLOWED``).

What is content is left out, so that only the interface is judged: form field values (inputs,
text areas, selects with their options), anything marked with a ``lang`` other than Arabic,
code, and the text of the objects themselves: every text value of every row the admin's models
and their translations hold (titles, slugs, user names, group and permission names...), taken
from the database, wherever it shows (changelist cells, object titles, breadcrumbs).

The failure lists, per page, each interface string with a Latin word in it: a message missing
from the Arabic catalogue (locale/ar/LC_MESSAGES/django.po), or text not marked for translation.
"""

import re
from collections import defaultdict
from html import unescape

import pytest
from django.apps import apps
from django.db import models
from django.utils import translation
from django.utils.html import strip_tags

from tests.admin_pages import admin_pages, delete_one_item_with_history, registered_admins
from tests.e2e.admin_walk import (
    enrol_a_device,
    log_in,
    login_page,
    make_roles,
    put_items_in_review,
    walk,
)

# The whole admin walked by four roles takes far longer than CI can give it on two cores (the
# Arabic half alone took 27 minutes here). Not named test_*.py, so the suite does not collect it
# and nothing is skipped: run it by naming it, `.venv/bin/pytest tests/e2e/walk_admin_arabic.py`. CI runs
# the bounded check, tests/e2e/test_admin_accessibility.py.
pytestmark = pytest.mark.browser

#: Names of products, organisations and formats, written in Latin script in Arabic too.
ALLOWED = {
    "INTERPOL",
    "EU",
    "UE",
    "PO",
    "XLIFF",
    "TOTP",
    "URL",
    "HTML",
    "CSV",
    "TBX",
    "Django",
    "eurelations",
    "ID",
    "QR",
    "UTC",
    "AR",
    "EN",
    "FR",
    "ES",
    "IP",
    "HTTP",
    "Accept",  # an HTTP header's name (axes' records)
    # PO's flag, and the keys Django's Arabic help names as on the keyboard.
    "fuzzy",
    "Control",
    "Command",
    # INTERPOL's systems, named in help texts.
    "WAPIS",
    "iARMS",
}
#: Addresses (a static page's path, a partner's site) are no words of the interface.
ADDRESS = re.compile(r"(?:https?://|www\.|/)[^\s]*")
LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:['’\-][A-Za-z\u00C0-\u024F]+)*")

# The interface's visible text: text nodes and the words buttons and placeholders show, outside
# form values, code and whatever is marked as another language.
VISIBLE_TEXT = """() => {
    // <bdi> isolates a value inside a sentence (Django's password summary, say).
    const skip = 'input, textarea, select, option, script, style, code, kbd, samp, pre, noscript, bdi'
    // An icon font draws a word's ligature as a picture (the editor's toolbar): not a word.
    const icon = element => /material/i.test(getComputedStyle(element).fontFamily)
    const otherLanguage = element => {
        const marked = element.closest('[lang]')
        return marked && marked !== document.documentElement &&
            !marked.getAttribute('lang').startsWith('ar')
    }
    const shown = element => element.checkVisibility({checkOpacity: true, visibilityProperty: true})
    const texts = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    while (walker.nextNode()) {
        const node = walker.currentNode
        const element = node.parentElement
        const text = node.textContent.trim()
        if (!text || !element || element.closest(skip) || otherLanguage(element) ||
            !shown(element) || icon(element))
            continue
        texts.push(text)
    }
    for (const element of document.querySelectorAll(
        'input[type=submit], input[type=button], input[placeholder], textarea[placeholder]'
    )) {
        if (!shown(element) || otherLanguage(element)) continue
        texts.push(element.placeholder || element.value)
    }
    return texts
}"""


def content_strings():
    """Every text the database holds for the admin's models (each row's text columns, its
    translations' and its string in Arabic), longest first: what the admin shows as content."""
    found = set()
    admin_models = {model for model, _admin in registered_admins()}
    tables = set(admin_models)
    for model in admin_models:
        for meta in getattr(model, "_parler_meta", None) or []:
            tables.add(meta.model)
    tables |= {apps.get_model("auth", "Permission"), apps.get_model("contenttypes", "ContentType")}
    tables |= {apps.get_model("reversion", "Revision"), apps.get_model("reversion", "Version")}
    with translation.override("ar"):
        for table in tables:
            if not table._meta.managed:
                continue
            names = [
                f.attname
                for f in table._meta.concrete_fields
                if isinstance(f, (models.CharField, models.TextField))
            ]
            for row in table._base_manager.all():
                for name in names:
                    value = str(getattr(row, name) or "")
                    found |= {value, unescape(strip_tags(value))}  # rich text shows as text
                found.add(str(row))
    found = {" ".join(text.split()) for text in found}
    return sorted((text for text in found if text), key=len, reverse=True)


def latin_words(text, content):
    if not LATIN_WORD.search(text):
        return []
    text = " ".join(text.split())
    # A long value is shown cut short (a changelist cell, a title) or a paragraph at a time
    # (rich text): a part of it is content too.
    cut = text.rstrip("…. ")
    if len(cut) >= 12 and any(cut in value for value in content):
        return []
    for value in content:
        if value in text:
            text = text.replace(value, " ")
    text = ADDRESS.sub(" ", text)
    return [word for word in LATIN_WORD.findall(text) if word not in ALLOWED]


def test_the_arabic_admin_shows_no_latin_word_outside_content(site, browser):
    delete_one_item_with_history()
    users = make_roles()
    user = users["superuser"]
    enrol_a_device(user)
    put_items_in_review(users)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    shown = {}  # page: its visible interface text
    failures = []

    def check(name, url):
        shown[f"{name} {url}"] = page.evaluate(VISIBLE_TEXT)

    try:
        context.add_cookies([{"name": "django_language", "value": "ar", "url": site.url}])
        walk(page, site, [login_page()], check, failures)
        log_in(context, site, user, "ar")
        walk(page, site, admin_pages("ar"), check, failures)
    finally:
        context.close()
    # Read after the walk: the walk itself writes rows the admin shows (axes' access log).
    content = content_strings() + [each.username for each in users.values()]
    found = defaultdict(dict)  # page: {interface string: its Latin words}
    for where, texts in shown.items():
        for text in texts:
            words = latin_words(text, content)
            if words:
                found[where][text] = words
    strings = sorted({text for texts in found.values() for text in texts})
    report = [f"{len(strings)} interface strings with Latin words, by page:"]
    for where, texts in found.items():
        report.append(where)
        report += [f"    {text!r}" for text in texts]
    report.append("Every string once:")
    report += [f"    {text!r}" for text in strings]
    print("\n".join(report))  # noqa: T201 - the list the catalogue pass works from
    assert not failures, "\n".join(failures)
    assert not strings, "\n".join(report)
