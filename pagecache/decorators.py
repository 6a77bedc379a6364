"""What a view says to the page cache: the query parameters its pages read, or that it must
never be cached."""


def page_cache_params(*names):
    """Declare the query parameters a view reads: only these form part of its cache key."""

    def decorate(view):
        view.page_cache_params = tuple(names)
        return view

    return decorate


def exempt_from_page_cache(view):
    """A view whose requests must not touch the cache at all (liveness, health)."""
    view.page_cache_exempt = True
    return view
