"""Translation status, per field and language: missing, stale (the Arabic source of that field
changed after its translation was last confirmed) or up to date.

A translator confirms a translation explicitly: by editing the field in their language, by
ticking "Translation reviewed" on the language tab, or by importing its PO entry with the fuzzy
flag cleared. Saving shared fields confirms nothing. The same rule holds for flatpages.
"""

import polib
import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from content.languages import language_codes
from content.models import PublicationStatus
from cooperation.models import CooperationArea
from projects.models import Project
from translations.status import Status, all_field_states, counts, statuses_of

pytestmark = pytest.mark.django_db

AREA = "e-mla"


def fields_of(obj, language):
    """{field: status} of ``obj`` in ``language``, read afresh from the database."""
    fresh = type(obj).objects.get(pk=obj.pk)
    return {
        state.field: state.status
        for entry, found, states in all_field_states()
        if found.pk == fresh.pk and type(found) is type(fresh)
        for state in states
        if state.language == language
    }


def edit(model, pk, language, **values):
    obj = model.objects.get(pk=pk)
    obj.set_current_language(language)
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save()
    return obj


def change_form(client, obj, language):
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    url += f"?language={language}"
    form = client.get(url).context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if name == "image":  # a browser posts nothing for an empty file input
            continue
        if isinstance(value, list):
            data[name] = value
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = "" if value is None else value
    return url, data


def test_after_the_seed_every_field_is_up_to_date():
    _per_field, per_language = counts()
    for language in language_codes():
        assert per_language[language][Status.STALE] == 0
        assert per_language[language][Status.MISSING] == 0
        assert per_language[language][Status.UP_TO_DATE] > 50


def test_a_source_change_makes_only_that_field_stale_in_every_other_language():
    area = CooperationArea.objects.get(key=AREA)
    edit(CooperationArea, area.pk, "ar", body="<p>نص جديد للمجال</p>")
    for language in ("en", "fr", "es"):
        fields = fields_of(area, language)
        assert fields["body"] == Status.STALE
        assert fields["title"] == Status.UP_TO_DATE
        assert fields["slug"] == Status.UP_TO_DATE
    assert set(fields_of(area, "ar").values()) == {Status.UP_TO_DATE}


def test_editing_one_field_of_several_changed_confirms_only_that_field():
    area = CooperationArea.objects.get(key=AREA)
    edit(CooperationArea, area.pk, "ar", title="عنوان جديد", body="<p>نص جديد للمجال</p>")
    edit(CooperationArea, area.pk, "fr", body="<p>Un nouveau texte du domaine</p>")
    fields = fields_of(area, "fr")
    assert fields["body"] == Status.UP_TO_DATE
    assert fields["title"] == Status.STALE
    assert fields_of(area, "en")["body"] == Status.STALE


def test_a_new_arabic_address_is_not_new_text_to_translate():
    area = CooperationArea.objects.get(key=AREA)
    edit(CooperationArea, area.pk, "ar", slug="عنوان-جديد")
    assert set(fields_of(area, "fr").values()) == {Status.UP_TO_DATE}


def test_a_translation_never_made_is_missing():
    area = CooperationArea(key="cybercrime", status=PublicationStatus.DRAFT)
    area.set_current_language("ar")
    area.title, area.slug = "الجريمة السيبرية", "الجريمة-السيبرية"
    area.save()
    assert statuses_of(CooperationArea.objects.get(pk=area.pk)) == {
        "ar": Status.UP_TO_DATE,
        "en": Status.MISSING,
        "fr": Status.MISSING,
        "es": Status.MISSING,
    }


def test_saving_only_shared_fields_confirms_nothing(admin_client):
    area = CooperationArea.objects.get(key=AREA)
    edit(CooperationArea, area.pk, "ar", body="<p>نص جديد للمجال</p>")
    url, data = change_form(admin_client, area, "fr")
    data["order"] = "42"
    assert admin_client.post(url, data).status_code == 302
    assert CooperationArea.objects.get(pk=area.pk).order == 42
    assert fields_of(area, "fr")["body"] == Status.STALE


def test_the_reviewed_tick_confirms_the_language_without_changing_its_text(admin_client):
    area = CooperationArea.objects.get(key=AREA)
    edit(CooperationArea, area.pk, "ar", body="<p>نص جديد للمجال</p>")
    before = area.translations.get(language_code="fr").body
    url, data = change_form(admin_client, area, "fr")
    data["translation_reviewed"] = "on"
    assert admin_client.post(url, data).status_code == 302
    assert set(fields_of(area, "fr").values()) == {Status.UP_TO_DATE}
    assert fields_of(area, "en")["body"] == Status.STALE
    assert area.translations.get(language_code="fr").body == before


def test_the_source_tab_offers_no_reviewed_tick(admin_client):
    area = CooperationArea.objects.get(key=AREA)
    _url, data = change_form(admin_client, area, "ar")
    assert "translation_reviewed" not in data
    url = reverse("admin:cooperation_cooperationarea_change", args=[area.pk]) + "?language=fr"
    assert "Translation reviewed" in admin_client.get(url).content.decode()


def _stale_french_export(tmp_path):
    area = CooperationArea.objects.get(key=AREA)
    old_body = area.translations.get(language_code="ar").body
    edit(CooperationArea, area.pk, "ar", body="<p>نص جديد للمجال</p>")
    path = tmp_path / "fr.po"
    call_command("export_content", "fr", "--stale", "-o", str(path))
    return area, old_body, path


def test_a_stale_export_has_exactly_the_stale_fields_fuzzy_with_the_previous_source(tmp_path):
    area, old_body, path = _stale_french_export(tmp_path)
    catalogue = polib.pofile(str(path))
    assert [entry.msgctxt for entry in catalogue] == [f"cooperation.cooperationarea:{AREA}:body"]
    (entry,) = catalogue
    assert entry.flags == ["fuzzy"]
    assert entry.msgid == "<p>نص جديد للمجال</p>"
    assert entry.previous_msgid == old_body
    assert f"#| msgid {polib.escape(old_body)[:20]}".split()[0] in path.read_text()


def test_a_po_entry_imported_with_its_fuzzy_flag_kept_stays_stale(tmp_path):
    area, _old, path = _stale_french_export(tmp_path)
    call_command("import_content", str(path))
    assert fields_of(area, "fr")["body"] == Status.STALE


def test_a_po_entry_imported_with_the_fuzzy_flag_cleared_is_confirmed_even_unchanged(tmp_path):
    area, _old, path = _stale_french_export(tmp_path)
    catalogue = polib.pofile(str(path))
    for entry in catalogue:
        entry.flags.remove("fuzzy")
    catalogue.save(str(path))
    before = area.translations.get(language_code="fr").body
    call_command("import_content", str(path))
    assert fields_of(area, "fr")["body"] == Status.UP_TO_DATE
    assert fields_of(area, "en")["body"] == Status.STALE
    assert area.translations.get(language_code="fr").body == before


def test_importing_one_field_confirms_only_that_field(tmp_path):
    area = CooperationArea.objects.get(key=AREA)
    edit(CooperationArea, area.pk, "ar", title="عنوان جديد", body="<p>نص جديد للمجال</p>")
    path = tmp_path / "fr.po"
    call_command("export_content", "fr", "--stale", "-o", str(path))
    catalogue = polib.pofile(str(path))
    assert len(catalogue) == 2
    for entry in catalogue:
        if entry.msgctxt.endswith(":title"):
            entry.flags.remove("fuzzy")
            entry.msgstr = "Nouveau titre"
    catalogue.save(str(path))
    call_command("import_content", str(path))
    fields = fields_of(area, "fr")
    assert fields["title"] == Status.UP_TO_DATE
    assert fields["body"] == Status.STALE
    again = tmp_path / "again.po"
    call_command("export_content", "fr", "--stale", "-o", str(again))
    assert [e.msgctxt for e in polib.pofile(str(again))] == [
        f"cooperation.cooperationarea:{AREA}:body"
    ]


def test_a_flatpage_follows_the_same_rule_field_by_field():
    page = FlatPage.objects.create(
        url="/pages/legal/",
        title_ar="إشعار قانوني",
        content_ar="<p>نص</p>",
        title_fr="Mentions légales",
        content_fr="<p>Texte</p>",
    )
    page.sites.add(Site.objects.get_current())
    assert statuses_of(page) == {
        "ar": Status.UP_TO_DATE,
        "en": Status.MISSING,
        "fr": Status.UP_TO_DATE,
        "es": Status.MISSING,
    }
    page = FlatPage.objects.get(pk=page.pk)
    page.content_ar = "<p>نص معدّل</p>"
    page.save()
    assert fields_of(page, "fr") == {"title": Status.UP_TO_DATE, "content": Status.STALE}
    page = FlatPage.objects.get(pk=page.pk)
    page.url = "/pages/legal-notice/"  # a shared field: confirms nothing
    page.save()
    assert fields_of(page, "fr")["content"] == Status.STALE
    page = FlatPage.objects.get(pk=page.pk)
    page.content_fr = "<p>Texte modifié</p>"
    page.save()
    assert set(fields_of(page, "fr").values()) == {Status.UP_TO_DATE}


def test_the_status_costs_the_same_queries_for_more_content():
    with CaptureQueriesContext(connection) as before:
        counts()
    for number in range(5):
        project = Project(key=f"extra-{number}")
        project.set_current_language("ar")
        project.name, project.slug = f"مشروع {number}", f"مشروع-{number}"
        project.set_current_language("fr")
        project.name, project.slug = f"Projet {number}", f"projet-{number}"
        project.save()
    with CaptureQueriesContext(connection) as after:
        counts()
    assert len(after) == len(before)


def test_the_dashboard_counts_per_field_and_links_each_stale_field_to_its_tab(admin_client):
    area = CooperationArea.objects.get(key=AREA)
    edit(CooperationArea, area.pk, "ar", body="<p>نص جديد للمجال</p>")
    url = reverse("admin:translations_languagerights_changelist")
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="?language=fr&amp;status=stale">1</a>' in html
    assert "0 missing, 1 stale" in html

    response = admin_client.get(url, {"language": "fr", "status": "stale"})
    rows = response.context["rows"]
    assert [(row["label"], str(row["field"]), row["language"]) for row in rows] == [
        (area.safe_translation_getter("title", language_code="ar"), "body", "fr")
    ]
    change_url = reverse("admin:cooperation_cooperationarea_change", args=[area.pk])
    assert f'href="{change_url}?language=fr"' in response.content.decode()


def test_the_dashboard_filters_by_type_and_ignores_what_it_does_not_know(admin_client):
    url = reverse("admin:translations_languagerights_changelist")
    response = admin_client.get(url, {"language": "xx", "status": "<script>", "model": "x.y"})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("translation-list")[1]
    edit(CooperationArea, CooperationArea.objects.get(key=AREA).pk, "ar", body="<p>جديد</p>")
    only_projects = admin_client.get(url, {"status": "stale", "model": "projects.project"})
    assert only_projects.context["rows"] == []


def test_the_list_view_shows_each_objects_status_per_language(admin_client):
    area = CooperationArea.objects.get(key=AREA)
    edit(CooperationArea, area.pk, "ar", body="<p>نص جديد للمجال</p>")
    response = admin_client.get(reverse("admin:cooperation_cooperationarea_changelist"))
    html = response.content.decode()
    change_url = reverse("admin:cooperation_cooperationarea_change", args=[area.pk])
    assert f'class="translation-status stale" href="{change_url}?language=fr"' in html
    assert f'class="translation-status up_to_date" href="{change_url}?language=ar"' in html


def test_an_editor_saving_the_arabic_tab_makes_the_french_field_stale(admin_client):
    area = CooperationArea.objects.get(key=AREA)
    url, data = change_form(admin_client, area, "ar")
    data["body"] = "<p>نص جديد للمجال</p>"
    assert admin_client.post(url, data).status_code == 302
    assert fields_of(area, "fr")["body"] == Status.STALE


def test_saving_a_stale_tab_unchanged_does_not_confirm_it(admin_client):
    area = CooperationArea.objects.get(key=AREA)
    edit(CooperationArea, area.pk, "ar", body="<p>نص جديد للمجال</p>")
    url, data = change_form(admin_client, area, "fr")
    assert admin_client.post(url, data).status_code == 302
    assert fields_of(area, "fr")["body"] == Status.STALE
