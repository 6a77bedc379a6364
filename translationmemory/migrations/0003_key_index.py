"""The fuzzy lookup's key index (``MemoryKey``, MinHash keys, the same on every database) in
place of the trigram GIN index (PostgreSQL) and the word index (``MemoryToken``, SQLite), which
read hundreds of posting lists and rechecked thousands of rows per long sentence. The entries
already stored are indexed here, so their fuzzy matches are found the moment it is applied."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Count

from translationmemory.text import FREQUENT_KEY, keys

TRIGRAM_INDEX = "memoryentry_source_trgm"
BATCH = 2000


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX {TRIGRAM_INDEX} ON translationmemory_memoryentry "
            "USING gin (source_text gin_trgm_ops)"
        )


def index_stored_entries(apps, schema_editor):
    """Today's sketch (``translationmemory.text.keys``, a pure function) of every entry, by
    plain INSERTs as ``store.index_entries`` writes them (``bulk_create`` is too slow for a
    dozen rows an entry), then the frequent keys."""
    connection = schema_editor.connection
    entry_model = apps.get_model("translationmemory", "MemoryEntry")
    key_model = apps.get_model("translationmemory", "MemoryKey")
    frequent_model = apps.get_model("translationmemory", "MemoryFrequentKey")
    table = connection.ops.quote_name(key_model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(name) for name in ("key", "entry_id"))

    def insert(rows):
        if rows:
            values = ", ".join(["(%s, %s)"] * len(rows))
            with connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO {table} ({columns}) VALUES {values}",  # noqa: S608 - our table; values are parameters
                    [value for row in rows for value in row],
                )

    stored = entry_model.objects.order_by("pk").values_list(
        "pk", "source_language", "target_language", "source_text"
    )
    rows = []
    for pk, source, target, text in stored.iterator(chunk_size=BATCH):
        rows += [(key, pk) for key in keys(text, source, target)]
        if len(rows) >= BATCH:
            insert(rows)
            rows = []
    insert(rows)
    frequent = (
        key_model.objects.values("key")
        .annotate(entries=Count("entry_id"))
        .filter(entries__gt=FREQUENT_KEY)
        .values_list("key", flat=True)
    )
    frequent_model.objects.bulk_create(frequent_model(key=key) for key in frequent)


class Migration(migrations.Migration):

    dependencies = [
        ('translationmemory', '0002_trigram_index'),
    ]

    operations = [
        migrations.RunPython(drop_trigram_index, create_trigram_index, elidable=False),
        migrations.CreateModel(
            name='MemoryFrequentKey',
            fields=[
                ('key', models.BigIntegerField(primary_key=True, serialize=False)),
            ],
            options={
                'default_permissions': (),
            },
        ),
        migrations.CreateModel(
            name='MemoryKey',
            fields=[
                ('pk', models.CompositePrimaryKey('key', 'entry_id', blank=True, editable=False, primary_key=True, serialize=False)),
                ('key', models.BigIntegerField()),
                ('entry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='keys', to='translationmemory.memoryentry')),
            ],
            options={
                'default_permissions': (),
            },
        ),
        migrations.DeleteModel(
            name='MemoryToken',
        ),
        migrations.RunPython(index_stored_entries, migrations.RunPython.noop, elidable=False),
    ]
