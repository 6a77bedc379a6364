"""The content changelists' search and pages scale: a search matches the translation table
through a subquery answered by a trigram index on PostgreSQL, no full count is made beside the
page's, and a changelist (with and without a search) and a change form cost the same queries
whatever the number of projects."""

import re

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from content import registry
from content.languages import language_codes
from projects.models import Project, ProjectTranslation
from workspace.search_indexes import trigram_index_name

pytestmark = pytest.mark.django_db

CONTENT_ADMINS = [
    (model, model_admin)
    for model, model_admin in admin.site._registry.items()
    if model in registry.models() and model_admin.search_fields
]
#: Those whose text is in a translation table (static pages, a handful, keep theirs in columns).
TRANSLATION_TABLE_ADMINS = [
    (model, model_admin) for model, model_admin in CONTENT_ADMINS if hasattr(model, "_parler_meta")
]


def changelist(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def add_projects(count, start=0):
    projects = Project.objects.bulk_create(
        Project(key=f"scale-{n}", code=f"SC{n}") for n in range(start, start + count)
    )
    ProjectTranslation.objects.bulk_create(
        ProjectTranslation(
            master=project,
            language_code=language,
            name=f"Scaling project {project.key} {language}",
            slug=f"{project.key}-{language}",
            summary="Generated.",
        )
        for project in projects
        for language in language_codes()
    )


def searched_text(model):
    """A word of a translated searched field of the first object, and that object."""
    obj = model.objects.order_by("pk").first()
    prefix = "translations__"
    name = next(
        f[len(prefix) :] for f in admin.site._registry[model].search_fields if f.startswith(prefix)
    )
    row = obj.translations.exclude(**{name: ""}).order_by("language_code").first()
    word = max(getattr(row, name).replace("<", " ").replace(">", " ").split(), key=len)
    return obj, word


@pytest.mark.parametrize(("model", "model_admin"), TRANSLATION_TABLE_ADMINS, ids=str)
def test_a_search_finds_by_translated_text_and_by_key_without_duplicates(
    model, model_admin, admin_client
):
    obj, word = searched_text(model)
    response = admin_client.get(changelist(model), {"q": word})
    found = list(response.context["cl"].result_list)
    assert obj in found
    assert len(found) == len(set(found))  # one row per object, in every language it matched
    assert response.context["cl"].full_result_count is None  # show_full_result_count off
    if "key" in model_admin.search_fields:
        by_key = admin_client.get(changelist(model), {"q": obj.key}).context["cl"].result_list
        assert obj in list(by_key)
    nothing = admin_client.get(changelist(model), {"q": "zzqqxx-nothing"})
    assert list(nothing.context["cl"].result_list) == []


def test_a_word_every_item_has_takes_a_bounded_number_of_candidates_and_says_so(
    admin_client, monkeypatch
):
    """The search's subquery stops at SEARCH_CANDIDATES translation rows, whatever matches: the
    list and its count read no more, and the person is told to narrow the search."""
    model_admin = admin.site._registry[Project]
    monkeypatch.setattr(type(model_admin), "SEARCH_CANDIDATES", 20)
    add_projects(30)
    response = admin_client.get(changelist(Project), {"q": "Scaling"})
    assert response.status_code == 200
    found = list(response.context["cl"].result_list)
    assert 20 // len(language_codes()) <= len(found) <= 20
    assert response.context["cl"].result_count <= 20
    assert "narrow the search" in response.content.decode()
    # A rarer word is listed whole, without the warning.
    rare = admin_client.get(changelist(Project), {"q": "scale-7 "})
    assert [p.key for p in rare.context["cl"].result_list] == ["scale-7"]
    assert "narrow the search" not in rare.content.decode()


@pytest.mark.parametrize(("model", "model_admin"), CONTENT_ADMINS, ids=str)
def test_changelists_and_change_forms_cost_the_same_queries_for_more_projects(
    model, model_admin, admin_client, django_assert_max_num_queries
):
    add_projects(3)
    obj = model.objects.order_by("pk").first()
    word = searched_text(model)[1] if hasattr(model, "_parler_meta") else obj.url
    change = reverse(
        f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk]
    )
    pages = [(changelist(model), {}), (changelist(model), {"q": word}), (change, {})]
    counts = []
    for url, query in pages:
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(url, query).status_code == 200
        counts.append(len(captured))
    add_projects(300, start=3)
    for (url, query), count in zip(pages, counts, strict=True):
        with django_assert_max_num_queries(count):
            assert admin_client.get(url, query).status_code == 200


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes: PostgreSQL")
@pytest.mark.parametrize(("model", "model_admin"), TRANSLATION_TABLE_ADMINS, ids=str)
def test_every_translated_search_field_has_a_trigram_index_the_search_uses(model, model_admin):
    rows = model._parler_meta.root_model
    prefix = "translations__"
    fields = [f[len(prefix) :] for f in model_admin.search_fields if f.startswith(prefix)]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = %s", [rows._meta.db_table]
        )
        definitions = [row[0] for row in cursor.fetchall()]
    trigram = [d.lower() for d in definitions if "gin_trgm_ops" in d]
    for name in fields:
        # upper(summary) for a text column, upper((name)::text) for a varchar one.
        expression = re.compile(rf"upper\(\(?{name}\)?(::text)?\)")
        assert any(expression.search(d) for d in trigram), (name, definitions)
    queryset, _duplicates = model_admin.get_search_results(None, model.objects.all(), "police")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = queryset.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert any(
        trigram_index_name(p, f) in plan for p in ("area", "partner", "project") for f in fields
    ), plan
