"""The per-object hash is gone: translation status is per field (translations.FieldConfirmation)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0002_translation_source_hash"),
        ("translations", "0002_field_confirmations"),
    ]

    operations = [
        migrations.RemoveField(model_name="partnershiptranslation", name="source_hash"),
        migrations.RemoveField(model_name="objectivetranslation", name="source_hash"),
        migrations.RemoveField(model_name="cooperationareatranslation", name="source_hash"),
        migrations.RemoveField(model_name="partnertranslation", name="source_hash"),
    ]
