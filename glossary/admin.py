"""The glossary's admin: a tab per language (parler). Translators edit the terms of the
languages they may translate (``translations.permissions.can_translate``); the other languages'
tabs, and the key and category every language shares, are read-only for them. Editors and
superusers edit everything. What a form does not offer is refused when posted anyway: another
language's text is a 403, a read-only shared field a form error (``content.admin``). History,
comparison and revert as the content's (``content.admin.HistoryAdminMixin``); a revert rewrites
every language, so only those who may edit the shared fields revert."""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin
from parler.utils.views import get_language_parameter

from content.admin import HistoryAdminMixin, RefuseForgedRequestsMixin, locking_fieldset
from content.forms import VersionedAdminForm
from content.permissions import can_edit_shared_fields
from glossary.models import Term
from translations.permissions import can_translate

TEXT_FIELDS = ("term", "variants", "forbidden", "note")
SHARED_FIELDS = ("key", "category")


class TermForm(VersionedAdminForm):
    """A language tab with the content's optimistic locking (which also marks each text
    field's language and direction)."""


@admin.register(Term)
class TermAdmin(RefuseForgedRequestsMixin, HistoryAdminMixin, TranslatableAdmin):
    form = TermForm
    fieldsets = [(None, {"fields": (*SHARED_FIELDS, *TEXT_FIELDS)}), locking_fieldset()]
    readonly_fields = ("version",)
    list_display = ("key", "term_column", "category")
    list_filter = ("category",)
    search_fields = ("key", "translations__term", "translations__variants")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not hasattr(request, "user"):  # parler asks for the media with a fake request
            return fields
        if not can_translate(request.user, self.get_form_language(request, obj)):
            fields += TEXT_FIELDS
        if not can_edit_shared_fields(request.user):
            fields += SHARED_FIELDS
        return list(dict.fromkeys(fields))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if obj is not None and hasattr(obj, "language_code"):  # parler's "delete translation"
            return allowed and can_translate(request.user, obj.language_code)
        return allowed

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST":
            language = get_language_parameter(request, self.query_language_key)
            if not can_translate(request.user, language):
                # Read from the table: get_object() starts an empty translation in the cache.
                exists = (
                    bool(object_id)
                    and Term._parler_meta.root_model.objects.filter(
                        master_id=unquote(object_id), language_code=language
                    ).exists()
                )
                if not exists or any(name in request.POST for name in TEXT_FIELDS):
                    raise PermissionDenied(f"You may not edit the {language} terms.")
        return super().changeform_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("approved term"))
    def term_column(self, obj):
        return str(obj)
