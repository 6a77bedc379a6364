"""``TranslationStatus`` held permissions only; they live on ``ContentRights`` and
``translations.LanguageRights`` now."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("eurelations", "0004_content_rights"),
        ("translations", "0001_initial"),
    ]

    operations = [migrations.DeleteModel(name="TranslationStatus")]
