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
from django.contrib import admin, messages
from django.core.cache import cache
from django.db import transaction
from parler.models import TranslatableModel

from content.admin import PUBLICATION_FIELDS
from content.permissions import can_edit_shared_fields, can_publish
from tests.admin_pages import admin_url, registered_admins  # noqa: F401 - the sweep's names
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
        #: Each GET form as a browser submits it untouched: (action, [(name, value)]).
        self.get_submissions = []
        self.choices = {}  # name: [values] of each single select of the form
        self.checkboxes = {}  # name: value of each checkbox of the form, ticked or not

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
            self.get_submissions.append((attrs.get("action", ""), []))
        if self.get_forms and tag == "input" and attrs.get("name") and "disabled" not in attrs:
            kind = attrs.get("type", "text").lower()
            if kind not in ("checkbox", "radio", "submit", "button", "image", "reset", "file") or (
                "checked" in attrs
            ):
                self.get_submissions[-1][1].append((attrs["name"], attrs.get("value", "")))
        if self.get_forms and tag == "select" and attrs.get("name"):
            self.get_select = attrs["name"]
        if self.get_forms and tag == "option" and getattr(self, "get_select", None):
            self.get_choices.append((self.get_select, attrs.get("value", "")))
        if tag == "form":
            if self.depth:
                self.depth += 1
            elif self.form_id is None and not self.fields:
                # The page's own form: the first that posts to the page itself.
                if attrs.get("method", "").lower() == "post" and not attrs.get("action"):
                    self.depth = 1
            elif attrs.get("id") == self.form_id:
                self.depth = 1
            return
        if not self.depth or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind == "checkbox":
                self.checkboxes[name] = attrs.get("value", "on")
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
            if not multiple:
                self.choices[name] = [value for value, _selected in self.select_options]
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
    get_submissions: list = field(default_factory=list)
    choices: dict = field(default_factory=dict)
    checkboxes: dict = field(default_factory=dict)

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
        get_submissions=reader.get_submissions,
        choices=reader.choices,
        checkboxes=reader.checkboxes,
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


def fill_passwords(post, form):
    """``post`` with every password input of ``form`` given one strong password, so a password
    form is a change, not a form error."""
    post = {key: list(values) for key, values in post.items()}
    for name, _value in form.data:
        if "password" in name and not name.startswith("old"):
            post[name] = ["Swept-pass-phrase-2026!"]
    return post


def changeable_fields(form):
    """What a person could change on ``form``, the kinds most likely to make a valid change
    first: a select to another of its options, a tick box, then what is typed."""
    post = form.as_post()
    names = [name for name, values in form.choices.items() if len(values) > 1]
    names += [name for name in form.checkboxes if _changeable(name, "checkbox")]
    names += sorted(form.editable, key=lambda name: not post.get(name, [""])[0].isdigit())
    return [name for name in dict.fromkeys(names) if _changeable(name, None)]


def change_field(form, post, name):
    """``post`` with ``name`` changed: another option of a select, a tick box flipped, else
    ``change_one``."""
    post = {key: list(values) for key, values in post.items()}
    if name in form.choices:
        current = post.get(name, [""])[0]
        post[name] = [next(v for v in form.choices[name] if v != current)]
    elif name in form.checkboxes:
        if name in post:
            del post[name]
        else:
            post[name] = [form.checkboxes[name]]
    else:
        post = change_one(post, name)
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


@dataclass(frozen=True)
class Table:
    """A table an admin's pages write: ``owner`` is the model it belongs to (the table itself, or
    the model whose translations or links it holds); ``parent`` the admin's model when the owner
    is edited inline on its page, else None."""

    model: type
    owner: type
    parent: type = None


def tables_written_by(model):
    """Every table the admin of ``model`` writes: the model's own (``tables_of``), and those of
    each of its admin's inlines, whose rows are saved with the parent's form."""
    tables = [Table(table, model) for table in tables_of(model)]
    model_admin = admin.site._registry.get(model)
    for inline in getattr(model_admin, "inlines", ()):
        tables += [Table(table, inline.model, model) for table in tables_of(inline.model)]
    unique = {}
    for table in tables:
        unique.setdefault(table.model._meta.label, table)
    return list(unique.values())


def snapshot(model):
    return {
        table.model._meta.label: {row["pk"]: row for row in _rows(table.model)}
        for table in tables_written_by(model)
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


def _translation_tables(model):
    if not issubclass(model, TranslatableModel):
        return []
    return [meta.model for meta in model._parler_meta]


def _may_change(user, model):
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def may_write(user, owner, table, row, name, parent=None):
    """May ``user`` change column ``name`` of ``row`` in ``table`` (a table of ``owner``'s, edited
    inline on ``parent``'s page when ``parent`` is given)?

    An inline row is part of its parent's content: writing it needs the right to change the
    parent, its shared fields the right to edit shared fields when either is content, its text
    that language's right."""
    if user.is_superuser:
        return True
    if not _may_change(user, parent or owner):
        return False
    if name in BOOKKEEPING or name == "pk":
        return True
    if table in _translation_tables(owner):
        return can_translate(user, row["language_code"])
    content = _is_content(owner) or (parent is not None and _is_content(parent))
    if table is owner:
        language = _translated_column_language(owner, name)
        if language:
            return can_translate(user, language)
        if _is_translated_base(owner, name):
            return True
        if name in PUBLICATION_FIELDS:
            return can_publish(user)
        return can_edit_shared_fields(user) if content else True
    # A many-to-many table of the owner: a shared field.
    return can_edit_shared_fields(user) if content else True


def may_add_or_delete(user, owner, table, row, action, parent=None):
    if user.is_superuser:
        return True
    opts = owner._meta
    own_right = user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")
    if table in _translation_tables(owner):
        # A new language (or its removal) is that language's text; an inline row's text comes
        # and goes with its row.
        if parent is not None and may_add_or_delete(user, owner, owner, row, action, parent):
            return True
        return can_translate(user, row["language_code"]) and (
            _may_change(user, parent or owner) or own_right
        )
    if table is owner and parent is not None:
        # A row added to or removed from the parent's page: a change of what every language
        # shares.
        content = _is_content(owner) or _is_content(parent)
        return (
            _may_change(user, parent)
            and own_right
            and (can_edit_shared_fields(user) if content else True)
        )
    if table is owner:
        return own_right
    return may_write(user, owner, table, row, "link", parent)


def _is_content(model):
    from content import registry

    return model in registry.models()


def forbidden_changes(user, model, before, after):
    """Every change between two snapshots of the tables ``model``'s admin writes that ``user``
    may not make."""
    problems = []
    tables = {table.model._meta.label: table for table in tables_written_by(model)}
    for label, rows in after.items():
        table = tables[label]
        rules = (table.owner, table.model)
        old_rows = before[label]
        for pk, row in rows.items():
            old = old_rows.get(pk)
            if old is None:
                if not may_add_or_delete(user, *rules, row, "add", table.parent):
                    problems.append(f"added {label} {pk}")
                continue
            for name, value in row.items():
                if old[name] != value and not may_write(user, *rules, row, name, table.parent):
                    problems.append(f"changed {label} {pk}.{name}: {old[name]!r} -> {value!r}")
        for pk, row in old_rows.items():
            if pk not in rows and not may_add_or_delete(user, *rules, row, "delete", table.parent):
                problems.append(f"deleted {label} {pk}")
    return problems


# --- the sweep ---------------------------------------------------------------------------------


class Sweep:
    """Sends the requests of one role and collects what went wrong."""

    def __init__(self, client, user, forms_of_superuser, root_client=None, effects=None):
        self.client = client
        self.user = user
        self.superuser_forms = forms_of_superuser
        #: The superuser's client: what a request asks for is what it does for them.
        self.root_client = root_client
        self.requests = 0
        self.asked = 0  # requests sent again as the superuser, to know what they ask for
        #: The superuser's effect per (url, data), shared by the roles: every test starts from
        #: the same seed, and only the rows that differ are kept.
        self.effects = {} if effects is None else effects
        self.failures = []
        client.raise_request_exception = False
        if root_client is not None:
            root_client.raise_request_exception = False

    def fail(self, what, url, detail):
        self.failures.append(f"{self.user.username}: {what} {url}: {detail}")

    def get(self, url, **params):
        return self._send("GET", None, url, params)

    def post(self, model, url, data, *, changed=None, asks=False):
        """POST ``data``; ``asks``: the data is complete as the superuser would send it (their
        form, an action, a confirmation), so what it does for them is what it asks for."""
        return self._send("POST", model, url, data, changed=changed, asks=asks)

    def _send(self, method, model, url, data, changed=None, asks=False):
        self.requests += 1
        response = None
        before = None
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
        if method == "POST" and response is not None and response.status_code < 500:
            self._check_refusal(model, url, data, response, before, asks)
        return response

    def _check_refusal(self, model, url, data, response, before, asks):
        """The role gets a 403 or a form error wherever it may not act: never a redirect or a
        success message for a request that asks for what it may not do."""
        if "action" in data and "index" in data and _warned(response):
            # The action exists but is not offered to this role: Django says "No action
            # selected" and redirects, as if the person had made a mistake.
            self.fail("POST", url, f"action {data['action']!r} answered with a warning, not 403")
            return
        if (
            not asks
            or self.user.is_superuser
            or self.root_client is None
            or model is None
            or refused(response)
        ):
            return
        asked = self._superuser_effect(model, url, data, before)
        problems = forbidden_changes(self.user, model, *asked)
        if problems:
            self.fail(
                "POST",
                url,
                f"answered {response.status_code} to a request that asks for "
                f"{problems[0]} (the superuser's effect): a 403 or a form error was due",
            )

    def _superuser_effect(self, model, url, data, before):
        """The rows the same POST changes for the superuser (only the rows that differ), sent in
        a savepoint rolled back after it; once per (url, data)."""
        key = (
            url,
            repr(sorted((k, v if isinstance(v, str) else tuple(v)) for k, v in data.items())),
        )
        if key not in self.effects:
            self.asked += 1
            with transaction.atomic():
                self.root_client.post(url, data)
                after = snapshot(model)
                transaction.set_rollback(True)
            cache.clear()
            self.effects[key] = _delta(before, after)
        return self.effects[key]


def refused(response):
    """A 4xx, or the page again with a form error."""
    if 400 <= response.status_code < 500:
        return True
    if response.status_code != 200:
        return False
    body = response.content.decode(errors="replace")
    return 'class="errornote' in body or 'class="errorlist' in body


def _warned(response):
    storage = getattr(response.wsgi_request, "_messages", None)
    queued = getattr(storage, "_queued_messages", [])
    return any(message.level == messages.WARNING for message in queued)


def _delta(before, after):
    """The rows of two snapshots that differ, as a (before, after) pair of snapshots."""
    old, new = {}, {}
    for label in after:
        pks = {
            pk
            for pk in set(before[label]) | set(after[label])
            if before[label].get(pk) != after[label].get(pk)
        }
        old[label] = {pk: before[label][pk] for pk in pks if pk in before[label]}
        new[label] = {pk: after[label][pk] for pk in pks if pk in after[label]}
    return old, new


def query_of(link):
    return dict(parse_qsl(urlsplit(link).query, keep_blank_values=True))


# --- inline formsets ---------------------------------------------------------------------------


def formset_prefixes(post):
    """The prefixes of the inline formsets a form posts (each has its management form)."""
    return [name.removesuffix("-TOTAL_FORMS") for name in post if name.endswith("-TOTAL_FORMS")]


def formset_of(name, prefixes):
    """The inline formset ``name`` belongs to (``objectives`` for ``objectives-0-key``), else
    None: a field of the main form."""
    return next((p for p in prefixes if name.startswith(f"{p}-")), None)


def add_inline_row(form, post, prefix):
    """``post`` with one more row in the inline formset ``prefix``, filled from the formset's
    empty form (``prefix-__prefix__-…``) as a person would fill it; None without one."""
    template = f"{prefix}-__prefix__-"
    fields = [(name, value) for name, value in form.data if name.startswith(template)]
    if not fields:
        return None
    post = {key: list(values) for key, values in post.items()}
    index = int(post[f"{prefix}-TOTAL_FORMS"][0])
    post[f"{prefix}-TOTAL_FORMS"] = [str(index + 1)]
    for name, value in fields:
        if name in form.editable and not value:
            value = "swept-row"
        post[name.replace("__prefix__", str(index))] = [value]
    return post
