"""The text-search documents of translation rows (PostgreSQL): the expression, its per-language
GIN indexes, the stored column, and the migration operations that create them."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import migrations
from django.db.models import Expression, Q

# The text-search configuration of each language (its stemming).
SEARCH_CONFIGS = {"ar": "arabic", "en": "english", "fr": "french", "es": "spanish"}


def document(fields, language):
    """The text-search document of a translation row: the expression the GIN indexes hold.
    A query must use exactly this expression for the planner to use the index."""
    return SearchVector(*fields, config=SEARCH_CONFIGS[language])


def text_search_indexes(fields, prefix):
    """One partial GIN index per language over ``fields`` of a parler translation table."""
    return [
        GinIndex(
            document(fields, language),
            condition=Q(language_code=language),
            name=f"{prefix}_fts_{language}",
        )
        for language in SEARCH_CONFIGS
    ]


class StoredDocument(Expression):
    """A translation row's text-search document kept in a column (``add_stored_document``):
    ranked and matched without parsing the row's text again. Ranking the first MAX_MATCHES
    matches of a common word re-parsed 300 texts per request; and the planner, which has
    statistics on a column (not on an expression of a partial index), reads a handful of rows
    for a word every row has instead of building a bitmap of all of them."""

    output_field = SearchVectorField()

    def __init__(self, column):
        super().__init__()
        self.column = column

    def as_sql(self, compiler, connection):
        # The searched table's alias in this query (a subquery renames it).
        alias = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"{alias}.{connection.ops.quote_name(self.column)}", []


def _document_sql(fields, schema_editor):
    """SQL of each language's document of a row, as ``document()`` builds it."""
    quote = schema_editor.quote_name
    text = " || ' ' || ".join(f"COALESCE({quote(field)}::text, '')" for field in fields)
    cases = " ".join(
        f"WHEN '{language}' THEN to_tsvector('{config}'::regconfig, {text})"
        for language, config in SEARCH_CONFIGS.items()
    )
    return f"CASE language_code {cases} END"


def add_stored_document(app_label, model_name, fields, prefix, column="search_document"):
    """A migration operation (PostgreSQL only) that keeps each translation row's document in
    a generated column, ``column``, and replaces the per-language indexes of
    ``add_text_search_indexes`` with indexes on that column (same names). The model names the
    column as ``search_document_column`` (``StoredDocument``)."""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        table = schema_editor.quote_name(apps.get_model(app_label, model_name)._meta.db_table)
        name = schema_editor.quote_name(column)
        # Computing the documents of a large table takes longer than a request may.
        schema_editor.execute("SET LOCAL statement_timeout = 0")
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN {name} tsvector"
            f" GENERATED ALWAYS AS ({_document_sql(fields, schema_editor)}) STORED"
        )
        for language in SEARCH_CONFIGS:
            index = schema_editor.quote_name(f"{prefix}_fts_{language}")
            schema_editor.execute(f"DROP INDEX IF EXISTS {index}")
            schema_editor.execute(
                f"CREATE INDEX {index} ON {table} USING gin ({name})"
                f" WHERE language_code = '{language}'"
            )
        # The new column has no statistics until enough rows change for autovacuum to look
        # again (a table rewrite does not count): until then the planner guesses how many rows
        # a word matches, and for a word in every project picks a bitmap of all of them
        # (10 ms at 100,000 projects) instead of stopping at the first matches (1 ms).
        schema_editor.execute(f"ANALYZE {table}")

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        model = apps.get_model(app_label, model_name)
        for language in SEARCH_CONFIGS:
            index = schema_editor.quote_name(f"{prefix}_fts_{language}")
            schema_editor.execute(f"DROP INDEX IF EXISTS {index}")
        table = schema_editor.quote_name(model._meta.db_table)
        schema_editor.execute(
            f"ALTER TABLE {table} DROP COLUMN {schema_editor.quote_name(column)}"
        )
        for index in text_search_indexes(fields, prefix):
            schema_editor.add_index(model, index)

    return migrations.RunPython(forwards, backwards, elidable=False)


def add_text_search_indexes(app_label, model_name, fields, prefix):
    """A migration operation creating ``text_search_indexes`` on PostgreSQL only: SQLite has no
    GIN index and searches with its substring fallback. ``fields`` are written out in the
    migration: the index must keep the expression it was created with."""

    def indexes(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return None, []
        return apps.get_model(app_label, model_name), text_search_indexes(fields, prefix)

    def forwards(apps, schema_editor):
        model, created = indexes(apps, schema_editor)
        for index in created:
            schema_editor.add_index(model, index)

    def backwards(apps, schema_editor):
        model, created = indexes(apps, schema_editor)
        for index in created:
            schema_editor.remove_index(model, index)

    return migrations.RunPython(forwards, backwards, elidable=False)
