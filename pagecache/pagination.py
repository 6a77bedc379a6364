"""A paginator whose cost does not grow with the content: its count is kept per version of the
list it counts (``content.cachetags.list_tag``), and its depth is capped (``max_pages``; the
sitemap reaches every object)."""

from django.conf import settings
from django.core.cache import caches
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from content.cachetags import list_tag
from pagecache.invalidation import tag_version

# A bound on memory only: a change of the list (a scheduled publication included, see
# ``pagecache.invalidation.publication_tags``) gives the count a new key.
COUNT_SECONDS = 24 * 3600


class BoundedPaginator(Paginator):
    def __init__(
        self, object_list, per_page, *, count_key, max_pages=None, version=None, **kwargs
    ):
        """``version``: of the counted list, when the view has already read it (otherwise the
        list tag of the objects' model is read)."""
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key
        self.max_pages = max_pages
        self.version = version

    @cached_property
    def count(self):
        store = caches[settings.CACHE_MIDDLEWARE_ALIAS]
        version = self.version
        if version is None:
            model = getattr(self.object_list, "model", None) or self.object_list.queryset.model
            version = tag_version(list_tag(model))
        key = f"count:{version}:{self.count_key}"
        count = store.get(key)
        if count is None:
            count = super().count
            store.set(key, count, COUNT_SECONDS)
        return count

    @cached_property
    def num_pages(self):
        pages = super().num_pages
        return min(pages, self.max_pages) if self.max_pages else pages
