"""The migrations in the repository match the models (including modeltranslation's columns)."""

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_is_missing_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_per_object_hashes_become_per_field_confirmations_without_losing_status():
    """A database of the old layout: one French translation made from today's Arabic (up to
    date), one Spanish made from an older Arabic (stale). After migrating, every French field
    is up to date and every Spanish field stale."""
    import hashlib
    import json

    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    def old_hash(values):
        payload = json.dumps(values, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()

    before = [("translations", "0001_initial"), ("cooperation", "0002_translation_source_hash")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    Area = old_apps.get_model("cooperation", "CooperationArea")
    Row = old_apps.get_model("cooperation", "CooperationAreaTranslation")
    area = Area.objects.create(key="migrated", status="published")
    arabic = {"title": "عنوان", "summary": "ملخص", "body": "<p>نص</p>"}
    Row.objects.create(master=area, language_code="ar", slug="عنوان", source_hash="", **arabic)
    Row.objects.create(
        master=area, language_code="fr", slug="titre", source_hash=old_hash(arabic),
        title="Titre", summary="Résumé", body="<p>Texte</p>",
    )  # fmt: skip
    Row.objects.create(
        master=area, language_code="es", slug="titulo", source_hash=old_hash({**arabic, "body": "x"}),
        title="Título", summary="Resumen", body="<p>Texto</p>",
    )  # fmt: skip

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    from cooperation.models import CooperationArea
    from translations.status import Status, all_field_states

    states = {
        (s.language, s.field): s.status
        for entry, obj, found in all_field_states()
        if isinstance(obj, CooperationArea) and obj.key == "migrated"
        for s in found
        if s.field != "slug"
    }
    assert {states[("fr", f)] for f in arabic} == {Status.UP_TO_DATE}
    assert {states[("es", f)] for f in arabic} == {Status.STALE}
