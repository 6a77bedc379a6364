"""Search across published content in the page's language.

On PostgreSQL: full-text search with the language's own text-search configuration (Arabic,
English, French and Spanish stemming), ranked. Elsewhere (SQLite): a case-insensitive substring
match. Either way a constant number of queries, whatever the amount of content.
"""

import unicodedata

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q

from eurelations import registry

MAX_QUERY_LENGTH = 200
MAX_HITS_PER_KIND = 50
SEARCH_CONFIGS = {"ar": "arabic", "en": "english", "fr": "french", "es": "spanish"}
# Which fields each kind of content is searched on, and which two a result shows, are the
# registry's (``search_fields``, ``search_result_fields`` on each model). A project's short code
# (WAPIS, iARMS) is the same in every language: a French reader typing "WAPIS" finds the
# project whose French name says SIPAO.


def clean_query(raw):
    """The query as searched: control characters (NUL breaks PostgreSQL) removed, whitespace
    collapsed, at most MAX_QUERY_LENGTH characters."""
    text = "".join(
        " " if unicodedata.category(char).startswith("C") else char
        for char in raw[: MAX_QUERY_LENGTH * 2]
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def _use_full_text():
    return connection.vendor == "postgresql"


def _ranked(queryset, fields, query, language):
    """``queryset`` narrowed to rows whose ``fields`` match ``query``, best first."""
    if _use_full_text():
        config = SEARCH_CONFIGS.get(language, "simple")
        vector = SearchVector(*fields, config=config)
        # websearch syntax: any text a visitor types is a valid query (no tsquery errors).
        search_query = SearchQuery(query, config=config, search_type="websearch")
        return (
            queryset.annotate(rank=SearchRank(vector, search_query))
            .filter(rank__gt=0)
            .order_by("-rank")
        )
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": query})
    return queryset.filter(condition)


def search_content(query, language):
    """[(heading, [{title, url, summary}])] for each kind of content with matches. One query
    per kind: the matching rows (one per object in this language: never an object twice,
    django-parler #330, #281) carry the title and text shown."""
    results = []
    for entry in registry.entries():
        if not (entry.public and entry.search_fields):
            continue
        rows, fields, title, summary, url = entry.search_rows(language)
        hits = [
            {"title": getattr(row, title), "url": url(row), "summary": getattr(row, summary)}
            for row in _ranked(rows, fields, query, language)[:MAX_HITS_PER_KIND]
        ]
        if hits:
            results.append((entry.verbose_name_plural, hits))
    return results
