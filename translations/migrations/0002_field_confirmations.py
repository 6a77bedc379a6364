"""Translation status per field: ``FieldConfirmation`` replaces the per-object hashes
(``source_hash`` on parler's translation rows, ``eurelations.FlatPageTranslation``).

No status is lost: a translation that was up to date (its hash matched the source's) gets a
confirmation of each filled-in field against today's source text, so it stays up to date; a
stale one gets none, so every field stays stale. (The old hashes cannot say which field
changed, nor what the previous source said.)"""

import hashlib
import json

from django.conf import settings
from django.db import migrations, models

PARLER = [
    ("cooperation", "Partnership"),
    ("cooperation", "Objective"),
    ("cooperation", "CooperationArea"),
    ("cooperation", "Partner"),
    ("projects", "Project"),
]
NOT_HASHED = {"id", "master", "language_code", "slug", "source_hash"}
FLATPAGE_FIELDS = ("title", "content")


def _hash(values):
    # Frozen copy of the per-object hash of the time.
    payload = json.dumps(
        {name: value or "" for name, value in values.items()}, ensure_ascii=False, sort_keys=True
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def _content_type(apps, app_label, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label=app_label, model=model.lower())[0]


def forwards(apps, schema_editor):
    FieldConfirmation = apps.get_model("translations", "FieldConfirmation")
    source = settings.CONTENT_SOURCE_LANGUAGE
    new = []
    for app_label, name in PARLER:
        rows_model = apps.get_model(app_label, f"{name}Translation")
        text_fields = [f.name for f in rows_model._meta.concrete_fields if f.name not in NOT_HASHED]
        content_type = _content_type(apps, app_label, name)
        rows = list(rows_model.objects.all())
        sources = {row.master_id: row for row in rows if row.language_code == source}
        for row in rows:
            source_row = sources.get(row.master_id)
            if row.language_code == source or source_row is None:
                continue
            current = _hash({f: getattr(source_row, f) for f in text_fields})
            if row.source_hash != current:
                continue  # stale: stays stale, field by field
            new += [
                FieldConfirmation(
                    content_type=content_type,
                    object_id=row.master_id,
                    language_code=row.language_code,
                    field=f,
                    source_text=getattr(source_row, f) or "",
                )
                for f in text_fields
                if getattr(row, f)
            ]
    FlatPage = apps.get_model("flatpages", "FlatPage")
    FlatPageTranslation = apps.get_model("eurelations", "FlatPageTranslation")
    content_type = _content_type(apps, "flatpages", "FlatPage")
    hashes = {(h.flatpage_id, h.language_code): h.source_hash for h in FlatPageTranslation.objects.all()}
    for page in FlatPage.objects.all():
        source_values = {f: getattr(page, f"{f}_{source}") or "" for f in FLATPAGE_FIELDS}
        for language in settings.MODELTRANSLATION_LANGUAGES:
            if language == source or hashes.get((page.pk, language)) != _hash(source_values):
                continue
            new += [
                FieldConfirmation(
                    content_type=content_type,
                    object_id=page.pk,
                    language_code=language,
                    field=f,
                    source_text=source_values[f],
                )
                for f in FLATPAGE_FIELDS
                if getattr(page, f"{f}_{language}")
            ]
    FieldConfirmation.objects.bulk_create(new, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("translations", "0001_initial"),
        ("cooperation", "0002_translation_source_hash"),
        ("projects", "0002_translation_source_hash"),
        ("eurelations", "0005_remove_translationstatus"),
        ("flatpages", "0002_translated_title_and_content"),
    ]

    operations = [
        migrations.CreateModel(
            name="FieldConfirmation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("object_id", models.PositiveBigIntegerField(verbose_name="object id")),
                ("language_code", models.CharField(max_length=15, verbose_name="language")),
                ("field", models.CharField(max_length=100, verbose_name="field")),
                ("source_text", models.TextField(blank=True, verbose_name="source text")),
                ("confirmed_at", models.DateTimeField(auto_now=True, verbose_name="confirmed at")),
                (
                    "content_type",
                    models.ForeignKey(
                        on_delete=models.deletion.CASCADE,
                        to="contenttypes.contenttype",
                        verbose_name="content type",
                    ),
                ),
            ],
            options={
                "verbose_name": "translation confirmation",
                "verbose_name_plural": "translation confirmations",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("content_type", "object_id", "language_code", "field"),
                        name="fieldconfirmation_one_per_field",
                    )
                ],
            },
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
