"""The admin changelist's search of the project's own columns (key, code) from trigram indexes
too: without them each search read all the projects (PostgreSQL only; see
workspace.search_indexes)."""

from django.db import migrations

from workspace.search_indexes import add_trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("projects", "0010_changelist_search_indexes")]

    operations = [
        add_trigram_indexes("projects", "Project", ["key", "code"], "project_own"),
    ]
