"""The machinery of the admin sweep (tests/test_admin_sweep.py): read forms as a browser would,
post them back, and judge every change in the database against what the role may write.

Nothing here names a model: the admins come from ``admin.site._registry``, their tables from
each model's ``_meta`` (parler translation tables and many-to-many tables included), the rights
from the permission helpers the admin itself is supposed to obey.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

from django.conf import settings
from django.contrib import admin
from django.core.cache import cache
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from parler.models import TranslatableModel

from eurelations.admin import PUBLICATION_FIELDS
from eurelations.permissions import can_edit_shared_fields, can_publish
from translations.permissions import can_translate

LANGUAGES = [code for code, _name in settings.LANGUAGES]
#: What a save writes by itself (audit, counters, derived columns): never a right of its own.
BOOKKEEPING = {
    "version",
    "updated_at",
    "updated_by",
    "updated_by_id",
    "created_at",
    "created_by",
    "created_by_id",
    "last_login",
}
TEXT_INPUTS = {"text", "number", "email", "url", "search", "tel", ""}


# --- forms as a browser reads them ------------------------------------------------------------


class _FormReader(HTMLParser):
    """Collects the fields of one form (by id) as a browser would submit them, and the
    links of the changelist's filters."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.depth = 0  # > 0 inside the wanted form
        self.fields = []  # (name, value, kind)
        self.editable = []  # names a person can type into
        self.select = None
        self.select_options = []
        self.textarea = None
        self.filter_links = []
        self.in_filter = 0
        self.get_forms = 0  # > 0 inside a GET form (the dashboard's filters)
        self.get_choices = []  # (name, value) of the selects of GET forms

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        # Every link that stays on the page: filters, sorting, pages, the dashboard's counts.
        if tag == "a" and attrs.get("href", "").startswith("?"):
            self.filter_links.append(attrs["href"])
        if tag in ("div", "nav") and attrs.get("id") == "changelist-filter":
            self.in_filter = 1
        elif self.in_filter and tag in ("div", "nav"):
            self.in_filter += 1
        if tag == "form" and attrs.get("method", "get").lower() == "get":
            self.get_forms += 1
        if self.get_forms and tag == "select" and attrs.get("name"):
            self.get_select = attrs["name"]
        if self.get_forms and tag == "option" and getattr(self, "get_select", None):
            self.get_choices.append((self.get_select, attrs.get("value", "")))
        if tag == "form":
            if self.depth:
                self.depth += 1
            elif attrs.get("id") == self.form_id:
                self.depth = 1
            return
        if not self.depth or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields.append((name, attrs.get("value", "on"), kind))
            elif kind not in ("submit", "button", "image", "reset", "file"):
                self.fields.append((name, attrs.get("value", ""), kind))
                if kind in TEXT_INPUTS and "readonly" not in attrs:
                    self.editable.append(name)
        elif tag == "select" and name:
            self.select = (name, "multiple" in attrs)
            self.select_options = []
        elif tag == "option" and self.select:
            self.select_options.append((attrs.get("value", ""), "selected" in attrs))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]

    def handle_endtag(self, tag):
        if self.in_filter and tag in ("div", "nav"):
            self.in_filter -= 1
        if tag == "form" and self.get_forms:
            self.get_forms -= 1
        if tag == "select":
            self.get_select = None
        if tag == "form" and self.depth:
            self.depth -= 1
        elif tag == "select" and self.select:
            name, multiple = self.select
            chosen = [value for value, selected in self.select_options if selected]
            if not chosen and not multiple and self.select_options:
                chosen = [self.select_options[0][0]]
            self.fields += [(name, value, "select") for value in chosen]
            self.select = None
        elif tag == "textarea" and self.textarea:
            name, text = self.textarea
            # A browser drops the one newline that follows <textarea>.
            self.fields.append((name, text.removeprefix("\n"), "textarea"))
            self.editable.append(name)
            self.textarea = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data


@dataclass
class Form:
    data: list  # [(name, value)] in document order, repeated names allowed
    editable: list
    filter_links: list = field(default_factory=list)
    get_choices: list = field(default_factory=list)

    def as_post(self, submit="_save"):
        post = {}
        for name, value in self.data:
            post.setdefault(name, []).append(value)
        if submit:
            post[submit] = ["1"]
        return post


def read_form(html, form_id):
    reader = _FormReader(form_id)
    reader.feed(html)
    kinds = {name: kind for name, _value, kind in reader.fields}
    return Form(
        data=[(name, value) for name, value, _kind in reader.fields],
        editable=[name for name in reader.editable if _changeable(name, kinds.get(name))],
        filter_links=list(dict.fromkeys(reader.filter_links)),
        get_choices=list(dict.fromkeys(reader.get_choices)),
    )


def _changeable(name, kind):
    return not (
        name.startswith(("_", "initial-", "csrf"))
        or name.endswith(("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"))
        or name in ("seen_version", "q", "index", "action", "select_across")
        or "password" in name
        or kind == "hidden"
    )


def change_one(post, name):
    """``post`` with the field ``name`` changed the way a person would change it."""
    post = {key: list(values) for key, values in post.items()}
    value = post.get(name, [""])[0]
    if value.lstrip("-").isdigit():
        changed = str(int(value) + 1)
    elif "url" in name or "website" in name:
        changed = "https://example.org/swept/"
    elif name.endswith(("slug", "key", "username")) or "slug_" in name:
        changed = f"{value or 'x'}-swept"
    elif value.startswith("<"):
        changed = f"{value}<p>swept</p>"
    else:
        changed = f"{value} swept"
    post[name] = [changed]
    return post


def pick_field(form, language):
    """The first editable field of ``language`` (modeltranslation names it ``title_fr``), else
    the first editable field."""
    own = [name for name in form.editable if name.endswith(f"_{language}")]
    return (own or form.editable or [None])[0]


# --- the tables an admin writes, and who may write what ------------------------------------------


def tables_of(model):
    """The model, its parler translation models and its many-to-many tables."""
    models = [model]
    if issubclass(model, TranslatableModel):
        models += [meta.model for meta in model._parler_meta]
    models += [f.remote_field.through for f in model._meta.local_many_to_many]
    return [m for m in models if m._meta.managed and not m._meta.proxy]


def snapshot(model):
    return {
        table._meta.label: {row["pk"]: row for row in _rows(table)} for table in tables_of(model)
    }


def _rows(table):
    names = [f.attname for f in table._meta.concrete_fields]
    for values in table._base_manager.order_by("pk").values_list("pk", *names):
        yield dict(zip(["pk", *names], values, strict=True))


def _translated_column_language(model, name):
    """``fr`` for modeltranslation's ``title_fr`` column, else None."""
    for language in LANGUAGES:
        suffix = f"_{language}"
        if name.endswith(suffix):
            base = name[: -len(suffix)]
            if any(f.attname == base for f in model._meta.concrete_fields):
                return language
    return None


def _is_translated_base(model, name):
    # modeltranslation keeps the original column in step with the default language's one.
    return any(
        f.attname == f"{name}_{language}"
        for f in model._meta.concrete_fields
        for language in LANGUAGES
    )


def may_write(user, owner, table, row, name):
    """May ``user`` change column ``name`` of ``row`` in ``table`` (a table of ``owner``'s)?"""
    if user.is_superuser:
        return True
    opts = owner._meta
    if not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        return False
    if name in BOOKKEEPING or name == "pk":
        return True
    if issubclass(owner, TranslatableModel) and table is not owner:
        if table in [meta.model for meta in owner._parler_meta]:
            return can_translate(user, row["language_code"])
    if table is owner:
        language = _translated_column_language(owner, name)
        if language:
            return can_translate(user, language)
        if _is_translated_base(owner, name):
            return True
        if name in PUBLICATION_FIELDS:
            return can_publish(user)
        if _is_content(owner):
            return can_edit_shared_fields(user)
        return True
    # A many-to-many table of the owner: a shared field.
    return can_edit_shared_fields(user) if _is_content(owner) else True


def may_add_or_delete(user, owner, table, row, action):
    if user.is_superuser:
        return True
    opts = owner._meta
    if issubclass(owner, TranslatableModel) and table in [m.model for m in owner._parler_meta]:
        # A new language (or its removal) is that language's text.
        return can_translate(user, row["language_code"]) and (
            user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
            or user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")
        )
    if table is owner:
        return user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")
    return may_write(user, owner, table, row, "link")


def _is_content(model):
    from eurelations import registry

    return model in registry.models()


def forbidden_changes(user, owner, before, after):
    """Every change between two snapshots that ``user`` may not make."""
    problems = []
    for label, rows in after.items():
        table = next(t for t in tables_of(owner) if t._meta.label == label)
        old_rows = before[label]
        for pk, row in rows.items():
            old = old_rows.get(pk)
            if old is None:
                if not may_add_or_delete(user, owner, table, row, "add"):
                    problems.append(f"added {label} {pk}")
                continue
            for name, value in row.items():
                if old[name] != value and not may_write(user, owner, table, row, name):
                    problems.append(f"changed {label} {pk}.{name}: {old[name]!r} -> {value!r}")
        for pk, row in old_rows.items():
            if pk not in rows and not may_add_or_delete(user, owner, table, row, "delete"):
                problems.append(f"deleted {label} {pk}")
    return problems


# --- the sweep ---------------------------------------------------------------------------------


def registered_admins():
    """Every ModelAdmin of the site, in a stable order."""
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def admin_url(model, view, *args):
    opts = model._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)
    except NoReverseMatch:
        return None


class Sweep:
    """Sends the requests of one role and collects what went wrong."""

    def __init__(self, client, user, forms_of_superuser):
        self.client = client
        self.user = user
        self.superuser_forms = forms_of_superuser
        self.requests = 0
        self.failures = []
        client.raise_request_exception = False

    def fail(self, what, url, detail):
        self.failures.append(f"{self.user.username}: {what} {url}: {detail}")

    def get(self, url, **params):
        return self._send("GET", None, url, params)

    def post(self, model, url, data, *, changed=None):
        return self._send("POST", model, url, data, changed=changed)

    def _send(self, method, model, url, data, changed=None):
        self.requests += 1
        response = None
        with transaction.atomic():
            before = snapshot(model) if model is not None else None
            try:
                if method == "GET":
                    response = self.client.get(url, data)
                else:
                    response = self.client.post(url, data)
            except Exception as error:  # noqa: BLE001 - the sweep reports, then goes on
                self.fail(method, url, f"raised {error!r}")
            if response is not None and response.status_code >= 500:
                exc = getattr(response, "exc_info", None)
                self.fail(method, url, f"{response.status_code} {exc[1]!r}" if exc else "5xx")
            if response is not None and model is not None and response.status_code < 500:
                try:
                    after = snapshot(model)
                except Exception as error:  # noqa: BLE001 - a broken transaction, reported
                    self.fail(method, url, f"left the transaction broken: {error!r}")
                    after = before
                for problem in forbidden_changes(self.user, model, before, after):
                    self.fail(method, url, problem)
                if changed and response.status_code == 302 and before == after:
                    # "Changed successfully", and nothing was written: the text is lost.
                    self.fail(method, url, f"reported success but did not save {changed}")
            transaction.set_rollback(True)
        # parler caches translations by primary key: what the rolled-back request cached is gone.
        cache.clear()
        return response


def query_of(link):
    return dict(parse_qsl(urlsplit(link).query, keep_blank_values=True))
