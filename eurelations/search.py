"""Search across published content in the page's language.

On PostgreSQL: full-text search with the language's own text-search configuration (Arabic,
English, French and Spanish stemming), ranked. Elsewhere (SQLite): a case-insensitive substring
match. Either way a constant number of queries, whatever the amount of content.
"""

import unicodedata

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cooperation.models import CooperationArea, Partner
from eurelations.i18n import url_in
from projects.models import Project

MAX_QUERY_LENGTH = 200
MAX_HITS_PER_KIND = 50
SEARCH_CONFIGS = {"ar": "arabic", "en": "english", "fr": "french", "es": "spanish"}
# Which fields of the translation row each kind of content is searched on, and which two a
# result shows. A project's short code (WAPIS, iARMS) is the same in every language: a French
# reader typing "WAPIS" finds the project whose French name says SIPAO.
SEARCHED = [
    (CooperationArea, ("title", "summary", "body"), "title", "summary"),
    (Project, ("name", "summary", "description", "region", "master__code"), "name", "summary"),
    (Partner, ("name", "acronym", "description"), "name", "description"),
]

URL_NAMES = {
    CooperationArea: "cooperation:area_detail",
    Project: "projects:project_detail",
    Partner: "cooperation:partner_detail",
}


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


def _matching_translations(model, fields, query, language):
    """Translations in ``language`` of published ``model`` objects matching ``query``, best
    first. Searching the translation table itself (one row per object and language) never
    lists an object twice (django-parler #330, #281)."""
    translations = model._parler_meta.root_model.objects.filter(
        language_code=language, master__in=model.objects.published()
    )
    return list(_ranked(translations, fields, query, language)[:MAX_HITS_PER_KIND])


def search_content(query, language):
    """[(heading, [{title, url, summary}])] for each kind of content with matches. One query
    per kind: the matching translation rows carry the title and text shown."""
    results = []
    for model, fields, title, summary in SEARCHED:
        translations = _matching_translations(model, fields, query, language)
        if translations:
            hits = [
                {
                    "title": getattr(row, title),
                    "url": _url(model, row, language),
                    "summary": getattr(row, summary),
                }
                for row in translations
            ]
            results.append((model._meta.verbose_name_plural, hits))
    pages = _matching_flatpages(query, language)
    if pages:
        hits = [
            {
                "title": getattr(page, f"title_{language}"),
                "url": url_in(page, language),
                "summary": getattr(page, f"content_{language}"),
            }
            for page in pages
        ]
        results.append((_("Pages"), hits))
    return results


def _url(model, row, language):
    """The detail URL from the translation row alone (its slug is this language's)."""
    with translation.override(language):
        return reverse(URL_NAMES[model], kwargs={"slug": row.slug})


def _matching_flatpages(query, language):
    title, content = f"title_{language}", f"content_{language}"
    pages = FlatPage.objects.filter(
        sites__id=settings.SITE_ID, registration_required=False
    ).exclude(Q(**{title: ""}) | Q(**{f"{title}__isnull": True}))
    return list(_ranked(pages, (title, content), query, language)[:MAX_HITS_PER_KIND])
