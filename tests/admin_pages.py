"""Every address of the admin, generated from its registries: the admin site's and each
ModelAdmin's ``get_urls()``, with their arguments filled from the database. The admin sweep
(tests/test_admin_sweep.py) posts to them; the browser tests (tests/e2e/test_admin_*.py) open
every one that answers a GET with a page. Nothing here names a model or a view: an address an
admin adds tomorrow is in the list as it is.
"""

import inspect

from django.conf import settings
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, URLPattern, reverse
from parler.admin import TranslatableAdmin
from reversion.admin import VersionAdmin
from reversion.models import Version

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def registered_admins():
    """Every ModelAdmin of the site, in a stable order."""
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def admin_url(model, view, *args):
    opts = model._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)
    except NoReverseMatch:
        return None


def some_object(model):
    """The first object's key as an address carries it; "1" for a model without a table (its
    admin still has addresses); None when there is none."""
    if not model._meta.managed:
        return "1"
    obj = model._base_manager.order_by("pk").first()
    return None if obj is None else str(obj.pk)


def deleted_version(model):
    if not model._meta.managed:
        return None
    return Version.objects.get_deleted(model).first()


def named_patterns(urls):
    return [p for p in urls if isinstance(p, URLPattern) and p.name]


def _arguments(pattern):
    """The names of what the address carries: a path's own names, else (a regular expression's
    unnamed groups) the view's arguments after ``request``, in order."""
    converters = getattr(pattern.pattern, "converters", None)
    if converters is not None:
        return list(converters), True
    regex = pattern.pattern.regex
    if regex.groupindex:
        return list(regex.groupindex), True
    view = inspect.unwrap(pattern.callback)
    names = [n for n in inspect.signature(view).parameters if n not in ("self", "request")]
    return names[: regex.groups], False


def _value(name, model, language):
    if "language" in name:
        return language
    if "version" in name:
        version = Version.objects.get_for_model(model).first() if model._meta.managed else None
        return str(version.pk) if version else "1"
    if name == "app_label":
        return model._meta.app_label
    if "content_type" in name:
        return str(ContentType.objects.get_for_model(model).pk)
    return some_object(model) or "1"


def generated_urls(patterns, model, namespace="admin", languages=LANGUAGES):
    """Each named address of ``patterns`` with its arguments filled for ``model``: every
    language of ``languages`` where it takes one."""
    urls = []
    for pattern in patterns:
        names, by_name = _arguments(pattern)
        wanted = languages if any("language" in n for n in names) else [None]
        for language in wanted:
            values = [_value(n, model, language) for n in names]
            try:
                url = reverse(
                    f"{namespace}:{pattern.name}",
                    kwargs=dict(zip(names, values, strict=True)) if by_name else None,
                    args=None if by_name else values,
                )
            except NoReverseMatch:
                continue
            urls.append(url)
    return urls


#: The views of a ModelAdmin that ``admin_pages`` opens in their own ways (tabs, a search, an
#: object, a version); every other address of its ``get_urls()`` is generated.
OWN_WAYS = {
    "changelist",
    "add",
    "change",
    "history",
    "delete",
    "revision",
    "recoverlist",
    "recover",
}


def _tabbed(url, model_admin, tabs):
    if isinstance(model_admin, TranslatableAdmin):
        return [f"{url}?language={tab}" for tab in tabs]
    return [url]


def admin_pages(language):
    """(name, address) of every admin page a GET may open, for the interface in ``language``:
    the admin site's own addresses (the index, app lists, password change, and whatever it
    adds), then per ModelAdmin its changelist (also searched; the browser adds a filter), add
    and change forms (on the tab of ``language`` and on the French one, where tabs exist), the
    first object's history, delete confirmation and first version, the recover list and a
    deleted item's recover form, and every other address of its ``get_urls()``.

    Some answer a role with a 403, a redirect, a file: the browser keeps what answers a page.
    """
    tabs = list(dict.fromkeys([language, "fr"]))
    pages = []
    admins = registered_admins()
    site_patterns = [p for p in named_patterns(admin.site.get_urls()) if p.name != "login"]
    for model, _model_admin in admins:
        for url in generated_urls(site_patterns, model, languages=[language]):
            pages.append((url.strip("/").replace("/", " ") or "admin index", url))
    for model, model_admin in admins:
        label = model._meta.label_lower
        changelist = admin_url(model, "changelist")
        if changelist:
            pages.append((f"{label} list", changelist))
            if model_admin.search_fields:
                pages.append((f"{label} list searched", f"{changelist}?q=a"))
        add = admin_url(model, "add")
        if add:
            pages += [(f"{label} add form", url) for url in _tabbed(add, model_admin, tabs)]
        pk = some_object(model) if model._meta.managed else None
        if pk is not None:
            change = admin_url(model, "change", pk)
            if change:
                pages += [(f"{label} form", url) for url in _tabbed(change, model_admin, tabs)]
            for view in ("history", "delete"):
                url = admin_url(model, view, pk)
                if url:
                    pages.append((f"{label} {view}", url))
        if isinstance(model_admin, VersionAdmin):
            version = Version.objects.get_for_model(model).filter(object_id=pk).first()
            if version is not None:
                url = admin_url(model, "revision", pk, version.pk)
                pages += [(f"{label} version", u) for u in _tabbed(url, model_admin, tabs[:1])]
            pages.append((f"{label} recover list", admin_url(model, "recoverlist")))
            deleted = deleted_version(model)
            if deleted is not None:
                pages.append((f"{label} recover form", admin_url(model, "recover", deleted.pk)))
        prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
        others = [
            p
            for p in named_patterns(model_admin.get_urls())
            if p.name.removeprefix(prefix) not in OWN_WAYS
        ]
        for url in generated_urls(others, model, languages=[language]):
            pages.append((f"{label} {url.rstrip('/').rsplit('/', 1)[-1]}", url))
    unique = {}
    for name, url in pages:
        if url:
            unique.setdefault(url, name)
    return [(name, url) for url, name in unique.items()]


def delete_one_item_with_history():
    """Delete the last object of each model with history (and more than one object), so the
    recover pages have something to show."""
    for model, model_admin in registered_admins():
        if isinstance(model_admin, VersionAdmin) and model._base_manager.count() > 1:
            obj = model._base_manager.order_by("pk").last()
            if Version.objects.get_for_object(obj).exists():
                obj.delete()
