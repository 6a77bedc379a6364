"""Comparing two versions of an item from its history: what changed, per shared field and per
language, word by word, with who saved each version, when and why; unchanged fields left out.
Whoever may see the history may compare; nothing else is found or shown."""

import html as html_module
import re

import pytest
import reversion
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from reversion.models import Revision, Version

from content import registry
from content.admin import HistoryAdminMixin
from content.languages import is_rtl, source_language
from cooperation.models import Objective, Partnership
from projects.models import Project
from tests.accounts import member
from tests.test_history import change_url, history_url, latest_version, logged_in, save

pytestmark = pytest.mark.django_db

DD = re.compile(r'<dd class="word-diff[^"]*" lang="([\w-]+)" dir="(\w+)">(.*?)</dd>', re.S)


def compare_url(obj, old=None, new=None):
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_compare", args=[obj.pk])
    return url if old is None else f"{url}?old={old.pk}&new={new.pk}"


def marked(fragment, tag):
    """The texts in ``<tag>`` of an HTML fragment, stripped."""
    return [text.strip() for text in re.findall(rf"<{tag} [^>]*>(.*?)</{tag}>", fragment, re.S)]


def diffs(html):
    """``{language: [(direction, diff html)]}`` of the compare page's per-language changes."""
    found = {}
    for language, direction, diff in DD.findall(html):
        found.setdefault(language, []).append((direction, diff))
    return found


def labels(html, section_id):
    section = html.split(f'id="{section_id}"', 1)[1].split("</section>", 1)[0]
    return [label.split("<", 1)[0].strip() for label in re.findall(r"<dt>(.*?)</dt>", section)]


def versions_with_history(obj):
    return Version.objects.get_for_object(obj).count()


@pytest.fixture
def project():
    return Project.objects.get(key="sharaka")


def test_two_admin_saves_compared_mark_exactly_the_changed_words(admin_client, project):
    seed_version = latest_version(project)
    summary = Project.objects.language("ar").get(pk=project.pk).summary
    words = summary.split(" ")
    replaced, words[1] = words[1], "مختلفة"
    save(admin_client, change_url(project, "ar"), summary=" ".join(words))
    name = Project.objects.language("fr").get(pk=project.pk).name
    save(admin_client, change_url(project, "fr"), name=f"{name} révisé")
    newest = latest_version(project)
    revisions = Revision.objects.count()

    response = admin_client.get(compare_url(project, seed_version, newest))

    assert response.status_code == 200
    html = response.content.decode()
    changed = diffs(html)
    assert sorted(changed) == ["ar", "fr"]  # English and Spanish did not change
    assert labels(html, "changes-ar") == ["Summary"]
    assert labels(html, "changes-fr") == ["Name"]
    [(direction, arabic)] = changed["ar"]
    assert direction == "rtl" and is_rtl("ar")
    assert marked(arabic, "del") == [replaced] and marked(arabic, "ins") == ["مختلفة"]
    [(direction, french)] = changed["fr"]
    assert direction == "ltr"
    assert marked(french, "del") == [] and marked(french, "ins") == ["révisé"]
    assert 'id="changes-shared"' not in html  # no shared field changed
    # Who saved each version, when, and why.
    assert "Seed content" in html and "editor" in html
    assert newest.revision.get_comment() in html
    assert Revision.objects.count() == revisions  # looking writes nothing


def test_the_history_offers_the_last_two_versions_to_compare(admin_client, project):
    name = Project.objects.language("fr").get(pk=project.pk).name
    save(admin_client, change_url(project, "fr"), name=f"{name} révisé")
    html = admin_client.get(history_url(project)).content.decode()

    assert f'action="{compare_url(project)}"' in html
    newest, previous = Version.objects.get_for_object(project)[:2]
    assert re.search(rf'name="new" value="{newest.pk}"[^>]*checked', html)
    assert re.search(rf'name="old" value="{previous.pk}"[^>]*checked', html)
    # Without a choice, the page compares the last two versions.
    response = admin_client.get(compare_url(project))
    assert marked(diffs(response.content.decode())["fr"][0][1], "ins") == ["révisé"]


def test_a_static_page_compares_each_language_column(admin_client):
    page = FlatPage.objects.create(
        url="/pages/legal/", title_ar="إشعار قانوني", title_en="Legal notice"
    )
    page.sites.add(Site.objects.get_current())
    url = change_url(page)
    save(
        admin_client,
        url,
        title_fr="Mentions légales",
        content_fr="<p>Version un</p>",
        content_en="<p>Legal</p>",
    )
    first = latest_version(page)
    save(
        admin_client,
        url,
        title_fr="Mentions légales",
        content_fr="<p>Version deux</p>",
        content_en="<p><strong>Legal</strong></p>",
    )

    html = admin_client.get(compare_url(page, first, latest_version(page))).content.decode()

    changed = diffs(html)
    assert sorted(changed) == ["en", "fr"]
    assert labels(html, "changes-fr") == ["Content"]  # the title did not change
    [(_direction, french)] = changed["fr"]
    assert marked(french, "del") == ["un"] and marked(french, "ins") == ["deux"]
    # Only the markup changed: the sanitised HTML's source is compared, and said so.
    assert labels(html, "changes-en") == ["Content"]
    assert "only the formatting or links changed" in html
    [(_direction, english)] = changed["en"]
    assert marked(english, "del") == []
    inserted = html_module.unescape("".join(marked(english, "ins")))
    assert inserted.count("strong") == 2 and "Legal" not in inserted


def test_versions_of_another_object_or_none_are_not_found(admin_client, project):
    other = Project.objects.exclude(pk=project.pk).order_by("pk").first()
    name = Project.objects.language("fr").get(pk=other.pk).name
    save(admin_client, change_url(other, "fr"), name=f"{name} révisé")
    own = latest_version(project)
    foreign = latest_version(other)
    missing = Version.objects.order_by("-pk").first().pk + 1000
    url = compare_url(project)

    assert admin_client.get(f"{url}?old={own.pk}&new={foreign.pk}").status_code == 404
    assert admin_client.get(f"{url}?old={own.pk}&new={missing}").status_code == 404
    # A version of another model under the same object id is not this item's either.
    partnership_version = Version.objects.exclude(content_type=own.content_type).first()
    assert admin_client.get(f"{url}?old={own.pk}&new={partnership_version.pk}").status_code == 404
    missing_object = reverse("admin:projects_project_compare", args=[10**6])
    assert admin_client.get(missing_object).status_code == 404


@pytest.mark.parametrize(
    "query",
    ["old=abc&new=1", "old=1", "old=-1&new=2", f"old=1&new={2**70}", "old=SAME&new=SAME"],
)
def test_bad_parameters_are_a_400_with_the_reason(admin_client, project, query):
    version = latest_version(project)
    response = admin_client.get(f"{compare_url(project)}?{query.replace('SAME', str(version.pk))}")
    assert response.status_code == 400
    assert 'class="errornote"' in response.content.decode()


def test_a_role_without_the_view_permission_gets_a_403(project):
    nobody = get_user_model().objects.create_user("nobody", password="x-long-pw", is_staff=True)
    assert logged_in(nobody).get(compare_url(project)).status_code == 403
    translator = logged_in(member("amelie", "Translators", "translate_fr"))
    assert translator.get(compare_url(project)).status_code == 200


def _add_versions(obj, count):
    for _number in range(count):
        with reversion.create_revision():
            obj.save()


@pytest.mark.parametrize("view", ["compare", "history"])
def test_the_query_count_is_the_same_for_2_and_30_versions(
    admin_client, project, view, django_assert_max_num_queries
):
    _add_versions(project, 1)
    url = compare_url(project) if view == "compare" else history_url(project)
    assert versions_with_history(project) == 2
    with CaptureQueriesContext(connection) as two:
        assert admin_client.get(url).status_code == 200
    _add_versions(project, 28)
    assert versions_with_history(project) == 30
    with django_assert_max_num_queries(len(two.captured_queries)):
        response = admin_client.get(url)
    assert response.status_code == 200


def _history_admins():
    return [
        (model, model_admin)
        for model, model_admin in sorted(
            admin.site._registry.items(), key=lambda item: item[0]._meta.label
        )
        if isinstance(model_admin, HistoryAdminMixin)
    ]


@pytest.mark.parametrize(
    "model", [model for model, _admin in _history_admins()], ids=lambda model: model._meta.label
)
def test_every_item_with_history_in_the_admin_is_compared(admin_client, model):
    language = source_language()
    try:
        entry = registry.entry_for(model)
    except LookupError:
        entry = None  # a parler model outside the content registry (the glossary)
    if entry is not None:
        obj = entry.objects().first()
        name = next(name for name in entry.translated_fields if not entry.is_rich(name))
        text = (entry.values(obj, language) or {}).get(name) or ""
        with reversion.create_revision():
            entry.write_translation(obj.pk, {name: f"{text} compared"}, language)
    else:
        obj = model.objects.language(language).order_by("pk").first()
        name = model._parler_meta.get_all_fields()[0]
        with reversion.create_revision():
            setattr(obj, name, f"{getattr(obj, name)} compared")
            obj.save()

    response = admin_client.get(compare_url(obj))

    assert response.status_code == 200
    [(direction, diff)] = diffs(response.content.decode())[language]
    assert direction == ("rtl" if is_rtl(language) else "ltr")
    assert marked(diff, "ins") == ["compared"]


def test_other_parameters_leave_the_last_two_versions_compared(admin_client, project):
    name = Project.objects.language("fr").get(pk=project.pk).name
    save(admin_client, change_url(project, "fr"), name=f"{name} révisé")
    response = admin_client.get(f"{compare_url(project)}?_changelist_filters=status%3Ddraft")
    assert response.status_code == 200
    assert marked(diffs(response.content.decode())["fr"][0][1], "ins") == ["révisé"]


def test_a_version_that_no_longer_loads_is_said_so(admin_client, project):
    _add_versions(project, 1)
    newest = latest_version(project)
    Version.objects.filter(pk=newest.pk).update(serialized_data="[not json")

    response = admin_client.get(compare_url(project))

    assert response.status_code == 200
    assert "can no longer be read" in response.content.decode()


def test_the_partnerships_objectives_are_compared_with_it(admin_client):
    partnership = Partnership.objects.get()
    first = latest_version(partnership)
    objective = partnership.objectives.order_by("order", "pk").first()  # the first on the page
    text = Objective.objects.language("fr").get(pk=objective.pk).text
    save(admin_client, change_url(partnership, "fr"), **{"objectives-0-text": f"{text} modifié"})

    html = admin_client.get(compare_url(partnership, first, latest_version(partnership))).content
    html = html.decode()

    assert sorted(diffs(html)) == ["fr"]
    assert labels(html, "changes-fr") == ["Objective 1: Text"]
    [(_direction, french)] = diffs(html)["fr"]
    assert marked(french, "ins") == ["modifié"] and marked(french, "del") == []
