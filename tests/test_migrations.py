"""The migrations in the repository match the models (including modeltranslation's columns)."""

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_is_missing_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_adding_the_alt_text_field_leaves_up_to_date_translations_up_to_date():
    """0003_images re-stamps the hashes a translation remembers, so the new (empty) field does
    not turn every translation stale; a translation that was already stale stays stale."""
    import hashlib
    import importlib
    import json

    from django.apps import apps

    from eurelations.translation_status import Status, statuses_of
    from projects.models import Project, ProjectTranslation

    migration = importlib.import_module("projects.migrations.0003_images")

    def old_hash(row):  # the hash as computed before the field existed
        fields = ["name", "summary", "description", "region"]
        values = {name: getattr(row, name) or "" for name in fields}
        payload = json.dumps(values, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()

    wapis, iarms = Project.objects.get(key="wapis"), Project.objects.get(key="iarms")
    for project in (wapis, iarms):
        source = project.translations.get(language_code="ar")
        project.translations.update(source_hash=old_hash(source))
    ProjectTranslation.objects.filter(master=iarms, language_code="fr").update(
        source_hash="made-from-an-older-text"
    )

    migration.keep_translations_up_to_date(apps, None)

    assert set(statuses_of(Project.objects.get(pk=wapis.pk)).values()) == {Status.UP_TO_DATE}
    assert statuses_of(Project.objects.get(pk=iarms.pk))["fr"] == Status.STALE
    assert statuses_of(Project.objects.get(pk=iarms.pk))["en"] == Status.UP_TO_DATE
