"""Full-text search answered from an index: one partial GIN index per language on the project
translations (PostgreSQL only; see search.documents)."""

from django.db import migrations

from search.documents import add_text_search_indexes


class Migration(migrations.Migration):
    dependencies = [("projects", "0004_project_featured")]

    operations = [
        add_text_search_indexes(
            "projects", "ProjectTranslation", ["name", "summary", "description", "region"], "project"
        ),
    ]
