"""Staff paths that never break (issue 9): each defect a new staff member met, as a story."""

from io import StringIO

import polib
import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from content.models import PLAIN_TEXT_MAX_LENGTH, PublicationStatus
from cooperation.models import CooperationArea, Partner
from projects.models import Project
from tests.accounts import member
from tests.admin_sweep import read_form

pytestmark = pytest.mark.django_db


def logged_in(client, *args):
    client.force_login(member(*args))
    return client


def changelist(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


@pytest.mark.parametrize("model", [CooperationArea, Partner])
def test_an_editor_saves_the_order_column_of_the_list(client, model):
    logged_in(client, "edith", "Editors")
    response = client.get(changelist(model))
    formset = response.context["cl"].formset
    data = {
        "form-TOTAL_FORMS": formset.total_form_count(),
        "form-INITIAL_FORMS": formset.initial_form_count(),
        "_save": "Save",
    }
    for index, form in enumerate(formset.forms):
        data[f"form-{index}-id"] = form.instance.pk
        data[f"form-{index}-order"] = form.instance.order
    data["form-0-order"] = 42
    response = client.post(changelist(model), data)
    assert response.status_code == 302
    first = formset.forms[0].instance
    assert model.objects.get(pk=first.pk).order == 42


@pytest.mark.parametrize("group, rights", [("Translators", ["translate_fr"]), ("Publishers", [])])
def test_the_order_column_is_not_offered_to_who_may_not_change_shared_fields(
    client, group, rights
):
    logged_in(client, "someone", group, *rights)
    response = client.get(changelist(CooperationArea))
    assert response.status_code == 200
    assert response.context["cl"].formset is None
    area = CooperationArea.objects.order_by("pk").first()
    forged = {
        "form-TOTAL_FORMS": 1,
        "form-INITIAL_FORMS": 1,
        "form-0-id": area.pk,
        "form-0-order": area.order + 7,
        "_save": "Save",
    }
    assert client.post(changelist(CooperationArea), forged).status_code == 403
    assert CooperationArea.objects.get(pk=area.pk).order == area.order


@pytest.fixture
def legal_page():
    page = FlatPage.objects.create(
        url="/pages/legal/", title_ar="إشعار قانوني", content_ar="<p>نص</p>"
    )
    page.sites.add(Site.objects.get_current())
    return page


def test_a_french_translator_translates_a_static_page_and_only_into_french(client, legal_page):
    logged_in(client, "amelie", "Translators", "translate_fr")
    url = reverse("admin:flatpages_flatpage_change", args=[legal_page.pk])
    form = client.get(url).context["adminform"].form
    assert {"title_fr", "content_fr"} <= set(form.fields)
    assert not {"title_ar", "title_en", "content_es", "url", "template_name"} & set(form.fields)
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(title_fr="Mentions légales", content_fr="<p>Texte</p>")
    response = client.post(url, data)
    assert response.status_code == 302
    legal_page.refresh_from_db()
    assert (legal_page.title_fr, legal_page.content_fr) == ("Mentions légales", "<p>Texte</p>")
    assert legal_page.title_ar == "إشعار قانوني"


def flatpage_post(**changes):
    return {
        "url": "/pages/about/",
        "title_ar": "من نحن",
        "content_ar": "<p>نص</p>",
        "sites": [Site.objects.get_current().pk],
        "template_name": "",
        **changes,
    }


@pytest.mark.parametrize("url", ["/about/", "/pages/", "/en/pages/about/", "/admin/x/"])
def test_a_static_page_the_site_would_not_serve_is_refused_with_the_working_form(
    admin_client, url
):
    response = admin_client.post(reverse("admin:flatpages_flatpage_add"), flatpage_post(url=url))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["url"]
    assert "/pages/" in " ".join(errors)
    assert not FlatPage.objects.filter(url=url).exists()


@pytest.mark.parametrize("template", ["nonexistent.html", "admin/login.html"])
def test_a_static_page_template_is_one_the_site_has(admin_client, template):
    response = admin_client.post(
        reverse("admin:flatpages_flatpage_add"), flatpage_post(template_name=template)
    )
    assert response.status_code == 200
    assert "template_name" in response.context["adminform"].form.errors
    assert not FlatPage.objects.filter(url="/pages/about/").exists()


def test_a_page_saved_with_a_foreign_template_still_shows_as_a_page(client, legal_page):
    FlatPage.objects.filter(pk=legal_page.pk).update(template_name="admin/login.html")
    response = client.get("/ar/pages/legal/")
    assert response.status_code == 200
    assert "إشعار قانوني" in response.content.decode()
    assert 'name="password"' not in response.content.decode()


def test_publishing_an_item_with_a_future_time_says_scheduled(client):
    logged_in(client, "paula", "Publishers")
    project = Project.objects.get(key="sharaka")
    Project.objects.filter(pk=project.pk).update(
        status=PublicationStatus.DRAFT, publish_at=timezone.now() + timezone.timedelta(days=2)
    )
    response = client.post(
        changelist(Project),
        {"action": "publish", "_selected_action": [project.pk], "index": 0},
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert any("scheduled" in m for m in messages), messages
    assert not any("published" in m for m in messages), messages


def test_the_dashboard_has_no_item_pages_to_break(admin_client):
    base = reverse("admin:translations_languagerights_changelist")
    assert admin_client.get(base).status_code == 200
    for tail in ("1/change/", "1/delete/", "1/history/", "add/"):
        assert admin_client.get(base + tail).status_code in (301, 302, 404)


# --- imports and dry runs ------------------------------------------------------------------------


def test_a_dry_run_of_the_seed_leaves_nothing_in_the_cache(db):
    area = CooperationArea.objects.language("fr").get(key="e-mla")
    original = area.title
    area.title = "Édité par le personnel"
    area.save()
    call_command("load_seed_content", "--update", "--dry-run", stdout=StringIO())
    # The dry run wrote the seed's title back, then rolled back: the edit is what remains.
    fresh = CooperationArea.objects.language("fr").get(pk=area.pk)
    assert fresh.title == "Édité par le personnel" != original


def po_file(tmp_path, msgstr, context="projects.project:sharaka:summary"):
    project = Project.objects.get(key="sharaka")
    source = project.safe_translation_getter("summary", language_code="ar")
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.metadata = {
        "Language": "fr",
        "Content-Type": "text/plain; charset=UTF-8",
        "X-Source-Language": "ar",
    }
    catalogue.append(polib.POEntry(msgctxt=context, msgid=source, msgstr=msgstr))
    path = tmp_path / "content-fr.po"
    catalogue.save(str(path))
    return path


def test_a_dry_run_import_leaves_nothing_in_the_cache(tmp_path):
    project = Project.objects.language("fr").get(key="sharaka")
    before = project.summary
    call_command("import_content", str(po_file(tmp_path, "Résumé essayé")), "--dry-run")
    assert Project.objects.language("fr").get(pk=project.pk).summary == before


def test_a_nul_byte_in_an_import_is_a_clear_message(tmp_path):
    with pytest.raises(CommandError):
        call_command(
            "import_content", str(po_file(tmp_path, "Résumé\x00caché")), stderr=StringIO()
        )
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_content", str(po_file(tmp_path, "a\x00b")), stderr=err)
    assert "NUL" in err.getvalue()


def test_a_huge_plain_text_is_refused_by_the_import_the_admin_and_the_model(
    tmp_path, admin_client
):
    huge = "x" * (PLAIN_TEXT_MAX_LENGTH + 1)
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_content", str(po_file(tmp_path, huge)), stderr=err)
    assert "too long" in err.getvalue()
    project = Project.objects.language("fr").get(key="sharaka")
    project.summary = huge
    with pytest.raises(ValidationError):
        project._get_translated_model("fr").full_clean(exclude=["master"])
    url = reverse("admin:projects_project_change", args=[project.pk]) + "?language=fr"
    form = admin_client.get(url).context["adminform"].form
    assert form.fields["summary"].max_length == PLAIN_TEXT_MAX_LENGTH


def test_a_second_import_while_one_runs_is_told_to_wait(tmp_path, monkeypatch):
    from translations import exchange_import

    def busy():
        raise exchange_import.ImportBusy()

    monkeypatch.setattr(exchange_import, "_lock_imports", busy)
    with pytest.raises(CommandError, match="Another import is running"):
        call_command("import_content", str(po_file(tmp_path, "Résumé")))


# --- optimistic locking per language -------------------------------------------------------------


def open_form(client, project, language):
    url = reverse("admin:projects_project_change", args=[project.pk]) + f"?language={language}"
    form = read_form(client.get(url).content.decode(), "project_form")
    return url, form.as_post()


def two_editors(client):
    from django.test import Client

    other = Client()
    other.force_login(member("otto", "Editors"))
    client.force_login(member("edith", "Editors"))
    return client, other


def test_two_editors_on_different_language_tabs_both_save(client):
    edith, otto = two_editors(client)
    project = Project.objects.get(key="sharaka")
    fr_url, fr_post = open_form(edith, project, "fr")
    en_url, en_post = open_form(otto, project, "en")
    assert edith.post(fr_url, {**fr_post, "name": ["Sharaka (FR)"]}).status_code == 302
    assert otto.post(en_url, {**en_post, "name": ["Sharaka (EN)"]}).status_code == 302
    assert Project.objects.language("fr").get(pk=project.pk).name == "Sharaka (FR)"
    assert Project.objects.language("en").get(pk=project.pk).name == "Sharaka (EN)"


def test_a_shared_field_saved_meanwhile_is_kept_by_a_translation_save(client):
    edith, otto = two_editors(client)
    project = Project.objects.get(key="sharaka")
    fr_url, fr_post = open_form(edith, project, "fr")
    en_url, en_post = open_form(otto, project, "en")
    assert edith.post(fr_url, {**fr_post, "code": ["SHK-2"]}).status_code == 302
    assert otto.post(en_url, {**en_post, "name": ["Sharaka (EN)"]}).status_code == 302
    project = Project.objects.language("en").get(pk=project.pk)
    assert (project.code, project.name) == ("SHK-2", "Sharaka (EN)")


def test_two_editors_on_the_same_tab_conflict_and_are_told_what_changed(client):
    edith, otto = two_editors(client)
    project = Project.objects.get(key="sharaka")
    url, first = open_form(edith, project, "fr")
    _url, second = open_form(otto, project, "fr")
    assert edith.post(url, {**first, "name": ["Sharaka, version d'Edith"]}).status_code == 302
    response = otto.post(url, {**second, "summary": ["Résumé d'Otto"]})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else saved this" in page
    assert "edith" in page and "Sharaka, version d&#x27;Edith" in page
    project = Project.objects.language("fr").get(pk=project.pk)
    assert project.name == "Sharaka, version d'Edith"
    assert project.summary != "Résumé d'Otto"


def test_two_editors_changing_the_same_shared_field_conflict(client):
    edith, otto = two_editors(client)
    project = Project.objects.get(key="sharaka")
    fr_url, fr_post = open_form(edith, project, "fr")
    en_url, en_post = open_form(otto, project, "en")
    assert edith.post(fr_url, {**fr_post, "code": ["SHK-E"]}).status_code == 302
    response = otto.post(en_url, {**en_post, "code": ["SHK-O"]})
    assert response.status_code == 200
    assert "Someone else saved this" in response.content.decode()
    assert Project.objects.get(pk=project.pk).code == "SHK-E"


def test_the_dashboard_costs_the_same_queries_for_more_content(admin_client):
    url = reverse("admin:translations_languagerights_changelist")

    def add_projects(first):
        for number in range(first, first + 30):
            project = Project(key=f"extra-{number}")
            project.set_current_language("ar")
            project.name, project.slug = f"مشروع {number}", f"مشروع-{number}"
            project.save()

    # Page 2 full of rows already (an empty page reads no rows), then twice the content.
    add_projects(0)
    admin_client.get(url)  # the session and the user, read once
    with CaptureQueriesContext(connection) as before:
        assert admin_client.get(url, {"language": "fr", "page": "2"}).status_code == 200
    add_projects(30)
    with CaptureQueriesContext(connection) as after:
        assert admin_client.get(url, {"language": "fr", "page": "2"}).status_code == 200
    assert len(after) == len(before)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="an advisory lock of PostgreSQL")
def test_an_import_while_another_holds_the_lock_is_told_to_wait(tmp_path):
    import psycopg2

    from translations.exchange_import import IMPORT_LOCK

    # Another process in the middle of an import: it holds the lock in its own session.
    settings = connection.settings_dict
    other = psycopg2.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        password=settings["PASSWORD"] or None,
    )
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [IMPORT_LOCK])
        with pytest.raises(CommandError, match="Another import is running"):
            call_command("import_content", str(po_file(tmp_path, "Résumé")))
    finally:
        other.close()


# --- a request that asks for what the role may not do is refused, never "changed successfully" ---


def superuser_form(admin_client, url, form_id):
    return read_form(admin_client.get(url).content.decode(), form_id).as_post()


@pytest.mark.parametrize(
    "changes, label",
    [
        ({"status": [PublicationStatus.DRAFT]}, "«Status»"),
        ({"publish_at_0": ["2030-01-01"], "publish_at_1": ["10:00:00"]}, "«Publish at»"),
    ],
)
def test_an_editor_forging_a_publication_change_gets_a_form_error(
    client, admin_client, changes, label
):
    project = Project.objects.get(key="sharaka")
    url = reverse("admin:projects_project_change", args=[project.pk]) + "?language=fr"
    forged = {**superuser_form(admin_client, url, "project_form"), **changes}
    logged_in(client, "edith", "Editors")
    response = client.post(url, forged)
    assert response.status_code == 200
    assert label in " ".join(response.context["adminform"].form.non_field_errors())
    project = Project.objects.get(pk=project.pk)
    assert (project.status, project.publish_at) == (PublicationStatus.PUBLISHED, None)


def test_a_translator_forging_a_static_page_setting_gets_a_form_error(
    client, admin_client, legal_page
):
    url = reverse("admin:flatpages_flatpage_change", args=[legal_page.pk])
    forged = {
        name: values
        for name, values in superuser_form(admin_client, url, "flatpage_form").items()
        if not name.endswith(("_ar", "_en", "_es"))
    }
    forged["registration_required"] = ["on"]
    logged_in(client, "amelie", "Translators", "translate_fr")
    response = client.post(url, forged)
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.non_field_errors())
    assert "read-only for you" in errors
    assert not FlatPage.objects.get(pk=legal_page.pk).registration_required


@pytest.mark.parametrize(
    "group, rights, action",
    [("Editors", [], "publish"), ("Publishers", [], "delete_selected")],
)
def test_an_action_not_offered_is_refused_not_answered_no_action_selected(
    client, group, rights, action
):
    logged_in(client, "someone", group, *rights)
    project = Project.objects.get(key="sharaka")
    response = client.post(
        changelist(Project),
        {"action": action, "_selected_action": [project.pk], "index": 0, "post": "yes"},
    )
    assert response.status_code == 403
    assert Project.objects.filter(pk=project.pk, status=PublicationStatus.PUBLISHED).exists()


def test_admin_addresses_of_objects_that_do_not_exist_are_404(admin_client):
    from django.contrib.contenttypes.models import ContentType

    from translations.models import LanguageRights

    device = reverse("admin:otp_totp_totpdevice_config", args=[999])
    assert admin_client.get(device).status_code == 404
    assert admin_client.get(device.replace("config", "qrcode")).status_code == 404
    no_table = ContentType.objects.get_for_model(LanguageRights)
    assert (
        admin_client.get(reverse("admin:view_on_site", args=[no_table.pk, 1])).status_code == 404
    )


# --- the partnership's objectives, edited inline: the same per-language locking ---------------


def open_partnership(client, language):
    from cooperation.models import Partnership

    partnership = Partnership.objects.get()
    url = (
        reverse("admin:cooperation_partnership_change", args=[partnership.pk])
        + f"?language={language}"
    )
    return url, read_form(client.get(url).content.decode(), "partnership_form").as_post()


def objective_text(language):
    from cooperation.models import Objective

    first = Objective.objects.order_by("order", "pk").first()
    return Objective.objects.language(language).get(pk=first.pk).text


def test_two_editors_change_objectives_in_different_languages_and_both_save(client):
    edith, otto = two_editors(client)
    fr_url, fr_post = open_partnership(edith, "fr")
    en_url, en_post = open_partnership(otto, "en")
    assert edith.post(fr_url, {**fr_post, "objectives-0-text": ["Objectif FR"]}).status_code == 302
    assert otto.post(en_url, {**en_post, "objectives-0-text": ["Objective EN"]}).status_code == 302
    assert (objective_text("fr"), objective_text("en")) == ("Objectif FR", "Objective EN")


def test_two_editors_change_an_objective_in_the_same_language_and_the_second_is_told(client):
    edith, otto = two_editors(client)
    url, first = open_partnership(edith, "fr")
    _url, second = open_partnership(otto, "fr")
    assert edith.post(url, {**first, "objectives-0-text": ["Objectif d'Edith"]}).status_code == 302
    response = otto.post(url, {**second, "objectives-0-text": ["Objectif d'Otto"]})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else saved this objective" in page
    assert "Objectif d&#x27;Edith" in page
    assert objective_text("fr") == "Objectif d'Edith"


def test_two_editors_change_the_order_of_an_objective_and_the_second_is_told(client):
    edith, otto = two_editors(client)
    fr_url, fr_post = open_partnership(edith, "fr")
    en_url, en_post = open_partnership(otto, "en")
    assert edith.post(fr_url, {**fr_post, "objectives-0-order": ["41"]}).status_code == 302
    response = otto.post(en_url, {**en_post, "objectives-0-order": ["42"]})
    assert response.status_code == 200
    assert "Someone else saved this objective" in response.content.decode()


def objective_rows():
    from cooperation.models import Objective

    return sorted(
        (o.pk, o.key, o.order, tuple(sorted(o.translations.values_list("language_code", "text"))))
        for o in Objective.objects.all()
    )


@pytest.mark.parametrize(
    "forged",
    [{"objectives-0-order": ["99"]}, {"objectives-0-key": ["forged-key"]}],
    ids=["order", "key"],
)
def test_a_translator_who_forges_an_objectives_shared_field_is_refused(client, forged):
    logged_in(client, "amelie", "Translators", "translate_fr")
    url, post = open_partnership(client, "fr")
    assert "objectives-0-order" not in post  # read-only for her: shown as text
    before = objective_rows()
    response = client.post(url, {**post, **forged})
    assert response.status_code == 200
    assert "You may not change these fields, which are read-only for you" in (
        response.content.decode()
    )
    assert objective_rows() == before


def test_a_translator_may_not_add_or_delete_an_objective(client):
    logged_in(client, "amelie", "Translators", "translate_fr")
    url, post = open_partnership(client, "fr")
    before = objective_rows()
    assert client.post(url, {**post, "objectives-0-DELETE": ["on"]}).status_code == 403
    total = int(post["objectives-TOTAL_FORMS"][0])
    added = {
        **post,
        "objectives-TOTAL_FORMS": [str(total + 1)],
        f"objectives-{total}-key": ["forged-objective"],
        f"objectives-{total}-order": ["9"],
        f"objectives-{total}-text": ["Objectif ajouté"],
    }
    assert client.post(url, added).status_code == 403
    assert objective_rows() == before


def test_a_publisher_who_forges_an_objectives_text_is_refused(client):
    # A tab in a language she may not translate: every objective is view-only.
    logged_in(client, "paul", "Publishers")
    url, post = open_partnership(client, "fr")
    before = objective_rows()
    response = client.post(url, {**post, "objectives-0-text": ["Forgé"]})
    assert response.status_code == 200
    assert "You may not change these fields" in response.content.decode()
    assert objective_rows() == before


def test_an_editor_still_adds_and_deletes_objectives(client):
    from cooperation.models import Objective

    logged_in(client, "edith", "Editors")
    url, post = open_partnership(client, "fr")
    first = Objective.objects.order_by("order", "pk").first()
    total = int(post["objectives-TOTAL_FORMS"][0])
    added = {
        **post,
        "objectives-0-DELETE": ["on"],
        "objectives-TOTAL_FORMS": [str(total + 1)],
        f"objectives-{total}-key": ["new-objective"],
        f"objectives-{total}-order": ["9"],
        f"objectives-{total}-text": ["Nouvel objectif"],
    }
    assert client.post(url, added).status_code == 302
    assert not Objective.objects.filter(pk=first.pk).exists()
    assert Objective.objects.language("fr").get(key="new-objective").text == "Nouvel objectif"


# --- static pages: every language on one page, the same locking ---------------------------------


def open_page(client, page):
    url = reverse("admin:flatpages_flatpage_change", args=[page.pk])
    return url, read_form(client.get(url).content.decode(), "flatpage_form").as_post()


def test_two_editors_save_different_languages_of_a_static_page_and_both_are_kept(
    client, legal_page
):
    edith, otto = two_editors(client)
    url, first = open_page(edith, legal_page)
    _url, second = open_page(otto, legal_page)
    assert edith.post(url, {**first, "title_fr": ["Mentions légales"]}).status_code == 302
    # Otto's page still holds the French as it was: saving his English must not undo Edith's.
    assert otto.post(url, {**second, "title_en": ["Legal notice"]}).status_code == 302
    legal_page.refresh_from_db()
    assert (legal_page.title_fr, legal_page.title_en) == ("Mentions légales", "Legal notice")
    assert legal_page.title_ar == "إشعار قانوني"


def test_two_editors_save_the_same_language_of_a_static_page_and_the_second_is_told(
    client, legal_page
):
    edith, otto = two_editors(client)
    url, first = open_page(edith, legal_page)
    _url, second = open_page(otto, legal_page)
    assert edith.post(url, {**first, "title_fr": ["Mentions d'Edith"]}).status_code == 302
    response = otto.post(url, {**second, "title_fr": ["Mentions d'Otto"]})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else saved this" in page
    assert "Saved by: edith" in page and "Mentions d&#x27;Edith" in page
    legal_page.refresh_from_db()
    assert legal_page.title_fr == "Mentions d'Edith"


def test_two_editors_change_a_shared_field_of_a_static_page_and_the_second_is_told(
    client, legal_page
):
    edith, otto = two_editors(client)
    url, first = open_page(edith, legal_page)
    _url, second = open_page(otto, legal_page)
    assert edith.post(url, {**first, "url": ["/pages/legal-edith/"]}).status_code == 302
    response = otto.post(url, {**second, "url": ["/pages/legal-otto/"]})
    assert response.status_code == 200
    assert "Someone else saved this" in response.content.decode()
    legal_page.refresh_from_db()
    assert legal_page.url == "/pages/legal-edith/"


def test_a_form_opened_before_a_static_page_is_reverted_cannot_undo_the_revert(
    client, admin_client, legal_page
):
    from reversion.models import Version

    url, first = open_page(admin_client, legal_page)
    assert admin_client.post(url, {**first, "title_fr": ["Première"]}).status_code == 302
    url, second = open_page(admin_client, legal_page)
    assert admin_client.post(url, {**second, "title_fr": ["Seconde"]}).status_code == 302
    edith, _otto = two_editors(client)
    _url, stale = open_page(edith, legal_page)
    version = Version.objects.get_for_object(legal_page).last()  # "Première"
    revert = reverse("admin:flatpages_flatpage_revision", args=[legal_page.pk, version.pk])
    form = read_form(admin_client.get(revert).content.decode(), "flatpage_form").as_post()
    assert admin_client.post(revert, form).status_code == 302
    legal_page.refresh_from_db()
    assert legal_page.title_fr == "Première"
    # Edith's page still shows "Seconde" in French: saving her English would write it back.
    response = edith.post(url, {**stale, "title_en": ["Legal notice"]})
    assert response.status_code == 200
    legal_page.refresh_from_db()
    assert legal_page.title_fr == "Première"
