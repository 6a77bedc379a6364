"""Flatpages' per-language hashes are replaced by per-field confirmations (translations 0002)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("eurelations", "0005_remove_translationstatus"),
        ("translations", "0002_field_confirmations"),
    ]

    operations = [migrations.DeleteModel(name="FlatPageTranslation")]
