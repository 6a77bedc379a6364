"""Search: each project translation's text-search document kept in a generated column, and the
per-language GIN indexes on it (PostgreSQL only; see search.documents.StoredDocument)."""

from django.db import migrations

from search.documents import add_stored_document


class Migration(migrations.Migration):
    dependencies = [("projects", "0008_images")]

    operations = [
        add_stored_document(
            "projects", "ProjectTranslation", ["name", "summary", "description", "region"], "project"
        ),
    ]
