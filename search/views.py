"""The search page: every kind of content, in the page's language."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

from content import cachetags, registry
from pagecache.decorators import page_cache_params
from search.queries import MAX_QUERY_LENGTH, clean_query, search_content


@page_cache_params("q", "page")
@require_safe
def search(request):
    # Built from every object's text, found or not: any change of any content touches it.
    cachetags.record(*(cachetags.any_tag(entry.model) for entry in registry.entries()))
    raw = request.GET.get("q", "")
    query = clean_query(raw)
    results, page = [], None
    if query:
        language = translation.get_language()
        results, page = search_content(query, language, request.GET.get("page"))
    return render(
        request,
        "search.html",
        {
            "query": query,
            "truncated": len(raw) > MAX_QUERY_LENGTH,
            "results": results,
            "page": page,
            "querystring": urlencode({"q": query}),
            "max_length": MAX_QUERY_LENGTH,
        },
    )
