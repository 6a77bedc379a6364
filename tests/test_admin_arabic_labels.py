"""The Arabic admin's labels are Arabic, without a browser: every changelist, form, history and
delete confirmation of every registered admin (tests/admin_pages.py, with rows in the security
records' tables so their columns and filters show), rendered in Arabic with the test client as
the superuser, has no Latin-script word in its interface text. Content, form values and what is
marked as another language are left out as in the browser walk (tests/e2e/walk_admin_arabic.py,
which also sees what scripts write); this one is fast enough for the suite."""

import lxml.html
import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.admin_pages import admin_pages, delete_one_item_with_history
from tests.e2e.walk_admin_arabic import content_strings, latin_words

pytestmark = pytest.mark.django_db

#: HTTP's names, shown as such in axes' records, and the glossary's file format.
FORMAT_NAMES = {"GET", "POST", "Accept", "TBX"}
#: The kinds of page whose labels come from the models and admins (the rest is Django's own,
#: which its catalogue and ours cover, and the browser walk checks).
KINDS = (" list", " form", " add form", " history", " delete", " version", "admin index")


def interface_texts(html):
    """The visible text of a page outside form values, code and other languages' elements."""
    tree = lxml.html.fromstring(html)
    body = tree.find("body")
    texts = []
    for element in body.iter():
        if not isinstance(element.tag, str):
            continue
        skipped = element.xpath(
            "ancestor-or-self::*[self::input or self::textarea or self::select or self::option "
            "or self::script or self::style or self::code or self::kbd or self::samp or "
            "self::pre or self::noscript or self::bdi or @hidden or "
            "contains(concat(' ', @class, ' '), ' hidden ') or "
            "(@lang and not(starts-with(@lang, 'ar')))]"
        )
        if skipped:
            continue
        for text in (element.text, *(child.tail for child in element)):
            if text and text.strip():
                texts.append(text.strip())
        if element.tag == "input" and element.get("type") in ("submit", "button"):
            texts.append(element.get("value") or "")
    for element in body.xpath("//input[@type='submit' or @type='button'][@value]"):
        if not element.xpath("ancestor-or-self::*[@lang and not(starts-with(@lang, 'ar'))]"):
            texts.append(element.get("value"))
    return texts


@pytest.fixture
def superuser():
    user = get_user_model().objects.create_superuser("arabic-admin", password="a-long-password")
    TOTPDevice.objects.create(user=user, name="هاتفي", confirmed=True)
    AccessAttempt.objects.create(
        username="someone",
        ip_address="192.0.2.1",
        user_agent="",
        http_accept="",
        path_info="/admin/login/",
        failures_since_start=3,
    )
    AccessLog.objects.create(
        username="someone",
        ip_address="192.0.2.1",
        user_agent="",
        http_accept="",
        path_info="/admin/login/",
        logout_time=timezone.now(),
    )
    return user


def test_the_arabic_admins_labels_have_no_latin_word(superuser):
    delete_one_item_with_history()
    client = Client(HTTP_ACCEPT_LANGUAGE="ar")
    client.cookies["django_language"] = "ar"
    client.force_login(superuser)
    content = content_strings() + [superuser.username]
    found = {}
    for name, url in admin_pages("ar"):
        # The French tab's labels are the Arabic tab's: one of them is enough.
        if not name.endswith(KINDS) or "language=fr" in url:
            continue
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for text in interface_texts(response.content.decode()):
            words = set(latin_words(text, content)) - FORMAT_NAMES
            if words:
                found.setdefault(text, set()).add(f"{name} {url}")
    report = "\n".join(f"{text!r}: {sorted(where)[0]}" for text, where in sorted(found.items()))
    assert not found, f"{len(found)} interface strings with Latin words:\n{report}"
