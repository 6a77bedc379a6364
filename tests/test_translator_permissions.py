"""Translator accounts: a French translator edits French, and only French, whatever the browser
sends; Editors edit everything; Publishers publish. Groups come from a data migration."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.flatpages.models import FlatPage
from django.urls import reverse

from content.models import PublicationStatus
from cooperation.models import CooperationArea
from tests.accounts import member
from translations.status import Status, statuses_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_translator(client):
    client.force_login(member("amelie", "Translators", "translate_fr"))
    return client


def change_url(area, language):
    return reverse("admin:cooperation_cooperationarea_change", args=[area.pk]) + (
        f"?language={language}"
    )


def form_data(client, url):
    form = client.get(url).context["adminform"].form
    return {
        name: ("" if form[name].value() is None else form[name].value())
        for name in form.fields
        if name != "image"  # a browser posts nothing for an empty file input
    }


def test_the_three_groups_exist_with_their_rights():
    def codenames(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    assert {
        "change_project",
        "add_project",
        "translate_ar",
        "translate_fr",
        "edit_shared_fields",
    } <= codenames("Editors")
    assert "publish_content" not in codenames("Editors")
    assert {"change_project", "publish_content"} <= codenames("Publishers")
    assert not any(code.startswith("translate_") for code in codenames("Publishers"))
    assert {"change_project", "view_translation_status"} <= codenames("Translators")
    assert not any(code.startswith("translate_") for code in codenames("Translators"))


def test_a_french_translator_saves_french_and_it_is_up_to_date(french_translator):
    area = CooperationArea.objects.get(key="e-mla")
    url = change_url(area, "fr")
    data = form_data(french_translator, url)
    data["title"] = "Canal E-MLA (révisé)"
    response = french_translator.post(url, data)
    assert response.status_code == 302
    area = CooperationArea.objects.prefetch_related("translations").language("fr").get(pk=area.pk)
    assert area.title == "Canal E-MLA (révisé)"
    assert statuses_of(area)["fr"] == Status.UP_TO_DATE


def test_a_french_translator_sees_only_the_arabic_source_and_french_tabs(french_translator):
    area = CooperationArea.objects.get(key="e-mla")
    response = french_translator.get(change_url(area, "fr"))
    codes = [tab[2] for tab in response.context["language_tabs"]]
    assert codes == ["ar", "fr"]
    form = response.context["adminform"].form
    assert "title" in form.fields
    assert "order" not in form.fields and "status" not in form.fields


def test_the_arabic_tab_is_read_only_for_a_french_translator(french_translator):
    area = CooperationArea.objects.get(key="e-mla")
    response = french_translator.get(change_url(area, "ar"))
    assert response.status_code == 200
    assert "title" not in response.context["adminform"].form.fields
    assert area.safe_translation_getter("title", language_code="ar") in response.content.decode()
    # No script writes a slug from a title the translator cannot edit...
    assert 'data-prepopulated-fields="[]"' in response.content.decode()
    # ...while on their own tab the address follows the title as they type.
    own_tab = french_translator.get(change_url(area, "fr")).content.decode()
    assert 'data-prepopulated-fields="[{&quot;id&quot;: &quot;#id_slug&quot;' in own_tab


def test_a_french_translator_cannot_save_arabic_text_whatever_the_browser_sends(
    french_translator,
):
    area = CooperationArea.objects.get(key="e-mla")
    data = form_data(french_translator, change_url(area, "fr"))
    data["title"] = "عنوان مزور"
    response = french_translator.post(change_url(area, "ar"), data)
    assert response.status_code == 403
    area = CooperationArea.objects.language("ar").get(pk=area.pk)
    assert area.title != "عنوان مزور"


def test_a_french_translator_cannot_create_a_spanish_translation(french_translator):
    area = CooperationArea(key="cybercrime", status=PublicationStatus.DRAFT)
    area.set_current_language("ar")
    area.title, area.slug = "الجريمة السيبرية", "الجريمة-السيبرية"
    area.save()
    response = french_translator.post(change_url(area, "es"), {"seen_version": area.version})
    assert response.status_code == 403
    assert not CooperationArea.objects.get(pk=area.pk).has_translation("es")


def test_a_translator_cannot_change_shared_fields_or_publish(french_translator):
    area = CooperationArea.objects.get(key="e-mla")
    url = change_url(area, "fr")
    data = form_data(french_translator, url)
    data.update(order=99, status=PublicationStatus.DRAFT, key="hijacked")
    # Not Django's silent "changed successfully": a form error that names what is read-only.
    response = french_translator.post(url, data)
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.non_field_errors())
    assert "read-only for you" in errors and "«Order»" in errors and "«Status»" in errors
    area = CooperationArea.objects.get(pk=area.pk)
    assert (area.order, area.status, area.key) != (99, PublicationStatus.DRAFT, "hijacked")
    assert area.status == PublicationStatus.PUBLISHED
    response = french_translator.post(
        reverse("admin:cooperation_cooperationarea_changelist"),
        {"action": "unpublish", "_selected_action": [area.pk]},
    )
    assert CooperationArea.objects.get(pk=area.pk).status == PublicationStatus.PUBLISHED
    assert response.status_code == 403


def test_a_publisher_unpublishes_but_cannot_edit_text(client):
    client.force_login(member("paula", "Publishers"))
    area = CooperationArea.objects.get(key="e-mla")
    client.post(
        reverse("admin:cooperation_cooperationarea_changelist"),
        {"action": "unpublish", "_selected_action": [area.pk]},
    )
    assert CooperationArea.objects.get(pk=area.pk).status == PublicationStatus.DRAFT
    response = client.post(change_url(area, "fr"), {"title": "Titre", "seen_version": 2})
    assert response.status_code == 403


def test_a_french_translator_cannot_write_the_arabic_title_of_a_flatpage(french_translator):
    page = FlatPage.objects.create(url="/pages/legal/", title_ar="إشعار قانوني", content_ar="")
    url = reverse("admin:flatpages_flatpage_change", args=[page.pk])
    response = french_translator.post(url, {"title_ar": "مزور", "title_fr": "Mentions légales"})
    assert response.status_code == 403
    assert FlatPage.objects.get(pk=page.pk).title_ar == "إشعار قانوني"


def test_translators_see_the_translation_dashboard(french_translator):
    response = french_translator.get(reverse("admin:translations_languagerights_changelist"))
    assert response.status_code == 200
    assert "Fields per language" in response.content.decode()
