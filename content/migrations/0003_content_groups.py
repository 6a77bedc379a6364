"""The staff groups: Editors, Publishers and Translators.

Translators get no language of their own here: give each translator the permissions
"Can edit the French text of the content" etc. for the languages they work in.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_MODELS = [
    ("cooperation", "partnership"),
    ("cooperation", "objective"),
    ("cooperation", "cooperationarea"),
    ("cooperation", "partner"),
    ("projects", "project"),
    ("flatpages", "flatpage"),
]
LANGUAGE_RIGHTS = ["translate_ar", "translate_en", "translate_fr", "translate_es"]


def _content_permissions(Permission, actions):
    codenames = [f"{action}_{model}" for _app, model in CONTENT_MODELS for action in actions]
    apps_labels = {app for app, _model in CONTENT_MODELS}
    return list(
        Permission.objects.filter(
            content_type__app_label__in=apps_labels, codename__in=codenames
        )
    )


def _own_permissions(Permission, codenames):
    return list(
        Permission.objects.filter(content_type__app_label="eurelations", codename__in=codenames)
    )


def create_groups(apps, schema_editor):
    # Permissions are normally created after the last migration (post_migrate); the groups
    # need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    every_action = ["add", "change", "delete", "view"]
    groups = {
        "Editors": _content_permissions(Permission, every_action)
        + _own_permissions(
            Permission, [*LANGUAGE_RIGHTS, "edit_shared_fields", "view_translationstatus"]
        ),
        "Publishers": _content_permissions(Permission, ["change", "view"])
        + _own_permissions(Permission, ["publish_content", "view_translationstatus"]),
        "Translators": _content_permissions(Permission, ["change", "view"])
        + _own_permissions(Permission, ["view_translationstatus"]),
    }
    for name, permissions in groups.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=["Editors", "Publishers", "Translators"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("eurelations", "0002_translation_status"),
        ("cooperation", "0002_translation_source_hash"),
        ("projects", "0002_translation_source_hash"),
        ("flatpages", "0002_translated_title_and_content"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
