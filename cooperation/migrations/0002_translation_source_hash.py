"""Each translation remembers the hash of the source text it was made from."""

from django.db import migrations, models

APP = 'cooperation'
TRANSLATION_MODELS = ['PartnershipTranslation', 'ObjectiveTranslation', 'CooperationAreaTranslation', 'PartnerTranslation']


def _source_hash(values):
    # Frozen copy of the hash these migrations were written with (the live code has moved on).
    import hashlib
    import json

    payload = json.dumps(
        {name: value or "" for name, value in values.items()}, ensure_ascii=False, sort_keys=True
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def hash_of_translation(row):
    names = [
        f.name
        for f in row._meta.concrete_fields
        if f.name not in {"id", "master", "language_code", "slug", "source_hash"}
    ]
    return _source_hash({name: getattr(row, name) for name in names})


def stamp_existing_translations(apps, schema_editor):
    # Translations made before hashes existed count as up to date with today's source.
    from django.conf import settings

    for name in TRANSLATION_MODELS:
        model = apps.get_model(APP, name)
        sources = {
            row.master_id: hash_of_translation(row)
            for row in model.objects.filter(language_code=settings.CONTENT_SOURCE_LANGUAGE)
        }
        for row in model.objects.all():
            row.source_hash = sources.get(row.master_id, "")
            row.save(update_fields=["source_hash"])


class Migration(migrations.Migration):

    dependencies = [
        ('cooperation', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='cooperationareatranslation',
            name='source_hash',
            field=models.CharField(blank=True, editable=False, max_length=64, verbose_name='source hash'),
        ),
        migrations.AddField(
            model_name='objectivetranslation',
            name='source_hash',
            field=models.CharField(blank=True, editable=False, max_length=64, verbose_name='source hash'),
        ),
        migrations.AddField(
            model_name='partnershiptranslation',
            name='source_hash',
            field=models.CharField(blank=True, editable=False, max_length=64, verbose_name='source hash'),
        ),
        migrations.AddField(
            model_name='partnertranslation',
            name='source_hash',
            field=models.CharField(blank=True, editable=False, max_length=64, verbose_name='source hash'),
        ),
        migrations.RunPython(stamp_existing_translations, migrations.RunPython.noop),
    ]
