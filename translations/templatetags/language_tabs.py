"""The language tabs' fields in the admin's fieldsets (templates/admin/includes/fieldset.html):
the ``lang`` and ``dir`` of a read-only value, and the source text shown beside a field."""

from django import template
from django.utils.html import format_html

from content.forms import field_language
from content.languages import language_attrs

register = template.Library()


def _form_and_name(admin_field):
    """(form, field name) of the admin's field helper, read-only or not."""
    if isinstance(admin_field.field, dict):  # AdminReadonlyField
        return admin_field.form, admin_field.field["name"]
    return admin_field.field.form, admin_field.field.name


@register.filter
def text_language_attrs(admin_field):
    """`` lang="…" dir="…"`` for the read-only value of a text field in a language; nothing
    for a field every language shares."""
    form, name = _form_and_name(admin_field)
    language = field_language(form, name) if isinstance(name, str) else None
    if language is None:
        return ""
    attrs = language_attrs(language)
    return format_html(' lang="{}" dir="{}"', attrs["lang"], attrs["dir"])


@register.filter
def beside_of(admin_field, sources):
    """The source beside ``admin_field`` (``translations.source_beside``), for the page's own
    form; None for an inline's rows, whose fields may share a name with the page's."""
    if not sources:
        return None
    form, name = _form_and_name(admin_field)
    if getattr(form, "prefix", None):
        return None
    return sources.get(name)
