"""What a translator sees on a language tab: every text field in its own language and direction
(``lang``, ``dir``), the source text beside each translation, what changed in the source since
a stale translation was confirmed, and a link from one field needing work to the next, across
objects. Cases come from the admin registry and ``content.registry``."""

import re
from html import unescape
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.contrib.flatpages.models import FlatPage
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import strip_tags

from content import registry
from content.languages import language_attrs, language_codes, source_language
from cooperation.models import CooperationArea
from tests.accounts import member

pytestmark = pytest.mark.django_db


def translatable_admins():
    return [
        pytest.param(model_admin, id=model._meta.label_lower)
        for model, model_admin in admin.site._registry.items()
        if model in registry.models()
    ]


class TabPage(HTMLParser):
    """A change form's text controls, read-only values and source boxes, with their attributes."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.controls = {}  # name -> attrs
        self.read_only = {}  # the field of the row -> attrs
        self.sources = {}  # form field name -> {"attrs", "text", "class", "html"}
        self.links = []  # (class, href)
        self._row = None
        self._capture = None  # (key, depth) of the element whose text is being read
        self._depth = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag in ("input", "textarea", "select") and attrs.get("name"):
            self.controls[attrs["name"]] = attrs
        if tag == "div" and "form-row" in classes:
            fields = [c[len("field-") :] for c in classes if c.startswith("field-")]
            self._row = fields[0] if len(fields) == 1 else None
        if tag == "div" and "readonly" in classes and self._row:
            self.read_only[self._row] = attrs
        if tag == "div" and "source-beside" in classes:
            self._source = attrs["id"].removeprefix("source-")
            self.sources[self._source] = {"class": classes, "text": "", "changes": "", "attrs": {}}
        if tag == "div" and "source-beside-text" in classes:
            self.sources[self._source]["attrs"] = attrs
            self._capture = ("text", self._depth)
        if tag == "div" and "word-diff" in classes:
            self._capture = ("changes", self._depth)
        if self._capture and tag in ("del", "ins"):
            self.sources[self._source]["changes"] += f"<{tag}>"
        if tag == "a" and "next-work" in classes:
            self.links.append((getattr(self, "_source", None), attrs["href"]))
        if tag not in ("input", "br", "meta", "link", "img"):
            self._depth += 1

    def handle_endtag(self, tag):
        if tag not in ("input", "br", "meta", "link", "img"):
            self._depth -= 1
        if self._capture and tag in ("del", "ins"):
            self.sources[self._source]["changes"] += f"</{tag}>"
        if self._capture and self._depth == self._capture[1]:
            self._capture = None

    def handle_data(self, data):
        if self._capture:
            self.sources[self._source][self._capture[0]] += data


def words(text):
    return " ".join(unescape(strip_tags(text or "")).split())


def change_page(client, model_admin, obj, language):
    opts = model_admin.model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    response = client.get(f"{url}?language={language}")
    assert response.status_code == 200
    return response, TabPage(response.content.decode())


def text_fields(model_admin, response, language):
    """{form field name: (language, field)} of the translated text the page shows."""
    entry = registry.entry_for(model_admin.model)
    request = RequestFactory().get(f"/?language={language}")
    shown = {}
    for code in model_admin.languages_on_form(request, None):
        for name in entry.translated_fields:
            shown[model_admin.form_field_name(code, name)] = (code, name)
    return shown


@pytest.mark.parametrize("model_admin", translatable_admins())
@pytest.mark.parametrize("language", language_codes())
def test_every_text_field_of_every_tab_carries_its_language(admin_client, model_admin, language):
    entry = registry.entry_for(model_admin.model)
    obj = entry.objects().first()
    response, page = change_page(admin_client, model_admin, obj, language)
    shown = text_fields(model_admin, response, language)
    editable = set(response.context["adminform"].form.fields) & set(shown)
    assert editable, "no text field on the form"
    assert {name for name in page.controls if name in shown} == editable
    for name in editable:
        code = shown[name][0]
        attrs = page.controls[name]
        assert (attrs.get("lang"), attrs.get("dir")) == tuple(language_attrs(code).values()), name
    # The text of the rows edited inline (the partnership's objectives) is the tab's too.
    for inline in response.context["inline_admin_formsets"]:
        translated = getattr(inline.formset.model, "_parler_meta", None)
        for form in [*inline.formset.forms, inline.formset.empty_form]:
            for name in form.fields:
                if translated and name in translated.get_translated_fields():
                    attrs = page.controls[form.add_prefix(name)]
                    assert attrs.get("lang") == language, form.add_prefix(name)
                    shown[form.add_prefix(name)] = (language, name)
    # Shared fields (order, dates, links) follow the admin's language: no lang of their own.
    for name, attrs in page.controls.items():
        if name not in shown and attrs.get("type") not in ("hidden", "checkbox"):
            assert "lang" not in attrs, name


@pytest.mark.parametrize(
    "model_admin",
    [
        param
        for param in translatable_admins()
        # Not the site settings: no translator opens them (their own right).
        if getattr(registry.entry_for(param.values[0].model), "staff_rights", True)
    ],
)
def test_a_translator_s_read_only_source_is_marked_in_the_source_s_language(client, model_admin):
    client.force_login(member("traductrice", "Translators", "translate_fr"))
    entry = registry.entry_for(model_admin.model)
    obj = entry.objects().first()
    response, page = change_page(client, model_admin, obj, source_language())
    shown = text_fields(model_admin, response, source_language())
    read_only = {name for name in page.read_only if name in shown}
    # The source's text (and, on a page of every language, Spanish's) is read-only for her.
    source_names = {n for n, (code, _f) in shown.items() if code == source_language()}
    assert source_names & read_only
    for name in read_only:
        attrs = page.read_only[name]
        expected = language_attrs(shown[name][0])
        assert (attrs.get("lang"), attrs.get("dir")) == (expected["lang"], expected["dir"])


@pytest.mark.parametrize("model_admin", translatable_admins())
@pytest.mark.parametrize("language", language_codes())
def test_the_source_text_stands_beside_each_translation(admin_client, model_admin, language):
    entry = registry.entry_for(model_admin.model)
    obj = entry.objects().first()
    response, page = change_page(admin_client, model_admin, obj, language)
    shown = text_fields(model_admin, response, language)
    source = entry.values(obj, source_language())
    expected = {
        name
        for name, (code, field) in shown.items()
        if code != source_language() and source.get(field)
    }
    assert set(page.sources) == expected
    for name in expected:
        box = page.sources[name]
        assert box["attrs"]["lang"] == source_language()
        assert box["attrs"]["dir"] == language_attrs(source_language())["dir"]
        assert words(box["text"]) == words(source[shown[name][1]])


def make_stale(area, **arabic):
    area.set_current_language(source_language())
    for name, value in arabic.items():
        setattr(area, name, value)
    area.save()


def test_a_stale_field_shows_the_words_that_changed_in_the_source(admin_client):
    area = CooperationArea.objects.get(key="e-mla")
    french = area.safe_translation_getter("title", language_code="fr")
    area.set_current_language(source_language())
    old = area.title
    new = old.replace(old.split()[1], "الجديدة", 1)
    make_stale(area, title=new)
    model_admin = admin.site._registry[CooperationArea]
    _response, page = change_page(admin_client, model_admin, area, "fr")
    box = page.sources["title"]
    assert "stale" in box["class"]
    assert f"<del>{old.split()[1]}</del>" in box["changes"]
    assert "<ins>الجديدة</ins>" in box["changes"]
    assert "stale" not in page.sources["body"]["class"]
    assert page.sources["body"]["changes"] == ""  # up to date: no diff
    # Looking changed nothing: the French title is as it was, and still stale.
    fresh = CooperationArea.objects.get(pk=area.pk)
    assert fresh.safe_translation_getter("title", language_code="fr") == french


def test_a_stale_static_page_shows_its_changes_beside_each_language(admin_client):
    page_obj = FlatPage.objects.order_by("url").first()
    old = page_obj.title_ar
    page_obj.title_ar = f"{old} المحدث"
    page_obj.save()
    model_admin = admin.site._registry[FlatPage]
    _response, page = change_page(admin_client, model_admin, page_obj, "fr")
    for code in language_codes():
        if code != source_language():
            assert "<ins> المحدث</ins>" in page.sources[f"title_{code}"]["changes"]
    assert f"title_{source_language()}" not in page.sources


def areas_in_list_order():
    return list(CooperationArea.objects.order_by("order", "pk"))


def test_the_next_field_link_goes_through_this_object_then_to_the_next_with_work(admin_client):
    model_admin = admin.site._registry[CooperationArea]
    areas = areas_in_list_order()
    area, before, after = areas[1], areas[0], areas[2]
    make_stale(area, title="عنوان جديد", body="<p>نص جديد</p>")
    _response, page = change_page(admin_client, model_admin, area, "fr")
    links = dict(page.links)
    assert links[None] == "#id_title"  # the form's link: its first field needing work
    assert links["title"] == "#id_body"
    next_work = reverse("admin:cooperation_cooperationarea_next_work", args=[area.pk])
    assert links["body"] == f"{next_work}?language=fr"

    # No other area needs work in French: back to this one, told so.
    response = admin_client.get(f"{next_work}?language=fr", follow=True)
    assert response.redirect_chain[-1][0] == area.get_admin_url("fr")
    assert "needs work in French" in response.content.decode()

    # Work before and after it in the list: the next one after it, at its field.
    make_stale(before, summary="ملخص جديد")
    make_stale(after, summary="ملخص آخر")
    response = admin_client.get(f"{next_work}?language=fr")
    assert response.status_code == 302
    assert response["Location"] == f"{after.get_admin_url('fr')}#id_summary"
    # From the last area with work, round to the first.
    last = reverse("admin:cooperation_cooperationarea_next_work", args=[after.pk])
    response = admin_client.get(f"{last}?language=fr")
    assert response["Location"] == f"{before.get_admin_url('fr')}#id_summary"


def test_no_next_field_on_the_source_tab_and_no_next_work_into_the_source(admin_client):
    model_admin = admin.site._registry[CooperationArea]
    area = areas_in_list_order()[0]
    _response, page = change_page(admin_client, model_admin, area, source_language())
    assert page.links == [] and page.sources == {}
    next_work = reverse("admin:cooperation_cooperationarea_next_work", args=[area.pk])
    assert admin_client.get(f"{next_work}?language={source_language()}").status_code == 403


def test_the_tab_s_queries_do_not_grow_with_the_fields_that_need_work(
    admin_client, django_assert_max_num_queries
):
    area = areas_in_list_order()[0]
    url = area.get_admin_url("fr")
    # One field needing work: the translation memory's lookup for it is made (translationmemory).
    make_stale(area, title="عنوان")
    admin_client.get(url)  # warm the content types, the session, the permissions
    with CaptureQueriesContext(connection) as one_field:
        admin_client.get(url)
    make_stale(area, title="عنوان", summary="ملخص", body="<p>نص</p>", image_alt="صورة")
    with django_assert_max_num_queries(len(one_field.captured_queries)):
        response = admin_client.get(url)
    page = TabPage(response.content.decode())
    needing_work = [b for b in page.sources.values() if {"stale", "missing"} & set(b["class"])]
    assert len(needing_work) >= 3
    assert re.search(r"<del\b", response.content.decode())


@pytest.mark.parametrize("model_admin", translatable_admins())
def test_an_add_form_marks_its_text_fields_too(admin_client, model_admin):
    """No object, no source beside it: the form is whole (a missing context variable must not
    empty the fieldsets), each text field in its language."""
    opts = model_admin.model._meta
    response = admin_client.get(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_add") + "?language=fr"
    )
    if response.status_code == 403:  # one partnership only
        return
    page = TabPage(response.content.decode())
    shown = text_fields(model_admin, response, "fr")
    marked = {name: page.controls[name].get("lang") for name in shown if name in page.controls}
    assert marked and marked == {name: shown[name][0] for name in marked}
    assert page.sources == {} and page.links == []
