"""Cache tags: the names of what a page shows, collected while it renders and invalidated by
what a change touches (the page cache keeps them with each page, an edge cache purges by them;
``docs/architecture.md``, "The page cache"). Here, in the content base, because the content's
querysets record them; which tags a change touches is the registry's (``content.registry``)."""

from contextlib import contextmanager
from contextvars import ContextVar

# The site's shared parts (navigation, footer, site settings): on every page that shows them.
SHARED = "site:shared"
# The site's settings (names, emblem, the Office's facts): every page's frame, and the feeds.
SETTINGS = "site:settings"
# On every stored page: a change that no tag names (the site's address, a lost invalidation).
EVERYTHING = "site:all"

_collected = ContextVar("cache_tags", default=None)


def object_tag(model, pk):
    """One object: its row, its translations, its links (``projects.project:12``)."""
    return f"{model._meta.label_lower}:{pk}"


def list_tag(model):
    """Which objects of a model are shown, in which order: membership and the fields lists and
    filters are built from (``projects.project:list``)."""
    return f"{model._meta.label_lower}:list"


def any_tag(model):
    """Any change to any object of a model: for pages built from every object's text (search)."""
    return f"{model._meta.label_lower}:any"


@contextmanager
def collecting():
    """Collect the tags recorded inside (a set); nested collections add theirs to the outer."""
    outer = _collected.get()
    found = set()
    token = _collected.set(found)
    try:
        yield found
    finally:
        _collected.reset(token)
        if outer is not None:
            outer.update(found)


def active():
    return _collected.get() is not None


def record(*tags):
    """Say that the page being rendered (if any) shows what ``tags`` name."""
    found = _collected.get()
    if found is not None:
        found.update(tags)
