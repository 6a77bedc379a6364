"""The admin changelists' search from trigram indexes (PostgreSQL only; see
workspace.search_indexes)."""

from django.db import migrations

from workspace.search_indexes import add_trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0008_objective_versions")]

    operations = [
        add_trigram_indexes(
            "cooperation", "CooperationAreaTranslation", ["title", "summary", "body"], "area"
        ),
        add_trigram_indexes("cooperation", "PartnerTranslation", ["name", "acronym"], "partner"),
    ]
