"""Rich text: the one sanitiser (nh3, an allowlist), the model field that applies it on save and
the admin's editor widget, which offers only what the sanitiser keeps."""

import nh3
from django import forms
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxLengthValidator
from django.db import models
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django_prose_editor.widgets import AdminProseEditorWidget
from js_asset import Media

from content.csp import RequestNonce

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "u", "ul", "ol", "li", "a", "h2", "h3", "h4",
    "blockquote", "abbr", "bdi", "span", "q", "cite", "sub", "sup",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang", "lang", "dir"},
    "abbr": {"title"},
    # Mixed-direction text (a Latin acronym inside Arabic) needs lang/dir on inline elements.
    "span": {"lang", "dir"},
    "bdi": {"lang", "dir"},
    "p": {"lang", "dir"},
    "q": {"lang", "dir"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(value):
    """Return ``value`` with everything outside the allowlist removed (scripts, styles, events)."""
    if not value:
        return value
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def is_clean_html(value):
    """True when sanitising would not change ``value`` (used to reject rather than rewrite)."""
    return sanitize_html(value) == value


# What the editor offers: the blocks and marks of the allowlist above and nothing else (no tables,
# images, colours or alignment), so what staff write comes out of the sanitiser unchanged.
# PlainOrderedList and SanitisedLink are ours (EDITOR_MODULE), like the three that get_context adds.
EDITOR_EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "PlainOrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    # No "open in a new window": the allowlist has no target attribute.
    "SanitisedLink": {"enableTarget": False},
}
EDITOR_MODULE = "js/rich-text-editor.js"
EDITOR_CSS = "css/rich-text-editor.css"


def editor_labels():
    """The toolbar's labels in the active language, by django-prose-editor's menu item name."""
    labels = {
        "paragraph": _("Paragraph"),
        "bold": _("Bold"),
        "italic": _("Italic"),
        "bulletList": _("Bulleted list"),
        "orderedList": _("Numbered list"),
        "blockquote": _("Quotation"),
        "link": _("Insert or edit a link"),
        "unlink": _("Remove the link"),
        "history:undo": _("Undo"),
        "history:redo": _("Redo"),
    }
    for level in EDITOR_EXTENSIONS["Heading"]["levels"]:
        labels[f"heading{level}"] = _("Heading %(level)d") % {"level": level}
    return labels


def editor_messages():
    """The link dialog's English texts (django-prose-editor asks window.gettext for them), with
    their translation in the active language."""
    return {
        "Edit Link": _("Edit the link"),
        "URL": _("Address (URL)"),
        "Title": _("Title shown on hover"),
        "Update": _("Update"),
        "Cancel": _("Cancel"),
    }


class RichTextWidget(AdminProseEditorWidget):
    """django-prose-editor's ProseMirror editor, served from our own static files (no CDN).

    The editing area takes the direction and language of the text being edited: ``dir`` and
    ``lang`` from the widget's attrs (see ``content.forms.mark_text_languages``), else
    ``dir="auto"``.
    """

    def __init__(self, attrs=None):
        super().__init__(attrs, config={"extensions": EDITOR_EXTENSIONS}, preset="configurable")

    @property
    def media(self):
        # After the library's admin overrides, which ours correct for right-to-left text. The
        # nonce lets the content security policy accept the editor's inline import map.
        return (
            super().media + Media(css={"all": ["django_prose_editor/overrides.css", EDITOR_CSS]})
        ).with_nonce(RequestNonce())

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        widget_attrs.setdefault("dir", "auto")
        config = self.get_config()
        config["extensions"] = {
            **config["extensions"],
            "EditingLanguage": {
                "dir": widget_attrs["dir"],
                "lang": widget_attrs.get("lang", ""),
                # The editing area is what a screen reader reaches: it needs the field's name.
                "label": widget_attrs.get("aria-label", ""),
            },
            "TranslatedMenu": {"labels": editor_labels(), "messages": editor_messages()},
            # Tiptap's base rules from our stylesheet, not an inline <style> (no inline style).
            "StylesheetOnly": True,
        }
        config["js_modules"] = [*config["js_modules"], static(EDITOR_MODULE)]
        widget_attrs[f"data-django-prose-editor-{self.preset}"] = DjangoJSONEncoder(
            separators=(",", ":")
        ).encode(config)
        return context


def _is_plain_textarea(widget):
    widget_class = widget if isinstance(widget, type) else type(widget)
    return issubclass(widget_class, forms.Textarea) and not issubclass(
        widget_class, RichTextWidget
    )


#: The longest rich text (HTML) a field holds: every text has a limit, imports included.
RICH_TEXT_MAX_LENGTH = 20_000


class RichTextField(models.TextField):
    """A TextField holding HTML that is sanitised every time the model is saved, at most
    ``RICH_TEXT_MAX_LENGTH`` characters (checked by the model, the admin and the PO import)."""

    def __init__(self, *args, max_length=RICH_TEXT_MAX_LENGTH, **kwargs):
        kwargs.setdefault("validators", [MaxLengthValidator(max_length)])
        super().__init__(*args, max_length=max_length, **kwargs)

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def formfield(self, **kwargs):
        # The admin asks every TextField for its plain textarea; a rich-text field answers with
        # the editor, in every admin at once.
        widget = kwargs.get("widget")
        if widget is None or _is_plain_textarea(widget):
            kwargs["widget"] = RichTextWidget
        return super().formfield(**kwargs)
