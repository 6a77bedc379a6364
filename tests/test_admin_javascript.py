"""The admin's scripts speak the admin's language: the two-box selector, the calendar, the
clock and the actions read their strings from the admin's ``jsi18n``, which serves our
``djangojs`` catalogues (Django's Arabic one lacks the selector's buttons)."""

import json
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale

from content.languages import language_codes
from translations.admin_javascript import django_admin_messages

pytestmark = pytest.mark.django_db

#: How many plural forms each language has, and a number that selects each form.
PLURAL_FORMS = {"ar": 6, "en": 2, "fr": 2, "es": 2}


def served_catalogue(client, language):
    client.cookies["django_language"] = language
    response = client.get("/admin/jsi18n/")
    assert response.status_code == 200
    text = response.content.decode()
    start = text.index("const newcatalog = ") + len("const newcatalog = ")
    catalogue, _end = json.JSONDecoder().raw_decode(text, start)
    return catalogue, text


def our_translations(language):
    """``{catalogue key: msgstr or [forms]}`` of locale/<language>/LC_MESSAGES/djangojs.po."""
    po = polib.pofile(
        str(Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "djangojs.po")
    )
    return {
        (f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid): (
            [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
            if entry.msgid_plural
            else entry.msgstr
        )
        for entry in po
        if entry.translated()
    }


@pytest.mark.parametrize("language", language_codes())
def test_every_string_of_django_s_admin_scripts_is_translated(admin_client, language):
    """Served as our catalogue says (translated, every plural form), never Django's English."""
    catalogue, _script = served_catalogue(admin_client, language)
    ours = our_translations(language)
    wrong = []
    for context, msgid, plural in django_admin_messages():
        key = f"{context}\x04{msgid}" if context else msgid
        expected = ours.get(key)
        if not expected or catalogue.get(key) != expected:
            wrong.append((key, catalogue.get(key), expected))
        elif plural:
            assert len(expected) == PLURAL_FORMS[to_locale(language)], msgid
    assert wrong == []
    if language != "en":
        english = our_translations("en")
        assert sum(ours[key] != english[key] for key in english) >= len(english) - 2


def test_the_arabic_selector_and_actions_speak_arabic_with_six_plural_forms(admin_client):
    catalogue, script = served_catalogue(admin_client, "ar")
    assert catalogue["Choose all %s"] == "اختيار كل %s"
    assert catalogue["Remove all %s"] == "إزالة كل %s"
    assert len(catalogue["%(sel)s of %(cnt)s selected"]) == 6
    # The plural rule served is the catalogue's own (ours), not Django's or English's.
    assert "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5" in script


def test_french_plurals_follow_our_two_form_rule(admin_client):
    catalogue, script = served_catalogue(admin_client, "fr")
    assert catalogue["%(sel)s of %(cnt)s selected"] == [
        "%(sel)s sur %(cnt)s sélectionné",
        "%(sel)s sur %(cnt)s sélectionnés",
    ]
    assert "const v = (n > 1);" in script
