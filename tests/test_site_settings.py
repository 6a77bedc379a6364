"""The site's settings, as staff edit them in the admin and as every page shows them: the header,
the footer, the admin's titles, the JSON-LD, the feeds' author and the contact, legal and
privacy pages, in the language edited and no other, with cached pages replaced at once."""

import io
import json
import re

import feedparser
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.flatpages.models import FlatPage
from django.test import Client
from django.urls import reverse
from django.utils import translation
from PIL import Image

from content.languages import language_codes
from seed.loader import load_seed_content
from seed.static_pages import STATIC_PAGES
from sitesettings.models import SiteSettings
from tests.accounts import member
from tests.admin_sweep import read_form
from tests.public_pages import page_addresses

pytestmark = pytest.mark.django_db

CHANGE_URL = "admin:sitesettings_sitesettings_change"
#: What the site said before it had settings, in the four languages, and must say no more.
DISCLAIMERS = (
    "neither INTERPOL",
    "ni l’emblème d’INTERPOL",
    "no es el emblema de INTERPOL",
    "ليس شعار الإنتربول",
    "does not yet publish",
    "ne publie pas encore",
    "todavía no publica",
    "لا ينشر هذا الموقع",
)
NEW_FR = {
    "name": "Site de test du Bureau",
    "short_name": "bureau-test",
    "tagline": "Une devise de test",
    "address": "Rue de Test 1\n1000 Bruxelles",
    "publisher": "Éditeur de test",
    "controller": "Responsable de test",
    "email": "bureau@example.org",
    "telephone": "+32 2 123 45 67",
    "data_protection_email": "donnees@example.org",
}


@pytest.fixture
def record():
    return SiteSettings.objects.get(site_id=settings.SITE_ID)


def translations_of(record):
    return {
        row.language_code: {
            name: getattr(row, name)
            for name in ("name", "short_name", "tagline", "address", "publisher", "controller")
        }
        for row in record.translations.all()
    }


def post_settings(client, record, language, changes, django_capture_on_commit_callbacks):
    """The admin's form in ``language`` as rendered, with ``changes``, posted as a browser
    would (committed, so the page cache is told)."""
    url = reverse(CHANGE_URL, args=[record.pk]) + f"?language={language}"
    page = client.get(url)
    assert page.status_code == 200
    data = dict(read_form(page.content.decode(), "sitesettings_form").data)
    data.update(changes)
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(url, data)


def json_ld(html):
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return {item["@type"]: item for item in json.loads(block.group(1))["@graph"]}


def test_the_record_exists_after_migrate_with_the_names_the_site_gave_itself(record):
    texts = translations_of(record)
    assert set(texts) == set(language_codes())
    assert texts["en"]["name"] == "INTERPOL and the European Union"
    assert texts["fr"]["name"] == "INTERPOL et l’Union européenne"
    assert texts["ar"]["tagline"] == "مكتب الممثل الخاص لدى الاتحاد الأوروبي"
    assert all(text["short_name"] == "eurelations" for text in texts.values())
    # What only the Office can give starts empty: nothing invented.
    assert all(not text["address"] and not text["controller"] for text in texts.values())
    assert record.email == record.telephone == record.data_protection_email == ""
    assert not record.image
    # The seed's static pages are given their roles.
    assert record.contact_page.url == "/pages/contact/"
    assert record.legal_notice_page.url == "/pages/legal-notice/"
    assert record.privacy_notice_page.url == "/pages/privacy/"


def test_editing_the_settings_in_the_admin_changes_every_page_in_that_language(
    admin_client, record, django_capture_on_commit_callbacks, django_assert_num_queries
):
    visitor = Client()
    before = visitor.get("/fr/").content.decode()
    with django_assert_num_queries(0):  # stored by the page cache
        assert visitor.get("/fr/").content.decode() == before
    others_before = {k: v for k, v in translations_of(record).items() if k != "fr"}

    response = post_settings(
        admin_client, record, "fr", NEW_FR, django_capture_on_commit_callbacks
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    record.refresh_from_db()
    assert translations_of(record)["fr"]["name"] == NEW_FR["name"]
    # The other languages' text is as it was.
    assert {k: v for k, v in translations_of(record).items() if k != "fr"} == others_before

    home = visitor.get("/fr/").content.decode()
    assert home != before  # the stored page was replaced
    header = home.split('<header class="site-header">')[1].split("</header>")[0]
    assert NEW_FR["name"] in header and NEW_FR["tagline"] in header
    assert 'src="/static/img/emblem.svg"' in header  # no emblem uploaded: ours
    footer = home.split('<footer class="site-footer">')[1]
    assert NEW_FR["publisher"] in footer
    assert "Rue de Test 1<br>1000 Bruxelles" in footer
    assert f'<meta property="og:site_name" content="{NEW_FR["name"]}">' in home
    organization = json_ld(home)["Organization"]
    assert organization["name"] == NEW_FR["publisher"]
    assert organization["address"] == "Rue de Test 1, 1000 Bruxelles"
    assert organization["email"] == NEW_FR["email"]
    assert organization["telephone"] == NEW_FR["telephone"]
    assert json_ld(home)["WebSite"]["name"] == NEW_FR["name"]

    with translation.override("fr"):
        feed = feedparser.parse(visitor.get(reverse("projects:feed_atom")).content)
    assert feed.feed.author == NEW_FR["publisher"]
    assert {entry.author for entry in feed.entries} == {NEW_FR["publisher"]}

    contact = visitor.get("/fr/pages/contact/").content.decode()
    facts = contact.split('<dl class="facts site-facts">')[1].split("</dl>")[0]
    assert "Rue de Test 1<br>1000 Bruxelles" in facts
    assert 'href="mailto:bureau@example.org"' in facts
    assert 'href="tel:+3221234567"' in facts
    assert "Adresse postale" in facts or "Postal address" in facts
    legal = visitor.get("/fr/pages/legal-notice/").content.decode()
    assert NEW_FR["publisher"] in legal.split('<dl class="facts site-facts">')[1]
    privacy = visitor.get("/fr/pages/privacy/").content.decode()
    privacy_facts = privacy.split('<dl class="facts site-facts">')[1].split("</dl>")[0]
    assert NEW_FR["controller"] in privacy_facts
    assert 'href="mailto:donnees@example.org"' in privacy_facts
    assert "bureau@example.org" not in privacy_facts  # each page its own facts
    accessibility = visitor.get("/fr/pages/accessibility/").content.decode()
    assert "site-facts" not in accessibility

    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"  # the admin's language
    admin_home = admin_client.get(reverse("admin:index")).content.decode()
    assert "bureau-test" in admin_home.split("</title>")[0]
    assert f"<h1>{NEW_FR['name']}</h1>" in admin_home

    # In English, nothing the French edit wrote (the shared facts excepted).
    english = visitor.get("/en/").content.decode()
    assert NEW_FR["name"] not in english and NEW_FR["tagline"] not in english
    assert "INTERPOL and the European Union" in english.split("</header>")[0]
    assert NEW_FR["email"] in visitor.get("/en/pages/contact/").content.decode()


def test_a_fact_the_office_has_not_given_is_said_to_be_missing_never_made_up(
    client, record, django_capture_on_commit_callbacks
):
    contact = client.get("/en/pages/contact/").content.decode()
    facts = contact.split('<dl class="facts site-facts">')[1].split("</dl>")[0]
    # The contact page names each fact and says the Office has not given it yet.
    assert facts.count("<dt>") == 3
    assert facts.count('<dd class="not-provided">Not yet provided by the Office</dd>') == 3
    assert "mailto:" not in contact and "tel:" not in contact
    # Elsewhere (the footer, the JSON-LD) an empty fact is still not mentioned.
    assert "address" not in json_ld(contact)["Organization"]
    record.email = "office@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        record.save()
    contact = client.get("/en/pages/contact/").content.decode()
    facts = contact.split('<dl class="facts site-facts">')[1].split("</dl>")[0]
    assert facts.count("<dt>") == 3 and "mailto:office@example.org" in facts
    assert facts.count("Not yet provided by the Office") == 2
    assert "telephone" not in json_ld(contact)["Organization"]


def test_an_uploaded_emblem_replaces_ours_with_its_alt_text(
    admin_client, record, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    Image.new("RGB", (300, 300), "#0b4f8a").save(buffer, "PNG")
    buffer.name = "emblem.png"
    buffer.seek(0)
    response = post_settings(
        admin_client,
        record,
        "es",
        {"image": buffer, "image_alt": "Dos anillos"},
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302
    header = Client().get("/es/").content.decode().split("</header>")[0]
    img = re.search(r'<a class="brand"[^>]*>\s*(<img [^>]+>)', header).group(1)
    assert 'alt="Dos anillos"' in img and "srcset=" in img
    assert "/media/renditions/images/sitesettings/" in img
    logo = json_ld(Client().get("/es/").content.decode())["Organization"]["logo"]
    assert logo.startswith("http://testserver/media/renditions/images/sitesettings/")


def test_the_admin_has_one_record_and_no_list_add_or_delete(admin_client, record):
    response = admin_client.get(reverse("admin:sitesettings_sitesettings_changelist"))
    assert response.status_code == 302
    assert response["Location"] == reverse(CHANGE_URL, args=[record.pk])
    assert admin_client.get(reverse("admin:sitesettings_sitesettings_add")).status_code == 403
    delete = reverse("admin:sitesettings_sitesettings_delete", args=[record.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert SiteSettings.objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("group", ["Editors", "Publishers", "Translators"])
def test_only_the_dedicated_right_changes_the_settings(
    client, record, group, django_capture_on_commit_callbacks
):
    before = translations_of(record)
    client.force_login(member(f"someone-{group}", group, "translate_fr"))
    url = reverse(CHANGE_URL, args=[record.pk]) + "?language=fr"
    assert client.get(url).status_code == 403
    assert client.post(url, {"name": "Pris", "short_name": "x"}).status_code == 403
    assert translations_of(SiteSettings.objects.get(pk=record.pk)) == before

    keeper = get_user_model().objects.create_user("keeper", password="a-long-test-password")
    keeper.is_staff = True
    keeper.save()
    keeper.user_permissions.add(Permission.objects.get(codename="change_sitesettings"))
    client.force_login(keeper)
    response = post_settings(
        client, record, "fr", {"name": "Nom gardé"}, django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    assert translations_of(SiteSettings.objects.get(pk=record.pk))["fr"]["name"] == "Nom gardé"


@pytest.mark.parametrize("language", language_codes())
def test_no_public_page_says_the_site_or_its_emblem_is_not_the_institutions(client, language):
    for name, address in page_addresses(language).items():
        html = client.get(address).content.decode()
        said = [text for text in DISCLAIMERS if text in html]
        assert not said, (name, address, said)


def test_the_seed_brings_the_new_static_page_texts_and_roles_with_update(record):
    contact = FlatPage.objects.get(url="/pages/contact/")
    contact.content_fr = "<p>Ce site ne publie pas encore d’adresse postale.</p>"
    contact.save()
    SiteSettings.objects.filter(pk=record.pk).update(contact_page=None)
    load_seed_content()  # keeps staff edits, fills what is empty
    assert FlatPage.objects.get(pk=contact.pk).content_fr.startswith("<p>Ce site ne publie")
    assert SiteSettings.objects.get(pk=record.pk).contact_page_id == contact.pk
    report = load_seed_content(update=True)
    assert report.changed
    spec = next(spec for spec in STATIC_PAGES if spec["url"] == "/pages/contact/")
    for language in language_codes():
        assert (
            getattr(FlatPage.objects.get(pk=contact.pk), f"content_{language}")
            == (spec["content"][language])
        )
    again = load_seed_content(update=True).updated
    assert not [item for item in again if "flatpage" in item or "site settings" in item]


def test_the_settings_text_is_text_everywhere_it_is_shown(client, record):
    record.set_current_language("en")
    record.name = "Site </script><script>alert(1)</script>"
    record.image_alt = '" onerror="alert(1)'
    record.address = "<b>Rue</b> 1"
    record.save()
    html = client.get("/en/pages/contact/").content.decode()
    assert "<script>alert(1)" not in html and "<b>Rue</b>" not in html
    assert 'alt="&quot; onerror=&quot;alert(1)"' in html
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block
    assert json_ld(html)["WebSite"]["name"] == "Site </script><script>alert(1)</script>"
