"""The admin changelist's search from trigram indexes (PostgreSQL only; see
workspace.search_indexes)."""

from django.db import migrations

from workspace.search_indexes import add_trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("projects", "0009_stored_search_document")]

    operations = [
        add_trigram_indexes("projects", "ProjectTranslation", ["name", "summary"], "project"),
    ]
