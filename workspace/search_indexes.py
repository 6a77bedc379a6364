"""The changelists' search answered from indexes: a trigram GIN index (pg_trgm) on each searched
text column of the translation tables, on the expression Django's ``icontains`` compares
(``UPPER(column::text)``), so ``LIKE '%term%'`` is an index scan instead of reading every row.
PostgreSQL only: SQLite has no such index, and scans (its databases are small)."""

from django.db import migrations


def trigram_index_name(prefix, field):
    return f"{prefix}_{field}_trgm"[:30]


def add_trigram_indexes(app_label, model_name, fields, prefix):
    """A migration operation: pg_trgm (a trusted extension: no superuser needed) and a trigram
    index per field on PostgreSQL, nothing elsewhere. ``fields`` are written out in the
    migration, as the index was created. (Written as SQL: Django's ``OpClass`` needs
    ``django.contrib.postgres`` installed, which the site does not otherwise use.)"""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        model = apps.get_model(app_label, model_name)
        quote = schema_editor.quote_name
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for field in fields:
            column = model._meta.get_field(field).column
            schema_editor.execute(
                f"CREATE INDEX {quote(trigram_index_name(prefix, field))} "
                f"ON {quote(model._meta.db_table)} "
                f"USING gin ((UPPER({quote(column)}::text)) gin_trgm_ops)"
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for field in fields:
            name = schema_editor.quote_name(trigram_index_name(prefix, field))
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")

    return migrations.RunPython(forwards, backwards, elidable=False)
