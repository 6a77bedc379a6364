"""The changelists' search answered from indexes: a trigram GIN index (pg_trgm) on each searched
text column of the translation tables, on the expression Django's ``icontains`` compares
(``UPPER(column)``), so ``LIKE '%term%'`` is an index scan instead of reading every row.
PostgreSQL only: SQLite has no such index, and scans (its databases are small)."""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import migrations
from django.db.models.functions import Upper


def trigram_indexes(table_prefix, fields):
    return [
        GinIndex(
            OpClass(Upper(name), name="gin_trgm_ops"), name=f"{table_prefix}_{name}_trgm"[:30]
        )
        for name in fields
    ]


def add_trigram_indexes(app_label, model_name, fields, prefix):
    """A migration operation: pg_trgm (a trusted extension: no superuser needed) and
    ``trigram_indexes`` on PostgreSQL, nothing elsewhere. ``fields`` are written out in the
    migration, as the index was created."""

    def indexes(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return None, []
        return apps.get_model(app_label, model_name), trigram_indexes(prefix, fields)

    def forwards(apps, schema_editor):
        model, created = indexes(apps, schema_editor)
        if created:
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for index in created:
            schema_editor.add_index(model, index)

    def backwards(apps, schema_editor):
        model, created = indexes(apps, schema_editor)
        for index in created:
            schema_editor.remove_index(model, index)

    return migrations.RunPython(forwards, backwards, elidable=False)
