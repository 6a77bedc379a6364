"""History with revert: every save in the admin is a version; reverting to one brings back the
text of every language, never rolls the version counter back (an old open form stays stale) and
never publishes or unpublishes. Only staff who may edit every language may revert."""

from io import StringIO

import polib
import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from reversion.models import Revision, Version

from content.models import PublicationStatus
from cooperation.models import Objective, Partner, Partnership
from projects.models import Project
from seed.loader import load_seed_content
from tests.accounts import member

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def change_url(obj, language=None):
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    return f"{url}?language={language}" if language else url


def history_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])


def revision_url(obj, version, language=None):
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_revision", args=[obj.pk, version.pk])
    return f"{url}?language={language}" if language else url


def form_data(response):
    """What the browser would post back: the form's fields and every inline's, as shown."""

    def values(form):
        data = {}
        for name in form.fields:
            value = form[name].value()
            # A browser posts nothing for an empty file input.
            if value is None or value is False or name == "image":
                continue
            if value is True:
                value = "on"
            data[form.add_prefix(name)] = value
        return data

    data = values(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(values(formset.management_form))
        for form in formset.forms:
            data.update(values(form))
    return data


def save(client, url, **changes):
    data = form_data(client.get(url))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return data


def latest_version(obj):
    return Version.objects.get_for_object(obj).first()


def text(model, pk, language, field):
    return model.objects.language(language).get(pk=pk).safe_translation_getter(field, language)


@pytest.fixture
def project():
    return Project.objects.get(key="sharaka")


def test_an_editor_reverts_a_project_and_every_language_comes_back(admin_client, project):
    original = {lang: text(Project, project.pk, lang, "name") for lang in ("ar", "en", "es")}
    save(admin_client, change_url(project, "fr"), name="Sharaka, première version")
    first = latest_version(project)
    save(admin_client, change_url(project, "fr"), name="Sharaka, deuxième version")
    stale_form = form_data(admin_client.get(change_url(project, "en")))
    save(admin_client, change_url(project, "en"), name="Sharaka, edited in English")
    before_revert = Project.objects.get(pk=project.pk).version

    # The history lists who saved, when, and what they changed.
    history = admin_client.get(history_url(project)).content.decode()
    assert "editor" in history and "Seed content" in history
    assert revision_url(project, first) in history

    # The revert page shows the old French text; saving it is the revert.
    response = admin_client.get(revision_url(project, first, "fr"))
    assert response.status_code == 200
    assert response.context["adminform"].form["name"].value() == "Sharaka, première version"
    response = admin_client.post(revision_url(project, first, "fr"), form_data(response))
    assert response.status_code == 302

    assert text(Project, project.pk, "fr", "name") == "Sharaka, première version"
    for language, name in original.items():
        assert text(Project, project.pk, language, "name") == name
    assert Project.objects.get(pk=project.pk).version > before_revert
    assert "Reverted to previous version" in latest_version(project).revision.get_comment()

    # A form opened before the revert is stale, not a silent overwrite of the reverted text.
    response = admin_client.post(change_url(project, "en"), stale_form)
    assert response.status_code == 200
    assert "Someone else saved this" in response.content.decode()
    assert text(Project, project.pk, "en", "name") == original["en"]


def test_visitors_see_the_reverted_text_at_once_and_never_a_preview(
    admin_client, project, django_capture_on_commit_callbacks
):
    visitor = Client()
    save(admin_client, change_url(project, "fr"), name="Sharaka, première version")
    first = latest_version(project)
    save(admin_client, change_url(project, "fr"), name="Sharaka, deuxième version")
    public_url = Project.objects.get(pk=project.pk).get_absolute_url("fr")
    assert "Sharaka, deuxième version" in visitor.get(public_url).content.decode()

    # Looking at an old version changes nothing for visitors.
    admin_client.get(revision_url(project, first, "fr"))
    page = visitor.get(public_url).content.decode()
    assert "Sharaka, deuxième version" in page and "première" not in page

    response = admin_client.get(revision_url(project, first, "fr"))
    # The pages change when the revert is committed.
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(revision_url(project, first, "fr"), form_data(response))
    assert "Sharaka, première version" in visitor.get(public_url).content.decode()


def test_a_revert_neither_publishes_nor_unpublishes(admin_client, project):
    save(admin_client, change_url(project, "fr"), name="Sharaka, publié")
    published_version = latest_version(project)
    changelist = reverse("admin:projects_project_changelist")
    admin_client.post(changelist, {"action": "unpublish", "_selected_action": [project.pk]})
    assert latest_version(project).revision.get_comment() == "Unpublished."

    response = admin_client.get(revision_url(project, published_version, "fr"))
    admin_client.post(revision_url(project, published_version, "fr"), form_data(response))

    project = Project.objects.language("fr").get(pk=project.pk)
    assert project.name == "Sharaka, publié"
    assert project.status == PublicationStatus.DRAFT


def test_a_revert_that_rewrites_several_projects_makes_every_open_form_stale(admin_client):
    first, second = Project.objects.order_by("pk")[:2]
    changelist = reverse("admin:projects_project_changelist")
    admin_client.post(
        changelist, {"action": "unpublish", "_selected_action": [first.pk, second.pk]}
    )
    both = latest_version(first)
    assert Version.objects.filter(revision=both.revision).count() > 2  # translations too
    stale_form = form_data(admin_client.get(change_url(second, "en")))

    response = admin_client.get(revision_url(first, both, "en"))
    admin_client.post(revision_url(first, both, "en"), form_data(response))

    response = admin_client.post(change_url(second, "en"), {**stale_form, "name": "Overwrite"})
    assert response.status_code == 200
    assert "Someone else saved this" in response.content.decode()


def test_a_translator_sees_the_history_but_may_not_revert(admin_client, project):
    save(admin_client, change_url(project, "fr"), name="Sharaka, première version")
    first = latest_version(project)
    save(admin_client, change_url(project, "fr"), name="Sharaka, deuxième version")
    version = Project.objects.get(pk=project.pk).version
    translator = logged_in(member("amelie", "Translators", "translate_fr"))

    assert translator.get(history_url(project)).status_code == 200
    response = translator.get(revision_url(project, first, "fr"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "You may look at this version" in html and 'name="_save"' not in html

    response = translator.post(revision_url(project, first, "fr"), form_data(response))
    assert response.status_code == 403
    assert text(Project, project.pk, "fr", "name") == "Sharaka, deuxième version"
    assert Project.objects.get(pk=project.pk).version == version


def test_an_editor_of_every_language_may_revert(admin_client, project):
    save(admin_client, change_url(project, "fr"), name="Sharaka, première version")
    first = latest_version(project)
    save(admin_client, change_url(project, "fr"), name="Sharaka, deuxième version")
    editor = logged_in(member("elena", "Editors"))

    response = editor.get(revision_url(project, first, "fr"))
    response = editor.post(revision_url(project, first, "fr"), form_data(response))

    assert response.status_code == 302
    assert text(Project, project.pk, "fr", "name") == "Sharaka, première version"


def test_a_version_of_another_model_is_not_found_under_this_one(admin_client, project):
    partnership = Partnership.objects.get()
    save(admin_client, change_url(partnership, "fr"), title="Partenariat, première version")
    other = latest_version(partnership)
    url = reverse("admin:projects_project_revision", args=[other.object_id, other.pk])
    assert admin_client.get(url).status_code == 404


def test_reverting_the_partnership_brings_back_its_objectives(admin_client):
    partnership = Partnership.objects.get()
    objective = partnership.objectives.order_by("order").first()
    original = text(Objective, objective.pk, "fr", "text")
    save(admin_client, change_url(partnership, "fr"), title="Partenariat, première version")
    first = latest_version(partnership)
    prefix = "objectives-0-text"
    save(admin_client, change_url(partnership, "fr"), **{prefix: "Objectif réécrit."})
    assert text(Objective, objective.pk, "fr", "text") == "Objectif réécrit."

    response = admin_client.get(revision_url(partnership, first, "fr"))
    response = admin_client.post(revision_url(partnership, first, "fr"), form_data(response))

    assert response.status_code == 302
    assert text(Objective, objective.pk, "fr", "text") == original


def test_a_deleted_partner_comes_back_as_a_draft_in_every_language(admin_client):
    partner = Partner.objects.get(key="europol")
    save(admin_client, change_url(partner, "fr"), name="Europol, modifié")
    last_version = Partner.objects.get(pk=partner.pk).version
    delete_url = reverse("admin:cooperation_partner_delete", args=[partner.pk])
    assert admin_client.post(delete_url, {"post": "yes"}).status_code == 302
    deleted = Version.objects.get_deleted(Partner).get(object_id=str(partner.pk))
    assert (
        f"/{deleted.pk}/"
        in admin_client.get(reverse("admin:cooperation_partner_recoverlist")).content.decode()
    )

    url = reverse("admin:cooperation_partner_recover", args=[deleted.pk]) + "?language=fr"
    response = admin_client.post(url, form_data(admin_client.get(url)))

    assert response.status_code == 302
    recovered = Partner.objects.language("fr").get(pk=partner.pk)
    assert recovered.name == "Europol, modifié"
    assert sorted(recovered.get_available_languages()) == ["ar", "en", "es", "fr"]
    assert recovered.status == PublicationStatus.DRAFT
    assert recovered.version > last_version


def test_a_flatpage_revert_restores_every_language(admin_client):
    page = FlatPage.objects.create(
        url="/pages/legal/", title_ar="إشعار قانوني", title_en="Legal notice"
    )
    page.sites.add(Site.objects.get_current())
    url = change_url(page)
    save(admin_client, url, title_fr="Mentions légales", content_fr="<p>Version 1</p>")
    first = latest_version(page)
    save(admin_client, url, title_fr="Mentions", content_fr="<p>Version 2</p>", title_en="Legal")

    response = admin_client.get(revision_url(page, first))
    response = admin_client.post(revision_url(page, first), form_data(response))

    assert response.status_code == 302
    page.refresh_from_db()
    assert (page.title_fr, page.content_fr) == ("Mentions légales", "<p>Version 1</p>")
    assert page.title_en == "Legal notice"


def test_the_seed_is_a_revision_and_a_second_run_adds_none():
    project = Project.objects.get(key="sharaka")
    assert Version.objects.get_for_object(project).last().revision.comment == "Seed content"
    revisions = Revision.objects.count()
    load_seed_content()
    assert Revision.objects.count() == revisions


def test_an_import_is_one_revision_named_after_the_file(tmp_path, project):
    path = tmp_path / "content-fr.po"
    call_command("export_content", "fr", "-o", str(path), stdout=StringIO())
    catalogue = polib.pofile(str(path))
    entry = next(item for item in catalogue if item.msgctxt == "projects.project:sharaka:name")
    entry.msgstr = "Sharaka, traduit dans Poedit"
    catalogue.save(str(path))
    revisions = Revision.objects.count()

    call_command("import_content", str(path), "--dry-run", stdout=StringIO())
    assert Revision.objects.count() == revisions
    call_command("import_content", str(path), stdout=StringIO())

    assert Revision.objects.count() == revisions + 1
    assert latest_version(project).revision.comment == "Imported from content-fr.po"
