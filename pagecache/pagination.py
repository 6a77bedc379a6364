"""A paginator whose cost does not grow with the content: its count is kept per page-cache
generation, and its depth is capped (``max_pages``; the sitemap reaches every object)."""

from django.conf import settings
from django.core.cache import caches
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from pagecache.invalidation import current_generation

# Like a cached page: a scheduled publication (no save, so no new generation) is counted
# within this time.
COUNT_SECONDS = 300


class BoundedPaginator(Paginator):
    def __init__(
        self, object_list, per_page, *, count_key, max_pages=None, generation=None, **kwargs
    ):
        """``generation``: the page-cache generation, when the view has already read it."""
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key
        self.max_pages = max_pages
        self.generation = generation

    @cached_property
    def count(self):
        store = caches[settings.CACHE_MIDDLEWARE_ALIAS]
        generation = current_generation() if self.generation is None else self.generation
        key = f"count:{generation}:{self.count_key}"
        count = store.get(key)
        if count is None:
            count = super().count
            store.set(key, count, COUNT_SECONDS)
        return count

    @cached_property
    def num_pages(self):
        pages = super().num_pages
        return min(pages, self.max_pages) if self.max_pages else pages
