"""Content models: four languages, fallbacks, validation that answers with errors, locking."""

from datetime import date, timedelta
from decimal import Decimal
from urllib.parse import unquote

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from content.languages import language_codes
from content.models import PublicationStatus, StaleObjectError
from cooperation.models import CooperationArea, Objective, Partner, Partnership
from projects.models import Project

pytestmark = pytest.mark.django_db

LANGUAGES = tuple(language_codes())


def make_area(key="test-area", **translations):
    area = CooperationArea(key=key, status=PublicationStatus.PUBLISHED)
    for language, (title, slug) in translations.items():
        area.set_current_language(language)
        area.title = title
        area.slug = slug
    area.save()
    return area


@pytest.mark.parametrize(
    ("model", "plain", "fields"),
    [
        (
            CooperationArea,
            {"key": "k"},
            {"title": "T", "slug": "s", "summary": "S", "body": "<p>B</p>"},
        ),
        (
            Partner,
            {"key": "k", "kind": "agency"},
            {"name": "N", "acronym": "A", "slug": "s", "description": "<p>D</p>"},
        ),
        (
            Project,
            {"key": "k", "code": "C"},
            {"name": "N", "slug": "s", "summary": "S", "description": "<p>D</p>", "region": "R"},
        ),
    ],
)
def test_each_model_round_trips_all_four_languages(model, plain, fields):
    obj = model(**plain)
    for language in LANGUAGES:
        obj.set_current_language(language)
        for name, value in fields.items():
            setattr(obj, name, f"{value}-{language}" if name != "body" else value)
    obj.save()
    fresh = model.objects.get(pk=obj.pk)
    for language in LANGUAGES:
        fresh.set_current_language(language)
        for name, value in fields.items():
            assert getattr(fresh, name) == (f"{value}-{language}" if name != "body" else value)


def test_arabic_slugs_are_allowed_and_resolve():
    area = make_area(ar=("عنوان", "مجال-تجريبي"), en=("Title", "test-area"))
    assert unquote(area.get_absolute_url("ar")).startswith("/ar/")
    assert unquote(area.get_absolute_url("ar")).endswith("/مجال-تجريبي/")
    assert area.get_absolute_url("en").endswith("/test-area/")


def test_a_missing_translation_falls_back_along_the_chain():
    area = make_area(ar=("عنوان", "مجال-تجريبي"), en=("English title", "english-title"))
    area = CooperationArea.objects.get(pk=area.pk)
    with translation.override("fr"):
        area.set_current_language("fr")
        # French falls back to English first, then Arabic.
        assert area.safe_translation_getter("title") == "English title"
    only_arabic = make_area("only-ar", ar=("عنوان فقط", "عنوان-فقط"))
    only_arabic.set_current_language("es")
    assert only_arabic.safe_translation_getter("title") == "عنوان فقط"


def test_the_same_slug_is_allowed_once_per_language():
    make_area("one", en=("One", "same"), fr=("Un", "same"))
    duplicate = CooperationArea(key="two")
    duplicate.set_current_language("en")
    duplicate.title = "Two"
    duplicate.slug = "same"
    with pytest.raises(ValidationError):
        duplicate.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_every_translation_needs_a_slug():
    area = CooperationArea(key="no-slug")
    area.set_current_language("fr")
    area.title = "Sans adresse"
    with pytest.raises(ValidationError) as error:
        area.get_translation("fr").full_clean(exclude=["master"])
    assert "slug" in error.value.message_dict


def test_a_project_cannot_end_before_it_starts():
    project = Project.objects.get(key="wapis")
    project.start_date = date(2024, 1, 1)
    project.end_date = date(2023, 12, 31)
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "end_date" in error.value.message_dict


def test_the_eu_contribution_cannot_be_negative():
    project = Project.objects.get(key="wapis")
    project.eu_contribution = Decimal("-1.00")
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "eu_contribution" in error.value.message_dict


def test_the_database_refuses_what_validation_refuses():
    project = Project.objects.get(key="wapis")
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.filter(pk=project.pk).update(
            start_date=date(2024, 1, 1), end_date=date(2020, 1, 1)
        )


def test_there_is_only_one_partnership():
    second = Partnership(office_city="Lyon")
    with pytest.raises(ValidationError):
        second.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()


def test_published_hides_drafts_and_scheduled_items():
    wapis = Project.objects.get(key="wapis")
    assert Project.objects.published().filter(pk=wapis.pk).exists()
    wapis.status = PublicationStatus.DRAFT
    wapis.save()
    assert not Project.objects.published().filter(pk=wapis.pk).exists()
    wapis.status = PublicationStatus.PUBLISHED
    wapis.publish_at = timezone.now() + timedelta(days=1)
    wapis.save()
    assert not Project.objects.published().filter(pk=wapis.pk).exists()
    wapis.publish_at = timezone.now() - timedelta(minutes=1)
    wapis.save()
    assert Project.objects.published().filter(pk=wapis.pk).exists()


def test_a_save_from_a_stale_copy_is_refused_not_silently_applied():
    first = Project.objects.get(key="iarms")
    second = Project.objects.get(key="iarms")
    first.code = "iARMS-1"
    first.save()
    second.code = "iARMS-2"
    with pytest.raises(StaleObjectError):
        second.save()
    assert Project.objects.get(key="iarms").code == "iARMS-1"


def test_rich_text_is_sanitised_on_save():
    area = CooperationArea.objects.get(key="e-mla")
    area.set_current_language("en")
    area.body = '<p onclick="x()">Safe <script>alert(1)</script><a href="javascript:x">l</a></p>'
    area.save()
    area = CooperationArea.objects.language("en").get(pk=area.pk)
    assert "script" not in area.body
    assert "onclick" not in area.body
    assert "javascript" not in area.body
    assert "Safe" in area.body


def test_objectives_keep_their_order():
    from seed import content

    texts = [
        o.safe_translation_getter("text", language_code="en") for o in Objective.objects.all()
    ]
    assert texts == [spec["text"]["en"] for spec in content.OBJECTIVES]


@pytest.mark.parametrize("method", ["with_translations", "with_shown_translations"])
def test_translations_fetched_with_a_list_answer_reads_without_queries_and_the_rest_from_the_database(
    method, django_assert_num_queries
):
    # Every content model of the registry, so a model added tomorrow is covered too.
    from content import registry
    from content.models import ContentModel

    models = [m for m in registry.models() if issubclass(m, ContentModel)]
    assert models
    with translation.override("fr"):
        for model in models:
            with django_assert_num_queries(2):  # the objects, then their translations
                objects = list(getattr(model.objects.all(), method)())
            assert objects, model
            obj = objects[0]
            with django_assert_num_queries(0):
                rows = list(obj.translations.all())
                assert obj.translations.count() == len(rows)
                assert obj.translations.exists() == bool(rows)
                assert sorted(obj.get_available_languages()) == sorted(
                    row.language_code for row in rows
                )
                assert all(row.master is obj for row in rows)
            stored = set(
                model._parler_meta.root_model.objects.filter(master=obj).values_list(
                    "language_code", flat=True
                )
            )
            if method == "with_translations":
                assert {row.language_code for row in rows} == stored
            else:  # French and its fallbacks only
                shown = {"fr", "en", "ar"}
                assert {row.language_code for row in rows} == stored & shown
            # Anything else is a query, for this object's rows.
            with django_assert_num_queries(1):
                assert set(obj.translations.values_list("language_code", flat=True)) == stored
