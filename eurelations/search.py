"""Search across published content in the page's language.

On PostgreSQL: full-text search with the language's own text-search configuration (Arabic,
English, French and Spanish stemming), ranked. Elsewhere (SQLite): a case-insensitive substring
match. Either way one query per kind of content, whatever the amount of it.
"""

import unicodedata

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q

from cooperation.models import CooperationArea, Partner
from projects.models import Project

MAX_QUERY_LENGTH = 200
SEARCH_CONFIGS = {"ar": "arabic", "en": "english", "fr": "french", "es": "spanish"}
# Which translated fields each kind of content is searched on.
SEARCHED_FIELDS = [
    (CooperationArea, ("title", "summary", "body")),
    (Project, ("name", "summary", "description", "region")),
    (Partner, ("name", "acronym", "description")),
]


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


def _matching_ids(model, fields, query, language):
    """Primary keys of published ``model`` objects matching ``query``, best first."""
    translations = model._parler_meta.root_model.objects.filter(
        language_code=language, master__in=model.objects.published()
    )
    if _use_full_text():
        config = SEARCH_CONFIGS.get(language, "simple")
        vector = SearchVector(*fields, config=config)
        search_query = SearchQuery(query, config=config, search_type="websearch")
        translations = (
            translations.annotate(rank=SearchRank(vector, search_query))
            .filter(rank__gt=0)
            .order_by("-rank")
        )
    else:
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": query})
        translations = translations.filter(condition)
    return list(translations.values_list("master_id", flat=True)[:50])


def search_content(query, language):
    """[(kind label, [objects])] for each kind of content with matches."""
    results = []
    for model, fields in SEARCHED_FIELDS:
        ids = _matching_ids(model, fields, query, language)
        if ids:
            objects = model.objects.filter(pk__in=ids).with_translations().in_bulk()
            results.append((model._meta.verbose_name_plural, [objects[pk] for pk in ids]))
    pages = _matching_flatpages(query, language)
    if pages:
        results.append((FlatPage._meta.verbose_name_plural, pages))
    return results


def _matching_flatpages(query, language):
    title, content = f"title_{language}", f"content_{language}"
    pages = FlatPage.objects.filter(sites__id=settings.SITE_ID, registration_required=False)
    if _use_full_text():
        config = SEARCH_CONFIGS.get(language, "simple")
        pages = (
            pages.annotate(
                rank=SearchRank(
                    SearchVector(title, content, config=config),
                    SearchQuery(query, config=config, search_type="websearch"),
                )
            )
            .filter(rank__gt=0)
            .order_by("-rank")
        )
    else:
        pages = pages.filter(
            Q(**{f"{title}__icontains": query}) | Q(**{f"{content}__icontains": query})
        )
    return list(pages[:20])
