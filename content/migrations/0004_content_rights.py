"""The editorial permissions get a holder of their own (``ContentRights``); the per-language
ones move to the translations app. Permission rows keep their ids, so every group and user
keeps the rights it had."""

from django.db import migrations, models

WORKFLOW = ["edit_shared_fields", "publish_content"]


def move_workflow_permissions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    holder, _created = ContentType.objects.get_or_create(
        app_label="eurelations", model="contentrights"
    )
    Permission.objects.filter(
        content_type__app_label="eurelations",
        content_type__model="translationstatus",
        codename__in=WORKFLOW,
    ).update(content_type=holder)


def move_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    old, _created = ContentType.objects.get_or_create(
        app_label="eurelations", model="translationstatus"
    )
    Permission.objects.filter(
        content_type__app_label="eurelations",
        content_type__model="contentrights",
        codename__in=WORKFLOW,
    ).update(content_type=old)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("eurelations", "0003_content_groups"),
    ]

    operations = [
        migrations.CreateModel(
            name="ContentRights",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
            ],
            options={
                "verbose_name": "content rights",
                "verbose_name_plural": "content rights",
                "permissions": [
                    ("edit_shared_fields", "Can edit fields shared by every language"),
                    ("publish_content", "Can publish and unpublish content"),
                ],
                "managed": False,
                "default_permissions": (),
            },
        ),
        migrations.RunPython(move_workflow_permissions, move_back),
    ]
