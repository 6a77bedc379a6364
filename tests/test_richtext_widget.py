"""Staff write rich text in an editor, not in a box of raw HTML: every RichTextField and the
flatpages' content, in the admin, with the editor's files served by the site itself, a toolbar
that offers only what the sanitiser keeps, and the text of each language in its own direction.
"""

import json
import re
from html import unescape

import pytest
from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.contrib.staticfiles import finders
from django.urls import reverse

from content.languages import language_codes
from content.richtext import ALLOWED_TAGS, RichTextWidget
from cooperation.models import CooperationArea, Partner, Partnership
from projects.models import Project

pytestmark = pytest.mark.django_db

EDITOR_ATTRIBUTE = "data-django-prose-editor-configurable"
# The HTML element each block or mark of the toolbar writes.
WRITES = {
    "Paragraph": {"p"},
    "Bold": {"strong"},
    "Italic": {"em"},
    "BulletList": {"ul"},
    "PlainOrderedList": {"ol"},
    "ListItem": {"li"},
    "Blockquote": {"blockquote"},
    "HardBreak": {"br"},
    "SanitisedLink": {"a"},
}
# Parts of the editor that write no element of their own.
WRITE_NOTHING = {
    "Document", "Text", "Dropcursor", "Gapcursor", "Menu", "NoSpellCheck", "History",
    "EditingLanguage", "TranslatedMenu", "StylesheetOnly",
}  # fmt: skip


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def editors(html):
    """{field name: (textarea attributes, editor configuration)} for each rich-text editor."""
    found = {}
    for tag in re.findall(r"<textarea[^>]*>", html):
        attributes = {
            name: unescape(value) for name, value in re.findall(r'([\w-]+)="([^"]*)"', tag)
        }
        if EDITOR_ATTRIBUTE in attributes:
            found[attributes["name"]] = (attributes, json.loads(attributes[EDITOR_ATTRIBUTE]))
    return found


def asset_urls(html):
    """Every script, stylesheet and import-map address in ``html``."""
    urls = re.findall(r'<(?:script|link)[^>]*(?:src|href)="([^"]+)"', html)
    for importmap in re.findall(r'<script type="importmap"[^>]*>(.*?)</script>', html, re.S):
        urls += json.loads(importmap)["imports"].values()
    return urls


def a_static_page():
    page = FlatPage.objects.create(
        url="/pages/legal-notice/",
        title_ar="إشعار قانوني",
        title_en="Legal notice",
        content_ar="<p>يدير هذا الموقع الإنتربول.</p>",
        content_en="<p>This site is run by INTERPOL.</p>",
    )
    page.sites.set([Site.objects.get_current()])
    return page


def a_rich_text_form_data(admin_client, url):
    form = admin_client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if name != "image"}
    return {name: "" if value is None else value for name, value in data.items()}


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (Partnership, {"introduction", "office_description"}),
        (CooperationArea, {"body"}),
        (Partner, {"description"}),
        (Project, {"description"}),
    ],
)
def test_every_rich_text_field_is_edited_in_the_editor(admin_client, model, fields):
    response = admin_client.get(change_url(model.objects.first()))
    assert response.status_code == 200
    html = response.content.decode()
    assert set(editors(html)) == fields
    # The editor's scripts and styles, from the site's own static files.
    assert '<script type="importmap"' in html
    urls = asset_urls(html)
    for path in [
        "django_prose_editor/editor.js",
        "django_prose_editor/configurable.js",
        "django_prose_editor/editor.css",
        "css/rich-text-editor.css",
    ]:
        assert settings.STATIC_URL + path in urls
    editor_urls = [url for url in urls if "prose_editor" in url or "rich-text" in url]
    assert all(url.startswith(settings.STATIC_URL) for url in editor_urls), editor_urls


def test_plain_text_fields_keep_their_plain_box(admin_client):
    html = admin_client.get(change_url(Partnership.objects.get())).content.decode()
    assert 'name="projects_introduction"' in html
    assert "projects_introduction" not in editors(html)


def test_the_arabic_text_is_written_right_to_left_and_the_english_left_to_right(admin_client):
    url = change_url(Partnership.objects.get())

    arabic = editors(admin_client.get(url, {"language": "ar"}).content.decode())
    attributes, config = arabic["introduction"]
    assert (attributes["dir"], attributes["lang"]) == ("rtl", "ar")
    # The editing area is named after its field (its accessible name).
    assert config["extensions"]["EditingLanguage"] == {
        "dir": "rtl",
        "lang": "ar",
        "label": "Introduction",
    }

    english = editors(admin_client.get(url, {"language": "en"}).content.decode())
    attributes, config = english["introduction"]
    assert (attributes["dir"], attributes["lang"]) == ("ltr", "en")
    assert config["extensions"]["EditingLanguage"] == {
        "dir": "ltr",
        "lang": "en",
        "label": "Introduction",
    }


def test_the_arabic_admin_opens_the_arabic_text_right_to_left(admin_client):
    admin_client.cookies["django_language"] = "ar"
    html = admin_client.get(change_url(Partnership.objects.get())).content.decode()
    attributes, config = editors(html)["office_description"]
    assert attributes["dir"] == "rtl"
    # The toolbar speaks the admin's language.
    assert config["extensions"]["TranslatedMenu"]["labels"]["bold"] == "غامق"


def test_a_static_page_has_one_editor_per_language_each_in_its_direction(admin_client):
    response = admin_client.get(change_url(a_static_page()))
    assert response.status_code == 200
    found = editors(response.content.decode())
    assert set(found) == {"content_ar", "content_en", "content_fr", "content_es"}
    for language in language_codes():
        attributes, config = found[f"content_{language}"]
        direction = "rtl" if language == "ar" else "ltr"
        assert (attributes["dir"], attributes["lang"]) == (direction, language)
        assert config["extensions"]["EditingLanguage"] == {
            "dir": direction,
            "lang": language,
            "label": f"Content [{language}]",
        }


def test_the_toolbar_offers_only_what_the_sanitiser_keeps(admin_client):
    html = admin_client.get(change_url(Project.objects.first())).content.decode()
    _attributes, config = editors(html)["description"]
    extensions = config["extensions"]
    written = set()
    for name, options in extensions.items():
        if name == "Heading":
            written |= {f"h{level}" for level in options["levels"]}
        elif name not in WRITE_NOTHING:
            assert name in WRITES, f"{name} is not a part of the editor the sanitiser knows"
            written |= WRITES[name]
    assert written == {"p", "h2", "h3", "h4", "strong", "em", "ul", "ol", "li", "blockquote",
                       "br", "a"}  # fmt: skip
    assert written <= ALLOWED_TAGS
    # No target="_blank" on links: the allowlist drops it.
    assert extensions["SanitisedLink"] == {"enableTarget": False}


def test_a_script_posted_through_the_editor_field_is_not_saved(admin_client):
    project = Project.objects.get(key="sharaka")
    url = change_url(project) + "?language=en"
    data = a_rich_text_form_data(admin_client, url)
    data["cooperation_areas"] = [area.pk for area in project.cooperation_areas.all()]
    data["partners"] = [partner.pk for partner in project.partners.all()]
    data["countries"] = [str(country) for country in project.countries]
    data["description"] = (
        '<h2>Results</h2><p onclick="steal()">Training for <strong>police</strong>.</p>'
        "<script>alert(document.cookie)</script>"
        '<p><a href="javascript:alert(1)">a trap</a></p>'
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    saved = Project.objects.language("en").get(pk=project.pk).description
    assert saved == (
        "<h2>Results</h2><p>Training for <strong>police</strong>.</p>"
        '<p><a rel="noopener noreferrer">a trap</a></p>'
    )


def test_the_editor_files_are_found_by_the_static_files_finders():
    widget = RichTextWidget()
    html = str(widget.media)
    config = json.loads(widget.get_context("body", "", {})["widget"]["attrs"][EDITOR_ATTRIBUTE])
    urls = [*asset_urls(html), *config["js_modules"]]
    assert len(urls) >= 6
    for url in urls:
        assert url.startswith(settings.STATIC_URL), url
        assert finders.find(url.removeprefix(settings.STATIC_URL)), f"{url} is not found"
