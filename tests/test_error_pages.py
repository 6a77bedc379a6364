"""The error pages staff and visitors meet are ours, in their language and direction."""

import pytest
from django.test import Client
from django.urls import reverse

from cooperation.models import CooperationArea
from tests.accounts import member

pytestmark = pytest.mark.django_db


def test_an_expired_form_is_explained_in_the_visitors_language():
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("admin:login"),
        {"username": "x", "password": "y"},
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="fr" dir="ltr">' in page
    assert "Le formulaire a expiré" in page


def test_a_bad_request_is_our_page_right_to_left_in_arabic(client):
    response = client.get("/ar/", HTTP_HOST="not-our-site.example", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 400
    page = response.content.decode()
    assert 'dir="rtl"' in page and "طلب غير صالح" in page


def test_a_translator_refused_a_language_sees_our_403_in_their_language(client):
    client.force_login(member("amelie", "Translators", "translate_fr"))
    client.cookies["django_language"] = "fr"
    area = CooperationArea.objects.get(key="e-mla")
    url = reverse("admin:cooperation_cooperationarea_change", args=[area.pk]) + "?language=ar"
    response = client.post(url, {"title": "عنوان", "seen_version": area.version})
    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="fr" dir="ltr">' in page
    assert "Action non autorisée" in page
    assert 'href="/admin/"' in page
