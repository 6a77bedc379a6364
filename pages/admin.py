"""The static pages' admin: flatpages with one tab per language (modeltranslation), the
same per-language rights, history and status as our own content."""

import reversion
from django.conf import settings
from django.contrib import admin
from django.contrib.flatpages.admin import FlatPageAdmin
from django.contrib.flatpages.models import FlatPage
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.utils import build_localized_fieldname

from eurelations.admin import HistoryAdminMixin
from eurelations.richtext import RichTextWidget, editing_language_attrs
from pages.content import FIELDS
from translations import status
from translations.admin import TranslatorRightsMixin, status_badges
from translations.permissions import can_revert

admin.site.unregister(FlatPage)


@admin.register(FlatPage)
class TranslatedFlatPageAdmin(
    HistoryAdminMixin, TranslatorRightsMixin, FlatPageAdmin, TabbedTranslationAdmin
):
    """Static pages (legal notice, privacy, contact) with one tab per language."""

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
