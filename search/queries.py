"""Search across published content in the page's language: PostgreSQL full-text search on the
stored documents (``search.documents``), a substring match elsewhere; a constant number of
queries and a bounded number of rows whatever the amount of content."""

import unicodedata

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Q, Window
from django.db.models.functions import Upper

from content import registry
from search.documents import SEARCH_CONFIGS, StoredDocument, document

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 20
# A word as common as the site's own subject matches every project: ranking all of them would
# cost time in proportion to the content. The best of the first MAX_MATCHES is what a visitor
# reads anyway; a sharper query finds the rest.
MAX_MATCHES = 300
MAX_CODE_WORDS = 10
# Which fields each kind of content is searched on, and which two a result shows, are the
# registry's (``search_fields``, ``search_result_fields`` on each model). A project's short code
# (WAPIS, iARMS) is the same in every language (``master__code``): a French reader typing
# "WAPIS" finds the project whose French name says SIPAO.


def clean_query(raw):
    """The query as searched: control characters (NUL breaks PostgreSQL) removed, whitespace
    collapsed, at most MAX_QUERY_LENGTH characters."""
    text = "".join(
        " " if unicodedata.category(char).startswith("C") else char
        for char in raw[: MAX_QUERY_LENGTH * 2]
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def _stored_document(rows):
    """The column holding the rows' document, if their content keeps one."""
    try:
        master = rows.model._meta.get_field("master").related_model
    except FieldDoesNotExist:
        return None
    return getattr(master, "search_document_column", None)


def _use_full_text():
    return connection.vendor == "postgresql"


def _split(fields):
    """(fields of the searched rows, fields of their master object)."""
    own = [field for field in fields if not field.startswith("master__")]
    shared = [field.removeprefix("master__") for field in fields if field.startswith("master__")]
    return own, shared


def _shared_match(rows, shared, query):
    """Rows whose master object has one of the query's words as, say, its short code. Asked
    first, as a list of keys: an OR with a subquery would keep PostgreSQL from combining the
    text index with the key index (BitmapOr) and make it read every row of the language."""
    master = rows.model._meta.get_field("master").related_model
    words = list(dict.fromkeys(word.upper() for word in query.split()))[:MAX_CODE_WORDS]
    # Upper(field) as in the index on it (e.g. ``project_code_upper``).
    uppers = {f"upper_{name}": Upper(name) for name in shared}
    condition = Q()
    for alias in uppers:
        condition |= Q(**{f"{alias}__in": words})
    masters = master._base_manager.annotate(**uppers).filter(condition)
    keys = list(masters.values_list("pk", flat=True)[:MAX_MATCHES])
    return Q(master_id__in=keys) if keys else Q(pk__in=[])


def _matches(rows, fields, query, language):
    """(at most MAX_MATCHES rows of ``rows`` matching ``query``, best first, each with the
    number of matches as ``total``)."""
    own, shared = _split(fields)
    if _use_full_text() and language in SEARCH_CONFIGS:
        # websearch syntax: any text a visitor types is a valid query (no tsquery errors).
        search_query = SearchQuery(query, config=SEARCH_CONFIGS[language], search_type="websearch")
        condition = Q(document=search_query)
        if shared:
            condition |= _shared_match(rows, shared, query)
        column = _stored_document(rows)
        vector = StoredDocument(column) if column else document(own, language)
        candidates = rows.annotate(document=vector).filter(condition)
        ordering = ["-rank", "pk"]
        rank = SearchRank(vector, search_query)
    else:
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": query})
        candidates = rows.filter(condition)
        ordering = ["pk"]
        rank = None
    best = rows.model._base_manager.filter(
        pk__in=candidates.order_by().values("pk")[:MAX_MATCHES]
    ).annotate(total=Window(Count("pk")))
    if rank is not None:
        best = best.annotate(rank=rank)
    return best.order_by(*ordering)


def _hits(query, language, number):
    """[(heading, [hit], total)] for page ``number`` of each kind of content."""
    results = []
    start = (number - 1) * RESULTS_PER_PAGE
    for entry in registry.entries():
        if not (entry.public and entry.search_fields):
            continue
        rows, fields, title, summary, url = entry.search_rows(language)
        found = list(_matches(rows, fields, query, language)[start : start + RESULTS_PER_PAGE])
        if found:
            hits = [
                {"title": getattr(row, title), "url": url(row), "summary": getattr(row, summary)}
                for row in found
            ]
            results.append((entry.verbose_name_plural, hits, found[0].total))
    return results


def search_content(query, language, page=1):
    """([(heading, [{title, url, summary}])], page) for each kind of content with matches on
    page ``page`` of the results. One query per kind (two for projects, whose short code is
    matched too): the matching rows (one per object in this language: never an object twice,
    django-parler #330, #281) carry the title and text shown. The page numbers run to the
    longest kind's last page; a page past the end finds nothing (at no extra cost)."""
    try:
        number = max(1, int(page))
    except (TypeError, ValueError):
        number = 1
    results = _hits(query, language, number)
    longest = max((total for _heading, _hits_, total in results), default=0)
    page = Paginator(range(longest), RESULTS_PER_PAGE).get_page(number)
    return [(heading, hits) for heading, hits, _total in results], page
