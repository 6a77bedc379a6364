"""The site settings' texts join the translation status (``sitesettings.content``): each
translation a record has now is taken as confirmed against today's source, as the seed's content
is, where nothing was confirmed before (there was no status to keep). The stored status of the
settings is dropped, so the first migrate decides it again (``translations.store``)."""

from django.conf import settings
from django.db import migrations, models


def confirm_the_translations(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    FieldConfirmation = apps.get_model("translations", "FieldConfirmation")
    SiteSettingsTranslation = apps.get_model("sitesettings", "SiteSettingsTranslation")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="sitesettings", model="sitesettings"
    )
    fields = [
        field.name
        for field in SiteSettingsTranslation._meta.concrete_fields
        if isinstance(field, (models.CharField, models.TextField))
        and field.name != "language_code"
    ]
    rows = {}
    for row in SiteSettingsTranslation.objects.all():
        rows.setdefault(row.master_id, {})[row.language_code] = row
    confirmed = set(
        FieldConfirmation.objects.filter(content_type=content_type).values_list(
            "object_id", "language_code", "field"
        )
    )
    source = settings.CONTENT_SOURCE_LANGUAGE
    FieldConfirmation.objects.bulk_create(
        FieldConfirmation(
            content_type=content_type,
            object_id=pk,
            language_code=language,
            field=name,
            source_text=getattr(languages[source], name),
        )
        for pk, languages in rows.items()
        if source in languages
        for language, row in languages.items()
        if language != source
        for name in fields
        if getattr(row, name)
        and getattr(languages[source], name)
        and (pk, language, name) not in confirmed
    )
    for name in ("StoredFieldStatus", "StoredStatusCount", "StoredObjectCount"):
        apps.get_model("translations", name).objects.filter(content_type=content_type).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("sitesettings", "0003_log_retention"),
        ("translations", "0004_stored_object_counts"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(confirm_the_translations, migrations.RunPython.noop)]
