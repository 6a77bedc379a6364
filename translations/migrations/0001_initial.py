"""The per-language rights move here from ``eurelations.TranslationStatus`` (a holder without
a table). Permission rows keep their ids, so every group and translator keeps their languages;
"view translation status" gets a codename that says what it allows."""

from django.db import migrations, models

LANGUAGES = ["translate_ar", "translate_en", "translate_fr", "translate_es"]


def move_language_permissions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    holder, _created = ContentType.objects.get_or_create(
        app_label="translations", model="languagerights"
    )
    old = Permission.objects.filter(
        content_type__app_label="eurelations", content_type__model="translationstatus"
    )
    old.filter(codename__in=LANGUAGES).update(content_type=holder)
    old.filter(codename="view_translationstatus").update(
        content_type=holder, codename="view_translation_status"
    )


def move_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    old, _created = ContentType.objects.get_or_create(
        app_label="eurelations", model="translationstatus"
    )
    moved = Permission.objects.filter(
        content_type__app_label="translations", content_type__model="languagerights"
    )
    moved.filter(codename__in=LANGUAGES).update(content_type=old)
    moved.filter(codename="view_translation_status").update(
        content_type=old, codename="view_translationstatus"
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("eurelations", "0004_content_rights"),
    ]

    operations = [
        migrations.CreateModel(
            name="LanguageRights",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
            ],
            options={
                "verbose_name": "translation status",
                "verbose_name_plural": "translation status",
                "permissions": [
                    ("translate_ar", "Can edit the Arabic text of the content"),
                    ("translate_en", "Can edit the English text of the content"),
                    ("translate_fr", "Can edit the French text of the content"),
                    ("translate_es", "Can edit the Spanish text of the content"),
                    ("view_translation_status", "Can see the translation status"),
                ],
                "managed": False,
                "default_permissions": (),
            },
        ),
        migrations.RunPython(move_language_permissions, move_back),
    ]
