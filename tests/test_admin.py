"""Staff in the admin: every model has add and change pages with the four language tabs."""

import re

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.urls import reverse

from content.languages import language_codes
from cooperation.models import CooperationArea, Partner, Partnership
from projects.models import Project

pytestmark = pytest.mark.django_db

LANGUAGES = tuple(language_codes())


def assert_language_tabs(html):
    for language in LANGUAGES:
        assert re.search(rf'href="\?language={language}"', html) or f"language={language}" in html


@pytest.mark.parametrize("model", [CooperationArea, Partner, Project])
def test_add_page_shows_the_four_language_tabs(admin_client, model):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
    response = admin_client.get(url)
    assert response.status_code == 200
    assert_language_tabs(response.content.decode())


@pytest.mark.parametrize("model", [Partnership, CooperationArea, Partner, Project])
def test_change_page_shows_the_four_language_tabs(admin_client, model):
    obj = model.objects.first()
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk])
    for language in LANGUAGES:
        response = admin_client.get(url, {"language": language})
        assert response.status_code == 200
        assert_language_tabs(response.content.decode())


@pytest.mark.parametrize("model", [Partnership, CooperationArea, Partner, Project, FlatPage])
def test_list_pages_with_search_and_filters(admin_client, model):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    assert admin_client.get(url).status_code == 200
    assert admin_client.get(url, {"q": "الإنتربول"}).status_code == 200
    assert admin_client.get(url, {"q": "x" * 5000}).status_code == 200


def test_the_list_shows_which_languages_exist(admin_client):
    response = admin_client.get(reverse("admin:projects_project_changelist"))
    html = response.content.decode()
    for language in LANGUAGES:
        assert f"language={language}" in html


def test_the_partnership_cannot_be_added_twice(admin_client):
    response = admin_client.get(reverse("admin:cooperation_partnership_add"))
    assert response.status_code == 403


def test_an_editor_saves_a_french_translation(admin_client):
    area = CooperationArea.objects.get(key="e-mla")
    url = reverse("admin:cooperation_cooperationarea_change", args=[area.pk]) + "?language=fr"
    response = admin_client.get(url)
    form = response.context["adminform"].form
    data = {
        name: form[name].value() or ""
        for name in form.fields
        if name not in ("publish_at", "image")  # a browser posts no empty file input
    }
    data.update(title="Canal électronique E-MLA (révisé)", slug="e-mla-revise", publish_at="")
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    area = CooperationArea.objects.language("fr").get(pk=area.pk)
    assert area.title == "Canal électronique E-MLA (révisé)"
    assert area.version == 2


def test_a_stale_admin_form_is_an_error_not_an_overwrite(admin_client):
    project = Project.objects.get(key="sharaka")
    url = reverse("admin:projects_project_change", args=[project.pk]) + "?language=en"
    form = admin_client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if name != "image"}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data["cooperation_areas"] = [a.pk for a in project.cooperation_areas.all()]
    data["partners"] = [p.pk for p in project.partners.all()]
    data["countries"] = [str(c) for c in project.countries]
    # Someone else saves first.
    other = Project.objects.get(pk=project.pk)
    other.code = "SHARAKA-2"
    other.save()
    data["code"] = "MINE"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Someone else saved this" in response.content.decode()
    assert Project.objects.get(pk=project.pk).code == "SHARAKA-2"


def test_the_admin_speaks_arabic_right_to_left(admin_client):
    admin_client.cookies["django_language"] = "ar"
    response = admin_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="ar")
    assert 'dir="rtl"' in response.content.decode()


def test_a_flatpage_edited_in_french_is_served_in_french(admin_client):
    site = Site.objects.get_current()
    url = reverse("admin:flatpages_flatpage_add")
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for language in LANGUAGES:
        assert f'name="title_{language}"' in html
    response = admin_client.post(
        url,
        {
            "url": "/pages/legal/",
            "title_ar": "إشعار قانوني",
            "title_en": "Legal notice",
            "title_fr": "Mentions légales",
            "title_es": "Aviso legal",
            "content_ar": "<p>نص</p>",
            "content_en": "<p>Text</p>",
            "content_fr": "<p>Texte en français</p>",
            "content_es": "<p>Texto</p>",
            "sites": [site.pk],
            "template_name": "",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    page = admin_client.get("/fr/pages/legal/")
    assert page.status_code == 200
    assert "Mentions légales" in page.content.decode()
    assert "Texte en français" in page.content.decode()
    assert "Legal notice" in admin_client.get("/en/pages/legal/").content.decode()


def test_visitors_cannot_reach_the_admin(client):
    response = client.get(reverse("admin:projects_project_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize(
    "admin_url", ["admin:flatpages_flatpage_add", "admin:projects_project_add", "admin:index"]
)
def test_the_admin_loads_no_script_or_style_from_another_host(admin_client, admin_url):
    # Our servers reach no CDN: modeltranslation's jQuery UI, the editor, everything is ours.
    html = admin_client.get(reverse(admin_url)).content.decode()
    external = re.findall(r'<(?:script|link)[^>]+(?:src|href)="((?:https?:)?//[^"]+)"', html)
    assert external == []


def test_a_flatpage_is_sanitised_when_saved_not_only_when_shown(db):
    page = FlatPage.objects.create(
        url="/pages/x/",
        title_en="X",
        content_en='<p onclick="steal()">Hi<script>alert(1)</script></p>',
        content_ar="<p>مرحبا<img src=x onerror=alert(1)></p>",
    )
    page.refresh_from_db()
    assert page.content_en == "<p>Hi</p>"
    assert page.content_ar == "<p>مرحبا</p>"


def _locked_models():
    from django.contrib import admin

    from content.models import LockedModel

    return sorted(
        (model for model in admin.site._registry if issubclass(model, LockedModel)),
        key=lambda model: model._meta.label,
    )


@pytest.mark.parametrize("model", _locked_models(), ids=lambda model: model._meta.label)
def test_every_locked_admin_form_refuses_a_stale_save_of_its_language(admin_client, model):
    """Every admin with optimistic locking, the glossary's included: a French tab opened,
    someone else saves the French text, the first save is an error and theirs stays."""
    from tests.test_history import change_url, form_data

    obj = model._default_manager.order_by("pk").first()
    url = change_url(obj, "fr")
    data = form_data(admin_client.get(url))
    name = next(
        name
        for name in model._parler_meta.get_all_fields()
        if name in data and name not in ("slug", "text_version")
    )
    theirs = model._default_manager.language("fr").get(pk=obj.pk)
    setattr(theirs, name, "Leur texte")
    theirs.save()
    data[name] = "Mon texte"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Someone else saved this" in response.content.decode()
    assert getattr(model._default_manager.language("fr").get(pk=obj.pk), name) == "Leur texte"
