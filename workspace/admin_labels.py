"""The labels the admin takes from models it did not write, made translatable in ready() (no
migration: only ``_meta`` and field attributes in memory change):

- what a library left as plain text (django-otp's TOTP device: its names, fields and help):
  wrapped in ``gettext_lazy``, so our catalogue's entry for the same words names it;
- parler's translation models, named "<model> Translation(s)" by a msgid of parler's and a
  plural Django makes by adding an "s": both from our catalogue (``TRANSLATION_NAMES``);
- the link tables Django makes for many-to-many fields ("Flatpage-site relationship", fixed in
  English when the class is made, and rows shown as "FlatPage_sites object (1)"), named from
  their two models' names in the admin's language.

``tests/test_admin_arabic_labels.py`` renders the Arabic admin to check the result."""

from django.apps import apps
from django.contrib import admin
from django.contrib.auth.forms import AdminPasswordChangeForm, SetUnusablePasswordMixin
from django.forms.utils import pretty_name
from django.utils.functional import Promise, lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext, gettext_lazy, gettext_noop

#: parler's msgid for a translation model's name, and ours for its plural.
TRANSLATION_NAMES = (gettext_noop("{0} Translation"), gettext_noop("{0} translations"))
#: Django's name of a many-to-many link table, ours in its place.
LINK_NAMES = (
    gettext_noop("link between %(from)s and %(to)s"),
    gettext_noop("links between %(from)s and %(to)s"),
)
#: Labels of Django's and parler's own that their Arabic catalogues lack (Django 5.1's user
#: form, its password summary, parler's column, axes' status column), named in our catalogue.
LIBRARY_LABELS = (
    gettext_noop("Password-based authentication"),
    gettext_noop(
        "Whether the user will be able to authenticate using a password or not. If disabled, "
        "they may still be able to authenticate using other backends, such as Single Sign-On "
        "or LDAP."
    ),
    gettext_noop("Enabled"),
    gettext_noop("Disabled"),
    gettext_noop("Reset password"),
    gettext_noop("Raw passwords are not stored, so there is no way to see the user’s password."),
    gettext_noop("salt"),
    gettext_noop("hash"),
    gettext_noop("Languages"),
    gettext_noop("Status"),
)


def _lazy_text(text):
    return text if isinstance(text, Promise) or not text else gettext_lazy(text)


def _translation_name(model, plural):
    name = model._meta.verbose_name
    return gettext(TRANSLATION_NAMES[plural]).format(name)


def _link_name(through, plural):
    ends = [
        field.related_model._meta.verbose_name
        for field in through._meta.concrete_fields
        if field.is_relation
    ]
    return gettext(LINK_NAMES[plural]) % {"from": ends[0], "to": ends[-1]}


_lazy_translation_name = lazy(_translation_name, str)
_lazy_link_name = lazy(_link_name, str)


def _link_str(row):
    # A number, not "FlatPage_sites object (1)": the row is only its two ends.
    return f"#{row.pk}"


def _name_columns(model_admin):
    """A column drawn by a method without a description is headed by the method's name in
    English (axes' "Status"): the same words, translated."""
    for name in model_admin.list_display:
        method = getattr(type(model_admin), name, None) if isinstance(name, str) else None
        if callable(method) and not hasattr(method, "short_description"):
            method.short_description = gettext_lazy(pretty_name(name))


def _lazy_password_help():
    """Django's admin password form joins its help text to its warning at import (a lazy
    string plus a str is a str): English in every language, and the warning is not marked
    for translation. The same markup, both parts translated when shown."""
    AdminPasswordChangeForm.usable_password_help_text = format_lazy(
        '{}<ul id="id_unusable_warning" class="messagelist"><li class="warning">{}</li></ul>',
        SetUnusablePasswordMixin.usable_password_help_text,
        gettext_lazy("If disabled, the current password for this user will be lost."),
    )


def name_admin_labels():
    """Called from ``WorkspaceConfig.ready()``, once every admin is registered."""
    _lazy_password_help()
    admin_models = set(admin.site._registry)
    for model in admin_models:
        opts = model._meta
        if not isinstance(opts.verbose_name, Promise):
            # Django made the plural from the plain name ("{}s"): that text, translated.
            opts.verbose_name_plural = gettext_lazy(str(opts.verbose_name_plural))
            opts.verbose_name = gettext_lazy(opts.verbose_name)
        for field in opts.get_fields():
            if hasattr(field, "verbose_name"):
                field.verbose_name = _lazy_text(field.verbose_name)
            if hasattr(field, "help_text"):
                field.help_text = _lazy_text(field.help_text)
        _name_columns(admin.site._registry[model])
        for field in opts.local_many_to_many:
            through = field.remote_field.through
            if through._meta.auto_created:
                through._meta.verbose_name = _lazy_link_name(through, False)
                through._meta.verbose_name_plural = _lazy_link_name(through, True)
                through.__str__ = _link_str
    for model in apps.get_models():
        for meta in getattr(model, "_parler_meta", None) or ():
            if meta.model is not model:
                meta.model._meta.verbose_name = _lazy_translation_name(model, False)
                meta.model._meta.verbose_name_plural = _lazy_translation_name(model, True)
