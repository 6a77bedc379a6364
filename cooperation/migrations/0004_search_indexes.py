"""Full-text search answered from an index: one partial GIN index per language on the area and
partner translations (PostgreSQL only; see search.documents)."""

from django.db import migrations

from search.documents import add_text_search_indexes


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0003_remove_source_hash")]

    operations = [
        add_text_search_indexes(
            "cooperation", "CooperationAreaTranslation", ["title", "summary", "body"], "area"
        ),
        add_text_search_indexes(
            "cooperation", "PartnerTranslation", ["name", "acronym", "description"], "partner"
        ),
    ]
