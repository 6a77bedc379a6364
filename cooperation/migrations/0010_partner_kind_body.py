"""A third kind of EU partner, "other EU body": the institutions are the seven of Art. 13 TEU,
and the EEAS, which the seed had listed among them, is a body of the Union. The seed's EEAS row
moves to it where it still says "institution" (a staff edit to another kind is left alone)."""

from django.db import migrations, models


def eeas_is_a_body(apps, schema_editor):
    Partner = apps.get_model("cooperation", "Partner")
    Partner.objects.filter(key="eeas", kind="institution").update(kind="body")


def eeas_back_among_institutions(apps, schema_editor):
    Partner = apps.get_model("cooperation", "Partner")
    Partner.objects.filter(key="eeas", kind="body").update(kind="institution")


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0009_changelist_search_indexes")]

    operations = [
        migrations.AlterField(
            model_name="partner",
            name="kind",
            field=models.CharField(
                choices=[
                    ("agency", "EU agency"),
                    ("institution", "EU institution"),
                    ("body", "Other EU body"),
                ],
                db_index=True,
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.RunPython(eeas_is_a_body, eeas_back_among_institutions),
    ]
