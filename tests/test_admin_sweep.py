"""The admin sweep: every registered ModelAdmin, every page, form and action, for every role;
nothing here names a model. What it opens, sends and asserts: docs/architecture.md, "The admin
sweep"."""

import time
from urllib.parse import urljoin

import pytest
import reversion
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import Client
from parler.admin import TranslatableAdmin
from reversion.admin import VersionAdmin
from reversion.models import Version

from content import registry
from content.languages import source_language
from tests.accounts import member
from tests.admin_pages import (
    delete_one_item_with_history,
    deleted_version,
    generated_urls,
    named_patterns,
    some_object,
)
from tests.admin_sweep import (
    LANGUAGES,
    Sweep,
    add_inline_row,
    admin_url,
    change_field,
    change_one,
    changeable_fields,
    fill_passwords,
    formset_of,
    formset_prefixes,
    pick_field,
    read_form,
    registered_admins,
)
from tests.review_sweep import sweep_review_transitions

pytestmark = pytest.mark.django_db

ROLES = {
    "superuser": lambda: get_user_model().objects.create_superuser("root", password="x-long-pw"),
    "editor": lambda: member("edith", "Editors"),
    "publisher": lambda: member("paul", "Publishers"),
    "french translator": lambda: member("amelie", "Translators", "translate_fr"),
    "french and spanish translator": lambda: member(
        "blanca", "Translators", "translate_fr", "translate_es"
    ),
    "staff in no group": lambda: get_user_model().objects.create_user(
        "nobody", password="x-long-pw", is_staff=True
    ),
}

#: What the sweep did, per role, for the report at the end of the session.
SWEPT = {}


def _languages(model_admin):
    # parler's tabs are addresses (?language=fr); modeltranslation's tabs share one page but
    # each language's field is changed in turn; other admins have one form.
    if isinstance(model_admin, TranslatableAdmin) or _has_translated_columns(model_admin.model):
        return LANGUAGES
    return [None]


def _has_translated_columns(model):
    names = {f.attname for f in model._meta.concrete_fields}
    return any(f"{name}_{LANGUAGES[0]}" in names for name in names)


def _with_language(url, model_admin, language):
    if language and isinstance(model_admin, TranslatableAdmin):
        return f"{url}?language={language}"
    return url


@pytest.fixture
def deleted_items(db):
    """One deleted item of each model with history, so the recover pages have something."""
    delete_one_item_with_history()


@pytest.fixture
def second_versions(db):
    """A second version of the item each history is swept for, its source text changed, so its
    history offers two versions to compare."""
    for model, model_admin in registered_admins():
        pk = some_object(model)
        if (
            not isinstance(model_admin, VersionAdmin)
            or pk is None
            or model not in registry.models()
        ):
            continue
        entry = registry.entry_for(model)
        obj = entry.objects().get(pk=pk)
        name = next(n for n in entry.translated_fields if not entry.is_rich(n) and n != "slug")
        text = (entry.values(obj, source_language()) or {}).get(name) or ""
        with reversion.create_revision():
            entry.write_translation(obj.pk, {name: f"{text} swept"}, source_language())


def _form_id(model):
    return f"{model._meta.model_name}_form"


_SUPERUSER_FORMS = {}


def superuser_forms():
    """The forms as the superuser sees them: what a forged request of another role sends.
    Read once: every test starts from the same seed."""
    if not _SUPERUSER_FORMS:
        _SUPERUSER_FORMS.update(_read_superuser_forms())
    return _SUPERUSER_FORMS


def _read_superuser_forms():
    client = Client(raise_request_exception=False)
    root = get_user_model().objects.filter(username="root").first() or ROLES["superuser"]()
    client.force_login(root)
    forms = {}
    for model, model_admin in registered_admins():
        pk = some_object(model)
        for language in _languages(model_admin):
            for view, args in (("add", ()), ("change", (pk,) if pk else None)):
                url = admin_url(model, view, *args) if args is not None else None
                if url is None:
                    continue
                url = _with_language(url, model_admin, language)
                response = client.get(url)
                if response.status_code == 200:
                    forms[url] = read_form(response.content.decode(), _form_id(model))
    return forms


def sweep_changelist(sweep, model, model_admin):
    url = admin_url(model, "changelist")
    response = sweep.get(url)
    if response is None or response.status_code != 200:
        return
    form = read_form(response.content.decode(), "changelist-form")
    for link in form.filter_links:
        sweep.get(url + link)
    for name, value in form.get_choices:
        sweep.get(url, **{name: value})
    for query in ("swept", "الإنتربول", "x" * 300):
        sweep.get(url, q=query)
    sweep.get(url, p="2")
    sweep.get(url, p="999")
    post = form.as_post("_save")
    if "form-TOTAL_FORMS" in post:
        # The editable columns, saved as rendered, then with one value changed.
        sweep.post(model, url, post)
        editable = [name for name in form.editable if name.startswith("form-")]
        if editable:
            sweep.post(model, url, change_one(post, editable[0]), changed=editable[0])
    pk = some_object(model)
    if pk is None:
        return
    for name in _action_names(model_admin):
        # Every action the admin has, offered to this role or not: a forged POST may ask.
        selection = {"action": name, "_selected_action": [pk], "index": "0"}
        sweep.post(model, url, selection, asks=True)
        if name == "delete_selected":
            sweep.post(model, url, {**selection, "post": "yes"}, asks=True)


def _action_names(model_admin):
    return [name for _func, name, _desc in model_admin._get_base_actions()]


def sweep_forms(sweep, model, model_admin):
    pk = some_object(model)
    for language in _languages(model_admin):
        for view, args in (("add", ()), ("change", (pk,) if pk else None)):
            if args is None or admin_url(model, view, *args) is None:
                continue
            url = _with_language(admin_url(model, view, *args), model_admin, language)
            response = sweep.get(url)
            own = None
            if response is not None and response.status_code == 200:
                own = read_form(response.content.decode(), _form_id(model))
                post = own.as_post()
                sweep.post(model, url, post)
                name = pick_field(own, language or "")
                if name:
                    sweep.post(model, url, change_one(post, name), changed=name)
            forged = sweep.superuser_forms.get(url)
            if forged is not None and not sweep.user.is_superuser:
                post = forged.as_post()
                name = pick_field(forged, language or "")
                sweep.post(model, url, change_one(post, name) if name else post, asks=True)
                if own is not None:
                    sweep_locked_fields(sweep, model, url, own, forged, post, name)


def sweep_locked_fields(sweep, model, url, own, forged, post, changed):
    """The superuser's form with one field changed that this role's own form does not let it
    change (read-only, or absent): a forged request. One such field of the main form and of
    each inline formset; then, in each inline formset, a row deleted and a row added where this
    role's form offers neither."""
    mine = set(changeable_fields(own))
    prefixes = formset_prefixes(post)
    locked = {}
    for field_name in changeable_fields(forged):
        if field_name in mine or field_name.endswith("-DELETE"):
            continue
        locked.setdefault(formset_of(field_name, prefixes), field_name)
    for field_name in locked.values():
        if field_name != changed:
            sweep.post(model, url, change_field(forged, post, field_name), asks=True)
    for prefix in prefixes:
        delete = f"{prefix}-0-DELETE"
        if delete in forged.checkboxes and delete not in own.checkboxes:
            sweep.post(model, url, change_field(forged, post, delete), asks=True)
        if not any(n.startswith(f"{prefix}-__prefix__-") for n, _v in own.data):
            added = add_inline_row(forged, post, prefix)
            if added is not None:
                sweep.post(model, url, added, asks=True)


def sweep_history_and_delete(sweep, model, model_admin):
    pk = some_object(model)
    if pk is None:
        return
    for view in ("history", "delete"):
        url = admin_url(model, view, pk)
        if url is None:
            continue
        response = sweep.get(url)
        if view == "history":
            # Its GET forms as rendered (the comparison of the two versions chosen by default);
            # the superuser's, for a role that may not see the history.
            if response is None or response.status_code != 200:
                response = sweep.root_client.get(url)
            for action, data in read_form(response.content.decode(), None).get_submissions:
                sweep.get(urljoin(url, action), **dict(data))
        if view == "delete":
            sweep.post(model, url, {"post": "yes"}, asks=True)
    if not isinstance(model_admin, VersionAdmin):
        return
    version = Version.objects.get_for_model(model).filter(object_id=pk).first()
    if version is not None:
        # One language: a revert rewrites every language at once (and the seed's revision
        # holds every object, so each revert form is costly).
        for language in _languages(model_admin)[:1]:
            url = _with_language(
                admin_url(model, "revision", pk, version.pk), model_admin, language
            )
            response = sweep.get(url)
            if response is not None and response.status_code == 200:
                form = read_form(response.content.decode(), _form_id(model))
                sweep.post(model, url, form.as_post(), asks=True)
            else:
                sweep.post(model, url, {"seen_version": "1"}, asks=True)
    sweep.get(admin_url(model, "recoverlist"))
    deleted = deleted_version(model)
    if deleted is not None:
        url = admin_url(model, "recover", deleted.pk)
        response = sweep.get(url)
        if response is not None and response.status_code == 200:
            form = read_form(response.content.decode(), _form_id(model))
            sweep.post(model, url, form.as_post(), asks=True)
        else:
            sweep.post(model, url, {}, asks=True)


#: The views the functions above sweep in depth (filters, tabs, forged forms); every other
#: address an admin or the admin site has is found in its ``get_urls()`` by sweep_other_urls.
SWEPT_IN_DEPTH = {
    "changelist",
    "add",
    "change",
    "delete",
    "history",
    "revision",
    "recover",
    "recoverlist",
}
_ROOT_PAGES = {}
_SUPERUSER_EFFECTS = {}


def _root_form(sweep, url):
    if url not in _ROOT_PAGES:
        response = sweep.root_client.get(url)
        _ROOT_PAGES[url] = (
            read_form(response.content.decode(), None) if response.status_code == 200 else None
        )
    return _ROOT_PAGES[url]


def sweep_page(sweep, model, url):
    """GET one address; POST its form as rendered and with one field changed (a password form
    with a password); if this role sees no form, the superuser's, as a forged request."""
    response = sweep.get(url)
    own = None
    if response is not None and response.status_code == 200 and "html" in response["Content-Type"]:
        own = read_form(response.content.decode(), None)
    asks = own is None or not own.data
    form = _root_form(sweep, url) if asks and model is not None else own
    if form is None or not form.data:
        return False
    post = form.as_post(submit=None)
    sweep.post(model, url, post, asks=asks)
    changed = fill_passwords(post, form)
    names = changeable_fields(form)
    if names:
        changed = change_field(form, changed, names[0])
    if changed != post:
        sweep.post(model, url, changed, asks=asks)
    return True


def sweep_other_urls(sweep, model, model_admin):
    opts = model._meta
    prefix = f"{opts.app_label}_{opts.model_name}_"
    patterns = [
        p
        for p in named_patterns(model_admin.get_urls())
        if p.name.removeprefix(prefix) not in SWEPT_IN_DEPTH
    ]
    for url in generated_urls(patterns, model):
        sweep_page(sweep, model, url)


def sweep_site_urls(sweep, admins):
    """The admin site's own addresses (index, login, logout, password change, app lists,
    "view on site"...), each for every model where it takes one."""
    urls = []
    for model, _model_admin in admins:
        urls += generated_urls(named_patterns(admin.site.get_urls()), model)
    for url in dict.fromkeys(urls):
        if sweep_page(sweep, None, url):
            # The logout and the password change end or renew the session: log in again.
            sweep.client.force_login(sweep.user)


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_page_form_and_action_holds_for(role, deleted_items, second_versions):
    started = time.monotonic()
    forms = superuser_forms()
    user = ROLES[role]() if role != "superuser" else get_user_model().objects.get(username="root")
    client = Client()
    client.force_login(user)
    root_client = Client()
    root = get_user_model().objects.filter(username="root").first() or ROLES["superuser"]()
    root_client.force_login(root)
    sweep = Sweep(client, user, forms, root_client, _SUPERUSER_EFFECTS)
    admins = registered_admins()
    for model, model_admin in admins:
        sweep_changelist(sweep, model, model_admin)
        sweep_forms(sweep, model, model_admin)
        sweep_history_and_delete(sweep, model, model_admin)
        sweep_other_urls(sweep, model, model_admin)
        sweep_review_transitions(sweep, model, model_admin)
    sweep_site_urls(sweep, admins)
    SWEPT[role] = (len(admins), sweep.requests, sweep.asked, time.monotonic() - started)
    assert not sweep.failures, "\n".join(sweep.failures)
