"""The migrations in the repository match the models (including modeltranslation's columns)."""

import os
import re
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from django.conf import settings
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


BEFORE_THE_MOVE = Path(__file__).parent / "fixtures" / "database_before_the_apps_move.sql"


def grants(database):
    """Content types, and every right of every group and user, by name."""
    with closing(sqlite3.connect(database)) as connection:
        content_types = set(connection.execute("SELECT app_label, model FROM django_content_type"))
        permission = (
            "JOIN auth_permission p ON p.id = x.permission_id "
            "JOIN django_content_type t ON t.id = p.content_type_id"
        )
        groups = set(
            connection.execute(
                "SELECT g.name, t.app_label, p.codename FROM auth_group_permissions x "
                f"JOIN auth_group g ON g.id = x.group_id {permission}"
            )
        )
        users = set(
            connection.execute(
                "SELECT u.username, t.app_label, p.codename FROM auth_user_user_permissions x "
                f"JOIN auth_user u ON u.id = x.user_id {permission}"
            )
        )
        members = set(
            connection.execute(
                "SELECT u.username, g.name FROM auth_user_groups x "
                "JOIN auth_user u ON u.id = x.user_id JOIN auth_group g ON g.id = x.group_id"
            )
        )
    return content_types, groups, users, members


#: Migrations written after tests/fixtures' database from before the move.
MIGRATIONS_SINCE_THE_MOVE = {
    "translations.0003_stored_translation_status",
    "cooperation.0009_changelist_search_indexes",
    "projects.0010_changelist_search_indexes",
    "translations.0004_stored_object_counts",
    "projects.0011_changelist_own_search_indexes",
    "sitesettings.0004_their_translations_confirmed",
    "cooperation.0010_partner_kind_body",
}


def test_a_database_from_before_the_apps_moved_keeps_every_permission_and_grant(tmp_path):
    """A database made by the code from before the content base, the page cache, search and
    the staff workspace left the project package (migrated, with a French translator, an
    editor and a publisher): today's code applies no migration to it but those of apps made
    since (their own tables), and every content type, group grant and user right is still
    there, and still means what it meant."""
    database = tmp_path / "before.sqlite3"
    with closing(sqlite3.connect(database)) as connection:
        connection.executescript(BEFORE_THE_MOVE.read_text())
    before = grants(database)
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "eurelations.settings.dev",
    }

    def manage(*args):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=settings.BASE_DIR, env=environment, capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip

    with closing(sqlite3.connect(database)) as connection:
        known_apps = {app for (app,) in connection.execute("SELECT app FROM django_migrations")}
    applied = re.findall(r"Applying (\S+)\.\.\. OK", manage("migrate", "--noinput"))
    # Only migrations written after that database are applied: those of apps made since (site
    # settings, the review step) and the few listed for the apps it had (none of the move's).
    new_apps = {name.split(".")[0] for name in applied} - known_apps
    assert {name for name in applied if name.split(".")[0] in known_apps} <= (
        MIGRATIONS_SINCE_THE_MOVE
    ), applied
    after = grants(database)
    # Nothing is lost; what was added concerns the new apps (their content types, rights and
    # grants) or the models of the migrations listed.
    allowed = new_apps | {name.split(".")[0] for name in MIGRATIONS_SINCE_THE_MOVE}
    for old, new in zip(before, after, strict=True):
        assert old <= new
    assert all(allowed & set(row) for row in after[0] - before[0]), after[0] - before[0]
    assert all(new_apps & set(row) for part in (1, 2) for row in after[part] - before[part])
    rights = manage(
        "shell",
        "-c",
        "from django.contrib.auth.models import User\n"
        "for name, right in [('translator-fr', 'translations.translate_fr'),"
        " ('translator-fr', 'translations.translate_ar'),"
        " ('editor', 'eurelations.edit_shared_fields'),"
        " ('editor', 'projects.change_project'),"
        " ('publisher', 'eurelations.publish_content'),"
        " ('publisher', 'eurelations.edit_shared_fields')]:\n"
        "    print(name, right, User.objects.get(username=name).has_perm(right))",
    )
    assert rights.split("\n")[-7:-1] == [
        "translator-fr translations.translate_fr True",
        "translator-fr translations.translate_ar False",
        "editor eurelations.edit_shared_fields True",
        "editor projects.change_project True",
        "publisher eurelations.publish_content True",
        "publisher eurelations.edit_shared_fields False",
    ]
