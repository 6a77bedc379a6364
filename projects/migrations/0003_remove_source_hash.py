"""The per-object hash is gone: translation status is per field (translations.FieldConfirmation)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0002_translation_source_hash"),
        ("translations", "0002_field_confirmations"),
    ]

    operations = [
        migrations.RemoveField(model_name="projecttranslation", name="source_hash"),
    ]
