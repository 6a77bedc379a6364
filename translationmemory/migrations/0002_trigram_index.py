"""The fuzzy lookup's index on PostgreSQL: a trigram GIN index (pg_trgm, a trusted extension)
on the source text, which answers ``source_text % 'sentence'``. Nothing elsewhere (SQLite uses
the word index, ``MemoryToken``)."""

from django.db import migrations

INDEX = "memoryentry_source_trgm"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX {INDEX} ON translationmemory_memoryentry "
        "USING gin (source_text gin_trgm_ops)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("translationmemory", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
