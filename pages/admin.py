"""The static pages' admin: flatpages with one tab per language (modeltranslation), the
same per-language rights, history and status as our own content."""

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.flatpages.admin import FlatPageAdmin
from django.contrib.flatpages.forms import FlatpageForm
from django.contrib.flatpages.models import FlatPage
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.utils import build_localized_fieldname

from eurelations.admin import HistoryAdminMixin, ReadOnlyFieldsForm
from eurelations.richtext import RichTextWidget, editing_language_attrs
from pages.content import CONTENT_MAX_LENGTH, FIELDS, PAGE_TEMPLATES, URL_PREFIX
from translations import status
from translations.admin import TranslatorRightsMixin, status_badges
from translations.permissions import can_revert

admin.site.unregister(FlatPage)


class PageForm(ReadOnlyFieldsForm, FlatpageForm):
    """Refuses what the site would accept and never serve: an address outside /pages/, a
    template that does not exist or is not a page's (the admin's login)."""

    template_name = forms.ChoiceField(
        label=_("template"),
        choices=PAGE_TEMPLATES,
        required=False,
        help_text=_("How the page is laid out."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name.startswith("content_"):
                # Flatpages are not our model: the limit our own rich text has, set here.
                field.validators.append(MaxLengthValidator(CONTENT_MAX_LENGTH))
        if "url" in self.fields:  # read-only for translators
            self.fields["url"].help_text = _(
                "The page's address, the same in every language: it starts with %(prefix)s, for "
                "example %(example)s."
            ) % {"prefix": URL_PREFIX, "example": f"{URL_PREFIX}legal-notice/"}

    def clean_url(self):
        url = super().clean_url()
        if not url.startswith(URL_PREFIX) or url == URL_PREFIX:
            raise ValidationError(
                _(
                    "The site serves static pages only at addresses that start with "
                    "%(prefix)s, for example %(example)s."
                ),
                code="not_served",
                params={"prefix": URL_PREFIX, "example": f"{URL_PREFIX}legal-notice/"},
            )
        return url


@admin.register(FlatPage)
class TranslatedFlatPageAdmin(
    HistoryAdminMixin, TranslatorRightsMixin, FlatPageAdmin, TabbedTranslationAdmin
):
    """Static pages (legal notice, privacy, contact) with one tab per language."""

    form = PageForm
    list_display = ("url", "title", "translation_status_column")
    # The content is rich text: the same editor as our own models' RichTextField (the only
    # TextField of a flatpage; modeltranslation copies the widget to each content_<language>).
    formfield_overrides = {models.TextField: {"widget": RichTextWidget}}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        # All four languages on one page: each editor is written in its field's language.
        language = getattr(db_field, "language", None)
        if field is not None and language and isinstance(field.widget, RichTextWidget):
            field.widget.attrs.update(editing_language_attrs(language))
            # modeltranslation's label already names the language ("Content [fr]").
            field.widget.attrs["aria-label"] = str(field.label)
        return field

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        # The status column's confirmations for the whole page: one query.
        changelist.result_list = status.attach_confirmations(changelist.result_list)
        return changelist

    def reversion_register(self, model, **kwargs):
        # Not our model to decorate: registered when the admin loads, after modeltranslation
        # has added the per-language columns that a version must hold.
        reversion.register(model)

    def may_revert(self, request):
        return can_revert(request.user)

    def text_field_names(self):
        return {
            *FIELDS,
            *(
                build_localized_fieldname(name, code)
                for name in FIELDS
                for code, _n in settings.LANGUAGES
            ),
        }

    def locked_text_fields(self, request, obj=None):
        return [
            build_localized_fieldname(name, language)
            for name in FIELDS
            for language, _name in settings.LANGUAGES
            if not self.may_translate(request, language)
        ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and any(
            name in request.POST for name in self.locked_text_fields(request)
        ):
            raise PermissionDenied("You may not edit the text of this language.")
        return super().changeform_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("translation status"))
    def translation_status_column(self, obj):
        return status_badges(obj, status.statuses_of(obj))
