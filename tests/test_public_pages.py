"""What a visitor sees on each page, in each of the four languages."""

import re
from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.contrib.auth.models import Permission
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from content.languages import language_codes
from content.models import PublicationStatus
from cooperation.models import CooperationArea, Partner, Partnership
from projects.models import Project

pytestmark = pytest.mark.django_db

LANGUAGES = tuple(language_codes())


def html_of(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def url(name, language, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_is_the_whole_partnership_page(client, language):
    html = html_of(client.get(f"/{language}/"))
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html
    partnership = Partnership.objects.language(language).get()
    for text in (partnership.title, partnership.lead, partnership.areas_heading):
        assert escape(text) in html
    assert html.count("<h1") == 1
    for objective in partnership.objectives.all():
        objective.set_current_language(language)
        assert escape(objective.text) in html
    for model in (CooperationArea, Project, Partner):
        for obj in model.objects.language(language):
            assert obj.get_absolute_url(language) in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_item_has_its_own_page_under_its_own_slug(client, language):
    for model, field in ((CooperationArea, "title"), (Partner, "name"), (Project, "name")):
        for obj in model.objects.language(language):
            html = html_of(client.get(obj.get_absolute_url(language)))
            assert f"<h1>{escape(getattr(obj, field))}</h1>" in html
            assert f'<html lang="{language}"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_url_prefixes_are_translated(client, language):
    projects = url("projects:project_list", language)
    assert (
        unquote(projects)
        == {
            "ar": "/ar/المشاريع/",
            "en": "/en/projects/",
            "fr": "/fr/projets/",
            "es": "/es/proyectos/",
        }[language]
    )
    assert client.get(projects).status_code == 200


def test_a_project_page_shows_its_facts_formatted_for_the_reader(client):
    project = Project.objects.get(key="wapis")
    project.eu_contribution = "12500000.00"
    project.start_date = "2018-01-15"
    project.end_date = "2026-06-30"
    project.save()
    french = html_of(client.get(project.get_absolute_url("fr")))
    assert "12\u202f500\u202f000,00\xa0€" in french or "12 500 000,00 €" in french
    assert "15 janvier 2018" in french
    assert "Sénégal" in french  # country names in the reader's language
    english = html_of(client.get(project.get_absolute_url("en")))
    assert "€12,500,000.00" in english
    assert "Jan. 15, 2018" in english or "January 15, 2018" in english
    assert "Senegal" in english
    arabic = html_of(client.get(project.get_absolute_url("ar")))
    assert "السنغال" in arabic
    spanish = html_of(client.get(project.get_absolute_url("es")))
    assert "12.500.000,00\xa0€" in spanish


def test_an_area_page_lists_its_projects_and_partners(client):
    area = CooperationArea.objects.get(key="west-africa")
    wapis = Project.objects.get(key="wapis")
    europol = Partner.objects.get(key="europol")
    wapis.partners.add(europol)
    html = html_of(client.get(area.get_absolute_url("en")))
    assert wapis.get_absolute_url("en") in html
    assert europol.get_absolute_url("en") in html


def test_the_partners_page_groups_agencies_institutions_and_other_bodies(client):
    html = html_of(client.get(url("cooperation:partner_list", "en")))
    agencies, rest = html.split('id="institutions"')
    institutions, bodies = rest.split('id="bodies"')
    assert "Europol" in agencies and "European Commission" not in agencies
    assert "European Commission" in institutions
    # Art. 13 TEU: the EEAS is a body of the Union, not an institution.
    assert "European External Action Service" not in institutions
    assert "European External Action Service" in bodies
    home = html_of(client.get("/en/"))
    assert "Other EU bodies:" in home.split("European Parliament")[1]


def test_drafts_and_scheduled_items_are_not_public(client):
    project = Project.objects.get(key="iarms")
    detail = project.get_absolute_url("en")
    project.status = PublicationStatus.DRAFT
    project.save()
    assert client.get(detail).status_code == 404
    assert detail not in html_of(client.get("/en/"))
    assert detail not in html_of(client.get(url("projects:project_list", "en")))


def test_staff_preview_drafts_on_the_public_page_marked_and_not_indexed(client, django_user_model):
    project = Project.objects.get(key="iarms")
    project.status = PublicationStatus.DRAFT
    project.save()
    area = CooperationArea.objects.published().first()
    area.publish_at = timezone.now() + timedelta(days=7)  # scheduled: not public yet
    area.save()
    pages = [project.get_absolute_url("ar"), area.get_absolute_url("fr")]

    # Staff without the model's view permission are visitors like any other.
    visitor = django_user_model.objects.create_user("intern", password="x", is_staff=True)
    client.force_login(visitor)
    assert [client.get(page).status_code for page in pages] == [404, 404]

    editor = django_user_model.objects.create_user("reviewer", password="x", is_staff=True)
    editor.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_project", "view_cooperationarea"])
    )
    client.force_login(editor)
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200
        html = html_of(response)
        assert 'class="notice notice-preview"' in html
        assert '<meta name="robots" content="noindex, nofollow">' in html
        assert "max-age" not in response.get("Cache-Control", "")

    # The published pages carry neither.
    html = html_of(client.get(Project.objects.published().first().get_absolute_url("en")))
    assert "notice-preview" not in html and "noindex" not in html
    # And anonymous visitors still get a 404, even after staff looked at the page.
    client.logout()
    assert [client.get(page).status_code for page in pages] == [404, 404]


@pytest.mark.parametrize("language", LANGUAGES)
def test_static_pages_live_under_the_language_prefixes(client, language):
    page = FlatPage.objects.create(
        url="/pages/example-privacy/",
        title_ar="الخصوصية",
        title_en="Privacy",
        title_fr="Confidentialité",
        title_es="Privacidad",
        content_ar="<p>نص</p>",
        content_en="<p>Text</p>",
        content_fr="<p>Texte</p>",
        content_es="<p>Texto</p>",
    )
    page.sites.add(Site.objects.get_current())
    html = html_of(client.get(f"/{language}/pages/example-privacy/"))
    title = {"ar": "الخصوصية", "en": "Privacy", "fr": "Confidentialité", "es": "Privacidad"}
    assert f"<h1>{title[language]}</h1>" in html


def test_the_root_redirects_by_accept_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/es/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ar")["Location"] == "/ar/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de")["Location"] == "/en/"


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_404_page_speaks_the_visitors_language(client, language):
    response = client.get(f"/{language}/{'nope'}/")
    assert response.status_code == 404
    html = response.content.decode()
    assert {"fr": "Page introuvable", "es": "Página no encontrada"}[language] in html
    assert f'<html lang="{language}"' in html


def test_the_500_page_is_translated_and_needs_no_database():
    from django.template.loader import render_to_string

    with translation.override("ar"):
        html = render_to_string("500.html")
    assert 'dir="rtl"' in html
    assert "خطأ في الخادم" in html


def test_the_interface_is_translated(client):
    assert "Aller au contenu" in html_of(client.get("/fr/"))
    assert "الانتقال إلى المحتوى" in html_of(client.get("/ar/"))
    assert "Ir al contenido" in html_of(client.get("/es/"))


def test_the_health_check_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_every_page_has_one_h1_title_description_canonical_and_open_graph(client):
    project = Project.objects.get(key="sharaka")
    for path in (
        "/fr/",
        project.get_absolute_url("fr"),
        url("projects:project_list", "fr"),
        url("cooperation:partner_list", "fr"),
        url("search", "fr") + "?q=terrorisme",
    ):
        html = html_of(client.get(path))
        assert html.count("<h1") == 1, path
        title = re.search(r"<title>([^<]+)</title>", html).group(1)
        assert "INTERPOL et l" in title and "Union européenne" in title, path
        assert re.search(r'<meta name="description" content="[^"]+">', html), path
        assert f'<link rel="canonical" href="http://testserver{path.split("?")[0]}">' in html
        assert '<meta property="og:locale" content="fr_FR">' in html
        assert '<meta property="og:locale:alternate" content="ar_AR">' in html
        assert re.search(r'<meta property="og:title" content="[^"]+">', html)


def test_a_crawler_checking_a_page_with_head_gets_its_headers(client):
    project = Project.objects.get(key="wapis")
    for path in ("/en/", project.get_absolute_url("ar"), url("projects:project_list", "fr")):
        response = client.head(path)
        assert response.status_code == 200, path
        assert response.content == b""


def test_a_static_page_only_in_english_is_shown_to_a_french_reader_with_a_notice(client):
    page = FlatPage.objects.create(
        url="/pages/example-contact/",
        title_en="Contact us",
        content_en="<p>Write to Brussels.</p>",
    )
    page.sites.add(Site.objects.get_current())
    html = html_of(client.get("/fr/pages/example-contact/"))
    assert '<html lang="fr" dir="ltr">' in html
    assert "Version affichée\u202f: Anglais." in html
    assert '<article lang="en" dir="ltr">' in html
    assert "<h1>Contact us</h1>" in html
    # Only English is announced, and the English page is the canonical one.
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/en/pages/example-contact/">'
        in html
    )
    assert 'hreflang="fr"' not in html.split("</head>")[0]
    assert '<link rel="canonical" href="http://testserver/en/pages/example-contact/">' in html


def test_a_static_page_never_outputs_script_even_if_an_editor_typed_it(client):
    page = FlatPage.objects.create(
        url="/pages/legal/",
        title_en="Legal notice",
        content_en='<p onclick="steal()">Text</p><script>alert(1)</script>',
    )
    page.sites.add(Site.objects.get_current())
    html = html_of(client.get("/en/pages/legal/"))
    assert "<p>Text</p>" in html
    # The only script element is the page's JSON-LD (data, not code).
    assert "alert(1)" not in html and "onclick" not in html
    assert html.count("<script") == html.count('<script type="application/ld+json">') == 1


def test_a_static_page_for_members_only_sends_a_visitor_to_the_login(client):
    page = FlatPage.objects.create(
        url="/pages/staff/", title_en="Staff", registration_required=True
    )
    page.sites.add(Site.objects.get_current())
    response = client.get("/en/pages/staff/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
