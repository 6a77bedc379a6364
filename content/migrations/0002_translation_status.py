"""Translation status: hashes for flatpage translations, and the translation permissions."""

import django.db.models.deletion
from django.db import migrations, models


def stamp_existing_flatpages(apps, schema_editor):
    # Page translations made before hashes existed count as up to date with today's source.
    from django.conf import settings

    import hashlib
    import json

    FLATPAGE_FIELDS = ("title", "content")

    def source_hash(values):  # frozen copy of the hash of the time
        payload = json.dumps(values, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()

    FlatPage = apps.get_model("flatpages", "FlatPage")
    FlatPageTranslation = apps.get_model("eurelations", "FlatPageTranslation")
    source = settings.CONTENT_SOURCE_LANGUAGE
    for page in FlatPage.objects.all():
        current = source_hash(
            {name: getattr(page, f"{name}_{source}") or "" for name in FLATPAGE_FIELDS}
        )
        for language in settings.MODELTRANSLATION_LANGUAGES:
            if getattr(page, f"title_{language}", ""):
                FlatPageTranslation.objects.get_or_create(
                    flatpage=page, language_code=language, defaults={"source_hash": current}
                )


class Migration(migrations.Migration):

    dependencies = [
        ('eurelations', '0001_site_domain'),
        ('flatpages', '0002_translated_title_and_content'),
    ]

    operations = [
        migrations.CreateModel(
            name='TranslationStatus',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
            ],
            options={
                'verbose_name': 'translation status',
                'verbose_name_plural': 'translation status',
                'permissions': [('translate_ar', 'Can edit the Arabic text of the content'), ('translate_en', 'Can edit the English text of the content'), ('translate_fr', 'Can edit the French text of the content'), ('translate_es', 'Can edit the Spanish text of the content'), ('edit_shared_fields', 'Can edit fields shared by every language'), ('publish_content', 'Can publish and unpublish content')],
                'managed': False,
                'default_permissions': ('view',),
            },
        ),
        migrations.CreateModel(
            name='FlatPageTranslation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language_code', models.CharField(max_length=15, verbose_name='language')),
                ('source_hash', models.CharField(blank=True, max_length=64, verbose_name='source hash')),
                ('flatpage', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='translation_hashes', to='flatpages.flatpage', verbose_name='page')),
            ],
            options={
                'verbose_name': 'page translation',
                'verbose_name_plural': 'page translations',
                'constraints': [models.UniqueConstraint(fields=('flatpage', 'language_code'), name='flatpagetranslation_one_per_language')],
            },
        ),
        migrations.RunPython(stamp_existing_flatpages, migrations.RunPython.noop),
    ]
