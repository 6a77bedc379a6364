"""Translation status: each translation knows whether it still matches its source text.

A translator opens the dashboard and sees, per language, what is missing, what is stale (the
Arabic source changed after the translation was made) and what is up to date.
"""

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cooperation.models import CooperationArea
from eurelations.models import PublicationStatus
from eurelations.translation_status import (
    Status,
    all_statuses,
    counts,
    flatpage_statuses_of,
    statuses_of,
)
from projects.models import Project

pytestmark = pytest.mark.django_db


def status_of(obj, language):
    fresh = type(obj).objects.prefetch_related("translations").get(pk=obj.pk)
    return statuses_of(fresh)[language]


def edit(model, pk, language, **values):
    obj = model.objects.get(pk=pk)
    obj.set_current_language(language)
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save()
    return obj


def test_after_the_seed_every_translation_is_up_to_date():
    summary = counts(all_statuses())
    for language in ("ar", "en", "fr", "es"):
        assert summary[language][Status.STALE] == 0
        assert summary[language][Status.MISSING] == 0
        assert summary[language][Status.UP_TO_DATE] > 20


def test_changing_the_arabic_source_makes_the_other_languages_stale():
    area = CooperationArea.objects.get(key="e-mla")
    edit(CooperationArea, area.pk, "ar", summary="ملخص جديد للمجال")
    assert status_of(area, "ar") == Status.UP_TO_DATE
    for language in ("en", "fr", "es"):
        assert status_of(area, language) == Status.STALE


def test_saving_the_french_translation_brings_only_french_up_to_date():
    area = CooperationArea.objects.get(key="e-mla")
    edit(CooperationArea, area.pk, "ar", summary="ملخص جديد للمجال")
    edit(CooperationArea, area.pk, "fr", summary="Un nouveau résumé du domaine")
    assert status_of(area, "fr") == Status.UP_TO_DATE
    assert status_of(area, "en") == Status.STALE


def test_a_new_arabic_address_is_not_new_text_to_translate():
    area = CooperationArea.objects.get(key="e-mla")
    edit(CooperationArea, area.pk, "ar", slug="عنوان-جديد")
    assert status_of(area, "fr") == Status.UP_TO_DATE


def test_a_translation_never_made_is_missing():
    area = CooperationArea(key="cybercrime", status=PublicationStatus.DRAFT)
    area.set_current_language("ar")
    area.title, area.slug = "الجريمة السيبرية", "الجريمة-السيبرية"
    area.save()
    assert status_of(area, "ar") == Status.UP_TO_DATE
    assert status_of(area, "fr") == Status.MISSING


def test_a_flatpage_translation_goes_stale_when_its_arabic_text_changes():
    page = FlatPage.objects.create(
        url="/pages/legal/",
        title_ar="إشعار قانوني",
        content_ar="<p>نص</p>",
        title_fr="Mentions légales",
        content_fr="<p>Texte</p>",
    )
    page.sites.add(Site.objects.get_current())
    assert flatpage_statuses_of(page) == {
        "ar": Status.UP_TO_DATE,
        "en": Status.MISSING,
        "fr": Status.UP_TO_DATE,
        "es": Status.MISSING,
    }
    page = FlatPage.objects.get(pk=page.pk)
    page.content_ar = "<p>نص معدّل</p>"
    page.save()
    assert flatpage_statuses_of(page)["fr"] == Status.STALE
    page = FlatPage.objects.get(pk=page.pk)
    page.content_fr = "<p>Texte modifié</p>"
    page.save()
    assert flatpage_statuses_of(page)["fr"] == Status.UP_TO_DATE


def test_the_status_costs_the_same_queries_for_more_content():
    with CaptureQueriesContext(connection) as before:
        all_statuses()
    for number in range(5):
        project = Project(key=f"extra-{number}")
        project.set_current_language("ar")
        project.name, project.slug = f"مشروع {number}", f"مشروع-{number}"
        project.set_current_language("fr")
        project.name, project.slug = f"Projet {number}", f"projet-{number}"
        project.save()
    with CaptureQueriesContext(connection) as after:
        rows = all_statuses()
    assert len(after) == len(before)
    assert sum(1 for row in rows if row.label.startswith("مشروع")) == 5 * 4


def test_the_dashboard_counts_and_lists_stale_translations_with_a_link_to_their_tab(
    admin_client,
):
    area = CooperationArea.objects.get(key="e-mla")
    edit(CooperationArea, area.pk, "ar", summary="ملخص جديد للمجال")
    url = reverse("admin:eurelations_translationstatus_changelist")
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Translation status" in html
    stale_link = 'href="?language=fr&amp;status=stale">1</a>'
    assert stale_link in html

    response = admin_client.get(url, {"language": "fr", "status": "stale"})
    rows = response.context["rows"]
    assert [(row.label, row.language) for row in rows] == [
        (area.safe_translation_getter("title", language_code="ar"), "fr")
    ]
    change_url = reverse("admin:cooperation_cooperationarea_change", args=[area.pk])
    assert f'href="{change_url}?language=fr"' in response.content.decode()


def test_the_dashboard_ignores_a_filter_it_does_not_know(admin_client):
    url = reverse("admin:eurelations_translationstatus_changelist")
    response = admin_client.get(url, {"language": "xx", "status": "<script>"})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("translation-list")[1]


def test_the_list_view_shows_each_objects_status_per_language(admin_client):
    area = CooperationArea.objects.get(key="e-mla")
    edit(CooperationArea, area.pk, "ar", summary="ملخص جديد للمجال")
    response = admin_client.get(reverse("admin:cooperation_cooperationarea_changelist"))
    html = response.content.decode()
    change_url = reverse("admin:cooperation_cooperationarea_change", args=[area.pk])
    assert f'class="translation-status stale" href="{change_url}?language=fr"' in html
    assert f'class="translation-status up_to_date" href="{change_url}?language=ar"' in html


def test_an_editor_saving_the_arabic_tab_makes_the_french_one_stale(admin_client):
    area = CooperationArea.objects.get(key="e-mla")
    url = reverse("admin:cooperation_cooperationarea_change", args=[area.pk]) + "?language=ar"
    form = admin_client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields if name != "image"}
    data["summary"] = "ملخص جديد للمجال"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert status_of(area, "fr") == Status.STALE


def test_saving_a_stale_tab_unchanged_confirms_the_translation(admin_client):
    area = CooperationArea.objects.get(key="e-mla")
    edit(CooperationArea, area.pk, "ar", summary="ملخص جديد للمجال")
    url = reverse("admin:cooperation_cooperationarea_change", args=[area.pk]) + "?language=fr"
    form = admin_client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields if name != "image"}
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert status_of(area, "fr") == Status.UP_TO_DATE
    assert status_of(area, "en") == Status.STALE
